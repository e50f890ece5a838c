"""Kill soak (issue 7, item 2): `kill -9` real ingests at random points — mid-extraction, mid-batch,
during the checkpoint, around the rename — and after every kill the store must open read-only and
every document in it must be whole: exactly the facts of one version of its file, never a part.

About 40 kills; COUNCILGRAPH_SOAK_KILLS changes the number."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from councilgraph.extract.pipeline import extract
from councilgraph.graph.check import check_embedded
from councilgraph.graph.ladybug_store import LadybugStore, work_path
from councilgraph.ingest import document_key
from councilgraph.loaders import load
from tests.conftest import CORPUS, ROOT, SEEDS

KILLS = int(os.environ.get("COUNCILGRAPH_SOAK_KILLS", "40"))


def _edited(text: str) -> str:
    """Another version of a page: the title revised and the last paragraph gone."""
    lines = text.rstrip().splitlines()
    last = max(i for i, ln in enumerate(lines) if ln.strip())
    first = next(i for i, ln in enumerate(lines) if ln.strip())
    lines[first] += " (revised)"
    return "\n".join(lines[:last]) + "\n"


def _versions(folder: Path) -> dict[str, dict[str, tuple[str, frozenset[str]]]]:
    """For each document key: its two texts, and the fact ids each version gives."""
    out: dict[str, dict[str, tuple[str, frozenset[str]]]] = {}
    for f in sorted(folder.glob("*.txt")):
        original = f.read_text(encoding="utf-8")
        out[document_key(f)] = {}
        for name, text in (("a", original), ("b", _edited(original))):
            f.write_text(text, encoding="utf-8")
            g = extract(load(f)).keyed(document_key(f))
            out[document_key(f)][name] = (text, frozenset(r.id for r in g.rels.values()))
        f.write_text(original, encoding="utf-8")
    return out


def _whole(store_path: Path, versions) -> int:
    """The store opens read-only and every document in it is one whole version; returns how many."""
    store = LadybugStore(store_path, read_only=True)
    try:
        data = store.dump()
        keys = store.sources()
    finally:
        store.close()
    facts: dict[str, set[str]] = defaultdict(set)
    for _, _, _, p in data.rels:
        facts[p["doc"]].add(p["id"])
    assert set(facts) <= set(keys)
    for key in keys:
        assert key in versions, key
        assert frozenset(facts[key]) in {v[1] for v in versions[key].values()}, f"{key} is not whole"
    return len(keys)


def test_kill_nine_never_leaves_an_unopenable_store_or_a_partial_document(tmp_path):
    folder = tmp_path / "minutes"
    folder.mkdir()
    picked = sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.glob("*.txt"))[:10]
    for f in picked:
        shutil.copy(f, folder / f.name)
    versions = _versions(folder)
    assert sum(v["a"][1] != v["b"][1] for v in versions.values()) >= len(versions) // 2
    store = tmp_path / "cg.db"
    cmd = [sys.executable, "-m", "councilgraph.cli", "--store", str(store), "ingest", str(folder)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rnd = random.Random(7)
    work = work_path(store)
    checkpoint_files = [work.with_name(work.name + x) for x in (".wal.checkpoint", ".shadow")]
    # How long one ingest takes, to spread the random kills over it.
    t0 = time.monotonic()
    assert subprocess.run(cmd, env=env, capture_output=True).returncode == 0
    span = time.monotonic() - t0
    assert _whole(store, versions) == len(versions)

    kills = during_checkpoint = completed = 0
    deadline = time.monotonic() + 170
    while kills < KILLS and time.monotonic() < deadline:
        for key, v in versions.items():  # each file at a random version
            Path(key).write_text(v[rnd.choice("ab")][0], encoding="utf-8")
        p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        how = kills % 3
        if how == 0:  # anywhere
            time.sleep(rnd.uniform(0, span * 1.1))
        else:  # during the checkpoint of the copy (1), or around publishing it (2)
            while p.poll() is None and not any(f.exists() for f in checkpoint_files):
                time.sleep(0.001)
            time.sleep(rnd.uniform(0, 0.02) if how == 1 else rnd.uniform(0.01, 0.15))
        in_checkpoint = any(f.exists() for f in checkpoint_files)
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            kills += 1
            during_checkpoint += in_checkpoint
        else:
            completed += 1
        p.wait()
        _whole(store, versions)
        if kills % 10 == 0:  # what a user runs after a crash
            report = check_embedded(store)
            assert not report.problems
            assert not work.exists()
            _whole(store, versions)
    assert kills >= min(KILLS, 30), (kills, completed)
    assert during_checkpoint >= kills // 5, (during_checkpoint, kills)
    # After the crashes, one ingest that finishes brings every document to its file's version.
    assert subprocess.run(cmd, env=env, capture_output=True).returncode == 0
    report = check_embedded(store)
    assert report.ok, report
    store_docs = _whole(store, versions)
    assert store_docs == len(versions)


def test_check_after_a_kill_during_the_checkpoint_lists_what_to_ingest_again(runner, tmp_path):
    from tests.conftest import cli

    store = tmp_path / "cg.db"
    assert cli(runner, store, "ingest", str(SEEDS)).exit_code == 0
    folder = tmp_path / "more"
    folder.mkdir()
    for f in sorted(CORPUS.glob("*.txt"))[:8]:
        shutil.copy(f, folder / f.name)
    cmd = [sys.executable, "-m", "councilgraph.cli", "--store", str(store), "ingest", str(folder)]
    p = subprocess.Popen(cmd, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    marker = work_path(store).with_name(work_path(store).name + ".wal.checkpoint")
    while p.poll() is None and not marker.exists():
        time.sleep(0.001)
    p.send_signal(signal.SIGKILL)
    p.wait()
    assert marker.exists(), "the ingest finished before it could be killed in its checkpoint"
    r = cli(runner, store, "sources")  # the store opens, read-only, as the last finished ingest left it
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 5
    r = cli(runner, store, "check")
    assert r.exit_code == 1 and "interrupted" in r.stderr
    assert r.stdout.splitlines() == sorted(document_key(f) for f in folder.glob("*.txt"))
    assert not work_path(store).exists()
    assert cli(runner, store, "ingest", str(folder)).exit_code == 0
    r = cli(runner, store, "check")
    assert r.exit_code == 0 and r.stdout == "" and "13 document(s), all whole" in r.stderr


def test_a_store_left_mid_checkpoint_by_an_older_councilgraph_is_recovered_by_check(runner, tmp_path):
    """The old in-place writes: LadybugDB killed mid-checkpoint leaves a store read-only opens refuse."""
    import ladybug

    from tests.conftest import cli

    store = tmp_path / "cg.db"
    code = ("import sys, ladybug; from councilgraph.graph.ladybug_store import _ddl; "
            "db = ladybug.Database(sys.argv[1]); c = ladybug.Connection(db); [c.execute(x) for x in _ddl()]; "
            "c.execute(\"UNWIND range(1, 200000) AS i CREATE (:Person {id: 'p' + string(i), name: 'x', "
            "sources: ['a.txt']})\"); c.execute('CHECKPOINT')")
    p = subprocess.Popen([sys.executable, "-c", code, str(store)], env={**os.environ, "PYTHONPATH": str(ROOT)})
    marker = store.with_name(store.name + ".wal.checkpoint")
    while p.poll() is None and not marker.exists():
        time.sleep(0.001)
    p.send_signal(signal.SIGKILL)
    p.wait()
    if not marker.exists():
        pytest.skip("too quick to catch mid-checkpoint on this machine")
    r = cli(runner, store, "stats")
    assert r.exit_code == 1 and "councilgraph check" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = cli(runner, store, "check")
    assert "older councilgraph" in r.stderr
    db = ladybug.Database(str(store), read_only=True)  # opens again
    db.close()


def test_one_writer_at_a_time(runner, tmp_path):
    from tests.conftest import cli

    store = tmp_path / "cg.db"
    first = LadybugStore(store)
    try:
        r = cli(runner, store, "ingest", str(SEEDS))
        assert r.exit_code == 1 and "another councilgraph is writing to this store" in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    finally:
        first.close()
    assert cli(runner, store, "ingest", str(SEEDS)).exit_code == 0
