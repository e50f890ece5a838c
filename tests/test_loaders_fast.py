"""The loaders' quicker forms read as their plain forms do: each shortcut against what it replaces, on the real minutes
(seeds, corpus, the corpus damaged as damage.py damages it) and on adversarial strings."""

from __future__ import annotations

import importlib
import importlib.util
import os
import random
import re
from pathlib import Path

import pytest

from councilgraph.errors import LoaderError
from councilgraph.loaders import load, sniff
from tests.conftest import CORPUS, SEEDS, SHARED

norm = importlib.import_module("councilgraph.loaders.normalise")
seg = importlib.import_module("councilgraph.loaders.segment")
mg = importlib.import_module("councilgraph.loaders.moderngov")

_spec = importlib.util.spec_from_file_location("damage", SHARED / "tools" / "damage.py")
damage_tool = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(damage_tool)  # type: ignore[union-attr]

FILES = sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.glob("*.txt"))


def _texts() -> list[str]:
    """The real minutes, and each damaged with two seeds (lost line breaks, glued words, furniture)."""
    real = [p.read_text(encoding="utf-8") for p in FILES]
    return real + [damage_tool.damage(t, random.Random(f"{k}:{i}")) for i, t in enumerate(real) for k in (1, 2)]


TEXTS = _texts()


def _adversarial(pieces: list[str], n: int, seed: int, most: int = 12) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, most))) for _ in range(n)]


def test_plain_lines_are_read_as_the_general_loop_reads_them():
    """_plain_lines (a page without a bar and without the rarer spaces) gives what _read_lines gives with _tidy_plain."""
    pieces = ["Additional documents:", " Minutes: ", "Minutes:", "ACTION – Officer: add the item", "Action: ", "1. ",
              "(a) ", "a) ", "b) ", "2. ", "a.", "1.", ")", "·", " · ", "RESOLVED that ", "That the report be noted;",
              "  ", "\t", " ", "x", "The Committee", "\n", "\n\n", "(i) ", "ii) ", "·The", "RESOLVED that: ",
              "a. That the report be noted ", "b. That the plan be agreed ", "c. The Chair write "]
    pages = [seg.glued.break_glued(norm.normalise(t)) for t in TEXTS] + _adversarial(pieces, 3000, 11, 20)
    tried = 0
    for page in pages:
        if "|" in page or any(c in page for c in seg._ODD_SPACES):
            continue
        lines = page.split("\n")
        additional, action = "Additional documents" in page, "ACTION" in page or "Action" in page
        assert seg._plain_lines(lines, additional, action) == seg._read_lines(lines, seg._tidy_plain), page
        tried += 1
    assert tried > 2000


def test_glued_tokens_looked_up_as_the_token_loop_splits_them(monkeypatch):
    """Where normalise looks a line's tokens up in the memo (_split_known), _split_glued gives the same line."""
    calls = []
    known = norm._split_known

    def checked(line: str, vocab) -> str:
        fast = known(line, vocab)
        assert fast == norm._split_glued(line, vocab), line
        calls.append(line)
        return fast

    monkeypatch.setattr(norm, "_split_known", checked)
    for text in TEXTS:
        norm.normalise(text)
    assert calls  # (the damaged corpus has words run together)


def test_point_and_bullet_marks_are_read_only_on_lines_opening_as_their_matches_must():
    """_point_mark's and the bullet's first-character tests let through every line the patterns match: no character
    they turn away (any of the whole of Unicode) opens a match, and on the real minutes' lines they read as the plain
    patterns do."""
    plain_points = (seg._NUM_POINT, seg._LETTER_POINT, seg._UPPER_POINT, seg._DOT_LETTER_POINT)
    chars = [chr(c) for c in range(0x110000) if chr(c) != "\n"]
    turned_away = [c for c in chars if c not in seg._POINT_FIRSTS and not c.isdecimal()]
    assert "·" in turned_away and "\u0663" not in turned_away  # (an Arabic-Indic three is a digit \d matches)
    page = "\n".join(c + rest for c in turned_away for rest in (") x", ". x"))  # (each line a match if c opened one)
    for rx in plain_points:
        assert re.compile(rx.pattern, re.M).search(page) is None, rx.pattern
    page = "\n".join(c + " x" for c in chars if c not in seg._BULLET_FIRSTS)
    assert re.compile(seg._BULLET.pattern, re.M).search(page) is None
    lines = [ln for t in TEXTS for ln in seg.normalise(norm.normalise(t))]
    for ln in lines + ["·", "", "٣) x", "(a) x", "A. That", "a. The"]:
        plain = next((m for rx in plain_points if (m := rx.match(ln))), None)
        fast = seg._point_mark(ln)
        assert (plain and plain.groups()) == (fast and fast.groups()), ln
        assert (seg._BULLET.match(ln) is None) == (ln[:1] not in seg._BULLET_FIRSTS or seg._BULLET.match(ln) is None)


def test_labels_found_from_colons_break_lines_as_the_pattern_does():
    """_break_before_labels (each label found from its colon, in _LABEL_REACH characters before it) is
    _LABEL_MID.sub: on the real minutes, and on labels, colons and spaces run together."""
    width = re._parser.parse(norm._LABEL_NAMES).getwidth()  # type: ignore[attr-defined]
    assert width[1] <= norm._LABEL_REACH
    pieces = ["Decision maker", "Decision Maker", "Decision status", "Is key decision?", "Is subject to call in?",
              "Report author", "Reasons for the decision", "Reason for decision", "Alternative options considered",
              "Lead officer", "Background papers", "Supporting documents", "Accompanying Documents", ":", "::",
              " ", "  ", "\t", "\u00a0", "\x0b", "\n", "x", ".", "Wards affected", "Date of decision", "Decided at meeting"]
    for text in [norm.normalise(t) for t in TEXTS] + TEXTS + _adversarial(pieces, 6000, 12):
        assert norm._break_before_labels(text) == norm._LABEL_MID.sub("\n", text), text


def test_decided_tokens_without_spaces_are_tokens_the_table_has_read():
    """_Vocab learns only the tokens the table has not decided: sound because each token decided that holds no space
    was read (learned) first, whatever the pages, odd spaces and all."""
    table = norm._tokens()
    odd = _adversarial(["x", "Care", "to", "\x0b", "\u2003", " ", "\n", "theCommittee", "-", "co-\noperate", "\t"],
                       500, 13)
    for text in TEXTS + odd:
        norm.normalise(text)
    table = norm._tokens()
    assert {t for t in table.decided if t and not any(c.isspace() for c in t)} <= table.seen


def test_attendance_words_are_found_in_the_ascii_characters_of_a_page():
    """No character but an ASCII one lowers to a letter of "attended as" or "apolog": the page's ASCII characters,
    lowered, hold every occurrence the lines' lower case holds."""
    letters = set("attended as apolog")
    assert not [hex(c) for c in range(0x80, 0x110000) if letters & set(chr(c).lower())]
    pieces = ["attended as", "ATTENDED AS", "AtTeNdEd As", "Apologies", "APOLOG", "apolog", "\u0130", "\u017f", "\u212a",
              "é", "·", " ", "\n", "x", "ed", "att", "end"]
    for page in _adversarial(pieces, 4000, 14):
        lines = page.split("\n")
        low = "\n".join(lines).encode("ascii", "ignore").lower()
        for word in ("attended as", "apolog"):
            if any(word in ln.lower() for ln in lines):
                assert word.encode() in low, page
    # a bullet opens no attendance heading
    assert not any(rx.match("·" + rest) for rx, _ in mg._SECTIONS for rest in ("Present", " Apologies", "Officers"))


def test_attendance_of_the_real_minutes_as_the_plain_reading(monkeypatch):
    """The page-wide tests change nothing: each page's attendance as when every line is lowered and tried."""
    for text in TEXTS[: len(FILES)]:
        lines = list(seg.normalise(norm.normalise(text)))
        fast = mg.attendance(lines)
        monkeypatch.setattr(mg, "_SECTION_FIRSTS", frozenset(chr(c) for c in range(0x10000)))
        slow = mg.attendance(lines)
        monkeypatch.undo()
        assert fast == slow


def test_a_text_file_is_read_once_and_sniffed_from_its_bytes(tmp_path: Path):
    """load reads a text file's bytes once: the sniff reads their head as it reads the file's, a PDF named .txt is
    still read as a PDF, and a file over the limit is refused before it is read."""
    for p in FILES[:3]:
        data = p.read_bytes()
        assert sniff(p, data) is sniff(p)
        assert load(p).items == load(p, limit=len(data)).items
    fake = tmp_path / "minutes.txt"
    fake.write_bytes(b"%PDF-1.4 not really")
    assert sniff(fake, fake.read_bytes()) is sniff(fake)
    with pytest.raises(LoaderError):
        load(fake)
    big = tmp_path / "big.txt"
    big.write_bytes(FILES[0].read_bytes())
    with pytest.raises(LoaderError, match="over the limit"):
        load(big, limit=10)
    with pytest.raises(LoaderError):
        load(tmp_path / "missing.txt")
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)
        with pytest.raises(LoaderError, match="not a regular file"):
            load(fifo)


def test_a_part_with_runs_of_spaces_is_tidied_as_the_pattern_does():
    """_tidy_plain, replacing a part's runs of two spaces or more, gives what _SPACES gives: on the real minutes' lines
    and on runs at the start, the end, one or several, with tabs."""
    pieces = [" ", "  ", "   ", "\t", " \t", "a", "31.1", "·", "x y", "’", "The", "."]
    parts = [ln for t in TEXTS for ln in t.splitlines()] + _adversarial(pieces, 20000, 15, 10)
    plain = [part for part in parts if not any(c in part for c in seg._ODD_SPACES)]
    assert sum(part.count("  ") == 1 for part in plain) > 1000
    for part in plain:
        assert seg._tidy_plain(part) == seg._SPACES.sub(" ", part).strip(), repr(part)


def test_words_run_together_are_found_as_every_join_of_neighbours_finds_them(monkeypatch):
    """five_run_together (the neighbouring words looked up as the table's splits first, joined only where one is) is
    every join of two neighbouring words that the table holds, on the real and damaged minutes and on words run
    together on purpose; and the table, started again as soon as its splits pass the bound, reads every page alike."""
    from operator import concat

    pieces = ["Care to", "Careto", "care", "to", "the", "Board", "theBoard", "Trust Board", "TrustBoard", "work",
              "streams", "workstreams", " ", "\n", ".", "Children", "Childrens", "s", "a", "bout", "about", "Meeting", "Meetings"]
    texts = TEXTS + _adversarial(pieces, 400, 17, 30) + ["about\nThe a bout", "Careto\nCare to", "workstreams\nwork streams",
                                                          "Xyzzya\nXyzzy a"]
    outs = [norm.normalise(text) for text in texts]
    table = norm._Tokens()  # (one of the test's own, grown page by page as normalise grows its own)
    found = 0
    for text in texts:
        vocab = norm._Vocab(text.split("\n"), table)
        for tok in vocab.distinct:  # (the page's words of five letters or more, as normalise indexes them)
            core = tok.strip(norm._STRIP)
            if len(core) >= 5 and core.isalpha():
                table.index_low(core.lower())
        plain = table.five_by_low.keys() & map(concat, *vocab._neighbours())
        assert vocab.five_run_together() == plain, text
        found += bool(plain)
    assert found > 50
    monkeypatch.setattr(norm, "_SPLITS_MAX", 50)
    assert [norm.normalise(text) for text in texts] == outs
