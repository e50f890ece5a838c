"""The one small interface both stores implement; the rest of councilgraph never knows which it has."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # not imported at start-up (issue 11: CLI start-up time)
    from councilgraph.graph.export import GraphData
    from councilgraph.graph.model import DocumentGraph

DEFAULT_STORE = "councilgraph.db"


@dataclass
class Rows:
    """The result of a query: column names and plain rows."""

    columns: list[str]
    rows: list[list[object]]

    def dicts(self) -> list[dict[str, object]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]


@dataclass
class LoadReport:
    """What a load did: documents loaded, and nodes/relationships written."""

    documents: list[str] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # source -> error


class Store(Protocol):
    """A graph store: load documents, remove one, query, dump."""

    kind: str

    def load(self, graphs: Sequence[DocumentGraph], progress: Callable[[int], None] | None = None,
             hashes: dict[str, str] | None = None) -> LoadReport:
        """Load documents, each all-or-nothing, each replacing what was loaded from it before; `hashes`
        are their content hashes by key (`ingest.content_hash`), kept for `hashes`."""

    def hashes(self) -> dict[str, str]:
        """The content hash of every stored document, by key ("" where none was given)."""

    def remove(self, source: str) -> bool:
        """Take out everything read from one document; False if none was."""

    def sources(self) -> list[str]:
        """The documents the store holds facts from."""

    def query(self, cypher: str, params: dict | None = None, read_only: bool = True) -> Rows:
        """Run parameterised Cypher; read-only unless asked otherwise."""

    def dump(self) -> GraphData:
        """The whole graph."""

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type."""

    def close(self) -> None: ...


def open_store(store: str | Path | None = None, neo4j: str | None = None, read_only: bool = False) -> Store:
    """The store the options name: Neo4j when a URI is given (or NEO4J_URI), else the embedded one."""
    uri = neo4j or os.environ.get("NEO4J_URI")
    if uri:
        from councilgraph.graph.neo4j_store import Neo4jStore

        return Neo4jStore(uri, os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD"),
                          os.environ.get("NEO4J_DATABASE"))
    from councilgraph.graph.ladybug_store import LadybugStore

    path = Path(store or os.environ.get("COUNCILGRAPH_STORE") or DEFAULT_STORE)
    return LadybugStore(path, read_only=read_only)
