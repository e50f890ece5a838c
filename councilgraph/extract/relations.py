"""Apply the relation rules (extract/relation_rules.py) to a sentence; and the facts not read from a pattern of words:
a post's body named in its title, and inspections."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from councilgraph.extract import vocab
from councilgraph.extract.gates import PREFILTERS, admits, narrowed, pieces, run
from councilgraph.extract.mentions import Mention
from councilgraph.extract.prefilter import Memo
from councilgraph.extract.relation_rules import MOTION_RULES, RELATION_RULES, RelationRule
from councilgraph.extract.sentence import MARKER, Sentence
from councilgraph.graph.model import Label, RelType

P, R, B, ORG, C = Label.PERSON, Label.ROLE, Label.BODY, Label.ORGANISATION, Label.COUNCIL
Fact = tuple[RelType, str, str, str, dict]  # type, start id, end id, extractor, properties
_OUTCOME = re.compile(r"\b(?:rated|judged|graded|found to be|as)\s+(?:as\s+)?(" + "|".join(vocab.OUTCOMES) + r")\b"
                      r"|\b(" + "|".join(vocab.OUTCOMES) + r")\b(?= (?:rating|judgement|judgment|by ofsted))")
# Each trigger's literal words, tested before it is run (the same matches; most sentences lack them).
_PREFILTERS = {t: PREFILTERS[t] for t in [*(t for r in RELATION_RULES for t in r.triggers), *(rx for *_, rx in MOTION_RULES)]}
#: The words `_rules_for` reads (the cue words, and the pieces the triggers' and motion patterns' gates file words under): its cache is
#: keyed on these alone, not on the action rules' words a sentence holds too (fewer keys: the rules planned less often).
_KEYS = frozenset().union(*(r.cues for r in RELATION_RULES), *(pieces(PREFILTERS[t]) for t in _PREFILTERS))
#: A trigger as a sentence's plan runs it: its pattern, and its test of the template (None: the template must pass it).
_Run = tuple[re.Pattern[str], Callable[[str], bool] | None]
#: A rule to try, with its triggers.
_Tried = tuple[RelationRule, tuple[_Run, ...]]
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _ends(mentions: list[Mention], fragment: str | None) -> list[int]:
    return [i for i in map(int, MARKER.findall(fragment or "")) if mentions[i].node]


def _apply(rule: RelationRule, matches: list[re.Match[str]], s: Sentence, item_id: str) -> list[tuple[str, str]]:
    """(start, end) node pairs the rule reads in its trigger matches in the sentence."""
    ms, start, end = s.mentions, rule.start, rule.end  # (a marker ⟨i⟩ is the sentence's mention i)
    pairs: list[tuple[int, int]] = []
    for m in matches:
        ends = _ends(ms, m["b"]) if "b" in m.re.groupindex else [-1]
        for a in _ends(ms, m["a"]):
            for b in ends:
                if rule.either_order and b >= 0 and ms[a].label in end and ms[b].label in start:
                    a, b = b, a  # "the Director, Ms Butler"
                if ms[a].label in start and (b < 0 or ms[b].label in end) and (a, b) not in pairs:
                    pairs.append((a, b))
    if rule.either_order:  # in "P1, R1, P2, R2" each post is held by the person just before it, not the one after
        pairs = [(a, b) for a, b in pairs if a == b - 1 or not any(x == b - 1 and y == b for x, y in pairs)]
    return [(ms[a].node, ms[b].node if b >= 0 else item_id) for a, b in pairs]  # type: ignore[misc]


#: The plans made, by all a sentence's cue scan holds (its hash is kept), whether it names more than one actor and the
#: labels of those placed.
_PLANS = Memo(lambda key: _rules_for(key[0] & _KEYS, *key[1:]))


@lru_cache(maxsize=4096)
def _rules_for(cued: frozenset[str], many: bool, labels: frozenset[Label]) -> tuple[_Tried, ...]:
    """The rules to try on a sentence that names actors (its template holds a marker) and holds these cue words and
    gates' pieces: one actor, or `many` (a rule with an end of its own needs two), and actors of these labels (a pair
    `_apply` reads has a start of the rule's labels, and an end of its end's where every trigger marks one); each with
    its triggers whose gates the cue scan lets pass, and their tests narrowed to the words the template may hold
    (extract/gates.py, `narrowed`: the template holds markers) (a few words and labels, in few combinations: each
    asked once)."""
    tried = []
    for r in RELATION_RULES:
        if (many or not r.end) and not labels.isdisjoint(r.start) and not (_marks_an_end(r) and labels.isdisjoint(r.end)):
            if not r.cues or not cued.isdisjoint(r.cues):
                runs = tuple((run(trigger)[0], narrowed(_PREFILTERS[trigger], cued, True, True))
                             for trigger in r.triggers if admits(_PREFILTERS[trigger], cued))
                if runs:
                    tried.append((r, runs))
    return tuple(tried)


def _marks_an_end(rule: RelationRule) -> bool:
    """Does every match of the rule mark an end actor (group `b`), not the item?"""
    return bool(rule.end) and all("b" in t.groupindex for t in rule.triggers)


def sentence_facts(s: Sentence, home_council: str | None, item_id: str, description: bool = False) -> list[Fact]:
    """Facts between actors, and between actors and the item, that the sentence states."""
    if not s.mentions:
        return []  # every fact is of an actor the sentence names
    facts: list[Fact] = []
    holders: dict[str, str] = {}  # post -> the person in apposition to it, who is the one acting
    labels = frozenset([m.label for m in s.mentions if m.node])  # (a rule reads only actors the resolver placed)
    template = s.template
    key = (s.held, len(s.mentions) > 1, labels)
    tried = _PLANS[key]
    for rule, triggers in tried:
        matches = [m for t, test in triggers if test is None or test(template) for m in t.finditer(template)]
        if not matches:
            continue  # (most rules tried find nothing: no pairs, no holders)
        pairs = list(dict.fromkeys(_apply(rule, matches, s, item_id)))
        if rule.type is RelType.HOLDS:
            holders.update({b: a for a, b in pairs})
        if rule.people_first:
            starts = [a for a, _ in pairs]
            people = [a for a in starts if a.startswith("person:")] + [holders[a] for a in starts if a in holders]
            pairs = [(a, b) for a in dict.fromkeys(people) for b in {b for _, b in pairs}] if people else pairs
        facts += [(rule.type, a, b, rule.name, {}) for a, b in pairs]
    for mention in s.mentions:
        if mention.inner and mention.label is R:
            facts += [(RelType.ROLE_IN, mention.node, inner.node, "role-of", {}) for inner in mention.inner  # type: ignore[misc]
                      if inner.node]
    if ORG in labels and (inspected := _inspected(s, home_council)):  # (a regulator is an organisation placed)
        facts.append(inspected)
    return facts


def _inspected(s: Sentence, home_council: str | None) -> Fact | None:
    """A regulator named beside an inspection word inspected the council the sentence is about."""
    regulators = [m for m in s.mentions if m.label is ORG and m.name in vocab.REGULATORS and m.node]
    low = s.low
    if not regulators or not any(map(low.__contains__, vocab.INSPECTION_WORDS)):  # (a regulator named: the rarer test)
        return None
    targets = [m.node for m in s.mentions if m.label is C and not m.generic and m.node]
    target = targets[0] if targets else home_council
    if not target:
        return None
    props: dict = {}
    if year := _YEAR.search(s.text):
        props["date"] = year[0]
    if outcome := _OUTCOME.search(low):
        props["outcome"] = outcome[1] or outcome[2]
    elif "inadequate" in low:
        props["outcome"] = "inadequate"
    return RelType.INSPECTED, regulators[0].node, target, "inspection", props  # type: ignore[return-value]


def moved_seconded(s: Sentence) -> list[tuple[RelType, str]]:
    """Who moved and who seconded the motion a sentence records."""
    for mention in s.mentions:
        if mention.label is P and mention.node:
            break
    else:
        return []  # only a person moves or seconds: a sentence that names none records no one doing so
    template, held = s.template, s.held
    return [(typ, s.at(i).node) for typ, rx, test in _MOTION_PLANS[held] if test is None or test(template)  # type: ignore[misc]
            for m in rx.finditer(template) if s.is_(i := m["a"][1:-1], P)]


def _motion_plan(held: frozenset[str]) -> tuple[tuple[RelType, re.Pattern[str], Callable[[str], bool] | None], ...]:
    """The motion patterns as run (extract/gates.py) on a sentence that names a person (its template holds markers)
    and whose cue scan holds these: those whose gates it may pass, each with its test narrowed (`narrowed`)."""
    cued = held & _KEYS
    return tuple((typ, run(rx)[0], narrowed(_PREFILTERS[rx], cued, True, True)) for _, typ, rx in MOTION_RULES
                 if admits(_PREFILTERS[rx], cued))


#: The motion patterns a sentence's plan runs, by all its cue scan holds (as `_PLANS`).
_MOTION_PLANS = Memo(_motion_plan)
