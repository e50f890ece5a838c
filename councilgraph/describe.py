"""What a researcher needs to know about the graph itself: its documents (file, council, body, date,
url, how many facts each gave), its schema as stored, and where ingest left it thin."""

from __future__ import annotations

import re

from councilgraph.graph.model import ENDPOINTS, DocumentGraph, Label, RelType
from councilgraph.graph.store import Rows, Store

SOURCES = """
UNWIND $docs AS document
OPTIONAL MATCH (i:AgendaItem) WHERE document IN i.sources
WITH document, min(i.source) AS file, min(i.council) AS council, min(i.body) AS body, min(i.date) AS date,
     min(i.url) AS url, count(i) AS items
OPTIONAL MATCH (a:Action) WHERE document IN a.sources
WITH document, file, council, body, date, url, items, count(a) AS actions
OPTIONAL MATCH (d:Decision) WHERE document IN d.sources
WITH document, file, council, body, date, url, items, actions, count(d) AS decisions
OPTIONAL MATCH ()-[r]->() WHERE r.doc = document
RETURN document, file, council, body, date, url, items, actions, decisions, count(r) AS facts
ORDER BY document
"""


def sources(store: Store) -> Rows:
    """One row per document: its key (the path `remove` takes), file, council, body, date, url and counts
    of items, actions, decisions and facts (relationships) read from it."""
    return store.query(SOURCES, {"docs": store.sources()})


#: What each label and relationship type means (SCHEMA.md, in a line).
MEANING = {
    "Person": "a named human", "Role": "a post, held over time by people", "Council": "a local authority",
    "Body": "a committee, board, panel, cabinet or group", "Organisation": "any other organisation",
    "Meeting": "one sitting of a body", "AgendaItem": "one item of a meeting's minutes (the unit a loader reads)",
    "Decision": "a resolution recorded in the minutes", "Action": "a commitment or request that an actor do something",
    "HOLDS": "a person holds a post", "ROLE_IN": "a post belongs to a council, body or organisation",
    "PART_OF": "a body or organisation is part of another", "INTRODUCED": "introduced an agenda item",
    "AUTHORED": "wrote the item's report", "REQUESTED": "asked for the action", "OWNS": "must do the action",
    "REPORTS_TO": "reports to", "APPOINTED": "appointed a person or post", "INSPECTED": "inspected (date, outcome)",
    "RESOLVED": "a body resolved a decision", "MOVED": "moved a decision", "SECONDED": "seconded a decision",
    "ARISES_FROM": "the decision or item an action was recorded under", "HAS_ITEM": "a meeting's item",
    "HELD": "a body held a meeting", "MENTIONS": "an item names an actor (no fact between them)",
    "ATTENDED": "a person attended a meeting (`as`: member, substitute, officer, guest, apologies)",
}

EXAMPLES = [
    ("Actions a post owns, matched as typed (bind $who with councilgraph.graph.search.search_key)",
     "MATCH (o)-[r:OWNS]->(a:Action) WHERE o.search CONTAINS $who RETURN o.name, a.name, r.evidence, r.source"),
    ("Posts of a person", "MATCH (p:Person)-[h:HOLDS]->(r:Role) RETURN p.name, r.name, h.evidence"),
    ("Where an action was recorded", "MATCH (a:Action) MATCH (i:AgendaItem) WHERE i.id = a.item "
     "RETURN a.name, i.council, i.body, i.date, i.url"),
]

DIALECT = ("Cypher differs between the stores: the embedded store (LadybugDB) has label(n) where Neo4j has "
           "labels(n), no type(r) (use label(r)), no list comprehensions ([x IN l | …]: use "
           "properties(nodes(p), 'name')), ORDER BY only on the last branch of a UNION, no CALL {…} "
           "subqueries, and ('abc' CONTAINS '') is false. The canned queries avoid these or come in "
           "NAME.embedded.cypher / NAME.neo4j.cypher pairs.")


def schema(store: Store) -> dict:
    """The schema as stored: each label with its count, meaning and the properties its nodes have;
    each relationship type with its count, meaning, the endpoint labels seen and its properties."""
    data = store.dump()
    labels: dict[str, dict] = {}
    label_of: dict[str, str] = {}
    for label, p in data.nodes:
        label_of[p["id"]] = label
        e = labels.setdefault(label, {"count": 0, "properties": set()})
        e["count"] += 1
        e["properties"].update(k for k, v in p.items() if v not in (None, []))
    types: dict[str, dict] = {}
    for t, s, end, p in data.rels:
        e = types.setdefault(t, {"count": 0, "properties": set(), "endpoints": set()})
        e["count"] += 1
        e["properties"].update(k for k, v in p.items() if v not in (None, []))
        e["endpoints"].add(f"{label_of.get(s, '?')} → {label_of.get(end, '?')}")
    return {
        "store": store.kind,
        "labels": [{"label": k, "count": v["count"], "meaning": MEANING.get(k, ""),
                    "properties": sorted(v["properties"])} for k, v in sorted(labels.items())],
        "relationships": [{"type": k, "count": v["count"], "meaning": MEANING.get(k, ""),
                           "endpoints": sorted(v["endpoints"]), "properties": sorted(v["properties"])}
                          for k, v in sorted(types.items())],
        "allowed_endpoints": {t.value: [[x.value for x in a], [x.value for x in b]] for t, (a, b) in ENDPOINTS.items()},
        "examples": [{"what": w, "cypher": c} for w, c in EXAMPLES],
        "dialect": DIALECT if store.kind == "embedded" else DIALECT.replace("Cypher differs", "Neo4j Cypher differs"),
    }


def schema_text(s: dict) -> str:
    """The schema as plain text for the terminal."""
    out = [f"Store: {s['store']}", "", "Labels (nodes):"]
    for e in s["labels"]:
        out.append(f"  {e['label']} ({e['count']}): {e['meaning']}")
        out.append(f"      properties: {', '.join(e['properties'])}")
    out += ["", "Relationship types:"]
    for e in s["relationships"]:
        out.append(f"  {e['type']} ({e['count']}): {e['meaning']}")
        out.append(f"      endpoints: {'; '.join(e['endpoints'])}")
        out.append(f"      properties: {', '.join(e['properties'])}")
    out += ["", "Example Cypher (councilgraph cypher \"…\" -p NAME=VALUE):"]
    out += [f"  // {e['what']}\n  {e['cypher']}" for e in s["examples"]]
    out += ["", s["dialect"]]
    return "\n".join(out)


# ---- ingest: where the graph is thin ---------------------------------------------------------------------------
_RESOLUTION_PAGE = re.compile(r"\bRESOLVED\b|\bresolved\s+that\b|\bresolved:|\bdecision\s*:|\bagreed\s+that\b", re.I)
_COMMITMENT = re.compile(r"\b(?:agreed to|undertook to|undertaken to|offered to|report back|would (?:look|provide|report|"
                         r"circulate|share|write|send|arrange|follow|investigate|check|confirm|update|bring|ensure)|"
                         r"(?:requested|asked) (?:that|for)|action\s*:)", re.I)


def thin_spots(g: DocumentGraph, text: str) -> list[str]:
    """Where a document's graph is thin: nothing known of its council; resolution wording but no decision
    read; commitment wording but no action read. Pure: ingest asks it in the worker that read the text."""
    out = []
    labels = [n.label for n in g.nodes.values()]
    if not any(n.props.get("council") for n in g.nodes.values() if n.label is Label.AGENDA_ITEM):
        out.append("nothing is known of its council (give --council or a manifest.csv council column)")
    if Label.DECISION not in labels and _RESOLUTION_PAGE.search(text):
        out.append("it records resolutions, but no decision was read from it")
    if Label.ACTION not in labels and _COMMITMENT.search(text):
        out.append("it has commitment wording (agreed to, would report, asked that…), but no action was read from it")
    return out


_ = (Label, RelType)  # the enums name what MEANING describes
