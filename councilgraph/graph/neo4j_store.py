"""Neo4j 5 as the store: batched `UNWIND … MERGE` in one transaction per document, uniqueness
constraints on every label's `id`, a full-text index over action and decision text, and user
Cypher in read transactions."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Sequence

from councilgraph.errors import QueryError, StoreError
from councilgraph.graph.export import GraphData
from councilgraph.graph.guard import check_params, check_read_only
from councilgraph.graph.model import ALL_LABELS, NODE_PROPS, REL_PROPS, DocumentGraph, Label, RelType, source_name
from councilgraph.graph.store import LoadReport, Rows

FULLTEXT_INDEX = "councilgraph_text"


def schema_statements() -> list[str]:
    out = [f"CREATE CONSTRAINT {lab.value.lower()}_id IF NOT EXISTS FOR (n:{lab.value}) REQUIRE n.id IS UNIQUE"
           for lab in ALL_LABELS]
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
            raise StoreError(f"lost the connection to Neo4j at {self.uri} ({_first_line(e)})") from e

    # ---- loading ----------------------------------------------------------------------------------
    def load(self, graphs: Sequence[DocumentGraph], progress: Callable[[int], None] | None = None) -> LoadReport:
        from neo4j.exceptions import DriverError, Neo4jError

        report = LoadReport()
        lost: str | None = None
        try:
            if not self._schema_done:
                self.schema()
        except (DriverError, OSError) as e:
            lost = _first_line(e)
        for g in graphs:
            if lost is not None:  # the server went away: say which documents are not stored
                report.failed[g.document] = f"Neo4j connection lost ({lost})"
                continue
            try:
                with self._session() as s:
                    n, r = s.execute_write(_write_document, g)
                report.documents.append(g.document)
                report.nodes += n
                report.relationships += r
            except Neo4jError as e:
                report.failed[g.document] = (e.message or str(e)).splitlines()[0]
            except (DriverError, OSError) as e:
                lost = _first_line(e)
                report.failed[g.document] = f"Neo4j connection lost ({lost}); this document may be stored or not"
            if progress:
                progress(1)
        return report

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
        for label, props in self.query("MATCH (n) RETURN labels(n)[0] AS l, properties(n) AS p").rows:
            data.nodes.append((label, {k: props.get(k) for k in NODE_PROPS}))  # type: ignore[union-attr]
        q = "MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS s, b.id AS e, properties(r) AS p"
        for t, s, e, props in self.query(q).rows:
            data.rels.append((t, s, e, {k: props.get(k) for k in REL_PROPS}))  # type: ignore[union-attr]
        return data

    def counts(self) -> dict[str, int]:
        out = {lab.value: 0 for lab in ALL_LABELS} | {t.value: 0 for t in RelType}
        for label, n in self.query("MATCH (n) RETURN labels(n)[0] AS l, count(*) AS c").rows:
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


def _first_line(e: BaseException) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__


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


def _forget(tx, key: str) -> None:
    """Delete what a document (by its key) gave before; nothing to do for a new one, which has no
    AgendaItem yet. Nodes no other document names go too, so that the new version's values replace
    theirs (the merge rule of `model.merge_row`)."""
    name = source_name(key)
    if not tx.run("MATCH (i:AgendaItem {source: $n}) WHERE $k IN i.sources RETURN count(i) AS c",
                  n=name, k=key).single()["c"]:
        return
    for t in RelType:  # typed and by source, so that each uses its index
        tx.run(f"MATCH ()-[r:{t.value}]->() WHERE r.source = $n AND coalesce(r.doc, r.source) = $k DELETE r",
               n=name, k=key).consume()
    # Every node the document named, including those it gave no relationship (its council, say).
    tx.run("MATCH (n) WHERE $k IN n.sources SET n.sources = [x IN n.sources WHERE x <> $k] "
           "WITH n WHERE size(n.sources) = 0 DETACH DELETE n", k=key).consume()


def _write_document(tx, g: DocumentGraph) -> tuple[int, int]:
    """One document in one transaction: forget its old facts, MERGE its nodes and relationships."""
    _forget(tx, g.document)
    by_label: dict[Label, list[dict]] = defaultdict(list)
    for n in g.nodes.values():
        by_label[n.label].append(n.row())
    others = [c for c in NODE_PROPS if c not in ("id", "name", "sources", "aliases")]
    sets = ", ".join(f"n.{c} = coalesce(n.{c}, r.{c})" for c in others)
    for label, rows in by_label.items():
        tx.run(f"UNWIND $rows AS r MERGE (n:{label.value} {{id: r.id}}) "
               f"SET n.name = coalesce(n.name, r.name), "
               f"n.sources = coalesce(n.sources, []) + [x IN r.sources WHERE NOT x IN coalesce(n.sources, [])], "
               f"n.aliases = coalesce(n.aliases, []) + [x IN r.aliases WHERE NOT x IN coalesce(n.aliases, [])], "
               f"{sets}", rows=rows).consume()
    groups: dict[tuple[RelType, Label, Label], list[dict]] = defaultdict(list)
    for r in g.rels.values():
        groups[r.type, g.nodes[r.start].label, g.nodes[r.end].label].append({"s": r.start, "e": r.end, "p": r.row()})
    for (typ, a, b), rows in groups.items():
        tx.run(f"UNWIND $rows AS r MATCH (a:{a.value} {{id: r.s}}) MATCH (b:{b.value} {{id: r.e}}) "
               f"MERGE (a)-[x:{typ.value} {{id: r.p.id}}]->(b) SET x += r.p", rows=rows).consume()
    return len(g.nodes), len(g.rels)
