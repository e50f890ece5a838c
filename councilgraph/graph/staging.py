"""The first load of an empty embedded store, staged: every table written by one `COPY`.

LadybugDB 0.19.1 merges rows copied into a table that already has rows on disk by rewriting the lists
they join, and the rewritten columns come back in segments of 64 rows: a 100,000-item load in batches
held 3.5 GB and made a 6 GB store, where the same rows copied once a table into an empty store peak at
1 GB and make a 1 GB store (docs/BENCHMARK.md). So a write that begins on an empty store
(`LadybugStore.begin`) does not write its batches: it stages their rows in files beside the working
copy (`STORE.work.stage.*`, one a node label and one a relationship table pair), and `write` copies
each file into its table once, when the write is published or before anything reads the store.

The merge rule is `model.merged_nodes`' applied across the whole write: a node is staged with its first
row; a later document naming it again adds its sources and aliases and fills in the properties still
missing, which are held in memory (the node ids, with which properties hold a value, are held anyway:
they become the writer's `_ids`) and patched into the node's row when its file is copied.

The files are lines of values joined by a control character (`_DELIM`), with another as the quote
(`_QUOTE`), so that neither is ever needed: a line is a `join`, four times faster than Python's csv
module, which was a third of the staging time. A row one of whose values holds a line end, either
character or the list separator, or is an empty string (which a file reads as null), is held in memory
and goes in as query parameters, as in the per-batch path.
"""

from __future__ import annotations

import csv
import os
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from councilgraph.graph import action_words
from councilgraph.graph import ladybug_store as lb
from councilgraph.graph.model import REL_PROPS, DocumentGraph, Label, Rel, RelType

_RelKey = tuple[RelType, Label, Label]
_DELIM, _QUOTE = "\x1e", "\x1d"  # between values, and the quote no value holds (so nothing is quoted)
_SPECIAL = ("\n", "\r", _QUOTE)
_FILE_OPTS = f'HEADER=false, AUTO_DETECT=false, DELIM="{_DELIM}", QUOTE="{_QUOTE}", ESCAPE="{_QUOTE}"'


class Stage:
    """The rows of a write's documents, staged on disk until `write` copies them into an empty store."""

    def __init__(self, work: Path):
        self.work = work  # the working copy; the files are named after it, so a crash leaves them as its leftovers
        self.ids: dict[str, int] = {}  # every staged node id -> the properties it holds (bits, as `lb._bits`)
        self.docs: dict[str, str] = {}  # staged document key -> content hash
        self._extra: dict[str, tuple[set[str], set[str], dict[str, object]]] = {}  # id -> more sources, aliases, fills
        self._patched: set[Label] = set()  # labels with a node in `_extra`
        self._odd_nodes: dict[str, tuple[Label, dict]] = {}  # rows a file would spoil, merged here
        self._odd_rels: dict[_RelKey, list[dict]] = defaultdict(list)
        self._files: dict[str, IO[str]] = {}
        self._base = 0  # resident memory when the copying began or last settled (`_settle`)

    # ---- staging -------------------------------------------------------------------------------------
    def add(self, graphs: list[DocumentGraph], nodes: dict[str, tuple[Label, dict]], hashes: dict[str, str]) -> None:
        """Stage these documents (already checked by `lb._refused`); `nodes` is `merged_nodes(graphs)`."""
        for g in graphs:
            self.docs[sys.intern(g.document)] = hashes.get(g.document, "")
        new: dict[Label, list[str]] = defaultdict(list)
        for nid, (label, row) in nodes.items():
            held = self.ids.get(nid)
            if held is None:  # first named here: its row, as the per-batch path would COPY it
                self.ids[nid] = lb._bits(row)
                cells = [lb._SEP.join(row[c]) or None if c in lb._LIST_COLS else row[c]  # type: ignore[arg-type]
                         for c in lb._NODE_COLS]  # (an empty list is an empty field, read back as [])
                line = None if lb._odd_node(row) else _line(cells)
                if line is None:
                    self._odd_nodes[nid] = (label, row)
                else:
                    new[label].append(line)
                continue
            bits = lb._bits(row)
            fills = {c: row[c] for c in lb._cols(bits & ~held)}  # only what is still missing: the first value wins
            odd = self._odd_nodes.get(nid)
            if odd is not None:
                _merge(odd[1], row["sources"] or (), row["aliases"] or (), fills)  # type: ignore[arg-type]
            else:
                extra = self._extra.get(nid)
                if extra is None:
                    extra = self._extra[nid] = (set(), set(), {})
                    self._patched.add(label)
                extra[0].update(sys.intern(s) for s in row["sources"])  # type: ignore[union-attr]
                extra[1].update(row["aliases"] or ())  # type: ignore[arg-type]
                extra[2].update(fills)
            if bits & ~held:
                self.ids[nid] = held | bits
        for label, lines in new.items():
            self._write(f"n.{label.value}", lines)
        rels: dict[_RelKey, list[str]] = defaultdict(list)
        for g in graphs:
            for r in g.rels.values():
                cells = _rel_cells(r)
                key = (r.type, nodes[r.start][0], nodes[r.end][0])
                line = _line(cells)
                if line is None:
                    self._odd_rels[key].append({"s": r.start, "e": r.end,
                                                **dict(zip(lb._REL_COLS, cells[2:], strict=True))})
                else:
                    rels[key].append(line)
        for (typ, a, b), lines in rels.items():
            self._write(f"r.{typ.value}.{a.value}.{b.value}", lines)

    def _write(self, name: str, lines: list[str]) -> None:
        f = self._files.get(name)
        if f is None:
            f = self._files[name] = self._path(name).open("w", encoding="utf-8", newline="")
        f.write("\n".join(lines))
        f.write("\n")

    def _path(self, name: str) -> Path:
        return self.work.with_name(f"{self.work.name}.stage.{name}.csv")  # (the engine reads a file by its suffix)

    def _close_files(self) -> None:
        for f in self._files.values():
            f.close()

    def discard(self) -> None:
        """Close and remove the staged files."""
        self._close_files()
        for p in self.work.parent.glob(f"{self.work.name}.stage.*"):
            p.unlink(missing_ok=True)

    # ---- writing -------------------------------------------------------------------------------------
    def write(self, store: lb.LadybugStore) -> None:
        """Copy every staged table into the (empty) store, one `COPY` a table: nodes, the documents,
        who-owns' word index, relationships. Auto-committed statements: a failure leaves the working
        copy unfit to publish, and the caller throws it away."""
        self._close_files()
        self._base = _resident()
        odd_actions: list[tuple[str, str]] = []  # (id, name) of the actions whose name a file cannot carry
        names: dict[str, None] = {}
        named = self._path("i.named")
        with named.open("w", encoding="utf-8", newline="") as out:
            for label in lb.ALL_LABELS:
                self._write_nodes(store, label, out if label is Label.ACTION else None, names, odd_actions)
        docs = self._path("d")
        with docs.open("w", newline="", encoding="utf-8") as f:  # (csv: a document's path may hold anything)
            csv.writer(f).writerows((k, h) for k, h in self.docs.items() if h)
        store.conn.execute(f"COPY {lb.DOC_TABLE} FROM '{lb._quoted(docs)}' "
                           f"(HEADER=false, AUTO_DETECT=false, PARALLEL=false)")
        unknown = [{"k": k, "h": h} for k, h in self.docs.items() if not h]  # no hash given: "" (a file: null)
        if unknown:
            store.conn.execute(f"COPY {lb.DOC_TABLE} FROM (UNWIND $rows AS r RETURN r.k, r.h)", {"rows": unknown})
        if set(action_words.TABLES) <= action_words._tables(store.conn):  # the word index, where the store has one
            self._write_index(store, names, named)
            action_words._add(store.conn, odd_actions)  # through the per-batch path's statements
        for name in [n for n in self._files if n.startswith("r.")]:
            typ, a, b = name.split(".")[1:]
            opts = f', from="{a}", to="{b}"' if lb._pairs(RelType(typ)) > 1 else ""
            store.conn.execute(f"COPY {typ} FROM '{lb._quoted(self._path(name))}' "
                               f"({_FILE_OPTS}, PARALLEL=true{opts})")
            self._path(name).unlink()
            self._settle(store)
        ret = ", ".join(["r.s", "r.e"] + [f"r.{c}" for c in lb._REL_COLS])
        for (typ, a, b), rows in self._odd_rels.items():
            opts = f' (from="{a.value}", to="{b.value}")' if lb._pairs(typ) > 1 else ""
            store.conn.execute(f"COPY {typ.value} FROM (UNWIND $rows AS r RETURN {ret}){opts}", {"rows": rows})

    def _write_nodes(self, store: lb.LadybugStore, label: Label, named: IO[str] | None, names: dict[str, None],
                     odd_actions: list[tuple[str, str]]) -> None:
        """One label's nodes: the staged file, with the rows of nodes named again patched (into a second
        file), by one `COPY`; then the rows a file cannot carry. Actions also go to the word index's
        files as they pass (`named`)."""
        odd = [row for lab, row in self._odd_nodes.values() if lab is label]
        name = f"n.{label.value}"
        if name in self._files:
            staged = path = self._path(name)
            if label in self._patched or named is not None:
                path = self._path(f"m.{label.value}")
                with staged.open(encoding="utf-8", newline="") as src, \
                        path.open("w", encoding="utf-8", newline="") as f:
                    for line in src:
                        cells = line[:-1].split(_DELIM)
                        extra = self._extra.get(cells[0])
                        if extra is not None:
                            patched = _patched(cells, extra)
                            if patched is None:  # the merged row no longer fits a file: a parameter row
                                row = _row(cells)
                                _merge(row, *extra)
                                odd.append(row)
                                continue
                            line = patched + "\n"
                        f.write(line)
                        if named is not None:
                            _name(cells[0], cells[_NAME], named, names)
                staged.unlink()
            store.conn.execute(f"COPY {label.value} FROM (LOAD WITH HEADERS ({lb._LOAD_SCHEMA}) FROM "
                               f"'{lb._quoted(path)}' ({_FILE_OPTS}, PARALLEL=false) RETURN {lb._LOAD_COLS})")
            path.unlink()
            self._settle(store)
        if odd:
            ret = ", ".join(f"r.{c}" for c in lb._NODE_COLS)
            store.conn.execute(f"COPY {label.value} FROM (UNWIND $rows AS r RETURN {ret})", {"rows": odd})
            if label is Label.ACTION:
                odd_actions += [(r["id"], r["name"]) for r in odd if r["name"] is not None]

    def _copy(self, store: lb.LadybugStore, table: str, path: Path) -> None:
        store.conn.execute(f"COPY {table} FROM '{lb._quoted(path)}' ({_FILE_OPTS}, PARALLEL=false)")
        path.unlink()
        self._settle(store)

    def _settle(self, store: lb.LadybugStore) -> None:
        """Between two tables' copies, once resident memory has grown by `_SETTLE` since the copying began
        (or since the last time): checkpoint and reopen the working copy. The engine holds what it copied
        in memory, outside its buffer pool, until the database is closed (100,000 items: 1.2 GB by the last
        table, docs/BENCHMARK.md). Each table is still copied once, into an empty table (a relationship
        table pair is a table of its own), so the checkpoint merges nothing into rows on disk; it only
        writes earlier what the last one would."""
        if _resident() - self._base > _SETTLE:
            store._checkpoint(reopen=True)
            self._base = _resident()

    def _write_index(self, store: lb.LadybugStore, names: dict[str, None], named: Path) -> None:
        """who-owns' word index of the staged actions' names (`action_words`), as its `_add` makes it
        for actions loaded into an empty index, by one `COPY` a table."""
        ordered = sorted(names)
        _, tables = action_words.rows(ordered, action_words.words_of(ordered), {})
        for table, rows in tables.items():
            path = self._path(f"i.{table}")
            with path.open("w", encoding="utf-8", newline="") as f:  # (words and staged names hold no special
                # character; a WORD row's flag is written as the file reads a boolean)
                f.writelines(_DELIM.join(str(v).lower() if isinstance(v, bool) else v for v in r) + "\n" for r in rows)
            self._copy(store, table, path)
        self._copy(store, action_words.NAMED, named)


_NAME = lb._NODE_COLS.index("name")
_SOURCES, _ALIASES = lb._NODE_COLS.index("sources"), lb._NODE_COLS.index("aliases")
# `Rel.row`'s values in REL_PROPS' order, without the dict, for a fact with no extra properties (most).
_PLAIN_REL = tuple(REL_PROPS) == ("id", "source", "para", "evidence", "extractor", "date", "outcome", "doc", "as",
                                  "score")


def _rel_cells(r: Rel) -> list:
    """A fact's row for its table's file: its ends, then `r.row()`'s values."""
    if _PLAIN_REL and not r.props:
        return [r.start, r.end, r.id, r.source, r.para, r.evidence, r.extractor, None, None, r.document, None, None]
    return [r.start, r.end, *r.row().values()]


def _line(cells: list) -> str | None:
    """The values as one line of a staged file (None is an empty field, which reads as null), or None
    where a value would not come back as it is: an empty string, a line end, the delimiter or the quote."""
    if "" in cells:
        return None
    line = _DELIM.join([c if c.__class__ is str else "" if c is None else repr(c) for c in cells])
    if line.count(_DELIM) != len(cells) - 1 or any(s in line for s in _SPECIAL):
        return None
    return line


def _name(nid: str, name: str, named: IO[str], names: dict[str, None]) -> None:
    """An action row passing to its COPY: its edge in the word index ("" is a null name: none)."""
    if name:
        named.write(f"{name}{_DELIM}{nid}{_DELIM}{nid}\n")
        names[name] = None


def _patched(cells: list[str], extra: tuple[set[str], set[str], dict[str, object]]) -> str | None:
    """A staged node line with what later documents added (sources and aliases merged and sorted, missing
    properties filled in), or None where the merged row no longer fits a file."""
    srcs, aliases, fills = extra
    cells = [c or None for c in cells]  # type: ignore[misc]  # an empty field is a null (or an empty list)
    for i, more in ((_SOURCES, srcs), (_ALIASES, aliases)):
        merged = sorted({*(cells[i].split(lb._SEP) if cells[i] else ()), *more})
        if any(x == "" or lb._SEP in x for x in merged):
            return None
        cells[i] = lb._SEP.join(merged) or None
    for c, v in fills.items():
        if not isinstance(v, str):
            return None
        cells[lb._NODE_COLS.index(c)] = v
    return _line(cells)


def _row(cells: list[str]) -> dict:
    """A node row of its staged cells: "" cells are nulls (a staged row holds no empty string)."""
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


def _resident() -> int:
    """The process's resident memory, in bytes (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_SETTLE = 384 * 2**20  # growth of resident memory, while the tables are copied, before a checkpoint and reopen
