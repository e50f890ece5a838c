"""Split a block of minutes into sentences, keeping abbreviations and numbers whole."""

from __future__ import annotations

import re

_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|Prof|Rev|St|No|p|pp|para|e\.g|i\.e|etc|approx|Co|Ltd|vs|cf)\.|\b[A-Z]\.)$")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, verbatim (inner whitespace kept as is)."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[start:m.start()]
        if _ABBREV.search(head):
            continue
        out.append(head.strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]
