"""Split a block of minutes into sentences, keeping abbreviations and numbers whole."""

from __future__ import annotations

import re

_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|Prof|Rev|St|No|p|pp|para|e\.g|i\.e|etc|approx|Co|Ltd|vs|cf)\.|\b[A-Z]\.)$")
_ABBREV_MAX = 8  # characters: the longest abbreviation with its point, "approx.", and one more
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, verbatim (inner whitespace kept as is)."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[start:m.start()]
        if _ABBREV.search(head, max(0, len(head) - _ABBREV_MAX)):  # (only its end can hold one: not scanned whole)
            continue
        out.append(head.strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]
