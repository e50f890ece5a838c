"""The table of issue 11, measured: each councilgraph stage beside the engine's own bulk path for
the same rows, in the same run, with the ratio.

The corpus is made from the real seed minutes: each generated item is a seed with its people
renamed and set in one of many councils (through manifest.csv), so that the graph grows the way
a real collection does — many distinct people and posts, shared national organisations.

    python scripts/benchmark.py --items 5000 [--neo4j bolt://127.0.0.1:7687] [--markdown FILE]

Rows: extraction (one process, and --jobs processes); the embedded load (`store.load` in ingest's
batches plus `close`, which holds the one checkpoint) against LadybugDB's `COPY … FROM` CSV of the
same rows into an empty store, with the time per 1,000 documents at the start and at the end; the
reload of the same documents unchanged (`ingest`, skipped by content hash); Neo4j's load against
batched `UNWIND … MERGE` of 10,000 rows a transaction, and `neo4j-admin database import` of the
`export --format neo4j-admin` files when the bundled jars are there; `who-owns` in process; the peak
memory of `councilgraph ingest` (a subprocess; only with --ingest-memory, since it extracts again);
CLI start-up.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import pickle
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from councilgraph.graph.ladybug_store import (  # noqa: E402
    _NODE_COLS,
    _REL_COLS,
    LadybugStore,
    _ddl,
    _give_back,
    _pairs,
)
from councilgraph.graph.model import ALL_LABELS, merged_nodes  # noqa: E402
from councilgraph.ingest import BATCH, BATCH_ROWS, _extracted, _Job, content_hash, document_key, ingest, plan  # noqa: E402

SURNAMES = ("Abbott Begum Carter Dawson Ellis Foster Gill Hughes Iqbal Jones Khan Lewis Moore Nash Owen Patel "
            "Quinn Reid Shah Turner Upton Vaughan Walsh Young Zaman").split()
STAGES = ("extract", "raw", "embedded", "reload", "who-owns", "neo4j", "admin", "ingest", "ingest-main", "startup")
QUESTIONS = ["safeguarding training", "school places", "budget report", "recruitment of staff",
             "children's services inspection", "home to school transport",
             # ones the generated items (the seeds) answer, so that the details are timed too
             "course on understanding children's data", "task group", "report back", "further data",
             "committee report", "council tax"]
HONORIFIC_NAME = re.compile(r"\b(Cllr|Councillor|Mr|Mrs|Ms|Dr) ([A-Z][a-z]+)\b")


def _renamed(text: str, rng: random.Random) -> str:
    """The text with each person's surname replaced by a made-up one, consistently."""
    rename: dict[str, str] = {}

    def new(m: re.Match) -> str:
        made = rng.choice(SURNAMES) + rng.choice(SURNAMES).lower() + rng.choice(SURNAMES).lower()
        return f"{m[1]} " + rename.setdefault(m[2], made)

    return HONORIFIC_NAME.sub(new, text)


def generate(seeds: Path, out: Path, items: int, councils: int, rng: random.Random) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    out.mkdir(parents=True)
    with (out / "manifest.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "council"])
        for i in range(items):
            text = _renamed(texts[i % len(texts)], rng)
            if text == texts[i % len(texts)]:  # a seed that names no one by honorific: its title says which item it
                # is, or the same council's copies would be one document (ingest knows a document by its content)
                lines = text.split("\n")
                at = next(k for k, ln in enumerate(lines) if ln.strip() and ln.strip() != "Agenda item")
                lines[at] += f" ({i})"
                text = "\n".join(lines)
            name = f"item{i:06d}.txt"
            (out / name).write_text(text, encoding="utf-8")
            w.writerow([name, f"Benchmark Borough {i % councils} Council"])


class Cached:
    """Extracted graphs pickled in files of CHUNK documents, read back one file at a time, so that a
    100,000-item run never holds every graph in memory (it can be iterated any number of times)."""

    CHUNK = 1000

    def __init__(self, folder: Path):
        self.folder = folder
        self.files = sorted(folder.glob("graphs-*.pkl"))

    def __len__(self) -> int:
        return int((self.folder / "count").read_text()) if (self.folder / "count").exists() else 0

    def __iter__(self):
        for p in self.files:
            with p.open("rb") as f:
                yield from pickle.load(f)

    @classmethod
    def write(cls, folder: Path, graphs) -> None:
        """Pickle these graphs (an iterable) as they come."""
        chunk: list = []
        n = 0
        for g in graphs:
            chunk.append(g)
            n += 1
            if len(chunk) == cls.CHUNK:
                cls._dump(folder, n, chunk)
                chunk = []
        if chunk:
            cls._dump(folder, n, chunk)
        (folder / "count").write_text(str(n))

    @staticmethod
    def _dump(folder: Path, n: int, chunk: list) -> None:
        with (folder / f"graphs-{n:07d}.pkl").open("wb") as f:
            pickle.dump(chunk, f, protocol=pickle.HIGHEST_PROTOCOL)


def _batches(graphs):
    """The documents in ingest's batches (BATCH documents or BATCH_ROWS rows), one batch at a time."""
    batch: list = []
    rows = 0
    for g in graphs:
        batch.append(g)
        rows += len(g.nodes) + len(g.rels)
        if len(batch) >= BATCH or rows >= BATCH_ROWS:
            yield batch
            batch = []
            rows = 0
    if batch:
        yield batch


def _server_cpu(pid: int | None) -> float:
    """CPU seconds a process (the Neo4j server) has used so far; 0 without a pid."""
    if not pid:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def best(runs: list[dict]) -> dict:
    """The fastest of repeated runs (the machine is shared: the minimum is the least disturbed)."""
    out = min(runs, key=lambda r: r["seconds"])
    return {**out, "runs_s": [round(r["seconds"], 2) for r in runs]} if len(runs) > 1 else out


class PeakRss:
    """The process's resident memory sampled every 0.05 s while the block runs: its peak, and what it
    was at the start (ru_maxrss would also count the stages run before in the same process)."""

    def __enter__(self) -> PeakRss:
        import psutil

        self._p = psutil.Process()
        self.start = self.peak = self._p.memory_info().rss
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._sample, daemon=True)
        self._t.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, self._p.memory_info().rss)

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._t.join()
        self.peak = max(self.peak, self._p.memory_info().rss)


def embedded_load(graphs: list, hashes: dict[str, str], db: Path, staged: bool = True) -> dict:
    with PeakRss() as mem:
        out = _embedded_load(graphs, hashes, db, staged)
    return {**out, "load_peak_mb": mem.peak / 2**20, "load_start_mb": mem.start / 2**20}


def _embedded_load(graphs: list, hashes: dict[str, str], db: Path, staged: bool = True) -> dict:
    """As `ingest` loads: `begin` (a new store: staged, unless `staged` is off), the batches, `close`."""
    store = LadybugStore(db)
    store.begin(list(hashes), stage=staged)
    per_1000: list[float] = []
    sizes: list[int] = []
    cpu = time.process_time()
    t = time.perf_counter()
    for batch in _batches(graphs):
        t0 = time.perf_counter()
        report = store.load(batch, hashes=hashes)
        assert not report.failed, report.failed
        per_1000.append((time.perf_counter() - t0) * 1000 / len(batch))
        sizes.append(len(batch))
    t0 = time.perf_counter()
    store.close()
    close_s = time.perf_counter() - t0
    k = min(10, len(per_1000))  # the mid-load checkpoints fall in some batches: means over ten spread them
    in_store = sum(x * n for x, n in zip(per_1000, sizes, strict=True)) / 1000 + close_s
    return {"seconds": time.perf_counter() - t, "cpu_s": time.process_time() - cpu, "close_s": close_s,
            "store_s": in_store,  # in `load` and `close`: without reading the (cached) graphs
            "per_1000_first": per_1000[0], "per_1000_last": per_1000[-1], "batches": len(per_1000),
            "per_1000_first10": sum(per_1000[:k]) / k, "per_1000_last10": sum(per_1000[-k:]) / k,
            "store_mb": db.stat().st_size / 2**20,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # the process so far
            "per_1000": [round(x, 3) for x in per_1000], "staged": staged}


class First:
    """The first `n` of some graphs (the cached ones), as often as they are iterated."""

    def __init__(self, graphs, n: int):
        self.graphs, self.n = graphs, n

    def __len__(self) -> int:
        return min(self.n, len(self.graphs))

    def __iter__(self):
        return itertools.islice(iter(self.graphs), self.n)


def ingest_main(graphs, docs: list, db: Path) -> dict:
    """What the main process of `councilgraph ingest` runs into a new store (`ingest.ingest`, the follow-ups,
    `counts`, `close`), the extraction replaced by these graphs (in `docs`' order): its time, stage by stage,
    and its peak resident memory (without the extraction workers')."""
    import psutil

    from councilgraph import ingest as ingest_module
    from councilgraph.followup import refresh

    def cached(todo, jobs):
        for job, g in zip(todo, graphs, strict=True):
            assert g.document == job.key, (g.document, job.key)
            if not hasattr(g, "thin"):  # pickled before graphs had it
                g.thin = []
            yield job, g, None

    real = ingest_module._extracted
    ingest_module._extracted = cached
    out: dict = {}
    try:
        with PeakRss() as mem:
            t = time.perf_counter()
            store = LadybugStore(db)
            report = ingest_module.ingest(store, docs, jobs=1)
            out["load_s"] = time.perf_counter() - t
            out["load_peak_mb"] = mem.peak / 2**20
            t0 = time.perf_counter()
            store.query("RETURN 1")  # the first read: a staged write is copied into the store here (else in refresh)
            out["first_read_s"] = time.perf_counter() - t0
            out["first_read_peak_mb"] = mem.peak / 2**20
            out["after_first_read_mb"] = psutil.Process().memory_info().rss / 2**20
            t0 = time.perf_counter()
            refresh(store, report.councils)
            out["followups_s"] = time.perf_counter() - t0
            out["followups_peak_mb"] = mem.peak / 2**20
            t0 = time.perf_counter()
            counts = store.counts()
            store.close()
            out["counts_close_s"] = time.perf_counter() - t0
            out["seconds"] = time.perf_counter() - t
    finally:
        ingest_module._extracted = real
    assert not report.errors, report.errors[:3]
    return {**out, "loaded": len(report.loaded), "peak_mb": mem.peak / 2**20, "start_mb": mem.start / 2**20,
            "nodes": sum(counts.get(lab.value, 0) for lab in ALL_LABELS),
            "rels": sum(v for k, v in counts.items() if k not in {lab.value for lab in ALL_LABELS}),
            "store_mb": db.stat().st_size / 2**20}


def raw_copy(graphs: list, folder: Path) -> dict:
    """LadybugDB's own bulk path: the same rows as CSV files, one `COPY … FROM` a table, empty store."""
    import ladybug

    folder.mkdir()
    nodes = merged_nodes(graphs)
    by_label: dict = defaultdict(list)

    def cell(v):
        return "" if v is None else ("[" + ",".join(v) + "]" if isinstance(v, list) else v)

    for label, row in nodes.values():
        by_label[label].append([cell(row[c]) for c in _NODE_COLS])
    files = []
    for label, rows in by_label.items():
        p = folder / f"n_{label.value}.csv"
        with p.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)
        files.append((label.value, "", p))
    del by_label
    writers: dict = {}  # one open CSV file a table pair, written as the graphs stream past
    n_rels = 0
    try:
        for g in graphs:
            for r in g.rels.values():
                row = r.row()
                key = (r.type, nodes[r.start][0], nodes[r.end][0])
                if key not in writers:
                    typ, a, b = key
                    p = folder / f"r_{typ.value}_{a.value}_{b.value}.csv"
                    f = p.open("w", newline="", encoding="utf-8")
                    writers[key] = (f, csv.writer(f))
                    files.append((typ.value, f', from="{a.value}", to="{b.value}"' if _pairs(typ) > 1 else "", p))
                writers[key][1].writerow([r.start, r.end] + [cell(row[c]) for c in _REL_COLS])
                n_rels += 1
    finally:
        for f, _ in writers.values():
            f.close()
    cpu = time.process_time()
    t = time.perf_counter()
    db = ladybug.Database(str(folder / "raw.db"))
    conn = ladybug.Connection(db)
    for stmt in _ddl():
        conn.execute(stmt)
    for table, opts, p in files:
        conn.execute(f"COPY {table} FROM '{p}' (HEADER=false, AUTO_DETECT=false{opts})")
    conn.close()
    db.close()
    dt = time.perf_counter() - t
    _give_back()  # what the engine freed, back to the system: the embedded load's memory is measured next
    shutil.rmtree(folder)
    return {"seconds": dt, "cpu_s": time.process_time() - cpu, "rows": len(nodes) + n_rels, "nodes": len(nodes),
            "rels": n_rels}


def neo4j_unwind_baseline(neo, graphs: list, pid: int | None = None) -> dict:
    """Batched `UNWIND … MERGE`, 10,000 rows a transaction: no replacing, no merging of sources. Its rows are the
    loader's own (node rows by label, relationship rows by type and end labels), made before the clock starts."""
    from councilgraph.graph.neo4j_store import _statements

    made = _statements(graphs)
    by_label, groups = made.nodes, made.rels
    server = _server_cpu(pid)
    t = time.perf_counter()
    with neo._session() as s:
        for label, rows in by_label.items():
            for i in range(0, len(rows), 10_000):
                s.execute_write(lambda tx, c=rows[i:i + 10_000], lab=label: tx.run(
                    f"UNWIND $rows AS r MERGE (n:{lab.value} {{id: r.id}}) SET n += r", rows=c).consume())
        for (typ, a, b), rows in groups.items():
            for i in range(0, len(rows), 10_000):
                s.execute_write(lambda tx, c=rows[i:i + 10_000], t_=typ, a_=a, b_=b: tx.run(
                    f"UNWIND $rows AS r MATCH (a:{a_.value} {{id: r.s}}) MATCH (b:{b_.value} {{id: r.e}}) "
                    f"MERGE (a)-[x:{t_.value} {{id: r.p.id}}]->(b) SET x += r.p", rows=c).consume())
    return {"seconds": time.perf_counter() - t, "server_cpu_s": _server_cpu(pid) - server}


def neo4j_load(neo, graphs: list, hashes: dict[str, str], pid: int | None = None) -> dict:
    server = _server_cpu(pid)
    cpu = time.process_time()
    t = time.perf_counter()
    for batch in _batches(graphs):
        r = neo.load(batch, hashes=hashes)
        assert not r.failed, list(r.failed.items())[:3]
    return {"seconds": time.perf_counter() - t, "server_cpu_s": _server_cpu(pid) - server,
            "client_cpu_s": time.process_time() - cpu}


def who_owns_latency(store, questions: list[str], runs: int) -> dict:
    """who-owns in process: each question's candidates searched in the store (as the CLI does), and
    with an `ActionIndex` of the action names built once (as a process asking many questions can)."""
    from councilgraph.ask import ActionIndex, who_owns

    def pcts(index) -> tuple[float, float, int]:
        times, answered = [], 0
        for i in range(runs):
            t = time.perf_counter()
            answered += bool(who_owns(store, questions[i % len(questions)], index=index))
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)], answered

    p50, p95, answered = pcts(None)
    t = time.perf_counter()
    index = ActionIndex(store)
    build = (time.perf_counter() - t) * 1000
    i50, i95, _ = pcts(index)
    return {"p50_ms": p50, "p95_ms": p95, "answered": answered, "runs": runs, "index_build_ms": build,
            "indexed_p50_ms": i50, "indexed_p95_ms": i95}


def ingest_memory(cmd: list[str]) -> dict:
    """Wall time and peak memory (resident, sampled every 0.1 s) of the ingest process and of the
    whole tree (with its extraction workers)."""
    import psutil

    t = time.perf_counter()
    p = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    main_peak = tree_peak = 0
    while p.poll() is None:
        try:
            rss = p.memory_info().rss
            kids = sum(c.memory_info().rss for c in p.children(recursive=True))
        except psutil.Error:
            continue
        main_peak, tree_peak = max(main_peak, rss), max(tree_peak, rss + kids)
        time.sleep(0.1)
    assert p.returncode == 0, p.returncode
    return {"seconds": time.perf_counter() - t, "peak_mb": main_peak / 2**20, "tree_peak_mb": tree_peak / 2**20}


def cli_startup() -> dict:
    def best(cmd: list[str]) -> float:
        out = []
        for _ in range(7):
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True)
            out.append(time.perf_counter() - t)
        return statistics.median(out) * 1000

    exe = shutil.which("councilgraph", path=str(Path(sys.executable).parent)) or "councilgraph"
    return {"help_ms": best([exe, "--help"]), "python_ms": best([sys.executable, "-c", "pass"])}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=5000, help="agenda items to generate (default 5000)")
    ap.add_argument("--councils", type=int, default=50)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    ap.add_argument("--neo4j", help="also load into this Neo4j (it is cleared first!)")
    ap.add_argument("--neo4j-lib", type=Path, help="the bundled server's jars, to time neo4j-admin import")
    ap.add_argument("--ingest-memory", action="store_true", help="also run `councilgraph ingest` for its peak memory")
    ap.add_argument("--json", type=Path, help="write the results here as JSON")
    ap.add_argument("--cache", type=Path, help="keep the generated folder and its extracted graphs (pickled) in this "
                    "folder, and reuse them on the next run with the same --items (to time the loads alone)")
    ap.add_argument("--repeat", type=int, default=1, help="run the raw COPY, the embedded load, the Neo4j load "
                    "and its baseline this many times, interleaved, and keep the fastest of each (default 1)")
    ap.add_argument("--neo4j-pid", type=int, help="the Neo4j server's process id, to report its CPU time per load")
    ap.add_argument("--only", type=lambda s: set(s.split(",")), default=set(STAGES) - {"ingest-main"},
                    help=f"comma-separated stages to run (default all but ingest-main): {','.join(STAGES)}")
    ap.add_argument("--first", type=int, help="with --cache: load only the first N cached documents (the raw COPY, "
                    "the embedded load and ingest-main), e.g. 20,000 of a 100,000-item cache")
    ap.add_argument("--per-batch", action="store_true", help="the embedded load without staging (each batch "
                    "written as it comes, as every load was before staging): the path a non-empty store takes")
    ap.add_argument("--render", type=Path, nargs="+", help="print the markdown table of these runs' JSON and stop")
    args = ap.parse_args()
    if args.render:
        print(render([json.loads(p.read_text(encoding="utf-8")) for p in args.render]))
        return 0
    import logging

    logging.getLogger("neo4j").setLevel(logging.CRITICAL)  # the server's notices on who-owns' queries
    work = Path(tempfile.mkdtemp(prefix="cg-bench-"))
    res: dict = {"items": args.items, "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                 f"{platform.platform()}", "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                 "python": platform.python_version()}

    def say(key: str, value) -> None:
        res[key] = value
        print(f"{key}: {json.dumps(value, default=str)}", flush=True)

    only = args.only
    unknown = only - set(STAGES)
    if unknown:
        ap.error(f"unknown stage(s): {', '.join(sorted(unknown))}")
    try:
        base_dir = (args.cache / f"items-{args.items}") if args.cache else work
        corpus = base_dir / "corpus"
        cached = Cached(base_dir)
        if not corpus.exists():
            generate(args.seeds, corpus, args.items, args.councils, random.Random(7))
        docs = plan([corpus])
        jobs = [_Job(p, m, None, document_key(p)) for p, m in docs]
        if "extract" in only:
            sample = jobs[:min(len(jobs), 500)]
            t = time.perf_counter()
            list(_extracted(sample, 1))
            say("extract_1", {"documents": len(sample), "per_s": len(sample) / (time.perf_counter() - t)})
        graphs: list | Cached
        if args.cache and len(cached) == len(jobs) and "extract" not in only:
            graphs = cached
        else:
            t = time.perf_counter()

            def extracted():
                for _, g, err in _extracted(jobs, args.jobs):
                    assert err is None, err
                    yield g

            if args.cache:  # pickled as they come, never all in memory
                for p in cached.files:
                    p.unlink()
                Cached.write(base_dir, extracted())
                graphs = Cached(base_dir)
            else:
                graphs = list(extracted())
            say("extract_jobs", {"jobs": args.jobs, "documents": len(graphs),
                                 "per_s": len(graphs) / (time.perf_counter() - t)})
        if args.first:
            graphs = First(graphs, args.first)
            docs, jobs = docs[:args.first], jobs[:args.first]
            res["items"] = len(jobs)
        hashes = {j.key: content_hash(j.path, j.meta) for j in jobs}

        db = work / "bench.db"
        raws, loads = [], []
        for _ in range(args.repeat):  # interleaved, so that both sides see the same machine
            if "raw" in only:
                raws.append(raw_copy(graphs, work / "raw"))
            if "embedded" in only:
                for f in db.parent.glob(db.name + "*"):
                    f.unlink()
                loads.append(embedded_load(graphs, hashes, db, staged=not args.per_batch))
        if raws:
            say("raw_copy", best(raws))
        counts: dict = {}
        if "embedded" in only:
            say("embedded_load", best(loads))
            if "reload" in only:
                store = LadybugStore(db)
                t = time.perf_counter()
                report = ingest(store, docs, jobs=args.jobs)
                store.close()
                say("embedded_reload_unchanged", {"seconds": time.perf_counter() - t,
                                                  "unchanged": len(report.unchanged), "loaded": len(report.loaded)})
            ro = LadybugStore(db, read_only=True)
            if "who-owns" in only:
                say("who_owns_embedded", who_owns_latency(ro, QUESTIONS, 24))
            counts = ro.counts()
            ro.close()
            say("graph", {k: v for k, v in counts.items() if v})

        if args.neo4j and "neo4j" in only:
            from councilgraph.graph.neo4j_store import Neo4jStore

            neo = Neo4jStore(args.neo4j)
            bases, loads = [], []
            for _ in range(args.repeat):
                neo.clear()
                neo.schema()
                bases.append(neo4j_unwind_baseline(neo, graphs, args.neo4j_pid))
                neo.clear()
                loads.append(neo4j_load(neo, graphs, hashes, args.neo4j_pid))
            base, load = best(bases), best(loads)
            say("neo4j_load", {**load, "baseline_unwind_s": base["seconds"], "baseline": base})
            if counts:
                assert {k: v for k, v in neo.counts().items() if v} == {k: v for k, v in counts.items() if v}, \
                    "the two stores disagree"
            if "who-owns" in only:
                say("who_owns_neo4j", who_owns_latency(neo, QUESTIONS, 24))
            if args.neo4j_lib and counts and "admin" in only:
                from councilgraph.graph.neo4j_admin import write_admin

                ro = LadybugStore(db, read_only=True)
                data = ro.dump()
                ro.close()
                t = time.perf_counter()
                write_admin(data, work / "admin")
                write_s = time.perf_counter() - t
                home = work / "neo4j-home"
                (home / "conf").mkdir(parents=True)
                (home / "conf" / "neo4j.conf").write_text(f"server.directories.data={home}/data\n", encoding="utf-8")
                t = time.perf_counter()
                imp = subprocess.run(["sh", str(work / "admin" / "import.sh")], capture_output=True, text=True,
                                     env={**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf"),
                                          "NEO4J_ADMIN": _admin(work, args.neo4j_lib.resolve())})
                assert imp.returncode == 0, imp.stdout[-3000:] + imp.stderr[-3000:]
                say("neo4j_admin", {"write_s": write_s, "import_s": time.perf_counter() - t})
            neo.clear()
            neo.close()

        if args.ingest_memory and "ingest" in only:
            mem = work / "mem.db"
            say("ingest_cli", ingest_memory([sys.executable, "-m", "councilgraph.cli", "--store", str(mem), "ingest",
                                             str(corpus), "--jobs", str(args.jobs)]))
        if "ingest-main" in only:
            say("ingest_main", ingest_main(graphs, docs, work / "main.db"))
        if "startup" in only:
            say("cli_startup", cli_startup())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, default=str), encoding="utf-8")
    return 0


def _tens(emb: dict) -> str:
    """The means over the first and last ten batches, the store's size and the peak memory, where a run has them."""
    if "per_1000_last10" not in emb:
        return ""
    return (f"; mean of the first ten {emb['per_1000_first10']:.2f} s, of the last ten {emb['per_1000_last10']:.2f} s; "
            f"store {emb['store_mb']:,.0f} MB, "
            + (f"resident memory {emb['load_start_mb']:,.0f} MB before the load, peak {emb['load_peak_mb']:,.0f} MB"
               if "load_peak_mb" in emb else f"process peak {emb['peak_rss_mb']:,.0f} MB"))


def render(runs: list[dict]) -> str:
    """The issue's table from one or more runs' JSON (one column group a run)."""
    def f(v: float, unit: str = "s") -> str:
        return f"{v:,.1f} {unit}" if v >= 10 else f"{v:,.2f} {unit}"

    lines = [f"Measured {runs[0]['date']} on {runs[0]['machine']}, Python {runs[0]['python']}; "
             f"LadybugDB 0.19.1, Neo4j 5.26 Community (`docker/neo4j-local.sh`, 1 GB heap) on the same machine, "
             f"which other jobs shared (timings vary by ±30 % between runs).", "",
             "| stage | items | councilgraph | the engine's bulk path, same rows | ratio |", "|---|---|---|---|---|"]
    for r in runs:
        n = f"{r['items']:,}"
        raw, emb = r.get("raw_copy"), r.get("embedded_load")
        if raw and emb:
            lines.append(f"| embedded load ({raw['nodes']:,} nodes, {raw['rels']:,} relationships; `close` with its "
                     f"checkpoint included{'; staged' if emb.get('staged') else ''}) | {n} | {f(emb['seconds'])} "
                     f"({f(emb['close_s'])} of it `close`"
                     + (f"; {f(emb['store_s'])} in `load` and `close`, {emb['store_s'] / raw['seconds']:.1f}× the raw "
                        f"`COPY`, the rest reading the cached graphs" if _reading(emb) else "") + "); per 1,000 "
                     f"documents {f(emb['per_1000_first'])} in the first batch, {f(emb['per_1000_last'])} in the last "
                     f"({emb['batches']} batches{_tens(emb)}) | `COPY … FROM` CSV into an empty store: {f(raw['seconds'])} "
                     f"({raw['rows'] / raw['seconds'] / 1000:,.0f}k rows/s) | "
                     # (the raw COPY's CSV files are written beforehand, untimed: the load is timed without reading
                     # the cached graphs back likewise, where the run says how long that took)
                     + (f"{emb['store_s'] / raw['seconds']:.1f}× slower ({emb['seconds'] / raw['seconds']:.1f}× with "
                        f"the reading)" if _reading(emb) else f"{emb['seconds'] / raw['seconds']:.1f}× slower") + " |")
        if "embedded_reload_unchanged" in r:
            un = r["embedded_reload_unchanged"]
            lines.append(f"| embedded reload of the same documents, unchanged (`ingest`: hashing, open, close) | {n} | "
                     f"{f(un['seconds'])}; {un['unchanged']:,} reported unchanged, {un['loaded']} loaded | — | — |")
        if "neo4j_load" in r:
            nl = r["neo4j_load"]
            lines.append(f"| Neo4j load (many documents a transaction) | {n} | {f(nl['seconds'])} | batched `UNWIND … "
                         f"MERGE`, 10k rows a transaction: {f(nl['baseline_unwind_s'])} | "
                         f"{nl['baseline_unwind_s'] / nl['seconds']:.2f}× the baseline's speed |")
        if "neo4j_admin" in r:
            na = r["neo4j_admin"]
            lines.append(f"| `export --format neo4j-admin` + `neo4j-admin database import full` | {n} | "
                         f"{f(na['write_s'])} to write + {f(na['import_s'])} to import | — | — |")
        if "extract_1" in r and "extract_jobs" in r:
            e1, ej = r["extract_1"], r["extract_jobs"]
            lines.append(f"| extraction (read + extract) | {n} | {e1['per_s']:.0f} documents/s in one process; "
                     f"{ej['per_s']:.0f} documents/s with {ej['jobs']} processes | — | — |")
        if "ingest_cli" in r:
            ic = r["ingest_cli"]
            lines.append(f"| `councilgraph ingest` of the folder, from nothing (peak resident memory; wall time) | {n} | "
                         f"{ic['peak_mb']:,.0f} MB the main process, {ic.get('tree_peak_mb', 0):,.0f} MB with its "
                         f"workers; {f(ic['seconds'])} | — | — |")
        if "ingest_main" in r:
            im = r["ingest_main"]
            lines.append(f"| `councilgraph ingest`'s main process from nothing, extraction replaced by the cached graphs "
                         f"(load, the staged copy at the first read, follow-ups, counts, close) | {n} | peak "
                         f"{im['peak_mb']:,.0f} MB (load {im['load_peak_mb']:,.0f}, copy {im['first_read_peak_mb']:,.0f}, "
                         f"follow-ups {im['followups_peak_mb']:,.0f}); {f(im['seconds'])}; store {im['store_mb']:,.0f} MB "
                         f"| — | — |")
        for key, where in (("who_owns_embedded", "embedded"), ("who_owns_neo4j", "Neo4j")):
            if key in r:
                w = r[key]
                line = f"| `who-owns`, {where}, in process | {n} | p50 {w['p50_ms']:,.0f} ms, p95 {w['p95_ms']:,.0f} ms"
                if "index_build_ms" in w:
                    line += (f"; with the action-name index (built once, {w['index_build_ms']:,.0f} ms): "
                             f"p50 {w['indexed_p50_ms']:,.1f} ms, p95 {w['indexed_p95_ms']:,.1f} ms")
                lines.append(line + " | — | — |")
        if "cli_startup" in r:
            cs = r["cli_startup"]
            lines.append(f"| CLI start-up (`--help`) | — | {cs['help_ms']:.0f} ms | `python -c pass`: {cs['python_ms']:.0f} ms | — |")
    return "\n".join(lines) + "\n"


def _reading(emb: dict) -> bool:
    """Did the embedded load's loop spend a part worth telling reading cached graphs (a `--cache` run)?"""
    return "store_s" in emb and emb["seconds"] - emb["store_s"] > 0.05 * emb["seconds"]


def _admin(work: Path, lib: Path) -> str:
    w = work / "neo4j-admin"
    w.write_text(f'#!/bin/sh\nexec java -cp "{lib}/*" org.neo4j.cli.AdminTool "$@"\n', encoding="utf-8")
    w.chmod(0o755)
    return str(w)


if __name__ == "__main__":
    sys.exit(main())
