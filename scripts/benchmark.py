"""Load throughput of the embedded store and Neo4j on a generated corpus of agenda items.

The corpus is made from the real seed minutes: each generated item is a seed with its people
renamed and set in one of many councils (through manifest.csv), so that the graph grows the way
a real collection does — many distinct people and posts, shared national organisations.

    python scripts/benchmark.py --items 5000 [--neo4j bolt://127.0.0.1:7687] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from councilgraph.extract.pipeline import extract
from councilgraph.graph.ladybug_store import LadybugStore
from councilgraph.ingest import BATCH
from councilgraph.loaders import discover, load

SURNAMES = ("Abbott Begum Carter Dawson Ellis Foster Gill Hughes Iqbal Jones Khan Lewis Moore Nash Owen Patel "
            "Quinn Reid Shah Turner Upton Vaughan Walsh Young Zaman").split()
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
            name = f"item{i:05d}.txt"
            (out / name).write_text(text, encoding="utf-8")
            w.writerow([name, f"Benchmark Borough {i % councils} Council"])


def measure(name: str, store, graphs, batch: int) -> dict:
    n_nodes = sum(len(g.nodes) for g in graphs)
    n_rels = sum(len(g.rels) for g in graphs)
    t = time.perf_counter()
    for i in range(0, len(graphs), batch):
        report = store.load(graphs[i:i + batch])
        assert not report.failed, report.failed
    dt = time.perf_counter() - t
    return {"store": name, "documents": len(graphs), "nodes_written": n_nodes, "relationships_written": n_rels,
            "seconds": round(dt, 2), "nodes_per_s": round(n_nodes / dt), "relationships_per_s": round(n_rels / dt),
            "documents_per_s": round(len(graphs) / dt, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=5000, help="agenda items to generate (default 5000)")
    ap.add_argument("--councils", type=int, default=50)
    ap.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "seeds")
    ap.add_argument("--neo4j", help="also load into this Neo4j (it is cleared first!)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cg-bench-"))
    results: list[dict] = []

    def report(r: dict) -> None:
        results.append(r)
        if not args.json:
            print("  ".join(f"{k}={v}" for k, v in r.items()), flush=True)

    try:
        generate(args.seeds, work / "corpus", args.items, args.councils, random.Random(7))
        t = time.perf_counter()
        graphs = [extract(load(p, m)) for p, m in discover([work / "corpus"])]
        extract_s = time.perf_counter() - t
        report({"stage": "read+extract", "documents": len(graphs), "seconds": round(extract_s, 2),
                "documents_per_s": round(len(graphs) / extract_s, 1)})
        emb = LadybugStore(work / "bench.db")
        report(measure(f"embedded (LadybugDB, COPY, {BATCH} documents a transaction)", emb, graphs, BATCH))
        report(measure("embedded, reloading the same documents (replace)", emb, graphs, BATCH))
        counts = emb.counts()
        emb.close()
        if args.neo4j:
            from councilgraph.graph.neo4j_store import Neo4jStore

            neo = Neo4jStore(args.neo4j)
            neo.clear()
            neo.schema()
            report(measure("neo4j (UNWIND … MERGE, one transaction per document)", neo, graphs, 1000))
            assert neo.counts() == counts, "the two stores disagree"
            neo.clear()
            neo.close()
        report({"graph": {k: v for k, v in counts.items() if v}})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
