"""The extraction's shortcuts outside the mention finder read the seed and corpus minutes as their plain forms do."""

from __future__ import annotations

import random
import re

import pytest

from councilgraph.extract import commitments, pipeline
from councilgraph.extract.cues import RULE_CUES
from councilgraph.extract.gates import PREFILTERS, admits, demands
from councilgraph.extract.prefilter import CueWords
from councilgraph.extract.sentence import Sentence
from councilgraph.graph.model import DocumentGraph, Label, Node, Rel, RelType
from councilgraph.loaders import load
from tests.conftest import CORPUS, SEEDS

_PATHS = [*sorted(SEEDS.glob("*.txt")), *sorted(CORPUS.glob("*.txt"))]


@pytest.fixture(scope="module")
def read() -> dict[str, list]:
    """What the pipeline makes and asks while it reads the seeds and the corpus: its sentences, the clauses `active`
    is asked of, and each item's actions in the order it writes them."""
    seen: dict[str, list] = {"sentences": [], "clauses": [], "pending": []}
    original_sentence, original_active, original_write = pipeline.Sentence, commitments.active, pipeline._ItemReader.write_actions

    def sentence(*args, **kwargs):
        s = original_sentence(*args, **kwargs)
        seen["sentences"].append(s)
        return s

    def active(clause: str) -> str:
        seen["clauses"].append(clause)
        return original_active(clause)

    def write_actions(self) -> None:
        seen["pending"].append([a for a, *_ in self.pending])
        original_write(self)

    pipeline.Sentence, commitments.active, pipeline._ItemReader.write_actions = sentence, active, write_actions
    try:
        for path in _PATHS:
            pipeline.extract(load(path))
    finally:
        pipeline.Sentence, commitments.active, pipeline._ItemReader.write_actions = (
            original_sentence, original_active, original_write)
    return seen


def test_a_sentence_holds_the_cue_words_a_scan_of_its_own_finds(read):
    # Sentence.held is found once, with the sentence, where each rule table asked the scan; a table of its own
    # (no last answer kept from another sentence) finds the same words in every sentence the pipeline reads.
    fresh = CueWords(RULE_CUES.words)
    sentences = read["sentences"]
    assert len(sentences) > 1000
    for s in sentences:
        assert s.held == fresh.found(s.text.lower()), s.text
    held = [s.held for s in sentences]
    assert sum(bool(h) for h in held) > len(held) // 2
    assert len(set(held)) > 200  # (not one answer kept for all)


def test_a_sentence_is_the_same_however_it_is_made():
    s = Sentence("Councillor Smith would ask the Director.", [])
    assert (s.template, s.low, s.held) == (s.text, s.text.lower(), RULE_CUES.found(s.text.lower()))
    assert s == Sentence("Councillor Smith would ask the Director.", [])
    assert "would" in s.held and "held" not in repr(s)


def _plain_active(clause: str) -> str:
    """`commitments.active` as it was written: its pattern tried on every clause."""
    m = commitments._PASSIVE.match(clause)
    if not m:
        return clause
    thing = re.sub(r"^[Tt]hat ", "", m["thing"])
    thing = commitments._OBJECT.get(thing.lower(), thing)
    if thing[:1].isupper() and thing[1:2].islower():
        thing = thing[0].lower() + thing[1:]
    adv = f"{m['adv']} " if m["adv"] else ""
    return f"{adv}{commitments.vocab.DELIVERY_VERBS[m['part']]} {thing}{commitments._AGENT.sub('', m['rest'], count=1)}"


def test_active_reads_every_clause_as_its_plain_form(read):
    rng = random.Random(5)
    pieces = ["details", " be ", "be ", " be", "would", " would be ", " will\tbe ", " could also be ", "provided",
              " circulated", " by ", "⟨1⟩", ",", " ", "\n", "\u00a0", "that ", "not", " to", "investigated", "ly "]
    fuzz = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(3000)]
    clauses = [*read["clauses"], *fuzz, "Details on this would be provided by ⟨1⟩", "they will be submitted in time",
               "a report would be\tcirculated", "a report would\u00a0be circulated", "it, be circulated"]
    passive = 0
    for clause in clauses:
        expected = _plain_active(clause)
        passive += expected != clause
        assert commitments.active(clause) == expected, clause
    assert len(read["clauses"]) > 30
    assert passive > 20


def _plain_restated(a, earlier) -> bool:
    """`commitments.restated` as it was written: the action's content words read first."""
    mine = set(commitments._named(a))
    if not mine:
        return False
    cw = commitments._content(a.text)
    return len(cw) >= 2 and any(mine == set(commitments._named(b)) and len(bw := commitments._content(b.text)) >= 2
                                and commitments._shares(cw, bw, commitments._RESTATED) for b in earlier)


def test_restated_answers_as_its_plain_form(read):
    items = [actions for actions in read["pending"] if actions]
    asked = restated = 0
    for actions in items:
        for i, a in enumerate(actions):
            for earlier in (actions[:i], actions[i + 1:], actions):
                asked += 1
                expected = _plain_restated(a, earlier)
                restated += expected
                assert commitments.restated(a, earlier) == expected, a.text
    # … and on actions made to differ by a word, or to name no one
    first = next(a for actions in items for a in actions if commitments._named(a))
    twin = commitments.ActionFact(first.text + " soon", list(first.owners))
    lone = commitments.ActionFact("x", list(first.owners))
    for a, earlier in ((twin, [first]), (lone, [first]), (first, [lone]), (commitments.ActionFact(first.text), [first])):
        assert commitments.restated(a, earlier) == _plain_restated(a, earlier)
    assert asked > 200
    assert restated > 0


def test_admits_leaves_out_only_triggers_whose_gates_fail(read):
    # A plan leaves out the triggers `admits` refuses: where it does, the trigger's own prefilter fails on the template.
    templates = {(s.template, s.held) for s in read["sentences"]}
    left_out = 0
    for prefilter in PREFILTERS.values():
        sets, marker = demands(prefilter)
        for template, held in templates:
            marked = "⟨" in template
            plain = (marked or not marker) and all(not held.isdisjoint(p) for p in sets)
            assert admits(prefilter, held, marked) == plain
            if not plain:
                left_out += 1
                assert not prefilter.may_match(template), (prefilter.pattern.pattern[:80], template)
    assert left_out > 10_000


def test_a_fact_added_by_its_fields_is_the_fact_add_rel_keeps(monkeypatch):
    # DocumentGraph.add_fact makes the Rel only where it is kept: the graphs are those of add_rel(Rel(…)).
    def graphs() -> list[tuple[dict, dict]]:
        out = []
        for path in _PATHS:
            g = pipeline.extract(load(path))
            out.append(({k: n.row() for k, n in g.nodes.items()}, {k: (r.row(), r.props) for k, r in g.rels.items()}))
        return out

    fast = graphs()

    def plain(self, typ, start, end, source, evidence, extractor, para=None, props=None) -> None:
        self.add_rel(Rel(typ, start, end, source, evidence, extractor, para, {} if props is None else props))

    monkeypatch.setattr(DocumentGraph, "add_fact", plain)
    assert graphs() == fast
    assert sum(len(rels) for _, rels in fast) > 1000
    # … and a fact refused (the same ends, no evidence, ends of the wrong labels) or told twice is kept as add_rel keeps it
    for add in (DocumentGraph.add_rel, None):
        g = DocumentGraph("x.txt")
        g.add_node(Node("person:a", Label.PERSON, "A"))
        g.add_node(Node("item:i", Label.AGENDA_ITEM, "I"))
        for args in ((RelType.MENTIONS, "item:i", "person:a", "x.txt", "first", "mention"),
                     (RelType.MENTIONS, "item:i", "person:a", "x.txt", "second", "mention"),
                     (RelType.MENTIONS, "person:a", "item:i", "x.txt", "wrong way", "mention"),
                     (RelType.MENTIONS, "item:i", "item:i", "x.txt", "itself", "mention"),
                     (RelType.AUTHORED, "person:a", "item:i", "x.txt", "", "report-by")):
            if add is None:
                g.add_fact(*args)
            else:
                add(g, Rel(*args))
        assert [(k, r.evidence) for k, r in g.rels.items()] == [("MENTIONS|item:i|person:a|x.txt", "first")]
