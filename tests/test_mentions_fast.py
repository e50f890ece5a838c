"""The mention finder's shortcuts find what its plain form finds: on every sentence of the real minutes (seeds and
corpus, read in order with each document's acronyms, given names and people named in full) and on adversarial texts."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from councilgraph.extract import mentions as M
from councilgraph.extract.pipeline import _units
from councilgraph.graph.model import Label
from councilgraph.loaders import load
from tests.conftest import CORPUS, SEEDS, bare_runs


def _two_capitals(text: str) -> bool:
    first = re.search(r"[A-Z]", text)
    return first is not None and re.search(r"[A-Z]", text[first.end():]) is not None


class PlainFinder(M.Finder):
    """The finder as written before its shortcuts: every stage called, and its own tests deciding; each finder (a
    post's "of" tail's too, while `plain` is in force) reads its own text's words."""

    def __init__(self, text, acronyms, first_names, known=frozenset(), common=frozenset(), ok=None):
        super().__init__(text, acronyms, first_names, known, common)

    def run(self) -> list[M.Mention]:
        self.known_orgs()
        self.people()
        self.roles()
        self.councils()
        self.bodies()
        self.orgs()
        self.generics()
        return sorted(self.found, key=lambda m: m.start)

    def people(self) -> None:
        if not M._CAPITAL_CUE.search(self.masked):
            return
        if _two_capitals(self.masked):
            self.people_named_more_fully()
        # (the rest of Finder.people, which has no shortcut of its own)
        self.people_named_more_fully = lambda: None  # type: ignore[method-assign]
        super().people()


def _documents() -> list[tuple[str, list[str]]]:
    """Each document's text and its sentences, as the pipeline reads them."""
    docs = []
    for p in sorted(Path(SEEDS).glob("*.txt")) + sorted(Path(CORPUS).glob("*.txt")):
        doc = load(p)
        docs.append((doc.text, [u.text for u in _units(doc)]))
    return docs


def _key(ms: list[M.Mention]) -> list[tuple]:
    return [(m.start, m.end, m.label, m.name, m.surface, m.honorific, m.first, m.kind, m.generic, m.acronym,
             _key(m.inner)) for m in ms]


def _read(finder: type[M.Finder], sentences: list[str], first: dict[str, str], known: frozenset[str],
          common: M.LowerCaseWords) -> list[list[tuple]]:
    acronyms: dict[str, tuple[Label, str]] = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(M, "Finder", finder)  # (Finder.roles reads a post's tail with a finder of its own)
        if finder is PlainFinder:  # (PERSON_ONE tried at every capital, as written)
            mp.setattr(M, "_people_one", lambda text: M.PERSON_ONE.pattern.finditer(text))
        return [_key(finder(s, acronyms, first, known, common).run()) for s in sentences]


@pytest.fixture(scope="module")
def documents() -> list[tuple[str, list[str]]]:
    return _documents()


def test_finder_finds_what_its_plain_form_finds_on_real_minutes(documents):
    assert sum(len(s) for _, s in documents) > 1000
    for text, sentences in documents:
        common = M.LowerCaseWords(text)
        first_reading = _read(M.Finder, sentences, {}, frozenset(), common)
        assert first_reading == _read(PlainFinder, sentences, {}, frozenset(), common)
        # Read again as the pipeline does, with the given names and full names the first reading found.
        people = [m for ms in first_reading for m in ms if m[2] is Label.PERSON and " " in m[3]]
        first = {m[6]: m[3] for m in people if m[6]}
        known = frozenset(m[3] for m in people)
        assert _read(M.Finder, sentences, first, known, common) == _read(PlainFinder, sentences, first, known, common)


def test_finder_finds_what_its_plain_form_finds_on_adversarial_texts():
    texts = ["", "a", "A", "AB", "x Y", "Ab", "aB", "Cllr", "The", "the Council", "NHS", "(NHS)", "Mr A. Smith", "É Über",
             "Members of the committee", "Chair of the Board", "Ofsted Inspection", "Chief Executive of Acme Ltd",
             "Jane Smith (JS)", "the Trust and the Partnership", "a Director", "1st Director", "x\x00Y Z", "Y\x00",
             "AB Smith", "A1 Cllr Smith"]
    acronyms = {"JS": (Label.PERSON, "Jane Smith"), "NHS": (Label.ORGANISATION, "NHS")}
    for t in texts:
        assert _key(M.Finder(t, dict(acronyms), {"Jane": "Jane Smith"}).run()) \
            == _key(PlainFinder(t, dict(acronyms), {"Jane": "Jane Smith"}).run()), t
        assert _key(M.Finder(t, {}, {}).run()) == _key(PlainFinder(t, {}, {}).run()), t


def test_lower_case_words_answer_as_the_set_of_the_texts_lower_case_words(documents):
    texts = [text for text, _ in documents[:20]] + ["", "front-line well- don't children’s Front x-ray", "a b-C",
                                                   "xfront " * 12 + "front", "Xfront-front frontE front_ éfront", "-well"]
    asked = ["front", "programme", "practice", "well", "well-", "don't", "children’s", "x-ray", "b-", "b", "zzz", "a",
             "Front", "", "line", "ray"]
    for text in texts:
        whole = frozenset(M._LOWER_CASE_WORD.findall(text))
        words = [w for w in re.findall(r"\S+", text)[:300]] + [w.lower() for w in re.findall(r"[A-Z][a-z]+", text)[:300]]
        for w in asked + words:
            assert (w in M.LowerCaseWords(text)) == (w in whole), (w, text[:80])
        common = M.LowerCaseWords(text)  # (asked in turn: the set is made once, on the first word the text holds)
        assert [w in common for w in asked + words] == [w in whole for w in asked + words]


_RUNS = [("ROLE", M.ROLE, M._ROLE_CUE, M._ROLE_RUN), ("BODY", M.BODY, M._BODY_CUE, M._PHRASE_RUN),
         ("ORG_SUFFIX", M.ORG_SUFFIX, M._ORG_SUFFIX_CUE, M._PHRASE_RUN)]


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.groups()) for m in matches]


def _from_the_run(pattern: re.Pattern[str], cue: M.Guarded, run: M.RunBack, text: str) -> list[tuple]:
    first = cue.pattern.search(text)
    return _spans(run.matches(pattern, cue.pattern, text, first) if first else ())


def test_patterns_searched_from_the_words_before_their_heads_match_as_finditer(documents):
    lines = [ln for p in sorted(Path(SEEDS).glob("*.txt")) + sorted(Path(CORPUS).glob("*.txt"))
             for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    texts = lines + [s for _, sentences in documents for s in sentences]
    held = 0
    for name, pattern, cue, run in _RUNS:
        for text in texts:
            fast = _from_the_run(pattern, cue, run, text)
            assert fast == _spans(pattern.finditer(text)), (name, text)
            held += bool(fast)
    assert held > 500  # (the real minutes name many posts, bodies and organisations)


def test_patterns_searched_from_the_words_before_their_heads_match_as_finditer_on_adversarial_texts():
    rng = random.Random(7)
    pieces = [" ", "  ", ",", ", ", "(", ")", "-", "’", "'", "&", " & ", " and ", " of ", " of the ", " for ", " with ",
              "the ", "The ", "x", "x-", "é", "É", "\x00", "_", "1", "1st ", "A", "Foo", "Bar Baz", "foo", "Board",
              "Committee", "Task and Finish Group", "Chief Executive", "Director", "Vice-Chair", "Secretary of State",
              "Members", "Co-opted Members", "Ltd", "Limited", "plc", "Trust", "’s", "'s", "Health", "Adults, Health",
              "Cabinet", "Executive", "Scrutiny", "Panel", ".", ";", ":", "—", "Council", "Unlimited", "BoardX"]
    for _ in range(30_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        for name, pattern, cue, run in _RUNS:
            assert _from_the_run(pattern, cue, run, text) == _spans(pattern.finditer(text)), (name, text)


def test_person_candidates_behind_the_look_ahead_for_two_words_are_the_plain_forms(documents):
    rng = random.Random(11)
    pieces = ["Carol", "Cammiss", "Services", "Anne-Marie", "O’Neil", "O'Neil", "McGregor", "Mc", "O’", "A", "B.", " ",
              "  ", "-", "’", "'", "x", "é", "É", "1", "(", ", ", "and", "The", "Ab-Cd", "Smith-", "-Jones", "\x00"]
    texts = [s for _, sentences in documents for s in sentences] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(20_000)]
    found = 0
    for text in texts:
        fast = bare_runs(M._PERSON_CANDIDATE, text, False)
        assert fast == bare_runs(M.PERSON_BARE, text, True), text
        found += len(fast)
        assert _spans(M._PERSON_BARE_AHEAD.finditer(text)) == _spans(M.PERSON_BARE.finditer(text)), text
    assert found > 500


def test_generic_bodies_searched_near_their_words_match_as_finditer(documents):
    lines = [ln for p in sorted(Path(SEEDS).glob("*.txt")) + sorted(Path(CORPUS).glob("*.txt"))
             for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    rng = random.Random(5)
    pieces = [" ", "  ", "the ", "The ", "This ", "this ", "Its ", "our ", "Our ", "x", "s", "-", "’", "Sub-", "Board",
              "Boards", "Committee", "Panel", "Cabinet", "Forum", "Group", "Sub-Committee", " members", " Members",
              " member", " memberX", "e", ".", "\x00", "é", "1", "Boardroom", "Group’s"]
    texts = lines + [s for _, sentences in documents for s in sentences] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(30_000)]
    found = 0
    for text in texts:
        fast = _spans(M._GENERIC_BODY_NEAR.matches(M.GENERIC_BODY.pattern, text))
        assert fast == _spans(M.GENERIC_BODY.pattern.finditer(text)), text
        found += len(fast)
    assert found > 1000


def test_literals_asked_of_the_automaton_directly_answer_as_through_the_cue_words(documents):
    table = M._LITERALS
    assert table._find is not None  # (the mention table's patterns need no folded text)
    words = sorted({w for _, sets in table._sets.values() for s in sets for w in s})
    rng = random.Random(3)
    texts = [s for _, sentences in documents for s in sentences] + [
        "".join(rng.choice([*words, " ", "x"]) for _ in range(rng.randint(0, 6))) for _ in range(3000)]
    for text in texts:
        assert table.passing(text) == table._passing(table._plain.found(text), frozenset()), text


def test_person_with_an_honorific_matches_as_its_plain_form(documents):
    plain = re.compile(M.PERSON_HON.pattern.pattern.replace(f"((?:{M._FIRST_HON})\\.? (?:{M.HON} )*)",
                                                            f"\\b((?:{M.HON} )+)", 1))
    assert plain.pattern != M.PERSON_HON.pattern.pattern
    lines = [ln for p in sorted(Path(SEEDS).glob("*.txt")) + sorted(Path(CORPUS).glob("*.txt"))
             for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    rng = random.Random(9)
    pieces = ["Cllr", "Cllr.", "Councillor", "County Councillor", "Mr", "Mrs.", "Dr", "Sir", "Baroness", " ", "  ", "x",
              "xMr", "_Mr", "-", "é", "A", "B.", "Smith", "Jones", "Hall", "Anne-Marie", "(", ",", "and", "\x00"]
    texts = lines + [s for _, sentences in documents for s in sentences] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(20_000)]
    found = 0
    for text in texts:
        fast = _spans(M.PERSON_HON.pattern.finditer(text))
        assert fast == _spans(plain.finditer(text)), text
        found += len(fast)
    assert found > 200


def test_person_by_one_name_sought_from_its_verbs_matches_as_its_plain_form(documents):
    plain = re.compile(rf"(?<=[a-z,;] )({M.NAMEW})(?= (?:{M._ONE_VERBS})\b)")  # (as first written)
    assert re.compile(M.PERSON_ONE.pattern.pattern.replace("([A-Z](?<=[a-z,;] [A-Z])", "(?<=[a-z,;] )([A-Z]", 1)).pattern \
        == plain.pattern
    lines = [ln for p in sorted(Path(SEEDS).glob("*.txt")) + sorted(Path(CORPUS).glob("*.txt"))
             for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    rng = random.Random(13)
    pieces = ["Luke", "Fiona", "Anne-Marie", "O’Neil", "McGregor", "AB", "A", "x", "as ", "and ", ", ", ";", " ", "  ",
              "agreed", "agreedX", "said", "was absent", "was", "will provide", "to provide", "led", "ledger", "\x00",
              "-", "’", "é", "É", "1", "(", ".", "\n", " agreed", "Agreed"]
    texts = lines + [s for _, sentences in documents for s in sentences] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(30_000)]
    found = 0
    for text in texts:
        fast = _spans(M._people_one(text))
        assert fast == _spans(M.PERSON_ONE.pattern.finditer(text)) == _spans(plain.finditer(text)), text
        found += len(fast)
    assert found > 50
