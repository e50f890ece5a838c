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
        out.append(head.strip())
        start = m.end(1)
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]
