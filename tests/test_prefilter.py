"""Literal prefilters (councilgraph/extract/prefilter.py) never turn away a text their pattern matches: on random patterns
and texts built to trip them (case folding, look-arounds, optional parts), and on every pattern extraction guards,
over the lines of real minutes."""

from __future__ import annotations

import importlib
import random
import re
from pathlib import Path

import pytest

from councilgraph.extract import commitments, mentions, relations
from councilgraph.extract.action_rules import ACTION_RULES
from councilgraph.extract.cues import RULE_CUES
from councilgraph.extract.grammar import CueWords
from councilgraph.extract.prefilter import Guarded, Prefilter, fold
from councilgraph.extract.relation_rules import MOTION_RULES, RELATION_RULES
from tests.conftest import SEEDS, bare_runs

_ALPHABET = ["a", "b", "A", "B", "k", "K", "s", "S", "i", "I", "İ", "ı", "ſ", "K", "Σ", "σ", "ς", " ", "-", "’", "⟨", "⟩",
             "\n", "ab", "the ", "The ", "be ", "AB", "aa", "bb", "abab", "kk", "ss"]


def _random_pattern(rng: random.Random, depth: int = 0) -> tuple[str, bool]:
    """A small pattern of literals, classes, groups, alternations, repeats, look-arounds and inline flags, and
    whether it repeats anything (a repeat is never put around another, so matching stays quick)."""
    atoms = ["a", "b", "A", "k", "s", "i", "İ", "ſ", "σ", " ", "ab", "the ", "be", "[ab]", "[Aa]", "[ks]", "[^a]", ".",
             r"\b", r"\w", r"\s", "^", "$", "⟨", "-"]
    parts, repeats = [], False
    for _ in range(rng.randint(1, 5)):
        r = rng.random()
        inner_repeats = False
        if depth < 3 and r < 0.15:
            inner, inner_repeats = _random_pattern(rng, depth + 1)
            parts.append(rng.choice(["(?:{})", "({})", "(?={})", "(?!{})", "(?i:{})", "(?-i:{})"]).format(inner))
        elif depth < 3 and r < 0.27:
            alts = [_random_pattern(rng, depth + 1) for _ in range(rng.randint(2, 3))]
            inner_repeats = any(x for _, x in alts)
            parts.append("(?:" + "|".join(a for a, _ in alts) + ")")
        elif r < 0.32:
            parts.append(rng.choice(["(?<=a)", "(?<!b)", "(?<=the )", "(?<=[Aa])"]))
        else:
            parts.append(rng.choice(atoms))
        if not inner_repeats and rng.random() < 0.35:
            parts[-1] = "(?:" + parts[-1] + ")" + rng.choice(["?", "*", "+", "{2}", "{0,1}", "{1,3}", "{0}", "??", "{2,}"])
            inner_repeats = True
        repeats = repeats or inner_repeats
    return "".join(parts), repeats


def _random_text(rng: random.Random, source: str) -> str:
    """A text of the pattern's own letters and words, often repeated (where a wrong reading of a repeat shows)."""
    own = [w for w in _ALPHABET if w.strip() and w in source] or _ALPHABET
    pieces = [rng.choice(own) * rng.choice((1, 1, 2, 3)) if rng.random() < 0.7 else rng.choice(_ALPHABET)
              for _ in range(rng.randint(0, 12))]
    return "".join(pieces)


@pytest.mark.parametrize("seed", range(8))
def test_prefilter_never_refuses_a_matching_text(seed):
    rng = random.Random(seed)
    for _ in range(300):
        source, _ = _random_pattern(rng)
        flags = re.IGNORECASE if rng.random() < 0.3 else 0
        try:
            pattern = re.compile(source, flags)
        except re.error:
            continue
        pf = Prefilter(pattern)
        for _ in range(100):
            text = _random_text(rng, source)
            if pattern.search(text):
                assert pf.may_match(text), (source, flags, text, pf.tests)


def test_prefilter_reads_required_words():
    pf = Prefilter(re.compile(r"\b(?:would|will) (?:also )?be (?:sent|provided)\b"))
    assert not pf.may_match("the report was noted")
    assert pf.may_match("a note would be sent")
    # a look-ahead's words must be in the text too; an optional part's need not
    assert not Prefilter(re.compile(r"(?<=\S) +(?=Decision maker:)")).may_match("Decision taken: yes")
    assert Prefilter(re.compile(r"x(?:Director)?")).may_match("x")
    # folded for IGNORECASE, letters that fold to ASCII included
    assert Prefilter(re.compile(r"apologies", re.I)).may_match("APOLOGIES were received")
    assert Prefilter(re.compile(r"kis", re.I)).may_match("KİS")  # Kelvin sign and dotted capital I
    assert fold("ſİK") == "sik"


def test_guarded_pattern_gives_the_same_results():
    pattern = re.compile(r"(?=[RAD])\b(RESOLVED|AGREED)(?=[A-Z][a-z])")
    guarded = Guarded(pattern)
    for text in ("RESOLVEDThat the report", "nothing here", "AGREEDThe; RESOLVEDthat", ""):
        assert guarded.sub(r"\1 ", text) == pattern.sub(r"\1 ", text)
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in pattern.finditer(text)]
        assert (guarded.search(text) is None) == (pattern.search(text) is None)
        assert (guarded.match(text) is None) == (pattern.match(text) is None)


def _guarded_patterns() -> list[re.Pattern[str]]:
    # (by name: the loaders package binds `normalise` and `segment` to functions of those modules)
    normalise_mod = importlib.import_module("councilgraph.loaders.normalise")
    segment_mod = importlib.import_module("councilgraph.loaders.segment")
    found = [*commitments._PREFILTERS, *relations._PREFILTERS]
    for module in (mentions, normalise_mod, segment_mod, commitments):
        found += [v.pattern for v in vars(module).values() if isinstance(v, Guarded)]
    return found


def _lines() -> list[str]:
    lines: list[str] = []
    for p in sorted(Path(SEEDS).glob("*.txt")):
        lines += [ln for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines


def test_every_guarded_pattern_keeps_its_matches_on_real_minutes():
    patterns = _guarded_patterns()
    assert len(patterns) > 40  # the rule triggers and the guarded mention, loader and segment patterns
    assert {t for r in ACTION_RULES for t in r.triggers} <= set(patterns)
    assert {t for r in RELATION_RULES for t in r.triggers} | {rx for *_, rx in MOTION_RULES} <= set(patterns)
    lines = _lines()
    assert lines
    matched = 0
    for pattern in set(patterns):
        pf = Prefilter(pattern)
        for ln in lines:
            if pattern.search(ln):
                matched += 1
                assert pf.may_match(ln), (pattern.pattern[:80], ln)
    assert matched > 100


def test_person_initials_matches_as_its_plain_form():
    q = mentions._Q
    plain = re.compile(rf"(?<![\w{q}\-])((?:[A-Z]\. ?){{1,3}})({mentions.NAMEW})(?= \(| & | and |, [A-Z]\. |\s*$)")
    rng = random.Random(3)
    pieces = ["K. ", "J. T. ", "A.", "Coldwell", "McGregor", " (", " & ", " and ", ", ", "x", "-", "’", "A. Davy", " "]
    texts = _lines() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    for text in texts:
        for pos in (0, 1, 5):
            a, b = plain.search(text, pos), mentions.PERSON_INITIALS.search(text, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), text
        assert not plain.search(text) or mentions._AN_INITIAL.search(text), text  # the quick test before it


def test_cue_words_found_are_the_words_the_text_holds():
    rng = random.Random(5)
    tables = [RULE_CUES, CueWords(["", "a", "ab", "abc", "b c", "bc"])]  # (the sentences' one scan: extract/cues.py)
    for cues in tables:
        pieces = [*cues.words, " ", "x", "ed", "s", "A", "\n", "\t", "-"]
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
            assert cues.found(text) == frozenset(w for w in cues.words if w in text), text


def test_person_bare_matches_as_its_plain_form():
    q = mentions._Q
    plain = re.compile(rf"(?<![\w{q}\-])({mentions._NAME}(?: {mentions._NAME}){{1,2}})(?![\w{q}\-])")
    rng = random.Random(4)
    pieces = ["Carol ", "Cammiss", "McGregor", "O’Neil", "O'Brien", "Anne-Marie", "Mc", "O", "M", " ", "-", "’", "x",
              "Services ", "A", "Jo", "DP", "(", ",", "Fitzgerald-O’Connor"]
    texts = _lines() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    for text in texts:
        for pos in (0, 1, 5):
            a, b = plain.search(text, pos), mentions.PERSON_BARE.search(text, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), text


def test_patterns_opening_on_a_letter_match_as_their_plain_forms():
    q = mentions._Q
    lower = "|".join(sorted({h.lower() for h in mentions.vocab.ROLE_HEADS if " " in h}, key=len, reverse=True))
    plain_lower = re.compile(rf"\b(?<=[Tt]he )(({lower})(?: (?:of|for) (?:the )?[a-z{q}]+(?: (?:and|&) [a-z{q}]+)?)?)\b(?! [A-Z])")
    verbs = mentions._alt(v for v in mentions.vocab.PERSON_VERBS if not v.startswith("to "))
    plain_one = re.compile(rf"(?<=[a-z,;] )({mentions.NAMEW})(?= (?:{verbs})\b)")
    rng = random.Random(6)
    pieces = ["the ", "The ", "he ", "corporate director", "cabinet member", " of ", " for ", "children", " and ", "x",
              "Luke", " agreed", " said", ", ", "; ", "a ", "Fiona", " was", " Director", "’", "-"]
    texts = _lines() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    names = [n for canon, (alts, _) in mentions.vocab.KNOWN_ORGS.items() for n in (canon, *alts)]
    names += [n.replace("'", "’") for n in names if "'" in n]
    plain_org = re.compile(rf"(?<![\w\-])({mentions._alt(names)})(?![\w\-])")
    pieces += ["NHS", " England", "CAMHS", "-", "Ofsted", "xOfsted", "Care Quality Commission", "_"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    for text in texts:  # the cue tried first is in every text the pattern matches
        assert not mentions.LOWER_ROLE.pattern.search(text) or mentions._LOWER_ROLE_CUE.search(text), text
    for plain, fast in ((plain_lower, mentions.LOWER_ROLE.pattern), (plain_one, mentions.PERSON_ONE),
                        (plain_org, mentions.KNOWN_ORG.pattern)):
        for text in texts:
            a = [(m.span(), m.groups()) for m in plain.finditer(text)]
            assert a == [(m.span(), m.groups()) for m in fast.finditer(text)], (fast.pattern[:40], text)


def test_document_words_are_found_as_by_their_pattern():
    rng = random.Random(7)
    words = ("Jo", "Joanne", "CAMHS", "A&E", "Anne-Marie", "Neil", "SEN", "SEND")
    pieces = [*words, " ", "-", "’", "'", "x", "O’", "s", " Smith", "(", ")", "&", "_", "é"]
    texts = _lines() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(4000)]
    for after in (mentions._AFTER_ACRONYM, mentions._AFTER_GIVEN_NAME):
        for chosen in (words, words[:2], ("SEN", "SEND", "Jo")):
            plain = re.compile(rf"(?<![\w\-])(?:{'|'.join(map(re.escape, sorted(chosen, key=len, reverse=True)))}){after.pattern}")
            finder = mentions._Words(chosen, after)
            for text in texts:
                assert finder.find(text) == [(m.start(), m.end(), m[0]) for m in plain.finditer(text)], (chosen, text)


def test_sentences_split_as_when_each_head_was_searched_whole():
    from councilgraph.extract import sentences

    boundary = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")  # (as written before it opened on the stop)

    def plain(text: str) -> list[str]:
        out, start = [], 0
        for m in boundary.finditer(text):
            head = text[start:m.start()]
            if sentences._ABBREV.search(head):
                continue
            out.append(head.strip())
            start = m.end()
        return [s for s in [*out, text[start:].strip()] if s]

    rng = random.Random(8)
    pieces = ["Mr. ", "approx. ", "e.g. ", "The report. ", "J. ", "x.", " ", "It was agreed! ", "Cllr. Smith. ", "(", ")",
              "”", "pp. 3. ", "Ltd. ", "A.", "Co. ", "etc. ", "1. ", "Then"]
    texts = _lines() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for text in texts:
        assert sentences.split_sentences(text) == plain(text), text


def test_words_between_boundaries_are_found_as_by_their_pattern():
    rng = random.Random(12)
    words = ["Nigel", "Nigel Richardson", "Jo", "Joanne Smith", "Anne-Marie", "O’Neil", "-x", "Li_"]
    pieces = [*words, " ", "-", "’", "x", "_", "s", "(", "é", "Nigel Richardsonx", "2"]
    texts = _lines() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(4000)]
    for chosen in (words, words[::-1], words[:3], ["Jo"]):
        plain = re.compile(r"\b(?:" + "|".join(map(re.escape, chosen)) + r")\b")
        finder = mentions.WordsBetweenBoundaries(chosen)
        for text in texts:
            assert finder.find(text) == [m[0] for m in plain.finditer(text)], (chosen, text)


def test_cue_patterns_opening_on_a_letter_find_what_their_plain_forms_find():
    from councilgraph.extract import vocab

    role_words = [h.split()[-1] for h in vocab.ROLE_HEADS] + list(vocab.PLURAL_HEADS)
    cues = ((re.compile(rf"\b(?:{mentions._alt(role_words)})\b"), mentions._ROLE_CUE),
            (re.compile(rf"\b(?:{mentions._alt(vocab.BODY_HEADS)})\b"), mentions._BODY_CUE))
    rng = random.Random(13)
    pieces = ["Director", "Directors", "Chair", "Vice-Chair", "Committee", "Sub-Committee", "Board", "x", "_", " ", "-",
              "Task Group", "Members", "é", "2", "the "]
    texts = _lines() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(4000)]
    for plain, fast in cues:
        for text in texts:
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in fast.finditer(text)], text
    for canon, (alts, _kind) in vocab.KNOWN_ORGS.items():
        for name in (canon, *alts, canon.upper(), canon.replace("'", "’")):
            key = name.replace("’", "'").lower()
            first = next((c, k) for c, (a, k) in vocab.KNOWN_ORGS.items()
                         if key == c.replace("’", "'").lower() or key in (x.replace("’", "'").lower() for x in a))
            assert mentions.known_org(name) == first


def test_document_patterns_opening_on_a_letter_match_as_their_plain_forms():
    from councilgraph.extract import pipeline, resolve, vocab
    from councilgraph.extract.grammar import DELIVERABLE, alt

    plain = [
        (re.compile(r"\b(?:Contact|Report author|Lead officer)\s*:\s*[^\n]+"), pipeline._CONTACT),
        (re.compile(r"\b[Mm]inutes of the (?:last |previous )?meetings? of the (?P<name>[A-Z][^.;:\n]{3,120}?) held\b"),
         resolve._OWN_MINUTES),
        (re.compile(rf"\b(?:{alt(vocab.RECEIVING_VERBS)}) (?:a|an|the|two|three|four) (?:[a-z]+ ){{0,2}}?{DELIVERABLE}\b"),
         resolve._RECEIVED)]
    rng = random.Random(15)
    pieces = ["Contact", " : ", "Report author", "Lead officer", "x", "_", "é", " ", "\n", "minutes of the ", "Minutes",
              "last ", "meeting of the ", "Cabinet", " held", "received ", "noted", "considered", "a ", "the ", "report",
              "two ", "reports", "new "]
    chunks = ["The minutes of the last meeting of the Cabinet held on 3 May", "Minutes of the meetings of the Board held",
              "xminutes of the meeting of the Panel held", "Members received a report", "noted the two new reports",
              "_received a report", "considered an update report", "Contact: Jo", "Lead officer :x", " ", ". ", "é"]
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(SEEDS).glob("*.txt"))] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(5000)] + [
        "".join(rng.choice(chunks) for _ in range(rng.randint(1, 6))) for _ in range(2000)]
    for old, new in plain:
        for text in texts:
            assert [(m.span(), m.groups()) for m in old.finditer(text)] == [(m.span(), m.groups()) for m in new.finditer(text)]


def test_literals_let_through_every_pattern_its_own_prefilter_would():
    """The mention finder asks one table (prefilter.Literals) which of its patterns may match a sentence: never one
    fewer than each pattern's own prefilter lets through, on real minutes and on texts built of the patterns' words."""
    table = mentions._LITERALS
    patterns = list(table._sets)
    words = sorted({w for _, sets in table._sets.values() for s in sets for w in s})
    rng = random.Random(6)
    texts = _lines() + ["".join(rng.choice([*words, " ", "x", "\n"]) for _ in range(rng.randint(0, 6))) for _ in range(3000)]
    let_through = 0
    for text in texts:
        passing = table.passing(text)
        for g in patterns:
            if g.may_match(text):
                assert g in passing, (g.pattern.pattern[:60], text)
                let_through += 1
    assert let_through > len(texts)  # (the texts hold the patterns' words)


def test_person_candidates_are_the_bare_runs_not_opening_on_a_word_of_minutes():
    """Finder.people reads _PERSON_CANDIDATE's matches: the runs PERSON_BARE finds, searched again from each run's second
    word, less those whose first word is a word of minutes."""
    rng = random.Random(7)
    pieces = ["Carol ", "Cammiss ", "Services ", "County Councillor ", "Director ", "Smithson ", "Smith", "Anne-Marie ",
              "O’Neil ", "McGregor ", "the ", "x", "(", ", ", "-", *sorted(mentions._NOT_NAME_PLACED)[:40:3]]
    texts = _lines() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(3000)]
    for text in texts:
        assert bare_runs(mentions._PERSON_CANDIDATE, text, False) == bare_runs(mentions.PERSON_BARE, text, True), text


def test_mention_patterns_run_behind_their_opening_characters_find_the_same_matches():
    """The mention finder's patterns that would be tried at every position run behind a look-ahead for the characters
    their matches open with (extract/quick.py): the same matches as their plain forms, on real minutes."""
    from councilgraph.extract.quick import quick

    quickened = []
    for name, value in vars(mentions).items():
        pattern = value.pattern if isinstance(value, Guarded) else value
        if isinstance(pattern, re.Pattern) and pattern.pattern.startswith("(?=["):
            plain = re.compile(pattern.pattern[pattern.pattern.index(")(?:") + 4:-1], pattern.flags)
            assert quick(plain).pattern == pattern.pattern, name
            quickened.append((name, plain, pattern))
    assert len(quickened) >= 10
    lines = _lines()
    for name, plain, fast in quickened:
        for text in lines:
            assert [(m.span(), m.groups()) for m in plain.finditer(text)] == \
                [(m.span(), m.groups()) for m in fast.finditer(text)], (name, text)
