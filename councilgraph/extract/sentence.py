"""A sentence with its mentions, and a template in which each mention is a marker ⟨i⟩,
so that rules can be written over the shape of a sentence rather than its words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from councilgraph.extract.mentions import Mention
from councilgraph.graph.model import Label

MARKER = re.compile(r"⟨(\d+)⟩")  # a mention's place in a template: "⟨3⟩"


@dataclass
class Sentence:
    text: str
    mentions: list[Mention]
    para: str | None = None

    @cached_property
    def template(self) -> str:
        out, pos = [], 0
        for i, m in enumerate(self.mentions):
            out.append(self.text[pos:m.start])
            out.append(f"⟨{i}⟩")
            pos = m.end
        out.append(self.text[pos:])
        return "".join(out)

    @cached_property
    def low(self) -> str:
        """The text in lower case, as the rule tables' cue words are sought in it (one string for all of them)."""
        return self.text.lower()

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
