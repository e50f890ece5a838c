"""The normalisation stage on its own: real corpus minutes, clean and damaged by ../shared/tools/damage.py."""

from __future__ import annotations

import importlib.util
import random
import re
from pathlib import Path

import pytest

from councilgraph.loaders.normalise import normalise
from councilgraph.loaders.segment import segment
from tests.conftest import CORPUS, SHARED, corpus

_spec = importlib.util.spec_from_file_location("damage", SHARED / "tools" / "damage.py")
damage_tool = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(damage_tool)  # type: ignore[union-attr]

FILES = sorted(CORPUS.glob("*.txt"))


def damaged(path: Path, seed: int) -> str:
    """The file as damage.py writes it for this seed."""
    return damage_tool.damage(path.read_text(encoding="utf-8"), random.Random(f"{seed}:{path.name}"))


def letters(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", text)


def decisions(text: str) -> list[tuple[str | None, str]]:
    items, _ = segment(normalise(text))
    return [(b.point, b.text) for it in items for b in it.blocks if b.kind == "point" and b.resolution is not None]


def shape(text: str) -> list:
    items, _ = segment(normalise(text))
    return [(it.title, it.number, [(b.text, b.para, b.kind, b.point, b.resolution) for b in it.blocks]) for it in items]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:3])
def test_clean_minutes_keep_every_word(path):
    text = path.read_text(encoding="utf-8")
    assert letters(normalise(text)) == letters(text)  # spaces and line breaks move; no letter or digit does


@pytest.mark.parametrize("seed", [1, 7, 8])
def test_damaged_corpus_gives_the_clean_corpus_decisions(seed):
    differ = [p.name for p in FILES if decisions(damaged(p, seed)) != decisions(p.read_text(encoding="utf-8"))]
    assert differ == []


@pytest.mark.parametrize("seed", [2, 5])
def test_damaged_corpus_segments_like_the_clean_corpus(seed):
    same = sum(shape(damaged(p, seed)) == shape(p.read_text(encoding="utf-8")) for p in FILES)
    assert same >= 0.9 * len(FILES), f"only {same} of {len(FILES)} pages segment as when clean"


def test_wrapped_lines_are_joined_and_paragraphs_kept():
    path = corpus("029")  # Cheshire East: long paragraphs, then "RESOLVED" and its points
    clean = normalise(path.read_text(encoding="utf-8"))
    for seed in range(4):
        text = damaged(path, seed)
        assert max(map(len, clean.splitlines())) > 200 and "RESOLVED" in clean
        assert shape(text) == shape(path.read_text(encoding="utf-8"))
        assert [ln for ln in normalise(text).splitlines() if ln.lstrip().startswith("1.")] == \
            [ln for ln in clean.splitlines() if ln.lstrip().startswith("1.")]


def test_glued_numbering_is_taken_apart():
    path = corpus("055")  # West Sussex: "26.1   Resolved that …", damaged to "26.1Resolved that …"
    text = damaged(path, 3)
    assert re.search(r"^\d+\.\d+Resolved", text, re.M)
    assert not re.search(r"^\d+\.\d+Resolved", normalise(text), re.M)
    assert "(1)RESOLVED" not in normalise("(1)RESOLVED that the report be noted.")
    assert normalise("3.The Committee noted the report.") == "3. The Committee noted the report."
    assert normalise("16(ii)That the plan be agreed.") == "16(ii) That the plan be agreed."


def test_words_run_together_at_lost_breaks_are_split_by_the_documents_own_words():
    path = corpus("004")  # Oxford: "Children's Trust Board" five times; damage glues "TrustBoard"
    text = damaged(path, 2)
    assert "TrustBoard" in text
    assert "TrustBoard" not in normalise(text)
    doc = "The report was noted forEducation.\nThe Director of Care to attend. Careto review the plan."
    out = normalise(doc)
    assert "for Education" in out and "Care to review" in out
    # words the document does not show apart stay as written
    assert normalise("Cllr McDonald and Cllr MacLeod spoke for Together4Children and the iPad scheme.") == \
        "Cllr McDonald and Cllr MacLeod spoke for Together4Children and the iPad scheme."


def test_hyphenation_at_line_ends():
    text = "The Committee discussed the develop-\nment of the service and the well-\nbeing of children. The well-being board met."
    out = normalise(text)
    assert "development of the service" in out and "well-being of children" in out


def test_page_furniture_spaces_and_bullets():
    pages = [f"Children's Scrutiny Committee 12 March 2024\nThe Committee noted report {n}.\nPage {n} of 3\n\f"
             for n in (1, 2, 3)]
    text = "\n".join(pages).replace("noted", "noted\u00a0the\u2009whole")
    out = normalise(text + "\uf0b7 Item one\n\u27a2 Item two\n\u2022 Item three\no Item four")
    assert "Page 1 of 3" not in out and "Children's Scrutiny Committee 12 March 2024" not in out
    assert [ln for ln in out.splitlines() if "report" in ln] == [f"The Committee noted the whole report {n}." for n in (1, 2, 3)]
    assert [ln for ln in out.splitlines() if ln.startswith("·")] == \
        ["· Item one", "· Item two", "· Item three", "· Item four"]
    # a bullet that mentions a page is text, not furniture (Lincolnshire: "Page 113 - Juvenile …")
    assert "Page 113" in normalise(corpus("071").read_text(encoding="utf-8"))


def test_a_line_that_ends_a_sentence_or_heading_is_not_run_on():
    lines = normalise(corpus("088").read_text(encoding="utf-8")).splitlines()
    assert "Minutes" in lines  # Doncaster: a one-word heading between two lines stays apart
    lines = normalise(corpus("035").read_text(encoding="utf-8")).splitlines()
    assert "Decision status: Recommendations Approved" in lines  # label lines of a decision page


def test_vocabulary_counts_as_a_loop_over_tokens_would():
    """The document's words (counted in C over its tokens, with a table kept across documents) are those a plain loop
    counts: each token once for its word, once for the word in lower case, once for a possessive's stem."""
    import importlib
    from collections import Counter

    mod = importlib.import_module("councilgraph.loaders.normalise")
    docs = [p.read_text(encoding="utf-8") for p in FILES[:12]] + ["The Council’s COUNCIL’S council’s (Council’s) Trust Board."]
    for text in docs:
        lines = text.split("\n")
        vocab = mod._Vocab(lines, mod._tokens())
        words: Counter[str] = Counter()
        pairs = set()
        for t in (ln.split() for ln in lines):
            for tok in t:
                w = tok.strip(mod._STRIP)
                if w and "\u0000" not in w:
                    words[w] += 1
                    if w.lower() != w:
                        words[w.lower()] += 1
                    if w.endswith(("’s", "'s")):
                        words[w[:-2].lower()] += 1
            for a, b in zip(t, t[1:], strict=False):
                wa, wb = a.strip(mod._STRIP), b.strip(mod._STRIP)
                if wa and wb and "\u0000" not in wa + wb and (a == wa or a[-1] not in ".,;:!?)"):
                    pairs.add((wa.lower(), wb.lower()))
        assert dict(vocab.words) == dict(words)
        assert {p for p in vocab.pairs if mod._NO_WORD not in p} == pairs  # (the others hold no word)
        assert all(mod._NO_WORD in a + b for a, b in vocab.pairs - pairs)
        # a word two neighbours make, written together: asked of the table's words (found as the joins are made) and
        # of others alike
        mod.normalise(text)  # (the document's words of five letters or more in the table)
        vocab = mod._Vocab(lines, mod._tokens())
        joins = {a + b for a, b in pairs}
        asked = joins | {w.lower() for w in words} | {w.lower()[1:] for w in words}
        assert {low for low in asked if vocab.run_together(low)} == joins
        assert vocab.five_run_together() == joins & mod._tokens().five_by_low.keys()


def test_patterns_opening_on_a_character_match_as_their_plain_forms():
    """_HONORIFIC_GLUED is written to open on a character (the engine skips to it), and the spaces before a label are
    found from the labels: the same as the plain patterns, which open on a look-behind."""
    import importlib

    mod = importlib.import_module("councilgraph.loaders.normalise")
    honorific = re.compile(rf"(?<![^ ])(?:{'|'.join(sorted(mod._HONORIFIC))}) [A-Z][A-Z][a-z]{{2,}}[,.;:]?(?![^ ])")
    rng = random.Random(9)
    pieces = ["Cllr", "Mrs", "Mr", "Ms", "Sir", "Dame", "Dr", "Prof", "Miss", "Councillor", " ", "  ", "\t", " KVickers",
              "JSmith,", "x", "Decision maker:", "Report author :", "Wards affected:", "\n", "Is key decision?:", "\u00a0"]
    texts = [p.read_text(encoding="utf-8") for p in FILES] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(4000)]
    for text in texts:
        assert [m.span() for m in honorific.finditer(text)] == [m.span() for m in mod._HONORIFIC_GLUED.finditer(text)]
        assert mod._break_before_labels(text) == mod._LABEL_MID.sub("\n", text), text


def test_segment_tidies_spaces_as_its_pattern_does():
    seg = __import__("importlib").import_module("councilgraph.loaders.segment")
    chars = [" ", "\t", "\u00a0", "\u2002", "\u2003", "\u2009", "\u200b", "a", "’", "\u2000", "\x0c", "\u3000", "\x1c",
             "\u202f", "·", "\u0085"]
    rng = random.Random(10)
    texts = [p.read_text(encoding="utf-8") for p in FILES[:10]]
    parts = [ln for t in texts for ln in t.splitlines()] + [
        "".join(rng.choice(chars) for _ in range(rng.randint(0, 10))) for _ in range(20000)]
    for part in parts:
        assert seg._tidy_spaces(part) == seg._SPACES.sub(" ", part).strip(), repr(part)


def test_a_page_without_odd_spaces_is_tidied_as_the_pattern_does():
    """_lines tidies a page holding none of _ODD_SPACES with _tidy_plain: those are every character _tidy_spaces treats
    but a space, a tab and a line break (which no line holds), and _tidy_plain tidies a part without them as _SPACES
    does."""
    seg = __import__("importlib").import_module("councilgraph.loaders.segment")
    chars = [chr(c) for c in range(0x110000)]
    treated = {c for c in chars if seg._OTHER_SPACE.match(c) or seg._WIDE_SPACE.match(c)}
    assert set(seg._ODD_SPACES) == treated - {"\n"} and "\t" not in treated
    pieces = [" ", "  ", "\t", "a", "’", "·", "x y", "\u00a0", "\u2003", "\u200b", "\x1c", "\u3000"]
    rng = random.Random(21)
    texts = [p.read_text(encoding="utf-8") for p in FILES[:10]]
    parts = [ln for t in texts for ln in t.splitlines()] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(20000)]
    plain = [part for part in parts if not any(c in part for c in seg._ODD_SPACES)]
    assert len(plain) > 3000 and sum("  " in part or "\t" in part for part in plain) > 1000
    for part in plain:
        assert seg._tidy_plain(part) == seg._SPACES.sub(" ", part).strip(), repr(part)


def test_line_patterns_opening_on_a_line_break_match_as_their_multi_line_forms():
    """_GLUED_MARK and _BULLET open on the line break before a line (the engine skips to it), read with a line break
    put first: the same text as their plain forms, which open on ^ in multi-line mode."""
    import importlib

    mod = importlib.import_module("councilgraph.loaders.normalise")
    plain_bullet = re.compile(mod._BULLET.pattern.replace("\\n(", "^(", 1), re.M)
    # (_GLUED_MARK's plain form is also without its first test of what follows the spaces, nor is its bullet replaced
    # by a function)
    quick_test = r"(?=[^\S\n]*[(\da-z])"
    assert quick_test in mod._GLUED_MARK.pattern
    plain_mark = re.compile(mod._GLUED_MARK.pattern.replace(quick_test, "", 1).replace("\\n(", "^(", 1), re.M)
    assert plain_bullet.pattern.startswith("^(") and plain_mark.pattern.startswith("^(")
    pieces = ["\n", " ", "  ", "\t", "1", "12", "3.", "(1)", "(a)", "a)", "iv.", "ii)", "a.", "The", "RESOLVED", "That",
              "o", "·", "•", "\uf0b7", "x", "A", "I", "26.1", "(ii)", "16", "‘", '"', "(", "b.", "Children's", ".", "٣",
              "\u2003", "B", "z"]
    rng = random.Random(5)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        plain = plain_bullet.sub(r"\1· ", plain_mark.sub(r"\1 ", text))
        assert mod._BULLET.sub(mod._bullet, mod._GLUED_MARK.sub(r"\n\1 ", "\n" + text))[1:] == plain, text


def test_unusual_characters_are_the_spaces_and_those_the_substitutions_change():
    """normalise skips its space substitutions, and reads tokens split on any space as split on spaces, where _UNUSUAL
    finds nothing: it holds every space character but a space, a line break and a no-break space (replaced first), and
    every character the substitutions change."""
    import importlib

    mod = importlib.import_module("councilgraph.loaders.normalise")
    chars = [chr(c) for c in range(0x110000)]
    unusual = set(mod._UNUSUAL)
    changed = {c for c in chars if mod._SPACE_LIKE.match(c) or mod._ZERO_WIDTH.match(c)}
    assert unusual == ({c for c in chars if c.isspace()} | changed) - {" ", "\n", "\u00a0"}


def test_page_lines_are_those_page_matches_line_by_line():
    """The page-number lines, found in one search of the whole text (_PAGE_LINE), are the lines _PAGE matches."""
    import importlib

    mod = importlib.import_module("councilgraph.loaders.normalise")
    pieces = ["\n", " ", "Page", "PAGE", "Pg", "Pg.", "3", "12", "of", "OF", "-", "–", "—", "|", "/", "x", "\f", "\t",
              "\u2028", "\x0b", "1234", " of "]
    rng = random.Random(11)
    texts = [p.read_text(encoding="utf-8") for p in FILES[:10]]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(20_000)]
    found = 0
    for text in texts:
        plain = {i for i, ln in enumerate(text.split("\n")) if mod._PAGE.match(ln)}
        assert mod._page_lines(text) == plain, repr(text)
        found += bool(plain)
    assert found > 50


def test_a_text_with_an_initial_glued_to_a_surname_has_the_token_the_table_knows():
    """normalise searches a text for an honorific before an initial glued to a surname only where one of its tokens is
    such an initial (the table's `initials`): every text the search finds one in has such a token."""
    import importlib

    mod = importlib.import_module("councilgraph.loaders.normalise")
    pieces = ["Cllr ", "Mr ", "Councillor ", " ", "\n", "KVickers", "KVickers,", "AB", "Smith", "JSmith.", "x", "MrKV"]
    rng = random.Random(13)
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        mod.normalise(text)
        if mod._HONORIFIC_GLUED.search(text.replace("\n", " ")):
            found += 1
            assert not mod._tokens().initials.isdisjoint(text.split()), text
    assert found > 100
