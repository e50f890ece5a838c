"""Split a block of minutes into sentences, keeping abbreviations and numbers whole."""

from __future__ import annotations

import re

_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|Prof|Rev|St|No|p|pp|para|e\.g|i\.e|etc|approx|Co|Ltd|vs|cf)\.|\b[A-Z]\.)$")
_ABBREV_MAX = 8  # characters: the longest abbreviation with its point, "approx.", and one more
# The space between two sentences (group 1) after the stop that ends the first: (?<=[.!?])[\"”’)]?\s+(?=…), written to
# open on the stop, not on a look-behind, so that the engine skips to stops, not tries every position.
_BOUNDARY = re.compile(r"[.!?]([\"”’)]?\s+)(?=[\"“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, verbatim (inner whitespace kept as is)."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[start:m.start(1)]
        if _ABBREV.search(head, max(0, len(head) - _ABBREV_MAX)):  # (only its end can hold one: not scanned whole)
            continue
        if head := head.strip():
            out.append(head)
        start = m.end(1)
    if tail := text[start:].strip():
        out.append(tail)
    if len(text) > _LONGEST and any(len(s) > _LONGEST for s in out):  # (a rare page whose stops were lost)
        return [piece for s in out for piece in (_cut(s) if len(s) > _LONGEST else (s,))]
    return out


_LONGEST = 4000  # characters: the longest sentence of the corpus, the held-out pages and a 5 MB page is under 1,900
_CLAUSE_BREAK = re.compile(r"[;,:]\s|\s(?:and|or|but)\s")


def _cut(sentence: str) -> list[str]:
    """A "sentence" longer than any minutes write (a page whose stops were lost) in pieces at the last clause break
    before each `_LONGEST` characters, else at a space: reading a sentence costs more than its length, so without
    this one run-on page of a megabyte would take minutes."""
    pieces = []
    while len(sentence) > _LONGEST:
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, _LONGEST // 2, _LONGEST)]
        at = breaks[-1] if breaks else (sentence.rfind(" ", 0, _LONGEST) + 1 or _LONGEST)
        pieces.append(sentence[:at].strip())
        sentence = sentence[at:].strip()
    return [p for p in (*pieces, sentence) if p]
