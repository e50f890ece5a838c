"""Patterns rewritten for speed only match as their plain forms: on the lines of real minutes and on random texts
built of the pieces each pattern reads."""

from __future__ import annotations

import random
import re
from pathlib import Path

from councilgraph.extract import grammar
from councilgraph.loaders import glued
from tests.conftest import SEEDS


def _lines() -> list[str]:
    lines: list[str] = []
    for p in sorted(Path(SEEDS).glob("*.txt")):
        lines += [ln for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines


def _texts(pieces: list[str], seed: int) -> list[str]:
    rng = random.Random(seed)
    return _lines() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(20_000)]


def test_number_run_into_a_word_breaks_as_its_plain_form():
    plain = re.compile(r"\d(?<![A-Za-z]\d)\d?(?=[A-Z][a-z]{2})|\d{3,}(?=[A-Z][a-z]{2})")
    fast = next(p for _, p, _ in glued.BREAKS if p.pattern.startswith(r"\d"))
    pieces = ["1", "2", "12", "345", "a", "A", "Abc", "Ab", "x", " ", "٣", "Z", "bc", "The", "CSD19096", "-"]
    for text in _texts(pieces, 1):
        assert fast.sub(r"\g<0> ", text) == plain.sub(r"\g<0> ", text), text


def test_clause_opens_where_its_plain_form_does():
    plain = re.compile(r"(?:^|(?<=[,;:–(] )|(?<=\bthat )|(?<=\band )|(?<=\bwhich )|(?<=\bthen )|(?<=\bso )|(?<=\bwhere )"
                       r"|(?<=\b[Tt]he )|(?<=\bThat )|(?<=\bbut ))X")
    fast = re.compile(grammar.CLAUSE + "X")
    pieces = ["X", " ", "that ", "That ", "and ", "which ", "then ", "so ", "where ", "the ", "The ", "but ", ", ", "; ",
              "( ", "– ", "a", "band ", "whichX", "\n"]
    for text in _texts(pieces, 2):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
