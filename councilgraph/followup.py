"""Follow the promise: which later agenda items report on each action, and each action's status.

`follow(data)` is pure over a whole graph (GraphData, from a store's dump or from extraction). An action is followed
up by a later item of the same council, of a body the action was promised to (the body that asked, the owner's
body, or the body whose minutes recorded it), when that item deals with the action's subject (a sentence or its
title shares half the action's key terms, two at least) and answers for it: its author or introducer is the owner, holds the owner's
post or is the post the owner holds, or the item says it gives what was requested. Precision over recall: a wrong
"reported" is worse than "open", so every condition must hold.

Status: `reported` (a follow-up exists), `overdue` (due date known, the store has minutes of that body dated on or
after it, and no follow-up), `open` (a due date, not yet passed in the minutes held), `no-date`.

`refresh(store)` writes the result into a store; run it after every ingest and every remove.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from councilgraph.extract.dates import due_date, next_meeting
from councilgraph.graph.export import GraphData
from councilgraph.graph.model import Rel, RelType

EXTRACTOR_OWNER = "followup-owner"  # the owner (or the owner's post) brought the later item
EXTRACTOR_REQUESTED = "followup-requested"  # the later item says it answers a request

# Words every report to a committee uses: sharing them says nothing about the subject.
_GENERIC = set("""about also after agreed along asked back been before board brief briefing brought cabinet chair
chairman committee consider considered could council councillor councillors data detail details director during
each executive forward from further future given group have information into item items its item's made meeting
meetings member members more next note noted officer officers other panel paper part plan plans progress provide
provided receive received report reported reports requested review scrutiny service services should that their
them there these they this those through update updated updates upon were what when where which while will with
within work would year years continue continued key area focus include included including impact need needed
children child young people family families""".split())
_REQUESTED = re.compile(r"\b(?:requested\s+(?:at|by)\s+(?:the|its|this)\b|as\s+requested\b|in\s+response\s+to\s+(?:the|a)\s+"
                        r"(?:request|committee|board|panel)|following\s+(?:the|a)\s+request\b|asked\s+for\s+at\s+(?:the|its)\b)", re.I)


def terms(text: str | None) -> set[str]:
    """Key terms: content words of four letters or more, plural folded, generic meeting words left out."""
    text = (text or "").lower().replace("’", "'").replace("'s", "")
    out = set()
    for w in re.findall(r"[a-z]{4,}", text):
        w = w[:-1] if w.endswith("s") and not w.endswith("ss") else w
        if w not in _GENERIC and w + "s" not in _GENERIC:
            out.add(w)
    return out


def _body_key(name: object) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(name or "").lower().replace("’", "'")).replace(" the ", " ").strip()


@dataclass
class FollowUp:
    """One later item reporting on an action, with the sentence that shows it."""

    action: str
    item: str
    source: str
    evidence: str
    score: float
    extractor: str

    def rel(self) -> Rel:
        return Rel(RelType.FOLLOWED_UP_BY, self.action, self.item, self.source, self.evidence, self.extractor,
                   props={"score": self.score})


@dataclass
class Outcome:
    """Follow-ups and, per action, its status and due date."""

    followups: list[FollowUp] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)
    due_date: dict[str, str | None] = field(default_factory=dict)


@dataclass
class _Item:
    id: str
    props: dict
    texts: list[str] = field(default_factory=list)  # title first, then what the minutes of it say
    answerers: set[str] = field(default_factory=set)  # who authored or introduced it


def follow(data: GraphData) -> Outcome:
    """Follow-ups and statuses of every action in the graph."""
    label = {p["id"]: lab for lab, p in data.nodes}
    props = {p["id"]: p for _, p in data.nodes}
    items = {i: _Item(i, p, [p.get("name") or ""]) for i, p in props.items() if label[i] == "AgendaItem"}
    owners: dict[str, set[str]] = defaultdict(set)
    asked_by: dict[str, set[str]] = defaultdict(set)
    holds: dict[str, set[str]] = defaultdict(set)  # person -> roles, role -> people
    role_in: dict[str, set[str]] = defaultdict(set)
    for t, s, e, p in data.rels:
        if t == "OWNS":
            owners[e].add(s)
        elif t == "REQUESTED":
            asked_by[e].add(s)
        elif t == "HOLDS":
            holds[s].add(e)
            holds[e].add(s)
        elif t == "ROLE_IN":
            role_in[s].add(e)
        elif t in ("AUTHORED", "INTRODUCED") and e in items:
            items[e].answerers.add(s)
        if t != "FOLLOWED_UP_BY" and p.get("evidence"):
            for end in (s, e):
                if end in items and t != "HAS_ITEM":
                    items[end].texts.append(p["evidence"])
    for i, p in props.items():  # decisions and actions recorded under an item are what it said
        if label[i] == "Decision" and p.get("item") in items:  # a later action repeating the ask is no report
            items[p["item"]].texts.append(p.get("name") or "")
    by_body: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    for it in items.values():
        if it.props.get("council") and it.props.get("date"):
            by_body[it.props["council"], _body_key(it.props.get("body"))].append(it)
    for v in by_body.values():
        v.sort(key=lambda it: (it.props["date"], it.id))

    out = Outcome()
    for aid, a in props.items():
        if label[aid] != "Action":
            continue
        origin = items.get(a.get("item"))
        made = origin.props.get("date") if origin else None
        council = a.get("council") or (origin.props.get("council") if origin else None)
        home = _body_key(origin.props.get("body")) if origin else ""
        accountable = set(owners[aid])
        for o in owners[aid]:
            accountable |= holds[o]
        bodies = {home} | {_body_key(props[x].get("name")) for x in asked_by[aid] | owners[aid]
                           if label.get(x) == "Body"}
        bodies |= {_body_key(props[b].get("name")) for o in accountable for b in role_in[o] if label.get(b) == "Body"}
        bodies.discard("")
        later = [it for b in bodies for it in by_body.get((council, b), []) if made and it.props["date"] > made
                 and it.props.get("source") != a.get("source")]
        key = terms(a.get("name"))
        found = [f for it in sorted(later, key=lambda it: (it.props["date"], it.id))
                 if (f := _match(aid, key, it, accountable))]
        out.followups += found
        when = due_date(a.get("due"), made)
        if when is None and next_meeting(a.get("due")) and made:
            nxt = [it for it in by_body.get((council, home), []) if it.props["date"] > made]
            when = nxt[0].props["date"] if nxt else None
        out.due_date[aid] = when
        if found:
            out.status[aid] = "reported"
        elif when is None:
            out.status[aid] = "no-date"
        elif made and any(it.props["date"] >= when and it.props["date"] > made
                          for b in bodies for it in by_body.get((council, b), [])):
            out.status[aid] = "overdue"
        else:
            out.status[aid] = "open"
    return out


def _match(aid: str, key: set[str], it: _Item, accountable: set[str]) -> FollowUp | None:
    """The follow-up this item gives the action, if it deals with its subject and answers for it."""
    if len(key) < 2:
        return None
    need = max(2, math.ceil(0.5 * len(key)))
    best, shared = "", set()
    for text in it.texts:
        s = key & terms(text)
        if len(s) > len(shared):
            best, shared = text, s
    if len(shared) < need:
        return None
    if it.answerers & accountable:
        how = EXTRACTOR_OWNER
    elif any(_REQUESTED.search(t) and len(key & terms(t)) >= need for t in it.texts):
        how = EXTRACTOR_REQUESTED
        best = next(t for t in it.texts if _REQUESTED.search(t) and len(key & terms(t)) >= need)
    else:
        return None
    return FollowUp(aid, it.id, it.props.get("source") or "", best, round(len(shared) / len(key), 3), how)


def apply(data: GraphData, outcome: Outcome | None = None) -> GraphData:
    """The graph with its follow-ups and statuses: for exports made without a store."""
    outcome = outcome or follow(data)
    nodes = []
    for lab, p in data.nodes:
        if lab == "Action":
            p = {**p, "status": outcome.status.get(p["id"], p.get("status")), "due_date": outcome.due_date.get(p["id"])}
        nodes.append((lab, p))
    rels = [r for r in data.rels if r[0] != RelType.FOLLOWED_UP_BY.value]
    rels += [(RelType.FOLLOWED_UP_BY.value, f.action, f.item, f.rel().row()) for f in outcome.followups]
    return GraphData(nodes, rels)


_DROP = "MATCH ()-[r:FOLLOWED_UP_BY]->() DELETE r"
_CREATE = ("UNWIND $rows AS r MATCH (a:Action {id: r.s}), (i:AgendaItem {id: r.e}) "
           "CREATE (a)-[:FOLLOWED_UP_BY {id: r.id, source: r.source, evidence: r.evidence, extractor: r.extractor, "
           "score: r.score}]->(i)")
_STATUS = ("UNWIND $rows AS r MATCH (a:Action {id: r.id}) SET a.status = r.status, "
           "a.due_date = CASE WHEN r.due_date = '' THEN NULL ELSE r.due_date END")


def refresh(store) -> Outcome:
    """Recompute follow-ups and statuses over the whole store and write them: every FOLLOWED_UP_BY is replaced,
    every action's `status` and `due_date` set. Store-independent: only `dump` and write queries."""
    outcome = follow(store.dump())
    store.query(_DROP, read_only=False)
    rows = [{"s": f.action, "e": f.item, "id": f.rel().id, "source": f.source, "evidence": f.evidence,
             "extractor": f.extractor, "score": float(f.score)} for f in outcome.followups]
    if rows:
        store.query(_CREATE, {"rows": rows}, read_only=False)
    status = [{"id": a, "status": s, "due_date": outcome.due_date.get(a) or ""} for a, s in outcome.status.items()]
    if status:
        store.query(_STATUS, {"rows": status}, read_only=False)
    return outcome
