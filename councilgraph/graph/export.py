"""Exports of a whole graph: the JSON interchange format of SCHEMA.md, RDF, GraphML, networkx."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from councilgraph.graph.model import DocumentGraph, merged_nodes

if TYPE_CHECKING:
    import networkx as nx
    import rdflib

NS = "https://councilgraph.org/ns#"
ID_BASE = "https://councilgraph.org/id/"


@dataclass
class GraphData:
    """A whole graph as read from a store: nodes (label, properties) and relationships."""

    nodes: list[tuple[str, dict]] = field(default_factory=list)
    rels: list[tuple[str, str, str, dict]] = field(default_factory=list)  # type, start id, end id, properties

    @classmethod
    def of(cls, graphs: Iterable[DocumentGraph]) -> GraphData:
        """GraphData of extracted documents (before any store), merged as a store would merge them."""
        graphs = list(graphs)
        nodes = [(label.value, row) for label, row in merged_nodes(graphs).values()]
        rels = {r.id: (r.type.value, r.start, r.end, r.row()) for g in graphs for r in g.rels.values()}
        return cls(nodes, list(rels.values()))


def _clean(props: dict) -> dict:
    """Properties without nulls and empty lists; lists sorted, so that both stores export alike."""
    return {k: sorted(v) if isinstance(v, list) else v for k, v in props.items()
            if v is not None and v != [] and k != "id"}


def to_json(data: GraphData) -> dict:
    """The JSON interchange format (SCHEMA.md), nodes and relationships sorted by id."""
    nodes = [{"id": p["id"], "labels": [label], "properties": _clean(p)} for label, p in data.nodes]
    rels = [{"id": p["id"], "type": t, "start": s, "end": e, "properties": _clean(p)} for t, s, e, p in data.rels]
    return {"nodes": sorted(nodes, key=lambda n: n["id"]), "relationships": sorted(rels, key=lambda r: r["id"])}


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    """A networkx MultiDiGraph: node attributes are the properties plus `label`, edges are keyed by id."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for label, p in data.nodes:
        g.add_node(p["id"], label=label, **_clean(p))
    for t, s, e, p in data.rels:
        g.add_edge(s, e, key=p["id"], type=t, **_clean(p))
    return g


def to_graphml(data: GraphData, path: Path) -> None:
    """GraphML, lists joined with '; ' since GraphML has no list type."""
    import networkx as nx

    g = to_networkx(data)
    for _, attrs in g.nodes(data=True):
        for k, v in list(attrs.items()):
            if isinstance(v, list):
                attrs[k] = "; ".join(map(str, v))
    nx.write_graphml(g, path)


def to_rdf(data: GraphData) -> rdflib.Graph:
    """RDF on published vocabularies (W3C ORG, FOAF, PROV-O, schema.org, Dublin Core) with each fact's
    provenance: councilgraph/graph/rdf.py."""
    from councilgraph.graph.rdf import to_rdf as published

    return published(data)


def write(data: GraphData, fmt: str, path: Path) -> None:
    """Write an export in one of FORMATS."""
    if fmt == "json":
        path.write_text(json.dumps(to_json(data), indent=1, ensure_ascii=False), encoding="utf-8")
    elif fmt == "graphml":
        to_graphml(data, path)
    elif fmt in ("turtle", "ttl"):
        to_rdf(data).serialize(path, format="turtle")
    elif fmt in ("nt", "ntriples"):
        to_rdf(data).serialize(path, format="nt")
    elif fmt in ("jsonld", "json-ld"):
        from councilgraph.graph.rdf import write as write_rdf

        write_rdf(data, "json-ld", path)
    else:
        raise ValueError(fmt)


FORMATS = ("json", "graphml", "turtle", "nt", "jsonld")
