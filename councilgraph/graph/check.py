"""`councilgraph check`: is the store whole, and what must be ingested again after a crash?"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from councilgraph.errors import StoreError, first_line
from councilgraph.graph.store import Store


@dataclass
class CheckReport:
    documents: int = 0
    sources: list[str] = field(default_factory=list)  # the documents the store holds
    notes: list[str] = field(default_factory=list)  # what was found and done, one line each
    problems: list[str] = field(default_factory=list)  # what is wrong, one line each
    reingest: list[str] = field(default_factory=list)  # documents to ingest again

    @property
    def ok(self) -> bool:
        return not self.problems and not self.reingest


def check_embedded(path: Path) -> CheckReport:
    """Recover the embedded store after a crash if need be, then check it (see `check_graph`)."""
    from councilgraph.graph import ladybug_store as lb

    if not path.exists():
        raise StoreError(f"{path}: no councilgraph store here (nothing to check)")
    report = CheckReport()
    lock = lb._lock(path)  # no writer while we look; a running ingest makes this a one-line error
    try:
        left = lb._leftovers(lb.work_path(path))
        if left:
            report.notes.append("an ingest was interrupted before it finished; the store is as the last finished "
                                "ingest left it, and the interrupted one's work was discarded")
            for f in left:
                f.unlink()
        if lb.recover_legacy(path):
            report.notes.append("the store was left mid-write by an older councilgraph; LadybugDB replayed its log")
    finally:
        os.close(lock)
    try:
        store = lb.LadybugStore(path, read_only=True)
    except StoreError as e:
        raise StoreError(f"{e}; it cannot be repaired: move it aside and ingest the minutes again") from e
    try:
        check_graph(store, report)
    except RuntimeError as e:
        raise StoreError(f"{path}: not a councilgraph store, or damaged ({first_line(e)})") from e
    finally:
        store.close()
    # An interrupted ingest's documents are either not stored or stored as their previous version.
    report.reingest = sorted({*report.reingest, *lb.read_pending(path)})
    return report


def check_graph(store: Store, report: CheckReport | None = None) -> CheckReport:
    """Every document whole: each has its agenda items, every fact's document is there, every node is
    named by a document, every action and decision hangs from an item that exists."""
    report = report or CheckReport()
    data = store.dump()
    items: dict[str, set[str]] = {}
    ids = {p["id"] for _, p in data.nodes}
    partial: set[str] = set()
    for label, p in data.nodes:
        srcs = p.get("sources") or []
        if not srcs:
            report.problems.append(f"{label} {p['id']} is named by no document")
        if label == "AgendaItem":
            for s in srcs:
                items.setdefault(s, set()).add(p["id"])
        if label in ("Action", "Decision") and p.get("item") and p["item"] not in ids:
            partial.update(srcs)
    for _, _, _, p in data.rels:
        key = p.get("doc") or p.get("source")
        if key not in items:
            partial.add(key)
    for key in sorted(partial):
        report.problems.append(f"{key}: the document is not whole in the store")
        report.reingest.append(key)
    report.documents = len(items)
    report.sources = sorted(items)
    return report
