"""The graph model of ../shared/SCHEMA.md as plain records: labels, relationship types, nodes, facts.

Everything that reaches Cypher as a label or type comes from these enums, never from user text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from councilgraph.graph.captions import caption
from councilgraph.graph.search import node_search


class Label(StrEnum):
    PERSON = "Person"
    ROLE = "Role"
    COUNCIL = "Council"
    BODY = "Body"
    ORGANISATION = "Organisation"
    MEETING = "Meeting"
    AGENDA_ITEM = "AgendaItem"
    DECISION = "Decision"
    ACTION = "Action"


ACTORS = (Label.PERSON, Label.ROLE, Label.COUNCIL, Label.BODY, Label.ORGANISATION)
ALL_LABELS = tuple(Label)
#: Nodes that belong to one document alone: their ids carry the document's key (see `DocumentGraph.keyed`).
DOCUMENT_LABELS = (Label.AGENDA_ITEM, Label.DECISION, Label.ACTION)


class RelType(StrEnum):
    HOLDS = "HOLDS"
    ROLE_IN = "ROLE_IN"
    PART_OF = "PART_OF"
    INTRODUCED = "INTRODUCED"
    AUTHORED = "AUTHORED"
    REQUESTED = "REQUESTED"
    OWNS = "OWNS"
    REPORTS_TO = "REPORTS_TO"
    APPOINTED = "APPOINTED"
    INSPECTED = "INSPECTED"
    RESOLVED = "RESOLVED"
    MOVED = "MOVED"
    SECONDED = "SECONDED"
    ARISES_FROM = "ARISES_FROM"
    HAS_ITEM = "HAS_ITEM"
    HELD = "HELD"
    MENTIONS = "MENTIONS"
    ATTENDED = "ATTENDED"  # Person → Meeting, property `as`: member, substitute, officer, guest, apologies
    FOLLOWED_UP_BY = "FOLLOWED_UP_BY"  # Action → a later AgendaItem reporting on it; made by councilgraph/followup.py


L = Label
_ORGS = (L.COUNCIL, L.BODY, L.ORGANISATION)
#: Which labels each relationship type may join (SCHEMA.md's "from → to" column).
ENDPOINTS: dict[RelType, tuple[tuple[Label, ...], tuple[Label, ...]]] = {
    RelType.HOLDS: ((L.PERSON,), (L.ROLE,)),
    RelType.ROLE_IN: ((L.ROLE,), _ORGS),
    RelType.PART_OF: ((L.BODY, L.ORGANISATION), (L.COUNCIL, L.ORGANISATION, L.BODY)),
    RelType.INTRODUCED: ((L.PERSON, L.ROLE), (L.AGENDA_ITEM,)),
    RelType.AUTHORED: ((L.PERSON, L.ROLE, L.ORGANISATION, L.BODY), (L.AGENDA_ITEM,)),
    RelType.REQUESTED: ((L.PERSON, L.ROLE, L.BODY, L.COUNCIL, L.ORGANISATION), (L.ACTION,)),
    RelType.OWNS: (ACTORS, (L.ACTION,)),
    RelType.REPORTS_TO: ((L.ROLE, L.BODY, L.ORGANISATION), (L.ROLE, *_ORGS)),
    RelType.APPOINTED: ((L.ORGANISATION, L.BODY, L.ROLE, L.COUNCIL), (L.PERSON, L.ROLE)),
    RelType.INSPECTED: ((L.ORGANISATION,), _ORGS),
    RelType.RESOLVED: ((L.BODY, L.COUNCIL), (L.DECISION,)),
    RelType.MOVED: ((L.PERSON,), (L.DECISION,)),
    RelType.SECONDED: ((L.PERSON,), (L.DECISION,)),
    RelType.ARISES_FROM: ((L.ACTION,), (L.DECISION, L.AGENDA_ITEM)),
    RelType.HAS_ITEM: ((L.MEETING,), (L.AGENDA_ITEM,)),
    RelType.HELD: ((L.BODY,), (L.MEETING,)),
    RelType.MENTIONS: ((L.AGENDA_ITEM,), ACTORS),
    RelType.ATTENDED: ((L.PERSON,), (L.MEETING,)),
    RelType.FOLLOWED_UP_BY: ((L.ACTION,), (L.AGENDA_ITEM,)),
}

#: Node properties, one column set shared by every label (a missing one is null).
NODE_PROPS: dict[str, str] = {
    "id": "STRING", "name": "STRING", "sources": "STRING[]", "aliases": "STRING[]",
    "honorific": "STRING", "organisation": "STRING", "kind": "STRING", "council": "STRING",
    "date": "STRING", "body": "STRING", "number": "STRING", "source": "STRING",
    "due": "STRING", "status": "STRING", "item": "STRING",
    "url": "STRING",  # AgendaItem: the page or web service answer it was read from
    "due_date": "STRING",  # Action: ISO date when `due` can be read as one (extract/dates.py, followup.py)
    "search": "STRING",  # the name as a search key (graph/search.py), what canned queries match
    "caption": "STRING",  # Browser caption: an action's or decision's first words, else the name (graph/captions.py)
}
#: Relationship properties, shared by every type. `source` is the file's own name (SCHEMA.md); `doc` is
#: the document's key in the store (its path), by which a document's facts are replaced and removed.
REL_PROPS: dict[str, str] = {
    "id": "STRING", "source": "STRING", "para": "STRING", "evidence": "STRING",
    "extractor": "STRING", "date": "STRING", "outcome": "STRING", "doc": "STRING",
    "as": "STRING",  # ATTENDED: member, substitute, officer, guest or apologies
    "score": "DOUBLE",  # FOLLOWED_UP_BY: share of the action's key terms the follow-up repeats
}
#: Properties kept inside a store and left out of every export.
INTERNAL_PROPS = ("doc",)


def source_name(key: str) -> str:
    """The file's own name of a document key ("/minutes/a/minutes.txt" → "minutes.txt")."""
    return key.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(slots=True)  # (slots: made for every mention and fact of the minutes, and quicker to make)
class Node:
    """One node; `id` is deterministic so that loading twice merges."""

    id: str
    label: Label
    name: str
    props: dict[str, object] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def row(self) -> dict[str, object]:
        """The node as a flat row over NODE_PROPS."""
        out: dict[str, object] = {k: None for k in NODE_PROPS}
        out.update({k: v for k, v in self.props.items() if k in NODE_PROPS})
        out.update(id=self.id, name=self.name, sources=sorted(set(self.sources)))
        out["aliases"] = sorted(set(out["aliases"] or []))  # type: ignore[arg-type]
        # From the name alone: aliases accumulate across documents and the stores keep the first value of
        # other properties, so a key that depended on them would differ with the order documents load in.
        out["search"] = node_search(self.name)
        out["caption"] = caption(self.label.value, self.name, out)
        return out


def merged_nodes(graphs: Iterable[DocumentGraph]) -> dict[str, tuple[Label, dict[str, object]]]:
    """Every node of these documents as a row, merged across documents: sources and aliases
    accumulate, and for every other property the first value seen wins (a later document only fills
    in what is missing).

    This is the one merge rule of both stores. A node no other stored document names is not merged
    but replaced: loading a new version of a document overwrites every value the old version gave
    to the nodes only it names (its items, decisions, actions, and actors no one else mentions).

    A later occurrence of a node is merged without building its row: a node named by thousands of
    documents (a council, a national body) gathers `sources` and `aliases` in sets, sorted once at
    the end, and `search` and `caption` (made from the name, which the first occurrence fixes)
    are computed once."""
    nodes: dict[str, tuple[Label, dict[str, object]]] = {}
    lists: dict[str, tuple[set, set]] = {}
    for g in graphs:
        for n in g.nodes.values():
            have = nodes.get(n.id)
            if have is None:
                nodes[n.id] = (n.label, n.row())
                continue
            row = have[1]
            sets = lists.get(n.id)
            if sets is None:
                sets = lists[n.id] = (set(row["sources"]), set(row["aliases"]))  # type: ignore[arg-type]
            sets[0].update(n.sources)
            for k, v in n.props.items():
                if k == "aliases":
                    sets[1].update(v or ())  # type: ignore[arg-type]
                elif k not in _DERIVED and k in NODE_PROPS and row[k] is None:
                    row[k] = v
            if row["name"] is None:  # never, in practice: a node's row always has its name
                row["name"] = n.name
            if row["search"] is None or row["caption"] is None:
                later = n.row()
                for k in ("search", "caption"):
                    if row[k] is None:
                        row[k] = later[k]
    for nid, (srcs, aliases) in lists.items():
        row = nodes[nid][1]
        row["sources"], row["aliases"] = sorted(srcs), sorted(aliases)
    return nodes


#: Row keys `Node.row` sets itself, whatever the node's props hold.
_DERIVED = frozenset(("id", "name", "sources", "aliases", "search", "caption"))


@dataclass(slots=True)
class Rel:
    """One fact with its evidence: the document, paragraph, sentence and the rule that read it."""

    type: RelType
    start: str
    end: str
    source: str
    evidence: str
    extractor: str
    para: str | None = None
    props: dict[str, object] = field(default_factory=dict)
    doc: str | None = None  # the document's key in the store; the source name when not set

    @property
    def document(self) -> str:
        return self.doc or self.source

    @property
    def key(self) -> str:
        """One fact per (type, start, end) and document."""
        return fact_key(self.type, self.start, self.end, self.doc or self.source)

    @property
    def id(self) -> str:
        """Deterministic, and new when the evidence changes, so a re-scraped document updates it."""
        key = f"{self.key}|{self.para}|{self.evidence}|{sorted(self.props.items())}"
        return "r-" + hashlib.sha1(key.encode()).hexdigest()[:16]

    def row(self) -> dict[str, object]:
        """The fact as a flat row over REL_PROPS, in their order."""
        out: dict[str, object] = dict.fromkeys(REL_PROPS)
        if self.props:
            out.update({k: v for k, v in self.props.items() if k in REL_PROPS})
        out.update(id=self.id, source=self.source, para=self.para, evidence=self.evidence,
                   extractor=self.extractor, doc=self.document)
        return out


@dataclass
class DocumentGraph:
    """Everything read from one document: what a store loads, all-or-nothing."""

    source: str
    nodes: dict[str, Node] = field(default_factory=dict)
    rels: dict[str, Rel] = field(default_factory=dict)
    key: str = ""  # the document's identity in a store (its resolved path); the source name when empty
    thin: list[str] = field(default_factory=list)  # where the extraction read less than the text says (not stored)

    @property
    def document(self) -> str:
        return self.key or self.source

    def keyed(self, key: str) -> DocumentGraph:
        """This graph as the document `key`: its facts and nodes are recorded under the key, and the
        nodes that belong to it alone get ids of their own, so that two files of one name (or of
        names that read alike) never share an item, a decision or an action."""
        if key == self.document:
            return self
        tag = "~" + hashlib.sha1(key.encode()).hexdigest()[:8]
        ids = {n.id: n.id + tag for n in self.nodes.values() if n.label in DOCUMENT_LABELS}
        out = DocumentGraph(self.source, key=key)
        for n in self.nodes.values():
            props = {k: ids.get(v, v) if isinstance(v, str) else v for k, v in n.props.items()}
            out.nodes[ids.get(n.id, n.id)] = Node(ids.get(n.id, n.id), n.label, n.name, props, [key])
        for r in self.rels.values():
            rel = Rel(r.type, ids.get(r.start, r.start), ids.get(r.end, r.end), r.source, r.evidence, r.extractor,
                      r.para, dict(r.props), key)
            out.rels[rel.key] = rel
        return out

    def add_node(self, node: Node) -> Node:
        """Add or merge a node: the fullest name wins, aliases and properties accumulate."""
        have = self.nodes.get(node.id)
        if have is None:
            node.sources = [self.document]
            self.nodes[node.id] = node
            return node
        if len(node.name) > len(have.name) and node.label in (Label.PERSON, Label.ROLE):  # the fullest form names it
            have.props.setdefault("aliases", [])
            have.props["aliases"] = [*have.props["aliases"], have.name]  # type: ignore[list-item]
            have.name = node.name
        for k, v in node.props.items():
            if k == "aliases":
                have.props["aliases"] = sorted({*have.props.get("aliases", []), *v} - {have.name})  # type: ignore[misc]
            elif v is not None and have.props.get(k) is None:
                have.props[k] = v
        return have

    def add_rel(self, rel: Rel) -> None:
        """Add a fact unless the same (type, start, end) is already known from this document."""
        if self._admits(rel.type, rel.start, rel.end, rel.evidence):
            self.rels.setdefault(rel.key, rel)

    def add_fact(self, typ: RelType, start: str, end: str, source: str, evidence: str, extractor: str,
                 para: str | None = None, props: dict[str, object] | None = None) -> None:
        """`add_rel` of the fact these fields make (with `doc` unset), the fact made only where it is kept: the
        extraction adds each fact it reads here."""
        if not self._admits(typ, start, end, evidence):
            return
        key = fact_key(typ, start, end, source)
        if key not in self.rels:
            self.rels[key] = Rel(typ, start, end, source, evidence, extractor, para, {} if props is None else props)

    def _admits(self, typ: RelType, start: str, end: str, evidence: str) -> bool:
        """May the graph hold this fact: two different nodes of the labels its type joins, and its evidence?"""
        if start == end or not evidence:
            return False
        allowed, nodes = ENDPOINTS[typ], self.nodes
        return nodes[start].label in allowed[0] and nodes[end].label in allowed[1]


def fact_key(typ: RelType, start: str, end: str, document: str) -> str:
    """A fact's key: one fact per (type, start, end) and document."""
    # (`_value_`, the enum's plain attribute, is `.value` without its descriptor: every fact's key is made here)
    return f"{typ._value_}|{start}|{end}|{document}"


# ---- node keys -------------------------------------------------------------------------------------------------
_PREFIX = {Label.PERSON: "person", Label.ROLE: "role", Label.COUNCIL: "council", Label.BODY: "body",
           Label.ORGANISATION: "org", Label.MEETING: "meeting", Label.AGENDA_ITEM: "item", Label.DECISION: "decision",
           Label.ACTION: "action"}
_LABEL_OF = {p: lab for lab, p in _PREFIX.items()}
_OPENING = {lab: p + ":" for lab, p in _PREFIX.items()}


def label_of(node_id: str) -> Label | None:
    """The label a node id was made for (`node_key`'s prefix), or None for an id not made here."""
    return _LABEL_OF.get(node_id.split(":", 1)[0])


def node_key(label: Label, *parts: str) -> str:
    """A node's id from its label and its key parts, already slugged: ("person", "west-sussex", "sarah-russell")
    → "person:west-sussex/sarah-russell". Every id in the graph is made here (docs/MODEL.md lists the parts)."""
    return _OPENING[label] + "/".join(filter(None, parts))  # (filter(None, …): the empty parts left out, at C speed)
