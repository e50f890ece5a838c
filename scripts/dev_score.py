"""Development report for the extractor: extract the seeds and the corpus in process (no store), score them with
../shared/tools/score.py, and print the score per page kind (the corpus manifest's `format`), per council, the worst
documents, and the change against the last run, so that a rule that helps one council and hurts two shows at once.

    python scripts/dev_score.py                 # seeds + corpus
    python scripts/dev_score.py --damaged 1     # also the corpus damaged by damage.py --seed 1
    python scripts/dev_score.py --worst 15 --errors 20
    python scripts/dev_score.py --flat --glued   # also the corpus with its line breaks lost (see --help)
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from functools import reduce
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from councilgraph.extract.pipeline import extract  # noqa: E402
from councilgraph.graph.export import GraphData, to_json  # noqa: E402
from councilgraph.loaders import discover, load  # noqa: E402

SHARED = ROOT.parent / "shared"
LAST = ROOT / ".dev_score_last.json"
KEYS = ("entity_f1", "relation_f1", "action_f1", "owner_e2e", "decision_f1")


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _export(folder: Path, path: Path) -> float:
    """Extract every document of a folder into one JSON export; returns the seconds it took."""
    t = time.perf_counter()
    graphs = [extract(load(p, m)) for p, m in discover([folder])]
    took = time.perf_counter() - t
    path.write_text(json.dumps(to_json(GraphData.of(graphs)), ensure_ascii=False), encoding="utf-8")
    return took


def _per_doc(score, gold_dir: Path, export: Path) -> dict[str, dict]:
    golds, ex = score.load_gold([str(gold_dir)]), score.load_export(str(export))
    scored = [t for t in score.REL_TYPES if any(r[0] == t for g in golds for r in g["rels"])]
    return {g["doc"]: score.evaluate(g, ex, scored)[0] for g in golds}


def _summary(score, counts: list[dict]) -> dict[str, float]:
    return score.report(reduce(score.add, counts))["summary"] if counts else {}


def _line(name: str, s: dict[str, float], n: int, last: dict | None = None) -> str:
    cells = []
    for k in KEYS:
        v = s.get(k, 0.0)
        d = "" if not last or k not in last else f"{v - last[k]:+.3f}"
        cells.append(f"{v:.3f}{d:>7}" if last else f"{v:.3f}")
    return f"  {name:<44}{n:>4}  " + "  ".join(cells)


# The corpus as scrapers lose its layout (the words unchanged, so the gold still applies): every line break
# a space ("flat", a page's text run into one line), or nothing ("glued", an HTML page's text taken without
# its paragraph breaks: "… be noted.Supporting documents:", "… be notedb) That …").
LAYOUT_LOSS = {"flat": lambda t: " ".join(t.split()), "glued": lambda t: re.sub(r"[ \t]*\n\s*", "", t)}


def _lose_layout(src: Path, out: Path, how: str) -> Path:
    out.mkdir(parents=True)
    for p in src.glob("*.txt"):
        (out / p.name).write_text(LAYOUT_LOSS[how](p.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copy(src / "manifest.csv", out / "manifest.csv")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--damaged", type=int, metavar="SEED", help="also score the corpus damaged with this seed")
    for how in LAYOUT_LOSS:
        ap.add_argument(f"--{how}", action="store_true", help=f"also score the corpus {how} (line breaks lost)")
    ap.add_argument("--worst", type=int, default=10, help="how many worst corpus documents to list")
    ap.add_argument("--errors", type=int, default=0, help="misses and spurious per section (score.py --show-errors)")
    ap.add_argument("--no-save", action="store_true", help="do not remember this run for the next comparison")
    args = ap.parse_args()
    score = _scorer()
    last = json.loads(LAST.read_text()) if LAST.exists() else {}
    now: dict[str, dict] = {}
    tmp = Path(tempfile.mkdtemp(prefix="dev_score-"))
    sets = [("seeds", SHARED / "seeds", SHARED / "gold"), ("corpus", SHARED / "corpus", SHARED / "gold" / "corpus")]
    if args.damaged is not None:
        damaged = tmp / "damaged"
        subprocess.run([sys.executable, str(SHARED / "tools" / "damage.py"), str(SHARED / "corpus"), str(damaged),
                        "--seed", str(args.damaged)], check=True, capture_output=True)
        sets.append((f"damaged-{args.damaged}", damaged, SHARED / "gold" / "corpus"))
    sets += [(how, _lose_layout(SHARED / "corpus", tmp / how, how), SHARED / "gold" / "corpus")
             for how in LAYOUT_LOSS if getattr(args, how)]
    header = f"  {'':<44}{'docs':>4}  " + "  ".join(f"{k:<{13 if last else 6}}" for k in ("ent", "rel", "act", "own", "dec"))
    print("== Sets ==\n" + header)
    per_doc_all: dict[str, dict] = {}
    for name, folder, gold in sets:
        export = tmp / f"{name}.json"
        took = _export(folder, export)
        per = _per_doc(score, gold, export)
        s = _summary(score, list(per.values()))
        now[name] = s
        print(_line(f"{name} ({took:.1f} s)", s, len(per), last.get(name)))
        if name == "corpus":
            per_doc_all = per
            if args.errors:
                subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(gold), "--export",
                                str(export), "--show-errors", str(args.errors)])
    manifest = {r["file"]: r for r in csv.DictReader((SHARED / "corpus" / "manifest.csv").open(encoding="utf-8"))}
    for col, title in (("format", "Per page kind"), ("council", "Per council")):
        groups: dict[str, list] = defaultdict(list)
        for doc, c in per_doc_all.items():
            groups[manifest.get(doc, {}).get(col, "?")].append(c)
        print(f"== {title} (corpus) ==\n" + header)
        for key in sorted(groups):
            s = _summary(score, groups[key])
            now[f"{col}:{key}"] = s
            print(_line(key[:44], s, len(groups[key]), last.get(f"{col}:{key}")))
    ranked = sorted(per_doc_all.items(), key=lambda kv: sum(_summary(score, [kv[1]]).values()))
    print(f"== Worst {args.worst} corpus documents ==\n" + header)
    for doc, c in ranked[:args.worst]:
        print(_line(doc[:44], _summary(score, [c]), 1))
    if not args.no_save:
        LAST.write_text(json.dumps(now, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
