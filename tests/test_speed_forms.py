"""Patterns rewritten for speed only match as their plain forms: on the lines of real minutes and on random texts
built of the pieces each pattern reads."""

from __future__ import annotations

import importlib
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


def _point_lines(seed: int) -> list[str]:
    """Lines of points run together, as resolutions are minuted and as scrapes glue them: marks of one style in order
    (or not), each glued or spaced after the text before it."""
    rng = random.Random(seed)
    styles = [["1.", "2.", "3."], ["01.", "02."], ["1)", "2)", "3)"], ["(1)", "(2)", "(3)"], ["a)", "b)", "c)"],
              ["(a)", "(b)", "(c)"], ["a.", "b.", "c."], ["i)", "ii)", "iii)"], ["(i)", "(ii)", "(iii)"], ["31.1", "31.2"]]
    heads = ["", "RESOLVED ", "RESOLVED that ", "It was AGREED: ", "The report was noted", "agenda", "January 2019",
             "Focused Visit 2020", "Minutes:", "the Board agree: -"]
    glues = [" ", "", ".", ";", ":", "; and", " -", ". ", "  "]
    bodies = ["That the report be noted", "That the plan be agreed", "That it be deferred", "the Chair write to the school",
              "that officers report back", "The Board", "noted", "agreed", "x"]
    out = []
    for _ in range(20_000):
        marks = list(rng.choice(styles))
        if rng.random() < 0.3:
            rng.shuffle(marks)
        text = rng.choice(heads)
        for mark in marks[:rng.randint(1, len(marks))]:
            text += rng.choice(glues) + mark + rng.choice([" ", "  ", "", "\t"]) + rng.choice(bodies)
        out.append(text + rng.choice(["", ".", " " * rng.randint(0, 90) + "end."]))
    return out


def test_lines_without_a_first_mark_have_no_points_to_split(monkeypatch):
    # (every line the plain test, any of "1)", "1.", "a)", "a.", "i)", "i.", lets through splits as before)
    segment = importlib.import_module("councilgraph.loaders.segment")
    tail = " and the rest of the resolution, long enough to be read as points run together on one line."
    glued = [f"{head}{tail}" for head in (  # each way a first mark is glued to the text before it
        "Focused Visit January 20191. That the report be noted.2. That the plan be agreed",
        "the report be noted.1. That the plan be agreed.2. That it be deferred", "RESOLVED that:a. The Chair writes;b. The",
        "in the report: -1. That the report be noted; -2. That", "as agreeda) That the report be noted b) That the plan",
        "as set out:-(a) notes the report;(b) agrees the plan", "RESOLVED(i) That the report be noted (ii) That the plan")]
    texts = _lines() + glued + _point_lines(3)
    fast = [segment._split_enumeration(t) for t in texts]
    assert sum(len(parts) > 1 for parts in fast) > 300
    monkeypatch.setattr(segment, "_HAS_FIRST_MARK", re.compile(r"1\)|1\.|a\)|a\.|i\)|i\.").search)
    assert fast == [segment._split_enumeration(t) for t in texts]


def test_midline_marks_break_as_their_plain_form():
    segment = importlib.import_module("councilgraph.loaders.segment")
    plain = re.compile(r"(?<=\S)[ \t]+(?=(?:[Ii]t was |and )(?:RESOLVED|AGREED)\b)|"
                       r"(?<=\S)[ \t]+(?=(?:Resolved|Agreed)\s*[:–—-]\s*(?:That|that)\b)|"
                       r"(?<=\S)(?<!\bwas)(?<!\band)[ \t]+(?=(?:RESOLVED|AGREED)\b)|"
                       r"(?<=[.;:])[ \t]+(?=(?:\d{1,3}\.\d{1,2}\s+)?(?:Resolved|Agreed|RESOLVED|AGREED)\s*(?:[:–—-]|that\b|That\b))|"
                       r"(?<=[a-z)][.:])[ \t]+(?=That\s[^.;]{0,300}?\bbe\s+(?:noted|agreed|approved|endorsed|confirmed|"
                       r"appointed|adopted|received)\b)")
    pieces = [" ", "  ", "\t", "it was ", "It was ", "and ", "was ", "RESOLVED", "AGREED", "Resolved", "Agreed", ": ", "–",
              "That ", "that ", "the report be noted", "be agreed", "x", ".", ";", ":", ")", "12.3 ", "Minutes", "\n"]
    for text in _texts(pieces, 4):
        assert segment._MIDLINE_MARK.sub("\n", text) == plain.sub("\n", text), text


def test_names_beside_a_person_are_read_where_the_quick_test_allows(monkeypatch):
    from councilgraph.extract import mentions

    rng = random.Random(5)
    pieces = ["Cllr Smith", "Laura Colman", "Mike Cook", " (Co-opted Member)", ", ", ", and ", " and ", " & ", " ",
              "Jane Doe", "attended", "the Chair", "Ofsted", "Dr Jones", ".", "(", ")"]
    texts = _lines() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(5000)]

    def read() -> list[list[tuple[int, int, str]]]:
        return [[(m.start, m.end, m.name) for m in mentions.find_mentions(t)] for t in texts]

    quick = read()
    monkeypatch.setattr(mentions, "_BESIDE_MARKS", ("\x00",))  # any mention taken: the list is read
    assert quick == read()


def test_receipts_are_the_matches_of_their_pattern():
    from councilgraph.extract import resolve, vocab
    from councilgraph.extract.prefilter import literal_matches

    pieces = ["received ", "noted ", "considered ", "scrutinised ", "a ", "the ", "two ", "report ", "update ",
              "denoted ", "The Cabinet ", "x", "presentation", " ", "reports", "noted the received a report", ".\n"]
    for text in _texts(pieces, 6):
        plain = resolve._RECEIVED.finditer(text, 0, resolve._RECEIVER_SPAN)
        fast = literal_matches(resolve._RECEIVED, vocab.RECEIVING_VERBS, text, resolve._RECEIVER_SPAN)
        assert [m.span() for m in fast] == [m.span() for m in plain], text


def test_lines_holding_a_word_are_those_a_line_by_line_test_finds():
    segment = importlib.import_module("councilgraph.loaders.segment")
    rng = random.Random(12)
    pieces = ["\n", "\n\n", "a", "That", "RESOLVED", " ", "Agreed", "Tha", "t", "AGREED\n", "Resolved"]
    texts = ["\n".join(_lines())] + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 15))) for _ in range(5000)]
    for text in texts:
        lines = text.split("\n")
        plain = {k for k, ln in enumerate(lines) if any(w in ln for w in segment._MIDLINE_WORDS)}
        assert segment._lines_holding(text, segment._MIDLINE_WORDS) == plain, text


def test_attendance_reads_as_without_its_prefilter(monkeypatch):
    """Attendance tries its section headings only on lines whose first character can open one and that one of them,
    matched at once, opens: the same people as trying every line."""
    from councilgraph.loaders import moderngov
    from tests.conftest import CORPUS

    segment = importlib.import_module("councilgraph.loaders.segment")
    texts = [p.read_text(encoding="utf-8") for p in [*sorted(Path(SEEDS).glob("*.txt")), *sorted(Path(CORPUS).glob("*.txt"))]]
    pages = [segment.normalise(t) for t in texts]
    fast = [moderngov.attendance(lines) for lines in pages]
    assert sum(bool(people) for people in fast) >= 5

    class Every(frozenset):
        def __contains__(self, item: object) -> bool:
            return True

    monkeypatch.setattr(moderngov, "_SECTION_FIRSTS", Every())
    monkeypatch.setattr(moderngov, "_ANY_SECTION", re.compile(""))  # (opens every line)
    assert fast == [moderngov.attendance(lines) for lines in pages]


def test_a_body_and_date_line_holds_day():
    """page_meta tries its body-and-date pattern only on lines that hold "day" (as every weekday's name does)."""
    segment = importlib.import_module("councilgraph.loaders.segment")
    pieces = ["Cabinet", "Committee", " ", "-", "–", ",", "Monday", "Tuesday", "Sunday", "Wednes", "da", "y", "day",
              "5 March 2024", "Board", "Fri"]
    matched = [t for t in _texts(pieces, 15) if segment._BODY_DATE_LINE.pattern.match(t)]
    assert len(matched) > 300
    assert all("day" in t for t in matched)


def test_lines_without_a_point_mark_end_hold_no_glued_point_mark():
    """glued.may_hold_point_marks, the quick test before POINT_MARKS, is False only where POINT_MARKS finds nothing."""
    pieces = ["1.", "1)", "(1)", "2.", "(a)", "a)", "b.", "(ii)", "i)", "That", "that", "The", "the", " ", "  ", "\t", ".",
              ";", ":", ",", ")", "-", "–", "—", "D", "2019", "20", "19", "; and", "and", "x", "A", ":-", "12.", "(b)", "c."]
    texts = _texts(pieces, 14)
    held = [t for t in texts if glued.POINT_MARKS.search(t)]
    assert len(held) > 150
    assert all(glued.may_hold_point_marks(t) for t in held)
    assert sum(not glued.may_hold_point_marks(t) for t in texts) > 5000  # (and it rules lines out)


def test_point_marks_and_agreed_headings_read_as_without_their_first_tests():
    """_point_mark tests a line's first character, and blocks a heading's last, before the patterns: the same marks
    and headings as the patterns alone find."""
    segment = importlib.import_module("councilgraph.loaders.segment")
    pieces = ["1.", "1)", "(1)", "(a)", "a)", "b.", "(ii)", "A.", "H)", "I.", "٣.", "That", " ", "  ", "the Committee",
              "agreed", "RESOLVED", "resolved that", ":", " -", "–", "It was ", "x", ".", "\t"]
    for text in _texts(pieces, 16):
        plain = (segment._NUM_POINT.match(text) or segment._LETTER_POINT.match(text) or segment._UPPER_POINT.match(text)
                 or segment._DOT_LETTER_POINT.match(text))
        fast = segment._point_mark(text)
        assert (fast and (fast.re, fast.span())) == (plain and (plain.re, plain.span())), text
        if segment._AGREED_HEADING.match(text):
            assert text.rstrip().endswith((":", "–", "-")), text


def test_a_label_after_a_stop_is_found_wherever_its_break_matches():
    """The break before an item's end label is tried only where glued._label_after_stop finds a label after a stop:
    every text the break's pattern matches."""
    pattern = next(p for _, p, _ in glued.BREAKS if "Supporting documents" in p.pattern)
    pieces = ["Supporting documents", "Additional documents", "Accompanying Documents", "Background papers", ":", " :",
              ".", ";", ")", " ", "\t", "x", "noted", "\n"]
    texts = _texts(pieces, 18)
    matched = [t for t in texts if pattern.search(t)]
    assert len(matched) > 300
    assert all(glued._label_after_stop(t) for t in matched)
    assert sum(not glued._label_after_stop(t) for t in texts) > 5000


def test_resolved_glued_and_digit_word_forms_match_as_their_plain_forms():
    """normalise's _RESOLVED_GLUED opens on its word's first letter (its \\b a look-behind after it), and the break of a
    number run into a word is tried only where glued._DIGIT_WORD finds a digit before a capitalised word: the same
    text as the plain forms."""
    normalise = importlib.import_module("councilgraph.loaders.normalise")
    plain = re.compile(r"\b(RESOLVED|AGREED|DECIDED)(?=[A-Z][a-z])")
    pieces = ["RESOLVED", "AGREED", "DECIDED", "That", "The", "x", " ", "1", "2024", "Children", "CSD19096", "-", "Ab",
              "A", "R", "D", "ESOLVED", "_", "é"]
    number = next(p for _, p, _ in glued.BREAKS if p.pattern.startswith(r"\d"))
    texts = _texts(pieces, 19)
    assert sum(bool(plain.search(t)) for t in texts) > 500 and sum(bool(number.search(t)) for t in texts) > 500
    for text in texts:
        assert normalise._RESOLVED_GLUED.pattern.sub(r"\1 ", text) == plain.sub(r"\1 ", text), text
        if number.search(text):
            assert glued._DIGIT_WORD.search(text), text


def test_numbered_paragraph_breaks_are_tried_wherever_they_match():
    """The two breaks before a numbered paragraph run into the sentence before are tried only where their quick tests
    (a stop and a decimal number before a resolution's word; a decimal number right after a stop) find what they need:
    every text either pattern matches."""
    resolving, numbered = (p for _, p, _ in glued.BREAKS if r"(\d{1,3}\.\d{1,2})" in p.pattern)
    resolving_test, numbered_test = (t for t, p, _ in glued.BREAKS if p in (resolving, numbered))
    pieces = ["RESOLVED", "Resolved", "AGREED", "Agreed", "That", ".", ";", ":", ")", " ", "\t", "\n", "10", "4", ".4",
              "10.4", "Minutes:", "x", "noted", "2", "123", "٣", "The", "On", "noted.", "Zoom. ", "10.4 ", "a)."]
    rng = random.Random(22)
    texts = _lines() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(80_000)]
    for pattern, test in ((resolving, resolving_test), (numbered, numbered_test)):
        matched = [t for t in texts if pattern.search(t)]
        assert len(matched) > 200
        assert all(test(t) for t in matched)
        assert sum(not test(t) for t in texts) > 5000


def test_page_meta_patterns_match_only_lines_opening_as_their_first_tests_ask():
    """page_meta tries its meeting, decision-maker and date lines only on lines that open with their words (the date's
    first letter, case ignored, in _DATE_FIRSTS), and no pattern on a blank line: the lines each pattern matches pass."""
    segment = importlib.import_module("councilgraph.loaders.segment")
    rng = random.Random(23)
    slots = [["", " ", "x", "Meeting", "Decided at meeting", "Decision Maker", "Decision maker", "Date of decision:",
              "Meeting date:", "DATE OF DECISION:", "meeting date:", "Decision"], ["", ": ", ":- ", " :-", " "],
             ["", "07/04/2010", "5 March 2024"], ["", " - "], ["", "Executive Board", "Cabinet - Expired"],
             ["", " (Item 215)"]]
    texts = _lines() + ["".join(rng.choice(slot) for slot in slots) for _ in range(20_000)]
    checks = ((segment._MEETING_LINE, lambda t: t.startswith(("Meeting", "Decided at meeting"))),
              (segment._MAKER_LINE, lambda t: t.startswith("Decision ")),
              (segment._DATE_LINE, lambda t: t[:1] in segment._DATE_FIRSTS))
    for pattern, first_test in checks:
        matched = [t for t in texts if pattern.match(t)]
        assert len(matched) > 100 and all(map(first_test, matched)) and not pattern.match("")
    for c in map(chr, range(0x110000)):  # (a letter that matches "d" or "m" with case ignored is one of these)
        if segment._DATE_LINE.match(c + "ate of decision:") or segment._DATE_LINE.match(c + "eeting date:"):
            assert c in segment._DATE_FIRSTS, repr(c)


def test_resolution_starts_open_with_their_first_characters():
    """_resolution_start tries its two patterns only on a line whose first character is in _RESOLUTION_FIRSTS: every
    line either matches opens so."""
    segment = importlib.import_module("councilgraph.loaders.segment")
    from councilgraph.extract import vocab

    pieces = ["RESOLVED", "Resolved", "AGREED", "Agreed", "DECIDED", "DECISION", "Decision", "Resolution", "It was ",
              "it was ", "and ", "The ", "the ", " ", ":", " – ", "that ", "That ", "unanimously ", "(unanimously) ",
              "resolved ", "RESOLVED ", "to note", "x", *[f"{body} " for body in vocab.RESOLVING_BODIES],
              *[f"{body} resolved that " for body in vocab.RESOLVING_BODIES]]
    texts = _texts(pieces, 24)
    matched = [t for t in texts if segment._RESOLVED.match(t) or segment._BODY_RESOLVED.match(t)]
    assert len(matched) > 1000 and sum(bool(segment._BODY_RESOLVED.match(t)) for t in matched) > 100
    assert all(t[:1] in segment._RESOLUTION_FIRSTS for t in matched)


def test_first_marks_and_action_labels_hold_what_their_first_tests_look_for():
    """_split_enumeration tries _HAS_FIRST_MARK only on a line holding "1.", "a." or ")", and an action's label is
    matched only on a line opening with "ACTION" or "Action": every line the patterns match passes those tests."""
    segment = importlib.import_module("councilgraph.loaders.segment")
    from councilgraph.loaders import action_table

    texts = _lines() + _point_lines(25)
    marked = [t for t in texts if segment._HAS_FIRST_MARK(t)]
    assert len(marked) > 5000
    assert all("1." in t or "a." in t or ")" in t for t in marked)
    pieces = ["ACTION", "Action", "Actions", "ACTIONS", " by", " By", " – ", ": ", " - ", "Democratic Services Officer",
              "add the item", "x", "action", "A", "ction", " "]
    labelled = [t for t in _texts(pieces, 26) if action_table._LABEL.match(t)]
    assert len(labelled) > 40 and all(t.startswith(("ACTION", "Action")) for t in labelled)


def test_block_and_end_patterns_open_as_their_first_tests_ask():
    """blocks tries its paragraph-number patterns only on a line opening with a digit (what \\d matches) and the
    footnote's on one opening with "Note:"; segment looks for an item's end label only on a line whose first character,
    case ignored, can open one (_END_FIRSTS, tested over every character), and for a page's "No. Item" heading only on
    a line opening with "No" or "Items": every line the patterns match passes."""
    segment = importlib.import_module("councilgraph.loaders.segment")
    pieces = ["1", "12", "٣", "3.", ".", "2.1", "10.4", " ", "  ", "The", "x", "Note:", " *", "*Report", "No", "No.",
              " Item", "Items", "|", "Supporting documents", "SUPPORTING DOCUMENTS:", ":", "Background papers", "\t"]
    texts = _texts(pieces, 27)
    checks = ((segment._PARA, lambda t: t[:1].isdecimal()), (segment._PARA_NUMBER, lambda t: t[:1].isdecimal()),
              (segment._FOOTNOTE, lambda t: t.startswith("Note:")), (segment._END, lambda t: t[:1] in segment._END_FIRSTS),
              (segment._ITEMS_HEADING, lambda t: t.startswith(("No", "Items"))))
    for pattern, first_test in checks:
        matched = [t for t in texts if pattern.match(t)]
        assert len(matched) > 50 and all(map(first_test, matched)), pattern.pattern
    assert any(segment._PARA.match(t) and not t.isascii() for t in texts)  # (a digit not ASCII opens one too)
    for c in map(chr, range(0x110000)):
        if any(segment._END.match(c + rest) for rest in ("upporting documents:", "dditional documents:", "ackground papers:",
                                                          "ccompanying Documents:")):
            assert c in segment._END_FIRSTS, repr(c)


def test_agreed_ending_is_found_as_its_pattern_finds_it():
    """_agreed_ending tries _AGREED_ENDING only on a text ending in a colon or dash, spaces after: the same matches."""
    segment = importlib.import_module("councilgraph.loaders.segment")
    pieces = ["It was ", "That ", "the ", "Committee ", "Board", "agreed", "AGREED", "resolved", "decided", " that", ":",
              " :", " -", "–", "-", " ", "\t", "\u2003", "\n", ". ", "x", "report", "(1)"]
    texts = _texts(pieces, 28)
    found = 0
    for text in texts:
        plain = segment._AGREED_ENDING.search(text)
        fast = segment._agreed_ending(text)
        assert (fast and fast.span()) == (plain and plain.span()), repr(text)
        found += plain is not None
    assert found > 200


def test_a_label_after_a_stop_is_found_as_by_each_labels_occurrences():
    """glued._label_after_stop finds the three labels ending in "ocuments" by one search for it: the same answer as
    reading each label's occurrences in turn."""
    labels = ("Supporting documents", "Additional documents", "Accompanying Documents", "Background papers")

    def plain(text: str) -> bool:
        for label in labels:
            for i in (k for k in range(len(text)) if text.startswith(label, k)):
                if text[:i].rstrip(" \t")[-1:] in (".", ";", ":", ")"):  # (a stop, spaces or tabs between)
                    return True
        return False

    pieces = [*labels, "documents", "Documents", "ocuments", "Supporting", "d", ":", ".", ";", ")", " ", "\t", "x", "\n"]
    texts = _texts(pieces, 29)
    assert sum(map(glued._label_after_stop, texts)) > 1000
    for text in texts:
        assert glued._label_after_stop(text) == plain(text), repr(text)
