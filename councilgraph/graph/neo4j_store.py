"""Neo4j 5 as the store: batched `UNWIND … MERGE`, many documents a transaction (a failed one is
retried document by document, so each document stays all-or-nothing), uniqueness constraints on
every label's `id`, a full-text index over action and decision text, and user Cypher in read
transactions."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from councilgraph.errors import QueryError, StoreError, first_line
from councilgraph.graph.export import GraphData
from councilgraph.graph.guard import check_params, check_read_only
from councilgraph.graph.model import (
    ALL_LABELS,
    NODE_PROPS,
    REL_PROPS,
    DocumentGraph,
    Label,
    RelType,
    merged_nodes,
    source_name,
)
from councilgraph.graph.store import LoadReport, Rows

FULLTEXT_INDEX = "councilgraph_text"
#: The stored documents and their content hashes: not a label of the graph (dumps and counts leave it out).
DOC_LABEL = "CgDocument"
TX_ROWS = 40_000  # nodes and relationships a transaction: fewer statements and commits, bounded memory on the server


def schema_statements() -> list[str]:
    out = [f"CREATE CONSTRAINT {lab.value.lower()}_id IF NOT EXISTS FOR (n:{lab.value}) REQUIRE n.id IS UNIQUE"
           for lab in ALL_LABELS]
    out.append(f"CREATE CONSTRAINT cgdocument_key IF NOT EXISTS FOR (d:{DOC_LABEL}) REQUIRE d.key IS UNIQUE")
    out.append(f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Action|Decision) ON EACH [n.name]")
    out.append("CREATE INDEX item_source IF NOT EXISTS FOR (i:AgendaItem) ON (i.source)")
    out += [f"CREATE INDEX {t.value.lower()}_source IF NOT EXISTS FOR ()-[r:{t.value}]-() ON (r.source)" for t in RelType]
    return out


class Neo4jStore:
    kind = "neo4j"

    def __init__(self, uri: str, user: str = "neo4j", password: str | None = None, database: str | None = None):
        import neo4j
        from neo4j.exceptions import AuthError, ClientError, ConfigurationError, ServiceUnavailable

        self.uri, self.database = uri, database
        try:
            # How long a transaction is retried while the server is away (the driver's default, 30 s).
            retry = float(os.environ.get("COUNCILGRAPH_NEO4J_RETRY_S") or 30)
            self.driver = neo4j.GraphDatabase.driver(uri, auth=(user, password) if password else None,
                                                     max_transaction_retry_time=retry)
            self.driver.verify_connectivity()
        except AuthError as e:
            raise StoreError(f"Neo4j at {uri} refused user '{user}': check NEO4J_USERNAME and NEO4J_PASSWORD") from e
        except (ServiceUnavailable, OSError) as e:
            raise StoreError(f"cannot reach Neo4j at {uri}: is the server running? (docker/neo4j-local.sh start, "
                             f"or docker compose up in docker/)") from e
        except (ConfigurationError, ValueError) as e:
            raise StoreError(f"bad Neo4j URI {uri!r}: {e}") from e
        except ClientError as e:  # e.g. too many failed logins in a row
            raise StoreError(f"Neo4j at {uri} refused the connection: {(e.message or str(e)).splitlines()[0]}") from e
        self._schema_done = False

    def _session(self, read: bool = False):
        import neo4j

        return self.driver.session(database=self.database,
                                   default_access_mode=neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS)

    def schema(self) -> None:
        """Constraints on every label's id and the full-text index (idempotent)."""
        with self._session() as s:
            for stmt in schema_statements():
                s.run(stmt).consume()
            s.run("CALL db.awaitIndexes(60)").consume()
        self._schema_done = True

    # ---- queries ----------------------------------------------------------------------------------
    def query(self, cypher: str, params: dict | None = None, read_only: bool = True) -> Rows:
        from neo4j.exceptions import DriverError, Neo4jError

        check_params(cypher, params)
        if read_only:  # a read transaction still runs LOAD CSV, TERMINATE TRANSACTIONS, SHOW USERS…
            check_read_only(cypher, self.kind)

        def work(tx):
            res = tx.run(cypher, params or {})
            return Rows(list(res.keys()), [[_plain(v) for v in r.values()] for r in res])

        try:
            with self._session(read=read_only) as s:
                return s.execute_read(work) if read_only else s.execute_write(work)
        except Neo4jError as e:
            msg = (e.message or str(e)).splitlines()[0]
            if read_only and ("read access mode" in msg.lower() or "read only" in msg.lower()
                              or e.code.endswith("ForbiddenDueToTransactionType")):
                raise QueryError("Cypher here runs in a read-only transaction; this query writes") from e
            raise QueryError(msg) from e
        except (DriverError, OSError) as e:
            raise StoreError(f"lost the connection to Neo4j at {self.uri} ({first_line(e)})") from e

    # ---- loading ----------------------------------------------------------------------------------
    def load(self, graphs: Sequence[DocumentGraph], progress: Callable[[int], None] | None = None,
             hashes: dict[str, str] | None = None) -> LoadReport:
        from neo4j.exceptions import DriverError, Neo4jError

        report = LoadReport()
        hashes = hashes or {}
        lost: str | None = None
        try:
            if not self._schema_done:
                self.schema()
        except (DriverError, OSError) as e:
            lost = first_line(e)
        chunks = _chunks(graphs)
        # Each transaction's rows are made in a thread while the one before runs on the server: the client's
        # Python (merging nodes, relationship rows) and the server's work overlap instead of taking turns.
        with ThreadPoolExecutor(1) as pool:
            ahead = pool.submit(_statements, chunks[0]) if chunks else None
            for i, chunk in enumerate(chunks):
                made = ahead.result() if ahead is not None else None
                ahead = pool.submit(_statements, chunks[i + 1]) if i + 1 < len(chunks) and lost is None else None
                if lost is not None:  # the server went away: say which documents are not stored
                    for g in chunk:
                        report.failed[g.document] = f"Neo4j connection lost ({lost})"
                    continue
                try:
                    with self._session() as s:
                        n, r = s.execute_write(_write_documents, chunk, hashes, made)
                    report.documents += [g.document for g in chunk]
                    report.nodes += n
                    report.relationships += r
                except Neo4jError:
                    # one document spoiled the transaction: one at a time, so that the others still go in
                    for g in chunk:
                        try:
                            with self._session() as s:
                                n, r = s.execute_write(_write_documents, [g], hashes)
                            report.documents.append(g.document)
                            report.nodes += n
                            report.relationships += r
                        except Neo4jError as e:
                            report.failed[g.document] = (e.message or str(e)).splitlines()[0]
                        except (DriverError, OSError) as e:
                            lost = first_line(e)
                            report.failed[g.document] = f"Neo4j connection lost ({lost}); this document may be stored or not"
                            break
                except (DriverError, OSError) as e:
                    lost = first_line(e)
                    for g in chunk:
                        report.failed[g.document] = f"Neo4j connection lost ({lost}); this document may be stored or not"
                if progress:
                    progress(len(chunk))
        for g in graphs:  # documents after a lost connection in their chunk
            if lost is not None and g.document not in report.failed and g.document not in report.documents:
                report.failed[g.document] = f"Neo4j connection lost ({lost})"
        return report

    def hashes(self) -> dict[str, str]:
        rows = self.query(f"MATCH (d:{DOC_LABEL}) RETURN d.key AS k, d.hash AS h").rows
        return {k: h or "" for k, h in rows}  # type: ignore[misc]

    def remove(self, source: str) -> bool:
        if not self._schema_done:
            self.schema()
        if source not in self.sources():  # a document's key, as `sources` lists it
            return False
        with self._session() as s:
            s.execute_write(_forget, source)
        return True

    def sources(self) -> list[str]:
        rows = self.query("MATCH (n) UNWIND n.sources AS s RETURN DISTINCT s ORDER BY s").rows
        return [r[0] for r in rows]

    def dump(self) -> GraphData:
        data = GraphData()
        for label, props in self.query(f"MATCH (n) WHERE NOT n:{DOC_LABEL} RETURN labels(n)[0] AS l, "
                                       f"properties(n) AS p").rows:
            data.nodes.append((label, {k: props.get(k) for k in NODE_PROPS}))  # type: ignore[union-attr]
        q = "MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS s, b.id AS e, properties(r) AS p"
        for t, s, e, props in self.query(q).rows:
            data.rels.append((t, s, e, {k: props.get(k) for k in REL_PROPS}))  # type: ignore[union-attr]
        return data

    def counts(self) -> dict[str, int]:
        out = {lab.value: 0 for lab in ALL_LABELS} | {t.value: 0 for t in RelType}
        for label, n in self.query(f"MATCH (n) WHERE NOT n:{DOC_LABEL} RETURN labels(n)[0] AS l, count(*) AS c").rows:
            out[label] = n  # type: ignore[index]
        for t, n in self.query("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c").rows:
            out[t] = n  # type: ignore[index]
        return out

    def clear(self) -> None:
        """Delete everything (tests and benchmarks)."""
        with self._session() as s:  # relationships first, in small transactions: hubs have thousands
            s.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()

    def close(self) -> None:
        self.driver.close()


def _plain(v: object) -> object:
    """Nodes, relationships and paths as plain dicts, alike on both stores."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(v, Node):
        return {"label": next(iter(v.labels), None), "id": v.get("id"), "name": v.get("name")}
    if isinstance(v, Relationship):
        return {"type": v.type, "id": v.get("id")}
    if isinstance(v, Path):
        return {"nodes": [_plain(n) for n in v.nodes], "relationships": [_plain(r) for r in v.relationships]}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def _chunks(graphs: Sequence[DocumentGraph]) -> list[list[DocumentGraph]]:
    """Documents in transactions of about TX_ROWS nodes and relationships (at least one document each)."""
    out: list[list[DocumentGraph]] = []
    rows = TX_ROWS
    for g in graphs:
        if rows >= TX_ROWS:
            out.append([])
            rows = 0
        out[-1].append(g)
        rows += len(g.nodes) + len(g.rels)
    return out


def _forget(tx, key: str, check: bool = True) -> None:
    """Delete what a document (by its key) gave before; nothing to do for a new one, which has no
    AgendaItem yet. Nodes no other document names go too, so that the new version's values replace
    theirs (the merge rule of `model.merged_nodes`)."""
    name = source_name(key)
    tx.run(f"MATCH (d:{DOC_LABEL} {{key: $k}}) DELETE d", k=key).consume()
    if check and not tx.run("MATCH (i:AgendaItem {source: $n}) WHERE $k IN i.sources RETURN count(i) AS c",
                            n=name, k=key).single()["c"]:
        return
    for t in RelType:  # typed and by source, so that each uses its index
        tx.run(f"MATCH ()-[r:{t.value}]->() WHERE r.source = $n AND coalesce(r.doc, r.source) = $k DELETE r",
               n=name, k=key).consume()
    # Every node the document named, including those it gave no relationship (its council, say).
    tx.run("MATCH (n) WHERE $k IN n.sources SET n.sources = [x IN n.sources WHERE x <> $k] "
           "WITH n WHERE size(n.sources) = 0 DETACH DELETE n", k=key).consume()


# A node already stored: sources and aliases accumulate, every other property keeps its first value
# (`model.merged_nodes`); the documents being written are in no stored node's sources (they were
# forgotten first), so theirs are appended as they are. A new node takes the row whole, in one map
# update (most nodes of a load).
_MERGE_SET = ", ".join(
    ["n.sources = coalesce(n.sources, []) + r.sources",
     "n.aliases = coalesce(n.aliases, []) + [x IN r.aliases WHERE NOT x IN coalesce(n.aliases, [])]"]
    + [f"n.{c} = coalesce(n.{c}, r.{c})" for c in NODE_PROPS if c not in ("id", "sources", "aliases")])


@dataclass(slots=True)
class _Statements:
    """The rows of one transaction's statements: its documents' keys, node rows by label, relationship rows by
    type and end labels."""

    keys: list[dict]
    nodes: dict[Label, list[dict]]
    rels: dict[tuple[RelType, Label, Label], list[dict]]


def _statements(graphs: list[DocumentGraph]) -> _Statements:
    by_label: dict[Label, list[dict]] = defaultdict(list)
    for label, row in merged_nodes(graphs).values():
        by_label[label].append(row)
    groups: dict[tuple[RelType, Label, Label], list[dict]] = defaultdict(list)
    for g in graphs:
        for r in g.rels.values():
            groups[r.type, g.nodes[r.start].label, g.nodes[r.end].label].append({"s": r.start, "e": r.end,
                                                                                 "p": r.row()})
    return _Statements([{"k": g.document, "n": g.source} for g in graphs], by_label, groups)


def _write_documents(tx, graphs: list[DocumentGraph], hashes: dict[str, str],
                     made: _Statements | None = None) -> tuple[int, int]:
    """Documents in one transaction: forget the old facts of those stored before (found in one
    query each way: by their agenda items, and by their content-hash node), then write their nodes
    and relationships, a statement per label and per relationship table (`made`: their rows, when
    made beforehand).

    Once those are forgotten, no stored fact or node's `sources` holds any of these documents: so
    their relationships are created rather than merged, and a node already stored gets their keys
    appended to its `sources` without comparing them with the thousands a hub holds."""
    made = made or _statements(graphs)
    keys = made.keys
    known = {r["k"] for r in tx.run("UNWIND $keys AS d MATCH (i:AgendaItem {source: d.n}) WHERE d.k IN i.sources "
                                    "RETURN DISTINCT d.k AS k", keys=keys)}
    known |= {r["k"] for r in tx.run(f"UNWIND $keys AS d MATCH (c:{DOC_LABEL} {{key: d.k}}) RETURN c.key AS k",
                                     keys=keys)}
    for d in keys:
        if d["k"] in known:
            _forget(tx, d["k"], check=False)
    for label, rows in made.nodes.items():
        tx.run(f"UNWIND $rows AS r MERGE (n:{label.value} {{id: r.id}}) ON CREATE SET n += r "
               f"ON MATCH SET {_MERGE_SET}", rows=rows).consume()
    for (typ, a, b), rows in made.rels.items():
        tx.run(f"UNWIND $rows AS r MATCH (a:{a.value} {{id: r.s}}) MATCH (b:{b.value} {{id: r.e}}) "
               f"CREATE (a)-[x:{typ.value}]->(b) SET x = r.p", rows=rows).consume()
    tx.run(f"UNWIND $rows AS r MERGE (d:{DOC_LABEL} {{key: r.k}}) SET d.hash = r.h",
           rows=[{"k": d["k"], "h": hashes.get(d["k"], "")} for d in keys]).consume()
    return sum(len(g.nodes) for g in graphs), sum(len(g.rels) for g in graphs)
