"""The embedded default: LadybugDB (`ladybug`), an in-process Cypher database in one file.

Documents load in bulk, one transaction per batch: a reloaded document's old facts are deleted,
new nodes go in with `COPY … FROM` a CSV file per label, nodes already there are updated by key in
one statement per label (sources and aliases merged), and relationships go in with `COPY` from a
CSV file per (type, from, to) table pair. A writer holds the ids of the stored nodes and the stored documents (with
their content hashes, table `CgDocument`) in memory, so a batch never searches the store for them:
the time per batch does not grow with the store.

A write that begins on an empty store (`begin`, as `ingest` calls it) is staged instead: its batches go
to files on disk, and each table is written by one `COPY` at the end (graph/staging.py), since
LadybugDB's copies into tables that already hold rows cost memory and disk that grow with them.
"""

from __future__ import annotations

import csv
import glob
import json
import os
import shutil
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from councilgraph.errors import QueryError, StoreError, first_line
from councilgraph.graph import action_words
from councilgraph.graph.export import GraphData
from councilgraph.graph.guard import check_params, check_read_only
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

if TYPE_CHECKING:
    from councilgraph.graph.staging import Stage

_NODE_COLS = list(NODE_PROPS)
_SCALAR_COLS = [c for c in _NODE_COLS if c not in ("id", "name", "sources", "aliases")]  # merged by coalesce
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
    out.append(f"CREATE NODE TABLE IF NOT EXISTS {DOC_TABLE}(key STRING, hash STRING, PRIMARY KEY(key))")
    return out


#: The stored documents and their content hashes (`ingest.content_hash`); not a label of the graph,
#: so dumps, exports and counts never see it.
DOC_TABLE = "CgDocument"
_ADDED = ("url", "as", "due_date", "score", "search", "caption")  # properties added after stores were first made


class LadybugStore:
    """The embedded store. Readers open the store file itself, read-only. A writer never touches it:
    it works on a copy (`STORE.work`) and, once every batch is committed and checkpointed, renames the
    copy over the store. A crash at any moment — mid-batch, mid-checkpoint — leaves the store as the
    last finished write left it (LadybugDB 0.19.1 loses committed data, or cannot be opened read-only,
    when killed during a checkpoint; see docs/MODEL.md)."""

    kind = "embedded"

    def __init__(self, path: Path, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        self._lock: int | None = None
        self._handled: list[str] = []  # the documents this write is for (see `begin`)
        self._docs: dict[str, str] = {}  # a writer's stored documents: key -> content hash ("" if unknown)
        # A writer's stored node ids, read on the first load, each with the properties (bits over
        # _SCALAR_COLS) known to hold a value: a later document never needs to fill those in.
        self._ids: dict[str, int] | None = None
        # Sources and aliases that this write adds to nodes stored before it, written once by
        # `_flush_lists` (see there): node id -> (label, sources, aliases); and the documents they come from.
        self._more: dict[str, tuple[Label, list[str], list[str]]] = {}
        self._more_docs: set[str] = set()
        # A write that began on an empty store stages its documents and copies each table once (staging.py).
        self._stage: Stage | None = None
        self._broken = False  # a staged write failed to copy: the working copy must not be published
        if read_only and not path.exists():
            raise StoreError(f"{path}: no councilgraph store here yet (run `councilgraph ingest` first)")
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a councilgraph store (the store is one file)")
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._lock = _lock(path)
            try:
                recover_legacy(path)
                work = work_path(path)
                for f in _leftovers(work):
                    f.unlink()
                if path.exists():
                    shutil.copyfile(path, work)
            except BaseException:
                self._unlock()
                raise
            open_path = work
        else:
            if _leftovers(path):
                raise StoreError(f"{path}: a write to this store was interrupted; run `councilgraph check` to "
                                 f"recover it")
            open_path = path
        try:
            self._connect(open_path, read_only)
            if not read_only:
                for stmt in _ddl():
                    self.conn.execute(stmt)
                self._migrate()
                action_words.ensure(self.conn)  # who-owns' word index (graph/action_words.py)
                self._docs = self._read_docs()
        except RuntimeError as e:
            if not read_only:
                for f in _leftovers(work_path(path)):
                    f.unlink()
            self._unlock()
            raise StoreError(f"{path}: cannot open the embedded store ({first_line(e)})") from e

    def _migrate(self) -> None:
        """Stores written before documents had keys: their facts are keyed by the file name."""
        for typ in RelType:
            cols = {r[1] for r in self._run(f"CALL table_info('{typ.value}') RETURN *").rows}
            if "doc" not in cols:
                self.conn.execute(f"ALTER TABLE {typ.value} ADD doc STRING")
                self.conn.execute(f"MATCH ()-[r:{typ.value}]->() SET r.doc = r.source")

    def _read_docs(self) -> dict[str, str]:
        """The stored documents; a store written before the document table gets one (hash unknown)."""
        docs = {k: h or "" for k, h in self._run(f"MATCH (d:{DOC_TABLE}) RETURN d.key, d.hash").rows}
        if not docs and self._run("MATCH (i:AgendaItem) RETURN i.id LIMIT 1").rows:
            docs = dict.fromkeys(self._scan_sources(), "")
            self.conn.execute(f"COPY {DOC_TABLE} FROM (UNWIND $rows AS r RETURN r.k, r.h)",
                              {"rows": [{"k": k, "h": ""} for k in docs]})
        return docs

    def hashes(self) -> dict[str, str]:
        """Each stored document's content hash, as `load` was given it ("" when it was not)."""
        return dict(self._docs)

    def _node_ids(self) -> dict[str, int]:
        if self._ids is None:
            self._ids = {}
            for lab in ALL_LABELS:  # which properties these hold is not read: 0, learnt as documents name them
                self._ids.update(dict.fromkeys((r[0] for r in self._run(f"MATCH (n:{lab.value}) RETURN n.id").rows), 0))
        return self._ids

    def begin(self, keys: list[str], stage: bool = True) -> None:
        """Note the documents a write is for (in STORE.pending) until it is published, so that after a
        crash `councilgraph check` can say what to ingest again.

        A write that begins on an empty store (the first load of a council's minutes) is staged, with
        `stage`: its loads only stage their rows on disk, and every table is written by one `COPY` when
        the write is published or the store first read (staging.py; LadybugDB copies into tables that
        already hold rows on disk at a cost that grows with them, docs/BENCHMARK.md)."""
        self._handled = list(keys)
        write_pending(self.path, sorted({*read_pending(self.path), *keys}))
        if stage and self._stage is None and self._ids is None and not self._docs and self._empty():
            from councilgraph.graph.staging import Stage

            self._stage = Stage(work_path(self.path))

    def _empty(self) -> bool:
        """Whether the store holds no node at all (the word index's tables included)."""
        have = action_words._tables(self.conn)
        tables = [t for t in (*(lab.value for lab in ALL_LABELS), DOC_TABLE, action_words.WORD, action_words.NAME)
                  if t in have]
        return not any(self._run(f"MATCH (n:{t}) RETURN 1 LIMIT 1").rows for t in tables)

    def _held_back_written(self) -> None:
        """What this write holds back, written before anything reads the store: a staged write's tables
        (`_write_stage`), then the sources and aliases it held (`_flush_lists`)."""
        self._write_stage()
        self._flush_lists()

    def _write_stage(self, reopen: bool = True) -> None:
        """Copy a staged write's tables into the store (staging.py), then, with `reopen`, checkpoint and
        reopen the working copy, so that what reads it next starts from the store on disk. A failure
        leaves the copy unfit to publish: `close` then throws it away."""
        if self._broken:
            raise StoreError(f"{self.path}: an earlier step of this write failed; nothing of it is published")
        stage, self._stage = self._stage, None
        if stage is None:
            return
        try:
            stage.write(self)
            self._ids = stage.ids
            if reopen:
                self._checkpoint(reopen=True)
        except (RuntimeError, OSError) as e:
            self._broken = True
            raise StoreError(f"{self.path}: writing the staged documents failed ({first_line(e)}); "
                             f"nothing of this write is published") from e
        finally:
            stage.discard()

    def _unlock(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    # ---- queries -----------------------------------------------------------------------------------
    def _run(self, cypher: str, params: dict | None = None) -> Rows:
        res = self.conn.execute(cypher, params or {})
        res = res[-1] if isinstance(res, list) else res
        return Rows(list(res.get_column_names()), [[_plain(v) for v in r] for r in res.get_all()])

    def query(self, cypher: str, params: dict | None = None, read_only: bool = True) -> Rows:
        check_params(cypher, params)
        if read_only or self.read_only:  # LadybugDB's own read-only mode still runs COPY TO, LOAD, ATTACH…
            check_read_only(cypher, self.kind)
        self._held_back_written()
        try:
            return self._run(cypher, params)
        except RuntimeError as e:
            msg = first_line(e)
            if "read-only" in msg:
                raise QueryError("the embedded store runs read-only Cypher here; this query writes") from e
            raise QueryError(msg) from e

    # ---- loading -----------------------------------------------------------------------------------
    def load(self, graphs: Sequence[DocumentGraph], progress: Callable[[int], None] | None = None,
             hashes: dict[str, str] | None = None) -> LoadReport:
        report = LoadReport()
        hashes = hashes or {}
        # A statement LadybugDB 0.19.1 refuses mid-transaction can leave the connection unsound (a
        # crash at the next checkpoint was seen): documents it would refuse are refused here first.
        bad = {g.document: why for g in graphs if (why := _refused(g))}
        graphs = [g for g in graphs if g.document not in bad]
        if self._broken or self._stage is not None and not self._stage.docs.keys().isdisjoint(
                g.document for g in graphs):
            self._write_stage()  # (raises if broken) a document staged before is loaded again: it replaces it
        if self._stage is not None:
            self._stage_batch(graphs, report, hashes)
            report.failed.update(bad)
            if progress:
                progress(len(graphs) + len(bad))
            return report
        try:
            self._load_batch(list(graphs), report, hashes)
            done = list(graphs)
        except RuntimeError as e:
            self._raise_if_out_of_pool(e)
            # One document spoiled the batch: load one at a time so the others still go in.
            report = LoadReport()
            done = []
            for g in graphs:
                try:
                    self._load_batch([g], report, hashes)
                    done.append(g)
                except RuntimeError as e:
                    self._raise_if_out_of_pool(e)
                    report.failed[g.document] = first_line(e)
        report.documents = [g.document for g in done]
        report.failed.update(bad)
        try:
            self._checkpoint_if_full()
        except RuntimeError as e:  # what is committed stays in the working copy; the write cannot go on
            raise StoreError(f"{self.path}: checkpoint of the working copy failed ({first_line(e)})") from e
        if progress:
            progress(len(graphs) + len(bad))
        return report

    def _stage_batch(self, graphs: list[DocumentGraph], report: LoadReport, hashes: dict[str, str]) -> None:
        """Stage a batch of a write that began on an empty store (see `begin`)."""
        assert self._stage is not None
        graphs = list({g.document: g for g in graphs}.values())  # one document twice in a batch: its last version
        nodes = merged_nodes(graphs)
        try:
            self._stage.add(graphs, nodes, hashes)
        except OSError as e:  # the staged files no longer hold whole documents
            self._broken = True
            raise StoreError(f"{self.path}: staging the documents failed ({first_line(e)})") from e
        self._docs.update((g.document, hashes.get(g.document, "")) for g in graphs)
        report.documents = [g.document for g in graphs]
        report.nodes += len(nodes)
        report.relationships += sum(len(g.rels) for g in graphs)

    def _load_batch(self, graphs: list[DocumentGraph], report: LoadReport, hashes: dict[str, str]) -> None:
        if not graphs:
            return
        keys = list(dict.fromkeys(g.document for g in graphs))
        nodes = merged_nodes(graphs)
        ids = self._node_ids()
        dropped: set[str] = set()
        if self._more_docs.intersection(keys):  # a document of this write loaded again: its pending sources go first
            self._flush_lists()
        more: dict[str, tuple[Label, list[str], list[str]]] = {}
        holds: dict[str, int] = {}
        self.conn.execute("BEGIN TRANSACTION")
        try:
            known = [k for k in keys if k in self._docs]
            kept: set[str] = set()
            fresh: set[str] = set()
            if known:  # documents loaded before: their old facts go, unchanged ones stay
                kept, fresh = self._forget(known, set(nodes), {r.id for g in graphs for r in g.rels.values()}, dropped)
            report.nodes += self._write_nodes(nodes, fresh, ids, dropped, more, holds)
            action_words.index_actions(self.conn, nodes, ids, fresh, dropped)  # who-owns' word index
            report.relationships += self._write_rels(graphs, nodes, kept)
            docs = [{"k": k, "h": hashes.get(k, "")} for k in keys]
            if known:
                self.conn.execute(f"UNWIND $rows AS r MATCH (d:{DOC_TABLE} {{key: r.k}}) SET d.hash = r.h",
                                  {"rows": [d for d in docs if d["k"] in self._docs]})
            if len(known) < len(keys):
                self.conn.execute(f"COPY {DOC_TABLE} FROM (UNWIND $rows AS r RETURN r.k, r.h)",
                                  {"rows": [d for d in docs if d["k"] not in self._docs]})
            self.conn.execute("COMMIT")
        except BaseException:
            _rollback(self.conn)
            raise
        # only now that it is committed: the ids and documents held in memory follow the store
        for i in dropped:
            ids.pop(i, None)
        for nid, bits in holds.items():  # a replaced node holds only what its new version gave
            ids[nid] = bits if nid in fresh else ids.get(nid, 0) | bits
        self._docs.update((d["k"], d["h"]) for d in docs)
        for nid, (label, srcs, aliases) in more.items():
            held = self._more.get(nid)
            if held is None:
                self._more[nid] = (label, srcs, aliases)
            else:
                held[1].extend(srcs)
                held[2].extend(aliases)
        if more:
            self._more_docs.update(keys)

    def _checkpoint_if_full(self) -> None:
        """Automatic checkpoints are off in the working copy (one at the end is faster), but LadybugDB
        0.19.1 holds what was committed since the last checkpoint in its buffer pool, and once the pool
        is full a write fails mid-statement and leaves the engine unsound (a 100,000-item load crashed
        with a corrupted heap at 23,700 documents): past a share of the pool, checkpoint the copy now.
        Each checkpoint costs more as the store grows, so not more often than that."""
        usage, limit = self._run("CALL bm_info() RETURN mem_usage, mem_limit").rows[0]
        work = work_path(self.path)
        wal = work.with_name(work.name + ".wal")
        if usage > limit * _POOL_CHECKPOINT or (wal.exists() and wal.stat().st_size > _WAL_CHECKPOINT):
            self._checkpoint(reopen=True)

    def _checkpoint(self, reopen: bool) -> None:
        """Checkpoint the working copy, and with `reopen` close and open it again.

        The checkpoint itself takes memory that grows with the store (it rewrites the relationship
        lists new rows join: +1.1 GB at 75,000 documents, docs/BENCHMARK.md), so the memory the engine
        has freed goes back to the system first. The engine's memory outside the pool (an insert index
        per relationship table it wrote to, ~25 MB each, and the rows since the last checkpoint) is
        freed only when the database is closed, hence the reopen."""
        _give_back()
        self.conn.execute("CHECKPOINT")
        if reopen:
            self.conn.close()
            self.db.close()
            _give_back()
            self._connect(work_path(self.path), read_only=False)

    def _raise_if_out_of_pool(self, e: RuntimeError) -> None:
        """A full buffer pool is not a bad document, and the engine is unsound after it
        (`_checkpoint_if_full`): the write stops rather than retrying document by document."""
        if _OUT_OF_POOL in str(e):
            raise StoreError(f"{self.path}: the embedded engine ran out of its buffer pool "
                             f"({_buffer_pool() >> 20} MB; COUNCILGRAPH_BUFFER_POOL_MB sets it)") from e

    def _connect(self, at: Path, read_only: bool) -> None:
        """Open the database file (a writer's copy needs no checkpoint before the end: a crash throws the
        copy away) and a connection to it."""
        import ladybug

        self.db = ladybug.Database(str(at), read_only=read_only, auto_checkpoint=read_only,
                                   buffer_pool_size=_buffer_pool())
        self.conn = ladybug.Connection(self.db)

    def _forget(self, keys: list[str], reloading: set[str] | None = None,
                keep_rels: set[str] | None = None, dropped: set[str] | None = None) -> tuple[set[str], set[str]]:
        """Delete the facts these documents gave before, and nodes no other document names.

        Facts the new versions give again are kept as they are, so reloading an unchanged document
        writes nothing but its nodes. Nodes that only these documents named and that the new versions
        give again are kept too, to be overwritten (the merge rule of `model.merged_nodes`). Returns the
        ids of the facts kept and of the nodes to overwrite."""
        keep_rels = keep_rels or set()
        kept: set[str] = set()
        for typ in RelType:
            old = [r[0] for r in self._run(f"MATCH ()-[r:{typ.value}]->() WHERE r.doc IN $s RETURN r.id",
                                           {"s": keys}).rows]
            stale = [i for i in old if i not in keep_rels]
            if stale:
                self.conn.execute(f"MATCH ()-[r:{typ.value}]->() WHERE r.doc IN $s AND r.id IN $ids DELETE r",
                                  {"s": keys, "ids": stale})
            kept.update(i for i in old if i in keep_rels)
        gone = set(keys)
        fresh: set[str] = set()
        for lab in ALL_LABELS:
            rows = self._run(f"UNWIND $s AS src MATCH (n:{lab.value}) WHERE list_contains(n.sources, src) "
                             f"RETURN DISTINCT n.id, n.sources", {"s": keys}).rows
            left = [{"id": i, "sources": [x for x in srcs if x not in gone]} for i, srcs in rows]
            # a node this write's other documents named (sources not written yet, `_more`) is no orphan
            bare = [r["id"] for r in left if not r["sources"] and r["id"] not in self._more]
            orphans = [i for i in bare if i not in (reloading or ())]
            fresh.update(i for i in bare if i in (reloading or ()))
            if left:
                self.conn.execute(f"UNWIND $rows AS r MATCH (n:{lab.value} {{id: r.id}}) SET n.sources = r.sources",
                                  {"rows": left})
            if orphans:
                self.conn.execute(f"UNWIND $ids AS i MATCH (n:{lab.value} {{id: i}}) DETACH DELETE n", {"ids": orphans})
                if dropped is not None:
                    dropped.update(orphans)
        return kept, fresh

    def _write_nodes(self, nodes: dict[str, tuple[Label, dict]], fresh: set[str], ids: dict[str, int],
                     dropped: set[str], more: dict[str, tuple[Label, list[str], list[str]]],
                     holds: dict[str, int]) -> int:
        """New nodes by COPY; nodes already stored get the values they may lack, and their new sources
        and aliases are noted in `more`, for `_flush_lists`. `holds`: for every node, the properties it
        now holds a value for (bits over _SCALAR_COLS)."""
        by_label: dict[Label, list[dict]] = defaultdict(list)
        for label, row in nodes.values():
            by_label[label].append(row)
        replace = ", ".join(f"n.{c} = r.{c}" for c in _NODE_COLS if c != "id")
        for label, rows in by_label.items():
            new, over, old = [], [], []
            for r in rows:  # which exist is known from the ids held in memory: no lookup in the store
                if r["id"] not in ids or r["id"] in dropped:
                    new.append(r)
                else:
                    (over if r["id"] in fresh else old).append(r)
            if new:
                self._copy_nodes(label, new)
            if over:  # named by no other document: the new version's values replace the old
                self.conn.execute(f"UNWIND $rows AS r MATCH (n:{label.value} {{id: r.id}}) SET {replace}",
                                  {"rows": over})
            for r in (*new, *over):
                holds[r["id"]] = _bits(r)
            # Only the properties a row has and the node may lack (not known to hold a value): every value
            # set is held by the engine until the next checkpoint, and a hub is named in every batch.
            # (Not `WHERE n.c IS NULL` in the store: LadybugDB 0.19.1 evaluates an expression over `n`
            # in a WHERE or RETURN after `UNWIND … MATCH (n {id: r.id})` once, for the first row.)
            by_cols: dict[int, list[dict]] = defaultdict(list)
            for r in old:
                bits = _bits(r)
                holds[r["id"]] = bits
                if lack := bits & ~ids[r["id"]]:
                    by_cols[lack].append({"id": r["id"], **{c: r[c] for c in _cols(lack)}})
            for lack, fill in by_cols.items():
                merge = ", ".join(f"n.{c} = coalesce(n.{c}, r.{c})" for c in _cols(lack))
                self.conn.execute(f"UNWIND $rows AS r MATCH (n:{label.value} {{id: r.id}}) SET {merge}", {"rows": fill})
            for r in old:
                more[r["id"]] = (label, list(r["sources"]), list(r["aliases"] or ()))
        return len(nodes)

    def _flush_lists(self) -> None:
        """Write the sources and aliases this write added to nodes stored before it, in chunks, a
        transaction each (a chunk written twice changes nothing), checkpointing between them when the
        buffer pool fills (a 100,000-document write holds over a million).

        A node many documents name (a council, a national body) has tens of thousands of sources:
        rewriting its list in every batch made a load quadratic, and LadybugDB 0.19.1 holds every
        committed version of an updated list in its buffer pool until the next checkpoint — the pool
        filled, and the engine corrupted its heap after the failed statement (`_checkpoint_if_full`).
        So they are held here and written once: before anything reads them (`query`, `dump`, `counts`,
        a reload of one of this write's documents, `remove`) and at `close`."""
        if not self._more:
            return
        if _held(self._more) > _CHUNK_STRINGS:
            # Many (a long write): what was loaded goes to disk first and the engine's memory for it is
            # freed, so that writing the lists, and the checkpoint after them, do not add to it.
            self._checkpoint(reopen=True)
        by_label: dict[tuple[Label, bool], list[dict]] = defaultdict(list)
        for nid, (label, srcs, aliases) in self._more.items():
            row = {"id": nid, "sources": sorted(set(srcs)), "aliases": sorted(set(aliases))}
            by_label[(label, bool(aliases))].append(row)
        for (label, with_aliases), rows in by_label.items():
            cols = ("sources", "aliases") if with_aliases else ("sources",)
            union = ", ".join(f"n.{c} = CASE WHEN n.{c} IS NULL THEN r.{c} ELSE list_sort(list_distinct("
                              f"list_concat(n.{c}, r.{c}))) END" for c in cols)
            for chunk in _chunks(rows):
                self.conn.execute("BEGIN TRANSACTION")
                try:
                    self.conn.execute(f"UNWIND $rows AS r MATCH (n:{label.value} {{id: r.id}}) SET {union}",
                                      {"rows": chunk})
                    self.conn.execute("COMMIT")
                except BaseException:
                    _rollback(self.conn)
                    raise
                for r in chunk:
                    del self._more[r["id"]]
                self._checkpoint_if_full()
        self._more_docs.clear()

    def _copy_nodes(self, label: Label, rows: list[dict]) -> None:
        """New nodes by `COPY … FROM (LOAD FROM` a CSV file`)`: the engine's bulk path. CSV has no list
        syntax that keeps every string whole (quotes stay in the elements), so `sources` and `aliases`
        are joined by a separator no value holds and split again in the statement. A row that would not
        survive CSV (an empty string reads as null; a separator in a list element) goes in as a query
        parameter instead."""
        plain, odd = [], []
        for r in rows:
            (odd if _odd_node(r) else plain).append(r)
        if plain:
            tmp = csv_path(self.path)
            try:
                with tmp.open("w", newline="", encoding="utf-8") as f:
                    w = csv.writer(f)
                    for r in plain:
                        w.writerow([_SEP.join(r[c]) if c in _LIST_COLS else r[c] for c in _NODE_COLS])
                self.conn.execute(f"COPY {label.value} FROM (LOAD WITH HEADERS ({_LOAD_SCHEMA}) FROM "
                                  f"'{_quoted(tmp)}' (HEADER=false, AUTO_DETECT=false, PARALLEL=false) "
                                  f"RETURN {_LOAD_COLS})")
            finally:
                tmp.unlink(missing_ok=True)
        if odd:
            ret = ", ".join(f"r.{c}" for c in _NODE_COLS)
            self.conn.execute(f"COPY {label.value} FROM (UNWIND $rows AS r RETURN {ret})", {"rows": odd})

    def _write_rels(self, graphs: list[DocumentGraph], nodes: dict[str, tuple[Label, dict]], kept: set[str]) -> int:
        """Relationships by `COPY … FROM` a CSV file per (type, from, to) table pair: the engine's bulk
        path, without turning every row into a query parameter. A row holding an empty string goes
        through `COPY … FROM (UNWIND $rows …)` instead, since CSV reads an empty field as null."""
        groups: dict[tuple[RelType, Label, Label], list[list]] = defaultdict(list)
        odd: dict[tuple[RelType, Label, Label], list[dict]] = defaultdict(list)
        for g in graphs:
            for r in g.rels.values():
                row = r.row()
                if kept and row["id"] in kept:  # an unchanged fact of a reloaded document stays as it is
                    continue
                key = (r.type, nodes[r.start][0], nodes[r.end][0])
                if "" in row.values():
                    odd[key].append({"s": r.start, "e": r.end, **row})
                else:
                    groups[key].append([r.start, r.end, *row.values()])
        ret = ", ".join(["r.s", "r.e"] + [f"r.{c}" for c in _REL_COLS])
        tmp = csv_path(self.path)
        try:
            for (typ, a, b), rows in groups.items():
                with tmp.open("w", newline="", encoding="utf-8") as f:
                    csv.writer(f, lineterminator="\n").writerows(rows)
                opts = f', from="{a.value}", to="{b.value}"' if _pairs(typ) > 1 else ""
                # The parallel reader splits the file at line ends: only when no value holds one.
                data = tmp.read_bytes()
                parallel = "true" if data.count(b"\n") == len(rows) and b"\r" not in data else "false"
                self.conn.execute(f"COPY {typ.value} FROM '{_quoted(tmp)}' (HEADER=false, AUTO_DETECT=false, "
                                  f"PARALLEL={parallel}{opts})")
        finally:
            tmp.unlink(missing_ok=True)
        for (typ, a, b), rows in odd.items():
            opts = f' (from="{a.value}", to="{b.value}")' if _pairs(typ) > 1 else ""
            self.conn.execute(f"COPY {typ.value} FROM (UNWIND $rows AS r RETURN {ret}){opts}", {"rows": rows})
        return sum(len(g.rels) for g in graphs)

    # ---- the rest ----------------------------------------------------------------------------------
    def remove(self, source: str) -> bool:
        """Take out one document, by its key (see `sources`)."""
        if source not in self.sources():
            return False
        self._held_back_written()
        dropped: set[str] = set()
        self.conn.execute("BEGIN TRANSACTION")
        try:
            self._forget([source], dropped=dropped)
            action_words.drop_unnamed(self.conn)  # who-owns' word index
            self.conn.execute(f"MATCH (d:{DOC_TABLE} {{key: $k}}) DELETE d", {"k": source})
            self.conn.execute("COMMIT")
        except BaseException:
            _rollback(self.conn)
            raise
        self._docs.pop(source, None)
        if self._ids is not None:
            for i in dropped:
                self._ids.pop(i, None)
        return True

    def sources(self) -> list[str]:
        """The keys of the documents the store holds facts from."""
        if not self.read_only:
            return sorted(self._docs)
        try:
            docs = [r[0] for r in self._run(f"MATCH (d:{DOC_TABLE}) RETURN d.key").rows]
        except RuntimeError:  # a store written before the document table
            docs = []
        return sorted(docs) if docs else self._scan_sources()

    def _scan_sources(self) -> list[str]:
        found: set[str] = set()
        for lab in ALL_LABELS:
            for (srcs,) in self._run(f"MATCH (n:{lab.value}) RETURN DISTINCT n.sources").rows:
                found.update(srcs or [])
        return sorted(found)

    def dump(self) -> GraphData:
        self._held_back_written()
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
        self._held_back_written()
        out = {lab.value: self._run(f"MATCH (n:{lab.value}) RETURN count(n)").rows[0][0] for lab in ALL_LABELS}
        out.update({t.value: self._run(f"MATCH ()-[r:{t.value}]->() RETURN count(r)").rows[0][0] for t in RelType})
        return out

    def close(self) -> None:
        """Close; a writer publishes its work: checkpoint the copy, then rename it over the store."""
        if self._lock is None and not self.read_only:
            return  # closed already
        if not self.read_only:
            try:
                self._write_stage(reopen=False)
            except StoreError:
                self.abandon()
                raise
            if self._broken:  # a staged write failed before: its error was raised then
                self.abandon()
                return
        try:
            if not self.read_only:
                self._flush_lists()
                self._checkpoint(reopen=False)
            self.conn.close()
            self.db.close()
            _give_back()
            if not self.read_only:
                work = work_path(self.path)
                _fsync(work)
                os.replace(work, self.path)
                _fsync(self.path.parent)
                handled = set(self._handled)
                if handled:
                    write_pending(self.path, [k for k in read_pending(self.path) if k not in handled])
        finally:
            self._unlock()

    def abandon(self) -> None:
        """Close a writer without publishing: the store stays as it was."""
        if self._stage is not None:
            self._stage.discard()
            self._stage = None
        self.conn.close()
        self.db.close()
        if not self.read_only:
            for f in _leftovers(work_path(self.path)):
                f.unlink()
        self._unlock()


#: Joins the elements of a list column in a node CSV file (split again by `_LOAD_COLS`): a control
#: character no name or document key holds (a row whose lists hold one goes in as a query parameter).
_SEP = "\x1f"
_LIST_COLS = ("sources", "aliases")
# Every column read as a string: LOAD FROM guesses types from the values even with AUTO_DETECT=false
# (an item numbered "2" would come back "2.0").
_LOAD_SCHEMA = ", ".join(f"c{i} STRING" for i in range(len(_NODE_COLS)))
_LOAD_COLS = ", ".join(f"CASE WHEN c{i} IS NULL THEN CAST([] AS STRING[]) ELSE string_split(c{i}, '{_SEP}') END"
                       if c in _LIST_COLS else f"c{i}" for i, c in enumerate(_NODE_COLS))


def _odd_node(row: dict) -> bool:
    """Whether a node row would not survive the CSV file of `_copy_nodes` unchanged."""
    for c in _NODE_COLS:
        v = row[c]
        if c in _LIST_COLS:
            if v is None or any(x == "" or _SEP in x for x in v):
                return True
        elif v == "":
            return True
    return False


def _bits(row: dict) -> int:
    """The properties of _SCALAR_COLS a node row holds a value for, as bits."""
    return sum(1 << i for i, c in enumerate(_SCALAR_COLS) if row[c] is not None)


def _cols(bits: int) -> list[str]:
    return [c for i, c in enumerate(_SCALAR_COLS) if bits >> i & 1]


def _held(more: dict[str, tuple[Label, list[str], list[str]]]) -> int:
    """How many list elements `_flush_lists` has to write."""
    return sum(len(s) + len(a) for _, s, a in more.values())


_CHUNK_STRINGS = 50_000  # list elements a statement of `_flush_lists` writes


def _chunks(rows: list[dict], strings: int = _CHUNK_STRINGS) -> list[list[dict]]:
    """Rows in runs of about `strings` list elements: a statement's parameters stay small."""
    out: list[list[dict]] = [[]]
    n = 0
    for r in rows:
        if out[-1] and n >= strings:
            out.append([])
            n = 0
        out[-1].append(r)
        n += len(r["sources"]) + len(r["aliases"]) + 1
    return out


def _quoted(p: Path) -> str:
    return p.as_posix().replace("\\", "\\\\").replace("'", "\\'")


_WAL_CHECKPOINT = 128 * 2**20  # bytes of write-ahead log in the working copy before a checkpoint
_POOL_CHECKPOINT = 0.5  # share of the buffer pool in use before a checkpoint (and reopen); each costs more as the store grows


_OUT_OF_POOL = "buffer pool is full"  # LadybugDB's message when its buffer pool has no page left


def _buffer_pool() -> int:
    """The engine's page cache, in bytes: COUNCILGRAPH_BUFFER_POOL_MB, default 1024 (LadybugDB's own
    default is most of the machine's memory, and a long ingest touches every page)."""
    try:
        mb = int(os.environ.get("COUNCILGRAPH_BUFFER_POOL_MB") or 1024)
    except ValueError:
        mb = 1024
    return max(mb, 64) * 2**20


def _give_back() -> None:
    """Return the memory the engine freed to the system. LadybugDB allocates from many threads, and
    glibc keeps what they free in per-thread arenas: a 100,000-document write held ~1 GB there after
    closing its database (measured, docs/BENCHMARK.md). `malloc_trim` releases it; no-op off glibc."""
    global _TRIM
    if _TRIM is None:
        try:
            import ctypes

            _TRIM = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _TRIM = False
    if _TRIM:
        _TRIM(0)


_TRIM = None  # glibc's malloc_trim, once looked up (False where there is none)


def _rollback(conn) -> None:
    try:
        conn.execute("ROLLBACK")
    except RuntimeError:  # the failed statement ended the transaction already
        pass


_PY_TYPES: dict[str, tuple[type, ...]] = {"STRING": (str,), "DOUBLE": (int, float), "STRING[]": (list,)}


def _refused(g: DocumentGraph) -> str | None:
    """Why the store's schema would refuse this document (a fact between labels its type does not join,
    a fact whose end is not among the document's nodes, a value of the wrong type), or None."""
    for r in g.rels.values():
        a, b = g.nodes.get(r.start), g.nodes.get(r.end)
        if a is None or b is None:
            return f"{r.type.value} fact {r.start} -> {r.end}: an end is not among the document's nodes"
        froms, tos = ENDPOINTS[r.type]
        if a.label not in froms or b.label not in tos:
            return f"{r.type.value} does not join {a.label.value} to {b.label.value}"
        for k, v in r.props.items():
            if k in REL_PROPS and v is not None and not isinstance(v, _PY_TYPES[REL_PROPS[k]]):
                return f"{r.type.value} fact {r.start} -> {r.end}: {k} is a {type(v).__name__}"
    for n in g.nodes.values():
        for k, v in n.props.items():
            if k in NODE_PROPS and v is not None and not isinstance(v, _PY_TYPES[NODE_PROPS[k]]):
                return f"{n.label.value} {n.id}: {k} is a {type(v).__name__}"
    return None


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


def csv_path(path: Path) -> Path:
    """The file a writer stages relationship rows in for `COPY` (removed after each, and by `_leftovers`)."""
    return path.with_name(path.name + ".work.csv")


def work_path(path: Path) -> Path:
    """The copy a writer works on."""
    return path.with_name(path.name + ".work")


def _leftovers(db: Path) -> list[Path]:
    """A database file and its write-ahead log and checkpoint files: what a crash may leave behind."""
    names = {db.name} if db.name.endswith(".work") else set()
    names |= {db.name + x for x in (".wal", ".shadow", ".wal.checkpoint", ".checkpoint.apply.lock",
                                     ".checkpoint.intent.lock", ".tmp", ".csv")}
    names |= {p.name for p in db.parent.glob(glob.escape(db.name) + ".stage.*")}  # a staged write's files
    return [db.with_name(n) for n in sorted(names) if db.with_name(n).exists()]


def recover_legacy(path: Path) -> bool:
    """A store written in place (before councilgraph wrote through a copy) and left mid-write: let
    LadybugDB replay or discard its log, so that it opens again. True if there was anything to do."""
    import ladybug

    if not _leftovers(path):
        return False
    try:
        db = ladybug.Database(str(path))
        db.close()
    except RuntimeError as e:
        raise StoreError(f"{path}: cannot recover the store after an interrupted write ({first_line(e)}); "
                         f"move it aside and ingest again") from e
    return True


def pending_path(path: Path) -> Path:
    return path.with_name(path.name + ".pending")


def read_pending(path: Path) -> list[str]:
    """Documents an interrupted write was for (see `LadybugStore.begin`)."""
    try:
        keys = json.loads(pending_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [k for k in keys if isinstance(k, str)] if isinstance(keys, list) else []


def write_pending(path: Path, keys: list[str]) -> None:
    p = pending_path(path)
    if not keys:
        p.unlink(missing_ok=True)
        return
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(json.dumps(keys, ensure_ascii=False, indent=0), encoding="utf-8")
    os.replace(tmp, p)


def _lock(path: Path) -> int:
    """One writer at a time: an exclusive lock on STORE.lock, held until close."""
    import fcntl

    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise StoreError(f"{path}: another councilgraph is writing to this store; try again when it is done") from None
    return fd


def _fsync(p: Path) -> None:
    fd = os.open(p, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


