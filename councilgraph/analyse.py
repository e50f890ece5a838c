"""`councilgraph analyse`: what the graph says about accountability, with networkx.

Pure over a GraphData: per council (people, posts, bodies, actions owned and requested, the share reported and
overdue); the chain of accountability above a post or body (REPORTS_TO, PART_OF, ROLE_IN, and APPOINTED read
upwards); the actors linking councils; the most central actors.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from councilgraph.errors import QueryError
from councilgraph.graph.export import GraphData
from councilgraph.graph.model import ACTORS

#: Relationship types that say who answers to whom, and which way is up: (type, the upper end is its end?).
UPWARDS = {"REPORTS_TO": True, "PART_OF": True, "ROLE_IN": True, "HOLDS": True, "APPOINTED": False}
_NOT_STRUCTURE = ("MENTIONS",)  # every actor an item names is no tie between them


@dataclass
class _Index:
    label: dict[str, str]
    props: dict[str, dict]
    council: dict[str, set[str]]  # the council whose minutes named it, else those of all its documents
    home: dict[str, set[str]]  # only the council it belongs to by its own property (empty for a national body)


def _index(data: GraphData) -> _Index:
    label = {p["id"]: lab for lab, p in data.nodes}
    props = {p["id"]: p for _, p in data.nodes}
    by_source: dict[str, set[str]] = defaultdict(set)
    for lab, p in data.nodes:
        if lab == "AgendaItem" and p.get("council") and p.get("source"):
            by_source[p["source"]].add(p["council"])
    council, home = {}, {}
    for lab, p in data.nodes:
        # A node belongs to the council whose minutes named it; a national body to none of its own.
        own = {p["council"]} if p.get("council") else set()
        if lab == "Council":
            own = {p["name"]}
        home[p["id"]] = own
        council[p["id"]] = own or {c for s in p.get("sources") or [] for c in by_source.get(s, ())}
    return _Index(label, props, council, home)


def per_council(data: GraphData) -> list[dict]:
    """One row per council: people, posts, bodies, actions, owned, requested, and the status shares."""
    ix = _index(data)
    owned = {e for t, _, e, _ in data.rels if t == "OWNS"}
    asked = {e for t, _, e, _ in data.rels if t == "REQUESTED"}
    rows: dict[str, dict] = {}
    for n, lab in ix.label.items():
        for c in ix.council[n] if lab in ("Person", "Role", "Body", "Action") else ():
            r = rows.setdefault(c, {"council": c, "people": 0, "posts": 0, "bodies": 0, "actions": 0, "owned": 0,
                                    "requested": 0, "reported": 0, "overdue": 0, "open": 0, "no_date": 0})
            key = {"Person": "people", "Role": "posts", "Body": "bodies", "Action": "actions"}[lab]
            r[key] += 1
            if lab == "Action":
                r["owned"] += n in owned
                r["requested"] += n in asked
                status = (ix.props[n].get("status") or "open").replace("-", "_")
                if status in r:
                    r[status] += 1
    for r in rows.values():
        r["share_reported"] = round(r["reported"] / r["actions"], 3) if r["actions"] else 0.0
        r["share_overdue"] = round(r["overdue"] / r["actions"], 3) if r["actions"] else 0.0
    return sorted(rows.values(), key=lambda r: (-r["actions"], r["council"]))


def _find(ix: _Index, name: str, labels: tuple[str, ...]) -> str:
    want = name.strip().lower()
    hits = [n for n, lab in ix.label.items() if lab in labels and (
        n.lower() == want or want in (ix.props[n].get("name") or "").lower())]
    if not hits:
        raise QueryError(f"no {' or '.join(labels)} is named {name!r}")
    return min(hits, key=lambda n: ((ix.props[n].get("name") or "").lower() != want, len(ix.props[n].get("name") or ""), n))


def chain(data: GraphData, name: str) -> list[dict]:
    """The accountability chain above a post, body or person: each step up, breadth first, with its evidence.
    A person's chain starts from the posts they hold."""
    ix = _index(data)
    start = _find(ix, name, ("Role", "Body", "Person", "Organisation"))
    up: dict[str, list[tuple[str, str, dict]]] = defaultdict(list)
    for t, s, e, p in data.rels:
        if t in UPWARDS:
            lower, upper = (s, e) if UPWARDS[t] else (e, s)
            up[lower].append((t, upper, p))
    steps, seen, frontier = [], {start}, [start]
    while frontier:
        nxt = []
        for n in frontier:
            for t, upper, p in sorted(up[n], key=lambda x: (x[0], x[1])):
                if upper in seen:
                    continue
                seen.add(upper)
                nxt.append(upper)
                steps.append({"from": ix.props[n]["name"], "relationship": t if UPWARDS[t] else "APPOINTED_BY",
                              "to": ix.props[upper]["name"], "to_label": ix.label[upper],
                              "evidence": p.get("evidence"), "source": p.get("source")})
        frontier = nxt
    return steps


def bridges(data: GraphData, between: tuple[str, str] | None = None) -> list[dict]:
    """Actors tied (by any fact but a mention) to nodes of two or more councils; given two, those linking them."""
    ix = _index(data)
    reach: dict[str, set[str]] = defaultdict(set)
    for t, s, e, _ in data.rels:
        if t in _NOT_STRUCTURE:
            continue
        for a, b in ((s, e), (e, s)):
            if ix.label.get(a) in ACTORS:  # a neighbour's own council: Ofsted's many don't make its neighbours bridges
                reach[a] |= ix.home.get(b, set()) | ix.home.get(a, set())
    out = []
    for n, councils in reach.items():
        if len(councils) < 2:
            continue
        if between and not all(any(w.lower() in c.lower() for c in councils) for w in between):
            continue
        out.append({"actor": ix.props[n]["name"], "label": ix.label[n], "councils": sorted(councils)})
    return sorted(out, key=lambda r: (-len(r["councils"]), r["actor"]))


def central(data: GraphData, top: int = 10) -> list[dict]:
    """The actors most between others in the web of posts, bodies, items and commitments (betweenness)."""
    ix = _index(data)
    g = nx.Graph()
    g.add_edges_from((s, e) for t, s, e, _ in data.rels if t not in _NOT_STRUCTURE)
    # Exact up to a few thousand nodes; beyond, a fixed sample keeps it quick and repeatable.
    k = None if g.number_of_nodes() <= 3000 else 500
    cent = nx.betweenness_centrality(g, k=k, seed=7) if g.number_of_nodes() else {}
    rows = sorted(((-cent.get(n, 0.0), -g.degree(n) if n in g else 0, n) for n, lab in ix.label.items()
                   if lab in ACTORS))[:top]
    return [{"actor": ix.props[n]["name"], "label": ix.label[n], "council": ", ".join(sorted(ix.council[n])) or None,
             "betweenness": round(-c, 4), "degree": -d} for c, d, n in rows]


def analyse(data: GraphData, top: int = 10, above: str | None = None,
            between: tuple[str, str] | None = None) -> dict:
    """Everything `councilgraph analyse` prints."""
    out = {"councils": per_council(data), "central": central(data, top), "bridges": bridges(data, between)[:top]}
    if above:
        out["chain"] = chain(data, above)
    return out
