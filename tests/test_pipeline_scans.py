"""The pipeline's faster forms of its text scans find what their plain forms find."""

from __future__ import annotations

import random
import re
from pathlib import Path

from councilgraph.extract import pipeline
from tests.conftest import CORPUS, SEEDS


def test_words_found_as_finditer_of_the_pattern():
    real = [p.read_text(encoding="utf-8") for p in [*sorted(Path(SEEDS).glob("*.txt")), *sorted(Path(CORPUS).glob("*.txt"))]]
    rng = random.Random(8)
    pieces = ["Torbay", "Torbay's", "Torbay’s", "Torbays", "xTorbay", "_", "é", " ", ". ", "\n", "in ", " Local",
              " Council", " &", "Torbay Torbay", "'s", "Kent", "Kentish", "Devon"]
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(4000)]
    found = 0
    for place in ("Torbay", "Kent", "Devon", "Leeds", "Cheshire East", "Brighton & Hove"):
        pattern = rf"\b{re.escape(place)}(?:[’']s)?\b(?! [A-Z&])"
        for text in real + made:
            plain = [(m.span(), m[0]) for m in re.finditer(pattern, text)]
            assert [(m.span(), m[0]) for m in pipeline._words_found(place, pattern, text)] == plain, (place, text[:200])
            found += len(plain)
    assert found > 1000
