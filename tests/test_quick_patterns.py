"""extract/quick.py: a rule trigger run with a look-ahead for its opening characters finds the same matches."""

from __future__ import annotations

import random
import re

from councilgraph.extract import commitments, pipeline, relations
from councilgraph.extract.action_rules import ACTION_RULES
from councilgraph.extract.cues import RULE_CUES
from councilgraph.extract.gates import PREFILTERS, demands, narrowed, pieces, run, words_held, words_test
from councilgraph.extract.grammar import DELIVERABLE, DUE
from councilgraph.extract.pipeline import extract
from councilgraph.extract.quick import quick
from councilgraph.extract.relation_rules import MOTION_RULES, RELATION_RULES
from councilgraph.extract.sentence import Sentence
from councilgraph.loaders import load
from tests.conftest import CORPUS, SEEDS

_PATTERNS = [*(t for r in ACTION_RULES for t in r.triggers), *(t for r in RELATION_RULES for t in r.triggers),
             *(rx for *_, rx in MOTION_RULES), DUE, re.compile(r",?\s+and\s+(?:also\s+)?(?:notes|agrees)\b.*$", re.S),
             re.compile(r"\b\d{1,2}(?:st|nd)? (?:May|June)|\bby \d+|;\s*and\b ")]


def _matches(pattern: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]


def _sentences() -> list[tuple[str, str]]:
    """The sentences the rules read in the seed and corpus minutes: (template, a mention's words a marker ⟨i⟩; the
    text in lower case)."""
    seen: list[tuple[str, str]] = []
    original = pipeline.Sentence

    def keep(*args, **kwargs):
        s = original(*args, **kwargs)
        seen.append((s.template, s.low))
        return s

    pipeline.Sentence = keep
    try:
        for path in [*sorted(SEEDS.glob("*.txt")), *sorted(CORPUS.glob("*.txt"))]:
            extract(load(path))
    finally:
        pipeline.Sentence = original
    return list(dict.fromkeys(seen))


def _templates() -> list[str]:
    return [template for template, _ in _sentences()]


def _texts() -> list[str]:
    rng = random.Random(11)
    pieces = ["⟨1⟩", "⟨2⟩", " would ", " be ", "provided", " by ", "that ", "The ", "it was agreed ", " to ", ", ",
              "asked ", "(", ")", "; ", "and ", "report", "x", "-", " ", "\n", "\u00a0", "12", "\u0663", "May", "notes"]
    fuzz = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(2000)]
    return _templates() + fuzz


def test_quick_patterns_find_the_same_matches():
    texts = _texts()
    changed = matched = 0
    for pattern in _PATTERNS:
        fast = quick(pattern)
        changed += fast is not pattern
        assert fast.groupindex == pattern.groupindex
        for text in texts:
            found = _matches(pattern, text)
            matched += bool(found)
            assert _matches(fast, text) == found, (pattern.pattern[:80], text)
    assert changed > 30  # most triggers open on a clause start, a word boundary or an optional part
    assert matched > 500


def test_a_pattern_the_engine_skips_to_is_left_as_it_is():
    for p in (r"⟨\d+⟩ was", r"^To \w+", r"(?:ab|ac)d", r"[Tt]he", r"(?i)\bthe", r"x*", r"\b\w+", r"(?:a|b\d)"):
        pattern = re.compile(p)
        assert quick(pattern) is pattern, p
    assert quick(re.compile(r"\b(?:the|an?) \w+")).pattern.startswith("(?=[")


def test_gates_answer_as_the_prefilters():
    sentences = _sentences() + [(t, t.lower()) for t in _texts()[-2000:]]  # (and the fuzz, its own lower-case text)
    passed = listed = 0
    for pattern, prefilter in PREFILTERS.items():
        may_match, (fast, test) = prefilter.may_match, run(pattern)
        assert fast.pattern == quick(pattern).pattern
        for template, low in sentences:
            expected = may_match(template)
            passed += expected
            held = RULE_CUES.found(low)
            assert test(template, held) == expected, (pattern.pattern[:80], template)
            # … and its tests as the word lists a sentence's plan keeps (where they are all of words)
            needed = words_held(prefilter, held)
            listed_test = words_test(needed) if needed is not None else None
            assert needed is None or (listed_test is None or listed_test(template)) == expected, \
                (pattern.pattern[:80], template)
            listed += needed is not None
            # … and as the one test a plan keeps, less the lists of a marker's character the template holds
            if not any(held.isdisjoint(p) for p in demands(prefilter)[0]):
                narrow = narrowed(prefilter, held, "⟨" in template, "⟨" in template and "⟩" in template)
                assert (narrow is None or narrow(template)) == expected, (pattern.pattern[:80], template)
    assert passed > 5000
    assert listed > 100_000
    assert sum(1 for prefilter in PREFILTERS.values() if pieces(prefilter)) > 30  # most ask for a list of words


def test_a_trigger_left_out_of_a_plan_is_one_its_gate_fails():
    # A sentence's plan leaves out a trigger whose gate's demands its cue scan (and whether the template holds a
    # marker) cannot meet: its prefilter must then fail too.
    sentences = _sentences() + [(t, t.lower()) for t in _texts()[-2000:]]
    left_out = 0
    for prefilter in PREFILTERS.values():
        sets, marker = demands(prefilter)
        for template, low in sentences:
            held = RULE_CUES.found(low)
            if (marker and "⟨" not in template) or any(held.isdisjoint(p) for p in sets):
                left_out += 1
                assert not prefilter.may_match(template), (prefilter.pattern.pattern[:80], template)
    assert left_out > 10000


def test_a_relation_plans_narrowed_tests_answer_as_the_prefilters():
    # sentence_facts reads only sentences that name someone (the template holds "⟨" and "⟩": a word list holding
    # either alone passes), and narrows each trigger's word lists to the pieces the cue scan holds
    sentences = [(t, low) for t, low in _sentences() + [(t, t.lower()) for t in _texts()[-2000:]] if "⟨" in t and "⟩" in t]
    tested = 0
    for rule in RELATION_RULES:
        for pattern in rule.triggers:
            prefilter = PREFILTERS[pattern]
            for template, low in sentences:
                held = RULE_CUES.found(low)
                cued = held & relations._KEYS
                if any(cued.isdisjoint(p) for p in demands(prefilter)[0]):
                    assert not prefilter.may_match(template)
                    continue
                test = narrowed(prefilter, cued, True, True)
                assert (test is None or test(template)) == prefilter.may_match(template), (pattern.pattern[:80], template)
                tested += 1
    assert len(sentences) > 1000
    assert tested > 20_000


def test_the_deliverable_test_answers_as_the_deliverable_words():
    # commitments._INFO (the words as a trie) says whether a text holds DELIVERABLE, as the alternation would.
    plain = re.compile(DELIVERABLE, re.I)
    texts = [*_texts(), "a REPORT", "two Reports", "an e-mail", "e-mails", "reportsx", "xreport", "a written answer"]
    held = sum(bool(plain.search(t)) for t in texts)
    assert all(bool(commitments._INFO.search(t)) == bool(plain.search(t)) for t in texts)
    assert held > 100


def test_topic_of_skips_only_sentences_that_raise_no_query():
    texts = [*(low for _, low in _sentences()), "Clarification was sought on the number of children in care",
             "CLARIFICATION WAS SOUGHT ON the number of visits", "Clar\u0130fication was sought on the number of visits",
             "Que\u017ftions were asked about the new rota for visits", "Concerns were raised around the funding gap"]
    raised = 0
    for text in texts:
        s = Sentence(text, [])
        if commitments._TOPIC.search(s.template):
            raised += 1
            assert not commitments._holds_no_query(s), text
    assert raised >= 5


def test_procedural_skips_only_sentences_the_pattern_does_not_match():
    texts = [*(low for _, low in _sentences()), "The MINUTES of the meeting were agreed", "Apologie\u017f were received",
             "The M\u0130NUTES were signed", "Declarat\u0131ons of interest", "The meeting closed and it agreed to meet"]
    procedural = 0
    for text in texts:
        s = Sentence(text, [])
        expected = bool(commitments._PROCEDURAL.search(text) and not commitments._CONSENTS.search(text))
        procedural += expected
        assert commitments._procedural(s) == expected, text
    assert procedural >= 20
