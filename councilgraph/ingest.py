"""Ingest: files and folders in, the store updated; each document all-or-nothing.

Documents flow through hash → read + extract → load in bounded batches: a document whose content
hash the store already holds is skipped (reported as unchanged), extraction runs in `jobs` worker
processes at most `AHEAD` documents ahead of the loader, and the store loads `BATCH` documents (or
`BATCH_ROWS` nodes and relationships) at a time, so memory does not grow with the number of documents.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
import threading
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from councilgraph.errors import CouncilGraphError, LoaderError
from councilgraph.graph.model import DOCUMENT_LABELS, DocumentGraph, source_name
from councilgraph.graph.store import LoadReport, Store
from councilgraph.loaders import discover
from councilgraph.loaders.records import Meta

BATCH = 5000  # documents per load: COPY into a non-empty table costs per statement, so few, large ones
BATCH_ROWS = 50_000  # nodes and relationships per load, whatever the number of documents: bounds memory, since
# LadybugDB's COPY of nodes from a parameter list takes ~25 KB a node row while it runs (a load of 200,000 rows
# raised the peak by ~600 MB, one of 50,000 by ~200 MB), and smaller loads were no slower per document
AHEAD = 1000  # documents the extraction workers may run ahead of the loader (bounds memory)
POOL_MIN = 16  # fewer documents to extract than this: no worker processes (their start-up costs more)


@dataclass
class IngestReport:
    loaded: list[str] = field(default_factory=list)  # document keys
    unchanged: list[str] = field(default_factory=list)  # document keys whose content the store already held
    errors: list[str] = field(default_factory=list)  # one line each: "path: problem"
    notes: list[str] = field(default_factory=list)  # warnings that stored nothing less: "path: note"
    nodes: int = 0
    relationships: int = 0
    labels: dict[str, int] = field(default_factory=dict)
    # The councils of the documents loaded (None for a document of no council): only their actions can gain or
    # lose follow-ups (`followup.refresh`). None: any council's may, since a document stored before was replaced.
    councils: set[str | None] | None = field(default_factory=set)
    thin: dict[str, list[str]] = field(default_factory=dict)  # document key -> where its graph is thin (describe.py)

    def thin_spots(self) -> list[str]:
        """One warning per loaded document where the graph is thin, by document key."""
        done = set(self.loaded)
        return [f"{k}: {w}" for k in sorted(self.thin) if k in done for w in self.thin[k]]


def plan(paths: list[Path]) -> list[tuple[Path, Meta]]:
    """The documents the paths name, with their manifest metadata."""
    return list(discover(paths))


def document_key(path: Path) -> str:
    """A document's identity in the store: its resolved path. Two files never share one, whatever
    their names; the same file ingested again (from any working directory) has the same one."""
    return path.resolve().as_posix()


@functools.cache
def rules_fingerprint() -> str:
    """A hash of the code that turns a file into a graph (loaders, extraction, the model), so that a
    document is read again when the rules change even though the file did not."""
    from councilgraph import __version__

    root = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for sub in ("loaders", "extract"):
        for p in sorted((root / sub).rglob("*")):
            if p.is_file() and p.suffix in (".py", ".txt", ".csv", ".json", ".tsv"):
                h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
    h.update((root / "graph" / "model.py").read_bytes())
    return h.hexdigest()


def content_hash(path: Path, meta: Meta, max_bytes: int | None = None) -> str | None:
    """What a document's graph depends on: its bytes, its metadata and the rules; None if it is not a
    regular file within `max_bytes` or is unreadable (reading it will say why)."""
    h = hashlib.sha256(rules_fingerprint().encode())
    h.update(json.dumps(asdict(meta), sort_keys=True).encode())
    try:
        st = path.stat()  # a FIFO or a device is never opened here: reading it could block or never end
        if not stat.S_ISREG(st.st_mode) or max_bytes is not None and st.st_size > max_bytes:
            return None
        with path.open("rb") as f:
            h.update(hashlib.file_digest(f, "sha256").digest())
    except OSError:
        return None  # reading it will say why
    return h.hexdigest()


def ingest(store: Store, docs: list[tuple[Path, Meta]], options: Meta | None = None,
           progress: Callable[[str], None] | None = None, max_bytes: int | None = None,
           jobs: int | None = 1) -> IngestReport:
    """Read, extract and load documents; a bad document is reported and leaves the store untouched.
    Unchanged documents (same content hash as stored) are skipped. `jobs`: extraction processes
    (None: one per core)."""
    report = IngestReport()
    batch: list[DocumentGraph] = []
    rows = 0
    where: dict[str, Path] = {}
    stored: dict[str, list[str]] = {}
    for key in store.sources():
        stored.setdefault(source_name(key), []).append(key)
    held = store.hashes()
    # A document is its bytes and metadata: a copy of a stored file at another path (a folder copied or moved) is the
    # same document, reported unchanged, not loaded twice.
    by_hash = {h: k for k, h in held.items() if h}
    todo: list[_Job] = []
    hashes: dict[str, str] = {}
    for path, meta in docs:
        key = document_key(path)
        merged = (options or Meta()).over(meta)
        h = content_hash(path, merged, max_bytes)
        same = by_hash.get(h) if h is not None and key not in held else None  # (a copy of another document)
        if same is not None:
            report.notes.append(f"{path}: the same document (bytes and metadata) as {same}, already stored or being "
                                f"loaded: not loaded again (`councilgraph remove {same}` first to keep this path)")
        if h is not None and held.get(key) == h or same is not None:
            report.unchanged.append(key)
            if progress:
                progress(path.name)
            continue
        if h is not None:
            hashes[key] = h
            by_hash[h] = key
        todo.append(_Job(path, merged, max_bytes, key))
    begin = getattr(store, "begin", None)
    if begin is not None:  # the embedded store notes what this ingest is for, in case it is cut short
        begin([document_key(p) for p, _ in docs])  # unchanged ones too: once it is done, they are current

    legacy: list[str] = []

    def flush() -> None:
        nonlocal rows
        for name in legacy:
            store.remove(name)
            report.councils = None
        legacy.clear()
        if batch:
            _add(report, store.load(batch, hashes={g.document: hashes.get(g.document, "") for g in batch}), where)
            batch.clear()
            where.clear()
            rows = 0

    for job, g, error in _extracted(todo, jobs):
        if error is not None:
            report.errors.append(error)
        else:
            others = [k for k in stored.get(g.source, []) if k != g.document]
            if g.source in others:  # stored before documents had paths: this file is that document
                report.notes.append(f"{job.path}: replaces {g.source}, stored before documents were known by path")
                legacy.append(g.source)
                others.remove(g.source)
                stored[g.source].remove(g.source)
            if others:
                report.notes.append(f"{job.path}: the store also holds a document named {g.source} from {others[0]}; "
                                    f"both are kept (`councilgraph remove {others[0]}` takes the other out)")
            if g.document in stored.get(g.source, ()):  # a stored document replaced: its old council may differ
                report.councils = None
            stored.setdefault(g.source, []).append(g.document)
            where[g.document] = job.path
            if g.thin:
                report.thin[g.document] = g.thin
            batch.append(g)
            rows += len(g.nodes) + len(g.rels)
            for n in g.nodes.values():
                report.labels[n.label.value] = report.labels.get(n.label.value, 0) + 1
                if report.councils is not None and n.label in DOCUMENT_LABELS:
                    report.councils.add(n.props.get("council"))
        if progress:
            progress(job.path.name)
        if len(batch) >= BATCH or rows >= BATCH_ROWS:
            flush()
    flush()
    return report


@dataclass
class _Job:
    path: Path
    meta: Meta
    max_bytes: int | None
    key: str


def _read(job: _Job) -> tuple[_Job, DocumentGraph | None, str | None]:
    """Read and extract one document (in a worker process when there are several): its graph, or the
    one-line error that names it."""
    from councilgraph.describe import thin_spots
    from councilgraph.extract.pipeline import extract
    from councilgraph.loaders import load

    try:
        doc = load(job.path, job.meta, job.max_bytes)
        g = extract(doc).keyed(job.key)
        g.thin = thin_spots(g, doc.text)  # here, while the text is at hand: never read again
        return job, g, None
    except LoaderError as e:
        return job, None, str(e)
    except CouncilGraphError as e:
        return job, None, f"{job.path}: {e}"
    except (RecursionError, ValueError, IndexError, KeyError) as e:  # a rule tripped: name the file, go on
        return job, None, f"{job.path}: extraction failed ({type(e).__name__}: {e})"


def _extracted(todo: list[_Job], jobs: int | None) -> Iterator[tuple[_Job, DocumentGraph | None, str | None]]:
    """The documents read and extracted, in order; by `jobs` worker processes when that pays, never
    more than AHEAD documents ahead of the consumer (the loader), so that memory stays bounded."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(todo) < POOL_MIN:
        yield from map(_read, todo)
        return
    import multiprocessing

    ahead = threading.BoundedSemaphore(AHEAD)
    stop = threading.Event()

    def feed() -> Iterator[_Job]:
        for job in todo:
            while not ahead.acquire(timeout=0.2):
                if stop.is_set():
                    return
            yield job

    # forkserver: the workers never inherit the parent's open database or its threads
    with multiprocessing.get_context("forkserver").Pool(min(jobs, len(todo))) as pool:
        try:
            for out in pool.imap(_read, feed(), chunksize=8):
                ahead.release()
                yield out
        finally:
            stop.set()


def _add(report: IngestReport, lr: LoadReport, where: dict[str, Path]) -> None:
    report.loaded += lr.documents
    report.nodes += lr.nodes
    report.relationships += lr.relationships
    report.errors += [f"{where.get(src, src)}: not stored ({msg})" for src, msg in lr.failed.items()]
