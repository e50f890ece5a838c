"""`councilgraph show`: a picture without Neo4j. An actor's neighbourhood, or an action's trail, as one
self-contained HTML file drawn by neo4j-viz (Neo4j's own graph renderer), coloured like councilgraph.grass."""

from __future__ import annotations

import re
from dataclasses import dataclass

from councilgraph.errors import QueryError
from councilgraph.graph.export import GraphData
from councilgraph.graph.model import ACTORS

MAX_NODES = 300  # a neighbourhood larger than this is cut (nearest first): a picture, not a dump


@dataclass
class Style:
    """A label's colour and size, read from the Browser's GRASS file."""

    color: str
    size: float


def styles() -> dict[str, Style]:
    """Colour and diameter per label, from councilgraph/browser/councilgraph.grass."""
    from councilgraph.browser import grass

    out: dict[str, Style] = {}
    text = grass()
    default = re.search(r"^node \{(.*?)\}", text, re.S | re.M)
    base = _style(default[1] if default else "", Style("#A5ABB6", 25))
    for label, body in re.findall(r"^node\.(\w+) \{(.*?)\}", text, re.S | re.M):
        out[label] = _style(body, base)
    out[""] = base
    return out


def _style(body: str, base: Style) -> Style:
    color = re.search(r"\bcolor: (#[0-9A-Fa-f]{6})", body)
    diameter = re.search(r"diameter: (\d+)px", body)
    return Style(color[1] if color else base.color, int(diameter[1]) / 2 if diameter else base.size)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", "")) if len(w) >= 3]


def select(data: GraphData, what: str) -> tuple[GraphData, str]:
    """The part of the graph `what` names: an actor (by name or alias) and its neighbours, else the action
    whose words best match and its trail (owners, askers, origin, follow-ups and their meetings).
    Returns the subgraph and a title."""
    props = {p["id"]: p for _, p in data.nodes}
    label = {p["id"]: lab for lab, p in data.nodes}
    want = what.strip().lower()
    actors = [p for lab, p in data.nodes if lab in ACTORS and (
        want == p["id"].lower() or want in (p["name"] or "").lower()
        or any(want in a.lower() for a in p.get("aliases") or []))]
    if actors:
        # The exact name first, then the shortest containing it: "Russell" is Cllr Russell, not a longer post.
        best = min(actors, key=lambda p: ((p["name"] or "").lower() != want, len(p["name"] or ""), p["id"]))
        keep = _neighbourhood(data, best["id"])
        title = f"{label[best['id']]}: {best['name']}"
    else:
        q = _words(what)
        scored = []
        for lab, p in data.nodes:
            if lab == "Action" and q:
                have = set(_words(p["name"] or ""))
                hits = sum(any(h.startswith(w) for h in have) for w in q) / len(q)  # "children" finds "children's"
                if hits >= 0.5:
                    scored.append((-hits, len(p["name"] or ""), p["id"]))
        if not scored:
            raise QueryError(f"nothing in the graph is named or says {what!r}")
        aid = min(scored)[2]
        keep = _trail(data, aid)
        title = f"Action: {props[aid]['name']}"
    nodes = [(lab, p) for lab, p in data.nodes if p["id"] in keep]
    rels = [r for r in data.rels if r[1] in keep and r[2] in keep]
    return GraphData(nodes, rels), title


def _neighbourhood(data: GraphData, centre: str) -> set[str]:
    keep = [centre]
    for _, s, e, _ in sorted(data.rels, key=lambda r: (r[0], r[1], r[2])):
        other = e if s == centre else s if e == centre else None
        if other and other not in keep:
            keep.append(other)
    return set(keep[:MAX_NODES])


def _trail(data: GraphData, aid: str) -> set[str]:
    """The action, who owns and asked for it, what it arose from, the items that reported on it and their
    meetings, and the item and meeting that recorded it."""
    label = {p["id"]: lab for lab, p in data.nodes}
    props = {p["id"]: p for _, p in data.nodes}
    keep = {aid}
    for t, s, e, _ in data.rels:
        if e == aid and t in ("OWNS", "REQUESTED"):
            keep.add(s)
        elif s == aid and t in ("ARISES_FROM", "FOLLOWED_UP_BY"):
            keep.add(e)
    item = props[aid].get("item")
    if item in props:
        keep.add(item)
    items = {n for n in keep if label.get(n) == "AgendaItem"}
    for t, s, e, _ in data.rels:
        if t == "HAS_ITEM" and e in items:
            keep.add(s)
        elif t == "ARISES_FROM" and s == aid and label.get(e) == "Decision":
            keep.add(props[e].get("item") or e)
    return {n for n in keep if n in props}


def render(sub: GraphData, title: str = "councilgraph") -> str:
    """The subgraph as one self-contained HTML page (neo4j-viz bundles its renderer inline)."""
    from neo4j_viz import Node, Relationship, VisualizationGraph

    style = styles()
    nodes = []
    for lab, p in sub.nodes:
        st = style.get(lab, style[""])
        shown = {k: v for k, v in p.items() if v not in (None, []) and k not in ("id",)}
        nodes.append(Node(id=p["id"], caption=p["name"] or p["id"], color=st.color, size=st.size,
                          properties={"label": lab, **shown}))
    rels = [Relationship(id=p["id"], source=s, target=e, caption=t,
                         properties={k: v for k, v in p.items() if v not in (None, []) and k != "id"})
            for t, s, e, p in sub.rels]
    page = VisualizationGraph(nodes, rels).render(height="90vh", theme="light", show_layout_button=True).data
    head = f"<title>{_escape(title)}</title><meta name=\"councilgraph-nodes\" content=\"{len(nodes)}\">"
    return page.replace("</head>", head + "</head>", 1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def show(data: GraphData, what: str) -> tuple[str, GraphData, str]:
    """HTML of what `what` names, with the subgraph drawn and its title."""
    sub, title = select(data, what)
    return render(sub, title), sub, title
