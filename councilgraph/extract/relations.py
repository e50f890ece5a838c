"""Relationships between actors that one sentence states, read from its template."""

from __future__ import annotations

import re
from collections.abc import Iterator

from councilgraph.extract import vocab
from councilgraph.extract.sentence import M, Sentence
from councilgraph.graph.model import Label, RelType

P, R, B, ORG, C = Label.PERSON, Label.ROLE, Label.BODY, Label.ORGANISATION, Label.COUNCIL
Fact = tuple[RelType, str, str, str, dict]  # type, start id, end id, extractor, properties

_APPOSITION = re.compile(rf"{M}(,? (?:the |our |as )?|\s\((?:the )?| [–—-] (?:the )?|, \(){M}(?=[,)\s.;:]|$)")
#: "Laura Colman and Claire Platt (Co-opted Members)": every person of the list holds the post in brackets.
_LIST_IN_BRACKETS = re.compile(rf"((?:{M}, )*{M},? and {M}) \((?:non-voting |voting )?{M}\)")
_INTRODUCED_BY = re.compile(rf"\b(?:introduced|presented|outlined|led) by (?:the )?{M}"
                            rf"|\b(?:invited|asked) (?:the )?{M},?(?: [^,;]*,)? to (?:introduce|present|outline|take (?:the )?[Mm]embers through)")
_INTRO_VERB = re.compile(
    r"\b(?:introduced|presented|outlined|gave|provided|delivered|took members through|"
    r"updated (?:the )?(?:Committee|Board|Panel|Members)|reported on)\b"
    r"(?: (?:the|this|a|an|his|her|their))?(?: \w+)?(?: (?:item|report|presentation|update|paper|briefing|overview))")
_AUTHORED = re.compile(rf"\b(?:[Rr]eport|[Pp]resentation|[Bb]riefing|[Pp]aper)s? (?:of|by|from) (?:the )?{M}"
                       rf"(?:(?:,? and| &) (?:the )?{M})?")
_ON_BEHALF = re.compile(rf"\bon behalf of (?:the )?{M}(?: by (?:the )?{M})?")
_AUTHOR_LINE = re.compile(rf"^(?:Report )?[Aa]uthor:? {M}")
_REPORTS_TO = re.compile(
    rf"{M},?(?: who)? (?:would be |will be |is |was |are |were |had been |has been )?(?:writing reports?|reporting|reports?|"
    rf"reported|accountable|answerable|submitting reports?|submits reports?|would report|will report)(?! back)"
    rf"(?: \w+){{0,2}}? to (?:the )?{M}")
_APPOINTED = (
    (re.compile(rf"\bappointment of (?:a |an |the )?{M} by (?:the )?{M}"), 1, 0),
    (re.compile(rf"{M}[ -]appointed (?:a |an |the )?{M}"), 0, 1),
    (re.compile(rf"{M},? (?:was |were |has been |had been |is |being )?appointed (?:as \w+ )?by (?:the )?{M}"), 1, 0),
    (re.compile(rf"{M} (?:has |had |have )?appointed (?:a |an |the )?{M}"), 0, 1),
)
_PART_OF = re.compile(rf"{M},? (?:which is |is |was |are )?(?:run by|run|part of|a part of|hosted by|"
                      rf"a sub-?group of|a sub-?committee of|reporting into) (?:the )?{M}")
_MOVED = re.compile(rf"\b(?:MOVED|[Mm]oved|PROPOSED|[Pp]roposed) by {M}")
_SECONDED = re.compile(rf"\b(?:SECONDED|[Ss]econded) by {M}")


def _pick_person(s: Sentence, idxs: list[str]) -> list[str]:
    people = [i for i in idxs if s.is_(i, P)]
    return people or [i for i in idxs if s.is_(i, R)]


def holds(s: Sentence) -> Iterator[tuple[int, int]]:
    """(person, role) mention pairs in apposition: "Cllr Russell, Cabinet Member for …", "the Director, Ms Butler"."""
    t = s.template
    for m in _APPOSITION.finditer(t):
        a, b = int(m[1]), int(m[3])
        if s.is_(a, P) and s.is_(b, R):
            yield a, b
        elif s.is_(a, R) and s.is_(b, P):
            yield b, a
    for m in re.finditer(rf"{M} (?:was|is|be) (?:duly |unanimously )?(?:elected|appointed|confirmed) as (?:the )?{M}", t):
        if s.is_(m[1], P) and s.is_(m[2], R):
            yield int(m[1]), int(m[2])
    # "Cllr Mercer declared a personal interest as the Chair of the … Trust"
    for m in re.finditer(rf"{M} declared (?:an? )?(?:\w+ )?interests? as (?:the |a |an )?{M}", t):
        if s.is_(m[1], P) and s.is_(m[2], R):
            yield int(m[1]), int(m[2])
    # "Ms Rhodes-White, who was present observing the meeting, was the Chair of the Improvement Board"
    for m in _LIST_IN_BRACKETS.finditer(t):
        role = m.group(m.lastindex or 0)
        for p in re.findall(M, m[1]):
            if s.is_(p, P) and s.is_(role, R):
                yield int(p), int(role)
    for m in re.finditer(rf"{M},?(?: who [^⟨]*?,|,? who)? (?:is|was|remains|remained|became|has been) (?:the |our )?"
                         rf"(?:new |interim |current |acting )?{M}", t):
        if s.is_(m[1], P) and s.is_(m[2], R):
            yield int(m[1]), int(m[2])


def sentence_facts(s: Sentence, home_council: str | None, item_id: str, description: bool = False) -> Iterator[Fact]:
    """Facts between actors, and between actors and the item, that the sentence states."""
    t = s.template
    node = lambda i: s.at(i).node  # noqa: E731
    pairs = list(holds(s))
    for a, b in pairs:
        yield RelType.HOLDS, node(a), node(b), "role-apposition", {}
    appos = {a: b for a, b in pairs} | {b: a for a, b in pairs}

    for m in _INTRODUCED_BY.finditer(t):
        who = m[1] or m[2]
        for i in _pick_person(s, [who, *([str(appos[int(who)])] if int(who) in appos else [])]):
            yield RelType.INTRODUCED, node(i), item_id, "introduced-by", {}
    for m in _INTRO_VERB.finditer(t):
        head = re.split(r"\bthat\b|;|\bwhich\b|\bwho\b", t[:m.start()])[-1]
        if re.search(r"\b(?:by|to|from|of|with)\s*$", head):
            continue
        idxs = re.findall(M, head)
        for i in _pick_person(s, idxs):
            yield RelType.INTRODUCED, node(i), item_id, "introduced-subject", {}
    authored = [m[1] for m in _AUTHOR_LINE.finditer(t)]
    for m in _AUTHORED.finditer(t):
        authored += [x for x in (m[1], m[2]) if x]
    for m in _ON_BEHALF.finditer(t):
        authored.append(m[1])
        if m[2]:
            authored.append(m[2])
            if description:
                yield RelType.INTRODUCED, node(m[2]), item_id, "presented-by", {}
    for i in authored:
        if s.is_(i, P, R, ORG, B):
            yield RelType.AUTHORED, node(i), item_id, "report-by", {}

    for m in _REPORTS_TO.finditer(t):
        if s.is_(m[1], R, B, ORG) and s.is_(m[2], R, B, ORG, C):
            yield RelType.REPORTS_TO, node(m[1]), node(m[2]), "reports-to", {}
    for rx, who, whom in _APPOINTED:
        for m in rx.finditer(t):
            a, b = m[who + 1], m[whom + 1]
            if s.is_(a, ORG, B, R, C) and s.is_(b, P, R):
                yield RelType.APPOINTED, node(a), node(b), "appointed-by", {}
    for m in _PART_OF.finditer(t):
        if s.is_(m[1], B, ORG) and s.is_(m[2], ORG, C, B):
            yield RelType.PART_OF, node(m[1]), node(m[2]), "part-of", {}
    for mention in s.mentions:
        for inner in mention.inner:
            if mention.label is R and inner.node:
                yield RelType.ROLE_IN, mention.node, inner.node, "role-of", {}
    yield from _inspected(s, home_council)


def _inspected(s: Sentence, home_council: str | None) -> Iterator[Fact]:
    """A regulator named beside an inspection word inspected the council the sentence is about."""
    low = s.text.lower()
    if not any(w in low for w in vocab.INSPECTION_WORDS):
        return
    regulators = [m for m in s.mentions if m.label is ORG and m.name in vocab.REGULATORS and m.node]
    targets = [m.node for m in s.mentions if m.label is C and not m.generic and m.node]
    target = targets[0] if targets else home_council
    if not regulators or not target:
        return
    props: dict = {}
    year = re.search(r"\b(19|20)\d{2}\b", s.text)
    if year:
        props["date"] = year[0]
    outcome = re.search(r"\b(?:rated|judged|graded|found to be|as)\s+(?:as\s+)?(" + "|".join(vocab.OUTCOMES) + r")\b", low) \
        or re.search(r"\b(" + "|".join(vocab.OUTCOMES) + r")\b(?= (?:rating|judgement|judgment|by ofsted))", low)
    if outcome:
        props["outcome"] = outcome[1]
    elif "inadequate" in low:
        props["outcome"] = "inadequate"
    yield RelType.INSPECTED, regulators[0].node, target, "inspection", props


def moved_seconded(s: Sentence) -> Iterator[tuple[RelType, str]]:
    """Who moved and who seconded the motion a sentence records."""
    for rx, typ in ((_MOVED, RelType.MOVED), (_SECONDED, RelType.SECONDED)):
        for m in rx.finditer(s.template):
            if s.is_(m[1], P):
                yield typ, s.at(m[1]).node  # type: ignore[misc]
