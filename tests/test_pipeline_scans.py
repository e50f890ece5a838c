"""The pipeline's faster forms of its text scans find what their plain forms find."""

from __future__ import annotations

import random
import re
from pathlib import Path

from councilgraph.extract import pipeline, sentences
from councilgraph.extract.prefilter import literal_matches
from councilgraph.extract.sentences import split_sentences
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
            assert [(m.span(), m[0]) for m in literal_matches(re.compile(pattern), (place,), text)] == plain, (place, text[:200])
            found += len(plain)
    assert found > 1000


def test_first_match_as_search_of_the_contact_pattern():
    real = [p.read_text(encoding="utf-8") for p in [*sorted(Path(SEEDS).glob("*.txt")), *sorted(Path(CORPUS).glob("*.txt"))]]
    rng = random.Random(9)
    pieces = ["Contact", "Contacts", "xContact", "Report author", "Lead officer", "Lead officers", " : ", ":", " ", "\n",
              "Jo Smith", "_", "é", "Report", "Lead"]
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(5000)]
    found = 0
    for text in real + made:
        plain = pipeline._CONTACT.search(text)
        fast = next(literal_matches(pipeline._CONTACT, pipeline._CONTACT_WORDS, text), None)
        assert (fast and (fast.span(), fast[0])) == (plain and (plain.span(), plain[0])), text
        found += plain is not None
    assert found > 100


def _plain_split(text: str) -> list[str]:
    """split_sentences as first written: every piece kept, then the empty ones dropped and the overlong cut."""
    out, start = [], 0
    for m in sentences._BOUNDARY.finditer(text):
        head = text[start:m.start(1)]
        if sentences._ABBREV.search(head):
            continue
        out.append(head.strip())
        start = m.end(1)
    out.append(text[start:].strip())
    return [p for s in out if s for p in (sentences._cut(s) if len(s) > sentences._LONGEST else (s,))]


def test_split_sentences_as_its_plain_form():
    real = [p.read_text(encoding="utf-8") for p in [*sorted(Path(SEEDS).glob("*.txt")), *sorted(Path(CORPUS).glob("*.txt"))]]
    paragraphs = [para for text in real for para in text.split("\n\n")]
    rng = random.Random(10)
    pieces = ["The Chair", " said", ". ", "! ", "? ", "Mr. ", "e.g. ", "No. 3", " and ", ", ", ".” ", "(", ")", " ", "\n",
              "word " * 300, "A. ", "x."]
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in real + paragraphs + made:
        assert split_sentences(text) == _plain_split(text), text[:200]
    assert any(len(t) > sentences._LONGEST and len(split_sentences(t)) > 1 for t in made)  # (some made texts are cut)
