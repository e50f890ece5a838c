"""Rebuild per-document graphs from a store's dump, so that one store can be copied into another
document by document (each all-or-nothing there too)."""

from __future__ import annotations

from councilgraph.graph.export import GraphData
from councilgraph.graph.model import DocumentGraph, Label, Node, Rel, RelType, source_name


def documents_of(data: GraphData) -> list[DocumentGraph]:
    """One DocumentGraph per source: its relationships and every node it names."""
    nodes = {p["id"]: (label, p) for label, p in data.nodes}
    graphs: dict[str, DocumentGraph] = {}

    def graph(key: str) -> DocumentGraph:
        name = source_name(key)
        return graphs.setdefault(key, DocumentGraph(name, key="" if key == name else key))

    for label, p in nodes.values():
        for src in p.get("sources") or []:
            props = {k: v for k, v in p.items() if k not in ("id", "name", "sources") and v is not None}
            g = graph(src)
            g.nodes[p["id"]] = Node(p["id"], Label(label), p["name"], props, [src])
    for t, s, e, p in data.rels:
        key = p.get("doc") or p["source"]
        g = graph(key)
        for nid in (s, e):
            if nid not in g.nodes:
                label, q = nodes[nid]
                g.nodes[nid] = Node(nid, Label(label), q["name"], {}, [key])
        extra = {k: v for k, v in p.items()
                 if k not in ("id", "source", "para", "evidence", "extractor", "doc") and v is not None}
        rel = Rel(RelType(t), s, e, p["source"], p["evidence"], p["extractor"], p["para"], extra,
                  None if key == p["source"] else key)
        g.rels[rel.key] = rel
    return list(graphs.values())
