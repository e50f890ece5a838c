"""Ingest: files and folders in, the store updated; each document all-or-nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from councilgraph.errors import CouncilGraphError, LoaderError
from councilgraph.extract.pipeline import extract
from councilgraph.graph.model import DocumentGraph, source_name
from councilgraph.graph.store import LoadReport, Store
from councilgraph.loaders import discover, load
from councilgraph.loaders.records import Meta

BATCH = 1000  # documents per embedded-store transaction: COPY into a non-empty table costs per statement, so fewer, larger ones


@dataclass
class IngestReport:
    loaded: list[str] = field(default_factory=list)  # document keys
    errors: list[str] = field(default_factory=list)  # one line each: "path: problem"
    notes: list[str] = field(default_factory=list)  # warnings that stored nothing less: "path: note"
    nodes: int = 0
    relationships: int = 0
    labels: dict[str, int] = field(default_factory=dict)


def plan(paths: list[Path]) -> list[tuple[Path, Meta]]:
    """The documents the paths name, with their manifest metadata."""
    return list(discover(paths))


def document_key(path: Path) -> str:
    """A document's identity in the store: its resolved path. Two files never share one, whatever
    their names; the same file ingested again (from any working directory) has the same one."""
    return path.resolve().as_posix()


def ingest(store: Store, docs: list[tuple[Path, Meta]], options: Meta | None = None,
           progress: Callable[[str], None] | None = None, max_bytes: int | None = None) -> IngestReport:
    """Read, extract and load documents; a bad document is reported and leaves the store untouched."""
    report = IngestReport()
    batch: list[DocumentGraph] = []
    where: dict[str, Path] = {}
    stored: dict[str, list[str]] = {}
    for key in store.sources():
        stored.setdefault(source_name(key), []).append(key)
    begin = getattr(store, "begin", None)
    if begin is not None:  # the embedded store notes what this ingest is for, in case it is cut short
        begin([document_key(p) for p, _ in docs])

    legacy: list[str] = []

    def flush() -> None:
        for name in legacy:
            store.remove(name)
        legacy.clear()
        if batch:
            _add(report, store.load(batch), where)
            batch.clear()

    for path, meta in docs:
        try:
            doc = load(path, (options or Meta()).over(meta), max_bytes)
            g = extract(doc).keyed(document_key(path))
        except LoaderError as e:
            report.errors.append(str(e))
        except CouncilGraphError as e:
            report.errors.append(f"{path}: {e}")
        except (RecursionError, ValueError, IndexError, KeyError) as e:  # a rule tripped: name the file, go on
            report.errors.append(f"{path}: extraction failed ({type(e).__name__}: {e})")
        else:
            others = [k for k in stored.get(g.source, []) if k != g.document]
            if g.source in others:  # stored before documents had paths: this file is that document
                report.notes.append(f"{path}: replaces {g.source}, stored before documents were known by path")
                legacy.append(g.source)
                others.remove(g.source)
                stored[g.source].remove(g.source)
            if others:
                report.notes.append(f"{path}: the store also holds a document named {g.source} from {others[0]}; "
                                    f"both are kept (`councilgraph remove {others[0]}` takes the other out)")
            stored.setdefault(g.source, []).append(g.document)
            where[g.document] = path
            batch.append(g)
            for n in g.nodes.values():
                report.labels[n.label.value] = report.labels.get(n.label.value, 0) + 1
        if progress:
            progress(path.name)
        if len(batch) >= BATCH:
            flush()
    flush()
    return report


def _add(report: IngestReport, lr: LoadReport, where: dict[str, Path]) -> None:
    report.loaded += lr.documents
    report.nodes += lr.nodes
    report.relationships += lr.relationships
    report.errors += [f"{where.get(src, src)}: not stored ({msg})" for src, msg in lr.failed.items()]
