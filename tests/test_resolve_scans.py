"""The resolver's faster forms of its text scans and name comparisons find what their plain forms find."""

from __future__ import annotations

import random
from pathlib import Path

from councilgraph.extract import resolve
from councilgraph.extract.prefilter import literal_matches
from tests.conftest import CORPUS, SEEDS


def _texts() -> list[str]:
    real = [p.read_text(encoding="utf-8") for p in [*sorted(Path(SEEDS).glob("*.txt")), *sorted(Path(CORPUS).glob("*.txt"))]]
    rng = random.Random(21)
    chunks = ["The minutes of the last meeting of the Cabinet held on 3 May", "Minutes of the meetings of the Board held",
              "xminutes of the meeting of the Panel held", "minutes of the meeting of the x held", "Minutes of the ",
              "inutes of the ", "M", "m", "_", "é", " ", ". ", "\n", "meeting of the Scrutiny Board held", " held"]
    made = ["".join(rng.choice(chunks) for _ in range(rng.randint(1, 8))) for _ in range(4000)]
    # Around the end of the span read: a match must end within it.
    edge = [" " * (resolve._RECEIVER_SPAN - rng.randint(0, 80)) + "".join(rng.choice(chunks) for _ in range(4))
            for _ in range(300)]
    return real + made + edge


def test_minutes_of_finds_what_the_pattern_finds_in_the_span_read():
    found = 0
    for text in _texts():
        plain = [(m.span(), m.groups()) for m in resolve._OWN_MINUTES.finditer(text, 0, resolve._RECEIVER_SPAN)]
        assert [(m.span(), m.groups()) for m in literal_matches(resolve._OWN_MINUTES, resolve._MINUTES_OF, text, resolve._RECEIVER_SPAN)] == plain, text[-200:]
        found += len(plain)
    assert found > 1000  # (the texts hold such minutes)


def _plain_one_word_more(short: str, long: str) -> bool:
    a, b = short.split("-"), long.split("-")
    start = a.index("of") + 1 if "of" in a else 0
    return (len(b) == len(a) + 1 and a[-1] == b[-1] and b[:start] == a[:start]
            and any(b[:i] + b[i + 1:] == a for i in range(start, len(b))))


def test_one_word_more_as_its_plain_form():
    rng = random.Random(5)
    words = ["chairman", "vice", "of", "board", "improvement", "childrens", "the", "", "member", "cabinet"]
    slugs = ["-".join(rng.choice(words) for _ in range(rng.randint(1, 6))) for _ in range(400)]
    slugs += ["chairman-of-improvement-board", "chairman-of-childrens-improvement-board", "vice-chairman-of-improvement-board"]
    agree = 0
    for short in slugs:
        for long in slugs:
            assert resolve._one_word_more(short, long) == _plain_one_word_more(short, long), (short, long)
            agree += resolve._one_word_more(short, long)
    assert agree > 10
