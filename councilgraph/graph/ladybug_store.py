"""The embedded default: LadybugDB (`ladybug`), an in-process Cypher database in one directory.

Documents load in bulk: a document's old facts are deleted, new nodes go in with `COPY … FROM
(UNWIND $rows …)`, nodes already there get their sources and aliases merged, and relationships go
in with `COPY` per (type, from, to) table pair — all inside one transaction per batch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from councilgraph.errors import QueryError, StoreError
from councilgraph.graph.export import GraphData
from councilgraph.graph.model import (
    ALL_LABELS,
    ENDPOINTS,
    NODE_PROPS,
    REL_PROPS,
    DocumentGraph,
    Label,
    RelType,
    merged_nodes,
)
from councilgraph.graph.store import LoadReport, Rows

_NODE_COLS = list(NODE_PROPS)
_REL_COLS = list(REL_PROPS)


def _ddl() -> list[str]:
    cols = ", ".join(f"{k} {t}" for k, t in NODE_PROPS.items())
    out = [f"CREATE NODE TABLE IF NOT EXISTS {lab.value}({cols}, PRIMARY KEY(id))" for lab in ALL_LABELS]
    rcols = ", ".join(f"{k} {t}" for k, t in REL_PROPS.items())
    for typ, (froms, tos) in ENDPOINTS.items():
        pairs = ", ".join(f"FROM {a.value} TO {b.value}" for a in froms for b in tos)
        out.append(f"CREATE REL TABLE IF NOT EXISTS {typ.value}({pairs}, {rcols})")
    # A store made before a property was added gets its column (ATTENDED's `as`, AgendaItem's `url`).
    out += [f"ALTER TABLE {lab.value} ADD IF NOT EXISTS {k} {t}" for lab in ALL_LABELS for k, t in NODE_PROPS.items()
            if k in _ADDED]
    out += [f"ALTER TABLE {typ.value} ADD IF NOT EXISTS {k} {t}" for typ in ENDPOINTS for k, t in REL_PROPS.items()
            if k in _ADDED]
    return out


_ADDED = ("url", "as", "search", "caption")  # properties added after stores were first made


class LadybugStore:
    kind = "embedded"

    def __init__(self, path: Path, read_only: bool = False):
        import ladybug

        self.path = path
        if read_only and not path.exists():
            raise StoreError(f"{path}: no councilgraph store here yet (run `councilgraph ingest` first)")
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = ladybug.Database(str(path), read_only=read_only)
            self.conn = ladybug.Connection(self.db)
        except RuntimeError as e:
            raise StoreError(f"{path}: cannot open the embedded store ({_first_line(e)})") from e
        self.read_only = read_only
        if not read_only:
            for stmt in _ddl():
                self.conn.execute(stmt)

    # ---- queries -----------------------------------------------------------------------------------
    def _run(self, cypher: str, params: dict | None = None) -> Rows:
        res = self.conn.execute(cypher, params or {})
        res = res[-1] if isinstance(res, list) else res
        return Rows(list(res.get_column_names()), [[_plain(v) for v in r] for r in res.get_all()])

    def query(self, cypher: str, params: dict | None = None, read_only: bool = True) -> Rows:
        if read_only and not self.read_only and _writes(cypher):
            raise QueryError("the embedded store runs read-only Cypher here; this query writes")
        try:
            return self._run(cypher, params)
        except RuntimeError as e:
            msg = _first_line(e)
            if "read-only" in msg:
                raise QueryError("the embedded store runs read-only Cypher here; this query writes") from e
            raise QueryError(msg) from e

    # ---- loading -----------------------------------------------------------------------------------
    def load(self, graphs: Sequence[DocumentGraph], progress: Callable[[int], None] | None = None) -> LoadReport:
        report = LoadReport()
        try:
            self._load_batch(list(graphs), report)
            done = list(graphs)
        except RuntimeError:
            # One document spoiled the batch: load one at a time so the others still go in.
            report = LoadReport()
            done = []
            for g in graphs:
                try:
                    self._load_batch([g], report)
                    done.append(g)
                except RuntimeError as e:
                    report.failed[g.source] = _first_line(e)
        report.documents = [g.source for g in done]
        if progress:
            progress(len(graphs))
        return report

    def _load_batch(self, graphs: list[DocumentGraph], report: LoadReport) -> None:
        if not graphs:
            return
        sources = [g.source for g in graphs]
        nodes = merged_nodes(graphs)
        self.conn.execute("BEGIN TRANSACTION")
        try:
            known = self._known(sources)
            kept: set[str] = set()
            if known:  # documents loaded before: their old facts go, unchanged ones stay
                kept = self._forget(known, set(nodes), {r.id for g in graphs for r in g.rels.values()})
            report.nodes += self._write_nodes(nodes)
            report.relationships += self._write_rels(graphs, nodes, kept)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def _known(self, sources: list[str]) -> list[str]:
        """Which of these documents the store already holds (each has at least one AgendaItem)."""
        rows = self._run("MATCH (i:AgendaItem) WHERE i.source IN $s RETURN DISTINCT i.source", {"s": sources}).rows
        return [r[0] for r in rows]

    def _forget(self, sources: list[str], reloading: set[str] | None = None,
                keep_rels: set[str] | None = None) -> set[str]:
        """Delete the facts these documents gave before, and nodes no other document names.

        Facts and nodes the new versions give again are kept as they are, so reloading an unchanged
        document writes nothing but its nodes' source lists. Returns the ids of the facts kept."""
        keep_rels = keep_rels or set()
        kept: set[str] = set()
        for typ in RelType:
            old = [r[0] for r in self._run(f"MATCH ()-[r:{typ.value}]->() WHERE r.source IN $s RETURN r.id",
                                           {"s": sources}).rows]
            stale = [i for i in old if i not in keep_rels]
            if stale:
                self.conn.execute(f"MATCH ()-[r:{typ.value}]->() WHERE r.id IN $ids DELETE r", {"ids": stale})
            kept.update(i for i in old if i in keep_rels)
        gone = set(sources)
        for lab in ALL_LABELS:
            rows = self._run(f"UNWIND $s AS src MATCH (n:{lab.value}) WHERE list_contains(n.sources, src) "
                             f"RETURN DISTINCT n.id, n.sources", {"s": sources}).rows
            left = [{"id": i, "sources": [x for x in srcs if x not in gone]} for i, srcs in rows]
            orphans = [r["id"] for r in left if not r["sources"] and r["id"] not in (reloading or ())]
            if left:
                self.conn.execute(f"UNWIND $rows AS r MATCH (n:{lab.value} {{id: r.id}}) SET n.sources = r.sources",
                                  {"rows": left})
            if orphans:
                self.conn.execute(f"MATCH (n:{lab.value}) WHERE n.id IN $ids DETACH DELETE n", {"ids": orphans})
        return kept

    def _write_nodes(self, nodes: dict[str, tuple[Label, dict]]) -> int:
        by_label: dict[Label, list[dict]] = defaultdict(list)
        for label, row in nodes.values():
            by_label[label].append(row)
        ret = ", ".join(f"r.{c}" for c in _NODE_COLS)
        sets = ", ".join(f"n.{c} = coalesce(n.{c}, r.{c})" for c in _NODE_COLS
                         if c not in ("id", "name", "sources", "aliases"))
        for label, rows in by_label.items():
            have = {r[0]: (r[1], r[2]) for r in self._run(
                f"MATCH (n:{label.value}) WHERE n.id IN $ids RETURN n.id, n.sources, n.aliases",
                {"ids": [r["id"] for r in rows]}).rows}
            new = [r for r in rows if r["id"] not in have]
            old = []
            for r in rows:
                if r["id"] in have:
                    srcs, aliases = have[r["id"]]
                    old.append({**r, "sources": sorted({*srcs, *r["sources"]}), "aliases": sorted({*aliases, *r["aliases"]})})
            if new:
                self.conn.execute(f"COPY {label.value} FROM (UNWIND $rows AS r RETURN {ret})", {"rows": new})
            if old:
                self.conn.execute(f"UNWIND $rows AS r MATCH (n:{label.value} {{id: r.id}}) "
                                  f"SET n.sources = r.sources, n.aliases = r.aliases, {sets}", {"rows": old})
        return len(nodes)

    def _write_rels(self, graphs: list[DocumentGraph], nodes: dict[str, tuple[Label, dict]], kept: set[str]) -> int:
        groups: dict[tuple[RelType, Label, Label], list[dict]] = defaultdict(list)
        for g in graphs:
            for r in g.rels.values():
                if r.id not in kept:  # an unchanged fact of a reloaded document stays as it is
                    groups[r.type, nodes[r.start][0], nodes[r.end][0]].append({"s": r.start, "e": r.end, **r.row()})
        ret = ", ".join(["r.s", "r.e"] + [f"r.{c}" for c in _REL_COLS])
        for (typ, a, b), rows in groups.items():
            opts = f' (from="{a.value}", to="{b.value}")' if _pairs(typ) > 1 else ""
            self.conn.execute(f"COPY {typ.value} FROM (UNWIND $rows AS r RETURN {ret}){opts}", {"rows": rows})
        return sum(len(g.rels) for g in graphs)

    # ---- the rest ----------------------------------------------------------------------------------
    def remove(self, source: str) -> bool:
        if source not in self.sources():
            return False
        self.conn.execute("BEGIN TRANSACTION")
        try:
            self._forget([source])
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return True

    def sources(self) -> list[str]:
        found: set[str] = set()
        for lab in ALL_LABELS:
            for (srcs,) in self._run(f"MATCH (n:{lab.value}) RETURN DISTINCT n.sources").rows:
                found.update(srcs or [])
        return sorted(found)

    def dump(self) -> GraphData:
        data = GraphData()
        cols = ", ".join(f"n.{c}" for c in _NODE_COLS)
        for lab in ALL_LABELS:
            for row in self._run(f"MATCH (n:{lab.value}) RETURN {cols}").rows:
                data.nodes.append((lab.value, dict(zip(_NODE_COLS, row, strict=True))))
        rcols = ", ".join(f"r.{c}" for c in _REL_COLS)
        for typ in RelType:
            for row in self._run(f"MATCH (a)-[r:{typ.value}]->(b) RETURN a.id, b.id, {rcols}").rows:
                data.rels.append((typ.value, row[0], row[1], dict(zip(_REL_COLS, row[2:], strict=True))))
        return data

    def counts(self) -> dict[str, int]:
        out = {lab.value: self._run(f"MATCH (n:{lab.value}) RETURN count(n)").rows[0][0] for lab in ALL_LABELS}
        out.update({t.value: self._run(f"MATCH ()-[r:{t.value}]->() RETURN count(r)").rows[0][0] for t in RelType})
        return out

    def close(self) -> None:
        self.conn.close()
        self.db.close()


def _plain(v: object) -> object:
    """Nodes, relationships and paths as the same plain dicts the Neo4j store gives."""
    if isinstance(v, dict) and "_LABEL" in v:
        if "_SRC" in v:
            return {"type": v["_LABEL"], "id": v.get("id")}
        return {"label": v["_LABEL"], "id": v.get("id"), "name": v.get("name")}
    if isinstance(v, dict) and "_NODES" in v:
        return {"nodes": [_plain(n) for n in v["_NODES"]], "relationships": [_plain(r) for r in v["_RELS"]]}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def _pairs(typ: RelType) -> int:
    froms, tos = ENDPOINTS[typ]
    return len(froms) * len(tos)


def _writes(cypher: str) -> bool:
    import re

    return bool(re.search(r"\b(?:CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|COPY|ALTER|INSTALL|LOAD|ATTACH|IMPORT|EXPORT|"
                          r"CHECKPOINT|BEGIN|COMMIT|ROLLBACK)\b", re.sub(r"'[^']*'|\"[^\"]*\"", "", cypher), re.I))


def _first_line(e: BaseException) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
