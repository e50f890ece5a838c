"""The first load of an empty embedded store, staged: every table written by one `COPY`.

LadybugDB 0.19.1 merges rows copied into a table that already has rows on disk by rewriting the lists
they join, and the rewritten columns come back in segments of 64 rows: a 100,000-item load in batches
held 3.5 GB and made a 6 GB store, where the same rows copied once a table into an empty store peak at
1 GB and make a 1 GB store (docs/BENCHMARK.md). So a write that begins on an empty store
(`LadybugStore.begin`) does not write its batches: it stages their rows in CSV files beside the working
copy (`STORE.work.stage.*`, one a node label and one a relationship table pair), and `write` copies
each file into its table once, when the write is published or before anything reads the store.

The merge rule is `model.merged_nodes`' applied across the whole write: a node is staged with its first
row; a later document naming it again adds its sources and aliases, and fills in the properties still
missing, which are held in memory (the node ids, with which properties hold a value, are held anyway:
they become the writer's `_ids`) and patched into the node's row when the file is copied. Rows that a
CSV file cannot carry (an empty string reads as null; the list separator inside a list element) are
held in memory and go in as query parameters, as in the per-batch path.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from councilgraph.graph import action_words
from councilgraph.graph import ladybug_store as lb
from councilgraph.graph.model import DocumentGraph, Label, RelType

_RelKey = tuple[RelType, Label, Label]


class Stage:
    """The rows of a write's documents, staged on disk until `write` copies them into an empty store."""

    def __init__(self, work: Path):
        self.work = work  # the working copy; the files are named after it, so a crash leaves them as its leftovers
        self.ids: dict[str, int] = {}  # every staged node id -> the properties it holds (bits, as `lb._bits`)
        self.docs: dict[str, str] = {}  # staged document key -> content hash
        self._extra: dict[str, tuple[set[str], set[str], dict[str, object]]] = {}  # id -> more sources, aliases, fills
        self._patched: set[Label] = set()  # labels with a node in `_extra`
        self._odd_nodes: dict[str, tuple[Label, dict]] = {}  # rows a CSV file would spoil, merged here
        self._odd_rels: dict[_RelKey, list[dict]] = defaultdict(list)
        self._node_files: dict[Label, tuple[IO[str], Any]] = {}
        self._rel_files: dict[_RelKey, tuple[IO[str], Any]] = {}
        self._rel_rows: dict[_RelKey, int] = defaultdict(int)

    # ---- staging -------------------------------------------------------------------------------------
    def add(self, graphs: list[DocumentGraph], nodes: dict[str, tuple[Label, dict]], hashes: dict[str, str]) -> None:
        """Stage these documents (already checked by `lb._refused`); `nodes` is `merged_nodes(graphs)`."""
        for g in graphs:
            self.docs[sys.intern(g.document)] = hashes.get(g.document, "")
        for nid, (label, row) in nodes.items():
            held = self.ids.get(nid)
            if held is None:  # first named here: its row, as the per-batch path would COPY it
                self.ids[nid] = lb._bits(row)
                if lb._odd_node(row):
                    self._odd_nodes[nid] = (label, row)
                else:
                    self._node_file(label).writerow(
                        [lb._SEP.join(row[c]) if c in lb._LIST_COLS else row[c] for c in lb._NODE_COLS])
                continue
            bits = lb._bits(row)
            odd = self._odd_nodes.get(nid)
            if odd is not None:
                _merge(odd[1], row.get("sources") or [], row.get("aliases") or [],
                       {c: row[c] for c in lb._cols(bits & ~held)})
            else:
                extra = self._extra.get(nid)
                if extra is None:
                    extra = self._extra[nid] = (set(), set(), {})
                    self._patched.add(label)
                extra[0].update(sys.intern(s) for s in row["sources"])  # type: ignore[union-attr]
                extra[1].update(row["aliases"] or ())  # type: ignore[arg-type]
                extra[2].update({c: row[c] for c in lb._cols(bits & ~held)})  # only what is still missing: first wins
            if bits & ~held:
                self.ids[nid] = held | bits
        for g in graphs:
            for r in g.rels.values():
                row = r.row()
                key = (r.type, nodes[r.start][0], nodes[r.end][0])
                if "" in row.values():  # CSV reads an empty field as null
                    self._odd_rels[key].append({"s": r.start, "e": r.end, **row})
                else:
                    self._rel_file(key).writerow([r.start, r.end, *row.values()])
                    self._rel_rows[key] += 1

    def _node_file(self, label: Label):
        if label not in self._node_files:
            f = self._path(f"n.{label.value}").open("w", newline="", encoding="utf-8")
            self._node_files[label] = (f, csv.writer(f))  # the dialect `LadybugStore._copy_nodes` writes
        return self._node_files[label][1]

    def _rel_file(self, key: _RelKey):
        if key not in self._rel_files:
            typ, a, b = key
            f = self._path(f"r.{typ.value}.{a.value}.{b.value}").open("w", newline="", encoding="utf-8")
            self._rel_files[key] = (f, csv.writer(f, lineterminator="\n"))
        return self._rel_files[key][1]

    def _path(self, name: str) -> Path:
        return self.work.with_name(f"{self.work.name}.stage.{name}.csv")

    def _close_files(self) -> None:
        for f, _ in (*self._node_files.values(), *self._rel_files.values()):
            f.close()

    def discard(self) -> None:
        """Close and remove the staged files."""
        self._close_files()
        for p in self.work.parent.glob(f"{self.work.name}.stage.*"):
            p.unlink(missing_ok=True)

    # ---- writing -------------------------------------------------------------------------------------
    def write(self, conn) -> None:
        """Copy every staged table into the (empty) store, one `COPY` a table: nodes, the documents,
        who-owns' word index, relationships. Auto-committed statements: a failure leaves the working
        copy unfit to publish, and the caller throws it away."""
        self._close_files()
        actions: list[tuple[str, str]] = []  # (id, name) of the actions whose name a CSV file cannot carry
        names: dict[str, None] = {}
        named = self._path("i.named")
        with named.open("w", newline="", encoding="utf-8") as out:
            w = csv.writer(out)
            for label in lb.ALL_LABELS:
                self._write_nodes(conn, label, w if label is Label.ACTION else None, names, actions)
        docs = self._path("d")
        with docs.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(self.docs.items())
        _copy(conn, lb.DOC_TABLE, docs)
        if set(action_words.TABLES) <= action_words._tables(conn):  # the word index, where the store has one
            self._write_index(conn, names, named)
            action_words._add(conn, actions)  # the few odd ones, through the per-batch path's statements
        for key, n in self._rel_rows.items():
            typ, a, b = key
            path = self._path(f"r.{typ.value}.{a.value}.{b.value}")
            opts = f', from="{a.value}", to="{b.value}"' if lb._pairs(typ) > 1 else ""
            # The parallel reader splits the file at line ends: only when no value holds one.
            parallel = "true" if _lines(path) == n else "false"
            conn.execute(f"COPY {typ.value} FROM '{lb._quoted(path)}' (HEADER=false, AUTO_DETECT=false, "
                         f"PARALLEL={parallel}{opts})")
            path.unlink()
        ret = ", ".join(["r.s", "r.e"] + [f"r.{c}" for c in lb._REL_COLS])
        for (typ, a, b), rows in self._odd_rels.items():
            opts = f' (from="{a.value}", to="{b.value}")' if lb._pairs(typ) > 1 else ""
            conn.execute(f"COPY {typ.value} FROM (UNWIND $rows AS r RETURN {ret}){opts}", {"rows": rows})

    def _write_nodes(self, conn, label: Label, named, names: dict[str, None], actions: list) -> None:
        """One label's nodes: the staged file, with the rows of nodes named again patched (into a second
        file), by one `COPY`; then the rows a CSV file cannot carry. Actions also go to the word index's
        files as they pass."""
        odd = [row for lab, row in self._odd_nodes.values() if lab is label]
        staged = self._path(f"n.{label.value}")
        if label in self._node_files:
            path = staged
            if label in self._patched or named is not None:
                path = self._path(f"m.{label.value}")
                with staged.open(newline="", encoding="utf-8") as src, path.open("w", newline="", encoding="utf-8") as f:
                    w = csv.writer(f)
                    for cells in csv.reader(src):
                        extra = self._extra.get(cells[0])
                        if extra is not None:
                            patched = _patched(cells, extra)
                            if patched is None:  # the merged row no longer fits a CSV file: a parameter row
                                row = _row(cells)
                                _merge(row, *extra)
                                odd.append(row)
                                continue
                            cells = patched
                        w.writerow(cells)
                        if named is not None:
                            _name(cells[0], cells[_NAME], named, names, actions)
                staged.unlink()
            conn.execute(f"COPY {label.value} FROM (LOAD WITH HEADERS ({lb._LOAD_SCHEMA}) FROM "
                         f"'{lb._quoted(path)}' (HEADER=false, AUTO_DETECT=false, PARALLEL=false) "
                         f"RETURN {lb._LOAD_COLS})")
            path.unlink()
        if odd:
            ret = ", ".join(f"r.{c}" for c in lb._NODE_COLS)
            conn.execute(f"COPY {label.value} FROM (UNWIND $rows AS r RETURN {ret})", {"rows": odd})
            if label is Label.ACTION:
                actions += [(r["id"], r["name"]) for r in odd if r["name"] is not None]

    def _write_index(self, conn, names: dict[str, None], named: Path) -> None:
        """who-owns' word index of the staged actions' names (`action_words`), as its `_add` makes it
        for actions loaded into an empty index, by one `COPY` a table."""
        word_of = [(w, n) for n in sorted(names) for w in sorted(action_words._words(n))]
        vocab = sorted({w for w, _ in word_of})
        lo = action_words.MIN_PREFIX
        keys = sorted({w[:k] for w in vocab for k in range(lo, len(w) + 1)})
        is_word = set(vocab)
        tables: list[tuple[str, Iterable[Iterable[object]]]] = [
            (action_words.WORD, ([k, "true" if k in is_word else "false"] for k in keys)),
            (action_words.NAME, ([n] for n in sorted(names))),
            (action_words.PREFIX, ([w[:k], w] for w in vocab for k in range(lo, len(w) + 1))),
            (action_words.WORD_OF, word_of)]
        for table, rows in tables:
            path = self._path(f"i.{table}")
            with path.open("w", newline="", encoding="utf-8") as f:
                csv.writer(f).writerows(rows)
            _copy(conn, table, path)
        _copy(conn, action_words.NAMED, named)


_NAME = lb._NODE_COLS.index("name")


def _name(nid: str, name: str, named, names: dict[str, None], actions: list) -> None:
    """An action row passing to its COPY: its edge in the word index (a CSV cell "" is a null name)."""
    if name:
        named.writerow([name, nid, nid])
        names[name] = None


def _patched(cells: list[str], extra: tuple[set[str], set[str], dict[str, object]]) -> list[str] | None:
    """A staged node row with what later documents added (sources and aliases merged and sorted, missing
    properties filled in), or None where the merged row no longer fits a CSV file."""
    srcs, aliases, fills = extra
    cells = list(cells)
    for i, more in ((_SOURCES, srcs), (_ALIASES, aliases)):
        merged = sorted({*(cells[i].split(lb._SEP) if cells[i] else ()), *more})
        if any(x == "" or lb._SEP in x for x in merged):
            return None
        cells[i] = lb._SEP.join(merged)
    for c, v in fills.items():
        if v == "" or not isinstance(v, str):
            return None
        cells[lb._NODE_COLS.index(c)] = v
    return cells


_SOURCES, _ALIASES = lb._NODE_COLS.index("sources"), lb._NODE_COLS.index("aliases")


def _row(cells: list[str]) -> dict:
    """A node row of its staged CSV cells: "" cells are nulls (a staged row holds no empty string)."""
    out: dict[str, object] = {}
    for c, v in zip(lb._NODE_COLS, cells, strict=True):
        out[c] = (v.split(lb._SEP) if v else []) if c in lb._LIST_COLS else (v or None)
    return out


def _merge(row: dict, sources: Iterable[str], aliases: Iterable[str], fills: dict[str, object]) -> None:
    """`model.merged_nodes`' rule on a row held in memory."""
    row["sources"] = sorted({*row["sources"], *sources})
    row["aliases"] = sorted({*(row["aliases"] or ()), *aliases})
    for c, v in fills.items():
        if row[c] is None:
            row[c] = v


def _copy(conn, table: str, path: Path) -> None:
    """One table from a CSV file of plain strings (read by the single-threaded reader: values may hold line ends)."""
    conn.execute(f"COPY {table} FROM '{lb._quoted(path)}' (HEADER=false, AUTO_DETECT=false, PARALLEL=false)")
    path.unlink()


def _lines(path: Path) -> int | None:
    """The line ends in a file; None if it holds a carriage return (a value with a line end in it)."""
    n = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 22):
            if b"\r" in chunk:
                return None
            n += chunk.count(b"\n")
    return n
