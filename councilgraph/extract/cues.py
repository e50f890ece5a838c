"""The cue words of both rule tables (extract/action_rules.py, extract/relation_rules.py), found once a sentence (with
the pieces of words the triggers' gates ask for, extract/gates.py).

Each table's rules are tried only on sentences that hold one of their cue words; extract/commitments.py and
extract/relations.py ask of the same sentence, so one table of every cue word answers both (the second asking is the
last answer again, see SentenceCues.singles)."""

from __future__ import annotations

from collections.abc import Iterable

from councilgraph.extract import vocab
from councilgraph.extract.action_rules import ACTION_RULES
from councilgraph.extract.gates import PIECES
from councilgraph.extract.prefilter import CueWords
from councilgraph.extract.relation_rules import RELATION_RULES


class SentenceCues:
    """Every cue word of the rule tables (and other words sought in the same pass), and which of them a text holds.

    The words without a space (`singles`) and the pieces of those with one are found in one pass of an Aho-Corasick
    automaton (prefilter.CueWords). The few words with a space (" to ", " be ", "agreed to") are not sought whole: a
    rule still undecided by its single cue words seeks its cues with a space, with `in`, only where the sentence holds
    all their pieces (`possible`)."""

    def __init__(self, words: Iterable[str]):
        self.words = tuple(dict.fromkeys(words))
        self.single = frozenset(w for w in self.words if w and w.split() == [w])
        # (and the pieces of the words with a space: one of those is held only where all its pieces are, see `possible`)
        self._sought = CueWords(sorted(self.single.union(*(w.split() for w in self.words))))

    def singles(self, text: str) -> frozenset[str]:
        """The words without a space that the text holds, and the pieces it holds of those with one (the last text's
        answer again when asked of it again: both rule tables ask)."""
        return self._sought.found(text)

    def found(self, text: str) -> frozenset[str]:
        """Every cue word the text holds."""
        held = self.singles(text)
        return (held & self.single).union(w for w in possible(held, self.words) if w not in self.single and w in text)


def possible(held: frozenset[str], spaced: tuple[str, ...]) -> tuple[str, ...]:
    """The words with a space a text may hold, given what `SentenceCues.singles` found in it: those whose every piece
    it holds (each lies inside one token)."""
    return tuple(w for w in spaced if held.issuperset(w.split()))


def split_cues(cues: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A rule's cue words: those without a space (sought by `SentenceCues.singles`), and those with one."""
    single = frozenset(w for w in cues if w and w.split() == [w])
    return single, tuple(w for w in cues if w not in single)


#: The query nouns' longest pieces in lower case ("query" of "a query"; "question" for "questions" too): a sentence
#: without one raises no query (extract/commitments.py, topic_of).
_QUERY = {max(noun.lower().split(), key=len) for noun in vocab.QUERY_NOUNS}
QUERY_PIECES = frozenset(p for p in _QUERY if not any(q != p and q in p for q in _QUERY))
#: The cue words, with the pieces the triggers' gates file their words under (extract/gates.py) and the query nouns'
#: pieces: one scan finds them all.
RULE_CUES = SentenceCues([*(w for table in (ACTION_RULES, RELATION_RULES) for rule in table for w in rule.cues),
                          *sorted(PIECES | QUERY_PIECES)])
