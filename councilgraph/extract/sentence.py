"""A sentence with its mentions, and a template in which each mention is a marker ⟨i⟩,
so that rules can be written over the shape of a sentence rather than its words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from councilgraph.extract.cues import RULE_CUES
from councilgraph.extract.mentions import Mention
from councilgraph.graph.model import Label

MARKER = re.compile(r"⟨(\d+)⟩")  # a mention's place in a template: "⟨3⟩"
_MARKED = 64
_MARKERS = tuple(f"⟨{i}⟩" for i in range(_MARKED))  # the first markers, made once (not formatted at each mention)


@dataclass(slots=True, init=False)  # (slots: made and read for every sentence of the minutes)
class Sentence:
    text: str
    mentions: list[Mention]
    para: str | None = None
    # (All made once, with the sentence, in its own __init__, not a dataclass's calling __post_init__: every
    # sentence's is read, and functools.cached_property takes a lock at each first reading on this Python.)
    template: str = field(repr=False)  # the text with each mention a marker ⟨i⟩ (its index)
    low: str = field(repr=False)  # the text in lower case, as the rule tables' cue words are sought in it
    #: The cue words and gates' pieces the lower-case text holds (extract/cues.py): found here once, where the
    #: relation rules, the motion patterns, the query test and the action rules each asked the scan for it.
    held: frozenset[str] = field(repr=False)

    def __init__(self, text: str, mentions: list[Mention], para: str | None = None) -> None:
        self.text, self.mentions, self.para = text, mentions, para
        self.held = RULE_CUES.found(low := text.lower())
        self.low = low
        if not mentions:  # (most sentences of minutes name no one)
            self.template = text
            return
        out, pos = [], 0
        for i, m in enumerate(mentions):
            out += (text[pos:m.start], _MARKERS[i] if i < _MARKED else f"⟨{i}⟩")
            pos = m.end
        out.append(text[pos:])
        self.template = "".join(out)

    def at(self, i: str | int) -> Mention:
        return self.mentions[int(i)]

    def is_(self, i: str | int, *labels: Label) -> bool:
        m = self.at(i)
        return m.node is not None and m.label in labels

    def surface(self, fragment: str) -> str:
        """A template fragment with its markers turned back into the words of the minutes."""
        return MARKER.sub(lambda x: self.at(x[1]).surface, fragment).strip()

    def marks(self, fragment: str) -> list[Mention]:
        return [self.at(i) for i in MARKER.findall(fragment)]
