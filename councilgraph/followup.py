"""Follow the promise: which later agenda items report on each action, and each action's status.

`follow(data)` is pure over a whole graph (GraphData, from a store's dump or from extraction). An action is followed
up by a later item of the same council, of a body the action was promised to (the body that asked, the owner's
body, or the body whose minutes recorded it), when that item deals with the action's subject (a sentence or its
title shares half the action's key terms, two at least) and answers for it: its author or introducer is the owner, holds the owner's
post or is the post the owner holds, or the item says it gives what was requested. Precision over recall: a wrong
"reported" is worse than "open", so every condition must hold.

Status: `reported` (a follow-up exists), `overdue` (due date known, the store has minutes of that body dated on or
after it, and no follow-up), `open` (a due date, not yet passed in the minutes held), `no-date`.

`refresh(store, councils)` writes the result into a store, a group of councils at a time (memory bounded by the
largest council, not the store); run it after every ingest (for the councils it loaded documents of) and every
remove (for all).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from councilgraph.extract.dates import due_date, next_meeting
from councilgraph.graph.export import GraphData
from councilgraph.graph.model import ENDPOINTS, Label, Rel, RelType, label_of

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


@dataclass
class _Facts:
    """What following up reads of (a part of) the graph: agenda items with what was said of them, actions,
    and the few relationships that say who answers for an action and to which bodies."""

    items: dict[str, _Item] = field(default_factory=dict)
    actions: dict[str, dict] = field(default_factory=dict)
    owners: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    asked_by: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    holds: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # person -> roles, role -> people
    role_in: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # role -> bodies
    body_names: dict[str, str] = field(default_factory=dict)  # Body id -> name
    said: dict[str, list[tuple]] = field(default_factory=lambda: defaultdict(list))  # item -> sort key + text

    def say(self, item: str, rank: tuple, text: str | None) -> None:
        """Note a sentence said of an item; `rank` orders them (relationship type, then fact id), the same
        whatever order a store returns them in."""
        if text:
            self.said[item].append((*rank, text))

    def settle(self) -> None:
        """Each item's texts: its title, then what was said of it in rank order."""
        for iid, said in self.said.items():
            if iid in self.items:
                self.items[iid].texts += [s[-1] for s in sorted(said)]
        self.said.clear()


#: Relationship types whose evidence is said of the agenda item at one end (not its meeting's HAS_ITEM,
#: not a follow-up itself), in the order their sentences are read.
_SAYS = [t for t in RelType if t not in (RelType.HAS_ITEM, RelType.FOLLOWED_UP_BY)
         and Label.AGENDA_ITEM in ENDPOINTS[t][0] + ENDPOINTS[t][1]]
_RANK = {t.value: n for n, t in enumerate(RelType)}
_DECISIONS = len(RelType)  # decisions recorded under an item are read after every relationship


def follow(data: GraphData) -> Outcome:
    """Follow-ups and statuses of every action in the graph."""
    f = _Facts()
    label = {p["id"]: lab for lab, p in data.nodes}
    for lab, p in data.nodes:
        if lab == "AgendaItem":
            f.items[p["id"]] = _Item(p["id"], p, [p.get("name") or ""])
        elif lab == "Action":
            f.actions[p["id"]] = p
        elif lab == "Body":
            f.body_names[p["id"]] = p.get("name")
    for t, s, e, p in data.rels:
        if t == "OWNS":
            f.owners[e].add(s)
        elif t == "REQUESTED":
            f.asked_by[e].add(s)
        elif t == "HOLDS":
            f.holds[s].add(e)
            f.holds[e].add(s)
        elif t == "ROLE_IN":
            if label.get(e) == "Body":
                f.role_in[s].add(e)
        elif t in ("AUTHORED", "INTRODUCED") and e in f.items:
            f.items[e].answerers.add(s)
        if t not in ("FOLLOWED_UP_BY", "HAS_ITEM"):
            for end in dict.fromkeys((s, e)):
                if end in f.items:
                    f.say(end, (_RANK[t], p.get("id") or ""), p.get("evidence"))
    for lab, p in data.nodes:  # decisions and actions recorded under an item are what it said
        if lab == "Decision" and p.get("item") in f.items:  # a later action repeating the ask is no report
            f.say(p["item"], (_DECISIONS, p["id"]), p.get("name") or "")
    f.settle()
    return _follow(f, list(f.actions))


def _follow(f: _Facts, actions: list[str]) -> Outcome:
    """Follow-ups and statuses of these actions, from what `f` holds of their councils."""
    by_body: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    for it in f.items.values():
        if it.props.get("council") and it.props.get("date"):
            by_body[it.props["council"], _body_key(it.props.get("body"))].append(it)
    for v in by_body.values():
        v.sort(key=lambda it: (it.props["date"], it.id))

    out = Outcome()
    for aid in actions:
        a = f.actions[aid]
        origin = f.items.get(a.get("item"))
        made = origin.props.get("date") if origin else None
        council = a.get("council") or (origin.props.get("council") if origin else None)
        home = _body_key(origin.props.get("body")) if origin else ""
        accountable = set(f.owners[aid])
        for o in f.owners[aid]:
            accountable |= f.holds[o]
        bodies = {home} | {_body_key(f.body_names[x]) for x in f.asked_by[aid] | f.owners[aid] if x in f.body_names}
        bodies |= {_body_key(f.body_names[b]) for o in accountable for b in f.role_in[o] if b in f.body_names}
        bodies.discard("")
        later = [it for b in bodies for it in by_body.get((council, b), []) if made and it.props["date"] > made
                 and it.props.get("source") != a.get("source")]
        key = terms(a.get("name"))
        found = [fu for it in sorted(later, key=lambda it: (it.props["date"], it.id))
                 if (fu := _match(aid, key, it, accountable))]
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


#: Most agenda items and actions read into memory at once by `refresh`: councils are followed up together
#: until their items and actions reach this, and a council larger than it alone (follow-ups never cross councils).
GROUP = 10_000
PAGE = 10_000  # actions without a council, read this many at a time

_DROP = "MATCH ()-[r:FOLLOWED_UP_BY]->() DELETE r"
_DROP_SOME = ("MATCH (a:Action)-[r:FOLLOWED_UP_BY]->() WHERE a.council IN $cs OR a.id IN $extra DELETE r")
_CREATE = ("UNWIND $rows AS r MATCH (a:Action {id: r.s}), (i:AgendaItem {id: r.e}) "
           "CREATE (a)-[:FOLLOWED_UP_BY {id: r.id, source: r.source, evidence: r.evidence, extractor: r.extractor, "
           "score: r.score}]->(i)")
_STATUS = ("UNWIND $rows AS r MATCH (a:Action {id: r.id}) SET a.status = r.status, "
           "a.due_date = CASE WHEN r.due_date = '' THEN NULL ELSE r.due_date END")
_SIZES = ["MATCH (i:AgendaItem) WHERE i.council IS NOT NULL RETURN i.council, count(i)",
          "MATCH (a:Action) WHERE a.council IS NOT NULL RETURN a.council, count(a)"]
_ITEM_COLS = ("id", "name", "council", "date", "body", "source")
_ITEMS = "MATCH (i:AgendaItem) WHERE {where} RETURN " + ", ".join(f"i.{c}" for c in _ITEM_COLS)
_ACTION_COLS = ("id", "name", "item", "council", "source", "due")
_ACTIONS = "MATCH (a:Action) WHERE {where} RETURN " + ", ".join(f"a.{c}" for c in _ACTION_COLS)
_OF_ACTIONS = "a.council IN $cs OR a.id IN $extra"
_UNPLACED = _ACTIONS.format(where="a.council IS NULL AND a.id > $after") + f" ORDER BY a.id LIMIT {PAGE}"


@dataclass
class Refreshed:
    """What `refresh` did: actions given a status, follow-ups written, groups of councils read."""

    actions: int = 0
    followups: int = 0
    groups: int = 0


def refresh(store, councils: set[str | None] | None = None) -> Refreshed:
    """Recompute follow-ups and statuses and write them: every FOLLOWED_UP_BY of the actions concerned is
    replaced, their `status` and `due_date` set. `councils`: only the actions of these councils (None in it:
    the actions of no council), e.g. those an ingest added documents to, since follow-ups never cross councils;
    None: every action. Reads the store a group of councils at a time (`GROUP`), so memory is bounded by the
    largest council, not the store. Store-independent: only Cypher both stores run."""
    done = Refreshed()
    if councils is None:
        store.query(_DROP, read_only=False)
    extra: dict[str, list[str]] = defaultdict(list)  # actions of no council whose item has one (see `_follow`)
    if councils is None or None in councils:
        _unplaced(store, extra, done)
    sizes: dict[str, int] = defaultdict(int)
    for q in _SIZES:
        for c, n in store.query(q).rows:
            sizes[c] += n
    wanted = sorted(c for c in sizes if councils is None or c in councils)
    group: list[str] = []
    held = 0
    for i, c in enumerate(wanted):
        group.append(c)
        held += sizes[c]
        if i + 1 == len(wanted) or held + sizes[wanted[i + 1]] > GROUP:
            _refresh_group(store, group, [a for g in group for a in extra.get(g, [])], councils is not None, done)
            group, held = [], 0
    return done


def _unplaced(store, extra: dict[str, list[str]], done: Refreshed) -> None:
    """Actions of no council, a page at a time: none can be followed up (there is no council to look in), so only
    their due date and status are set; one whose item has a council is left to that council's group."""
    after = ""
    while True:
        rows = store.query(_UNPLACED, {"after": after}).rows
        if not rows:
            return
        after = rows[-1][0]
        f = _Facts(actions={r[0]: dict(zip(_ACTION_COLS, r, strict=True)) for r in rows})
        _read_items(store, f, "i.id IN $ids", {"ids": sorted({a["item"] for a in f.actions.values() if a["item"]})})
        mine = []
        for aid, a in f.actions.items():
            origin = f.items.get(a["item"])
            if origin and origin.props.get("council"):
                extra[origin.props["council"]].append(aid)
            else:
                mine.append(aid)
        _write(store, _follow(f, mine), done)


def _read_items(store, f: _Facts, where: str, params: dict) -> None:
    for r in store.query(_ITEMS.format(where=where), params).rows:
        p = dict(zip(_ITEM_COLS, r, strict=True))
        f.items[p["id"]] = _Item(p["id"], p, [p.get("name") or ""])


def _refresh_group(store, cs: list[str], extra: list[str], replace: bool, done: Refreshed) -> None:
    """Follow up the actions of these councils (and `extra` actions), reading only these councils' items."""
    p = {"cs": cs, "extra": extra or [""]}  # never an empty list: LadybugDB cannot type one
    f = _Facts()
    _read_items(store, f, "i.council IN $cs", p)
    for r in store.query(_ACTIONS.format(where=_OF_ACTIONS), p).rows:
        f.actions[r[0]] = dict(zip(_ACTION_COLS, r, strict=True))
    missing = sorted({a["item"] for a in f.actions.values() if a["item"] and a["item"] not in f.items})
    if missing:  # an action's item outside these councils (not made by extraction; read to be exact)
        _read_items(store, f, "i.id IN $ids", {"ids": missing})
    for typ in _SAYS:
        froms, tos = ENDPOINTS[typ]
        if Label.AGENDA_ITEM in tos:
            q = f"MATCH (x)-[r:{typ.value}]->(i:AgendaItem) WHERE i.council IN $cs RETURN i.id, x.id, r.id, r.evidence"
            for iid, x, rid, ev in store.query(q, p).rows:
                if typ in (RelType.AUTHORED, RelType.INTRODUCED):
                    f.items[iid].answerers.add(x)
                if x != iid:
                    f.say(iid, (_RANK[typ.value], rid or ""), ev)
        if Label.AGENDA_ITEM in froms:
            q = f"MATCH (i:AgendaItem)-[r:{typ.value}]->(x) WHERE i.council IN $cs RETURN i.id, x.id, r.id, r.evidence"
            for iid, _x, rid, ev in store.query(q, p).rows:
                f.say(iid, (_RANK[typ.value], rid or ""), ev)
    for did, iid, name in store.query("MATCH (d:Decision) WHERE d.council IN $cs RETURN d.id, d.item, d.name", p).rows:
        f.say(iid, (_DECISIONS, did), name or "")
    f.settle()
    for typ, into in ((RelType.OWNS, f.owners), (RelType.REQUESTED, f.asked_by)):
        q = f"MATCH (o)-[:{typ.value}]->(a:Action) WHERE {_OF_ACTIONS} RETURN a.id, o.id, o.name"
        for aid, o, name in store.query(q, p).rows:
            into[aid].add(o)
            if label_of(o) == Label.BODY:
                f.body_names[o] = name
    owners = {o for v in f.owners.values() for o in v}
    for lab, q in ((Label.PERSON, "MATCH (p:Person)-[:HOLDS]->(r:Role) WHERE p.id IN $ids RETURN p.id, r.id"),
                   (Label.ROLE, "MATCH (p:Person)-[:HOLDS]->(r:Role) WHERE r.id IN $ids RETURN r.id, p.id")):
        ids = sorted(o for o in owners if label_of(o) == lab)
        if ids:
            for o, other in store.query(q, {"ids": ids}).rows:
                f.holds[o].add(other)
    roles = sorted(x for x in owners | {h for o in owners for h in f.holds.get(o, ())} if label_of(x) == Label.ROLE)
    if roles:
        q = "MATCH (r:Role)-[:ROLE_IN]->(b:Body) WHERE r.id IN $ids RETURN r.id, b.id, b.name"
        for r, b, name in store.query(q, {"ids": roles}).rows:
            f.role_in[r].add(b)
            f.body_names[b] = name
    if replace:
        store.query(_DROP_SOME, p, read_only=False)
    _write(store, _follow(f, list(f.actions)), done)
    done.groups += 1


def _write(store, outcome: Outcome, done: Refreshed) -> None:
    rows = [{"s": f.action, "e": f.item, "id": f.rel().id, "source": f.source, "evidence": f.evidence,
             "extractor": f.extractor, "score": float(f.score)} for f in outcome.followups]
    if rows:
        store.query(_CREATE, {"rows": rows}, read_only=False)
    status = [{"id": a, "status": s, "due_date": outcome.due_date.get(a) or ""} for a, s in outcome.status.items()]
    if status:
        store.query(_STATUS, {"rows": status}, read_only=False)
    done.actions += len(status)
    done.followups += len(rows)
