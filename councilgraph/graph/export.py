"""Exports of a whole graph: the JSON interchange format of SCHEMA.md, RDF, GraphML, networkx."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from councilgraph.graph.model import INTERNAL_PROPS, DocumentGraph, merged_nodes, source_name

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
    """Properties without nulls and empty lists; lists sorted, so that both stores export alike.
    A node's `sources` are the file names of its documents (SCHEMA.md), not the store's keys."""
    out = {}
    for k, v in props.items():
        if v is None or v == [] or k == "id" or k in INTERNAL_PROPS:
            continue
        if k == "sources":
            v = {source_name(x) for x in v}
        out[k] = sorted(v) if isinstance(v, list | set) else v
    return out


def to_json(data: GraphData) -> dict:
    """The JSON interchange format (SCHEMA.md), nodes and relationships sorted by id."""
    nodes = [{"id": p["id"], "labels": [label], "properties": _clean(p)} for label, p in data.nodes]
    rels = [{"id": p["id"], "type": t, "start": s, "end": e, "properties": _clean(p)} for t, s, e, p in data.rels]
    return {"nodes": sorted(nodes, key=lambda n: n["id"]), "relationships": sorted(rels, key=lambda r: r["id"])}


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    """A networkx MultiDiGraph: node attributes are the properties plus `label`, edges are keyed by id."""
    import networkx as nx

    g = nx.MultiDiGraph()  # (added in id order: a store's row order is not fixed, and GraphML follows this one)
    for label, p in sorted(data.nodes, key=lambda n: n[1]["id"]):
        g.add_node(p["id"], label=label, **_clean(p))
    for t, s, e, p in sorted(data.rels, key=lambda r: r[3]["id"]):
        g.add_edge(s, e, key=p["id"], type=t, **_clean(p))
    return g


def to_rdf(data: GraphData) -> rdflib.Graph:
    """RDF on published vocabularies (W3C ORG, FOAF, PROV-O, schema.org, Dublin Core) with each fact's
    provenance: councilgraph/graph/rdf.py."""
    from councilgraph.graph.rdf import to_rdf as published

    return published(data)


def render(data: GraphData, fmt: str) -> bytes:
    """An export in one of FORMATS, as bytes, ending in a line end (as a text file does)."""
    body = _render(data, fmt)
    return body if body.endswith(b"\n") else body + b"\n"


def _render(data: GraphData, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps(to_json(data), indent=1, ensure_ascii=False).encode("utf-8")
    if fmt == "graphml":
        import io

        import networkx as nx

        g = to_networkx(data)
        for _, attrs in g.nodes(data=True):
            for k, v in list(attrs.items()):
                if isinstance(v, list):
                    attrs[k] = "; ".join(map(str, v))
        buf = io.BytesIO()
        nx.write_graphml(g, buf)
        return buf.getvalue()
    if fmt in ("turtle", "ttl"):
        return to_rdf(data).serialize(format="turtle", encoding="utf-8")
    if fmt in ("nt", "ntriples"):
        return to_rdf(data).serialize(format="nt", encoding="utf-8")
    if fmt in ("jsonld", "json-ld"):
        from councilgraph.graph.rdf import CONTEXT

        return to_rdf(data).serialize(format="json-ld", context=CONTEXT, auto_compact=True, encoding="utf-8")
    raise ValueError(fmt)


def write(data: GraphData, fmt: str, path: Path | IO[str]) -> None:
    """Write an export in one of FORMATS to a file, atomically (a temporary file renamed over it, so
    that a failed export leaves the old file whole), or to an open text stream such as stdout."""
    body = render(data, fmt)
    if not isinstance(path, Path):
        stream = getattr(path, "buffer", None)
        if stream is not None:
            path.flush()
            stream.write(body)
            stream.flush()
        else:
            path.write(body.decode("utf-8"))
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(body)
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


FORMATS = ("json", "graphml", "turtle", "nt", "jsonld")
#: Formats written as a folder of files rather than one file (`graph/neo4j_admin.py`).
FOLDER_FORMATS = ("neo4j-admin",)
