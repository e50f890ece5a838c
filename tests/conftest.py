"""Shared fixtures: the real minutes in ../shared, and stores built from them."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from councilgraph.cli import app
from councilgraph.extract.pipeline import extract
from councilgraph.extract.sentences import split_sentences
from councilgraph.loaders import load
from councilgraph.loaders.segment import normalise

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("COUNCILGRAPH_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
ARTIFACTS = ROOT / "artifacts"


def bare_runs(pattern: re.Pattern[str], text: str, skip_words: bool) -> list[tuple[int, int]]:
    """The runs a bare-name pattern finds as Finder.people reads them (searched again from each run's second word),
    less, with skip_words, those whose first word is a word of minutes."""
    from councilgraph.extract.mentions import _NOT_NAME_PLACED

    out, pos = [], 0
    while m := pattern.search(text, pos):
        words = m[1].split()
        pos = m.start() + len(words[0]) + 1
        if not (skip_words and words[0] in _NOT_NAME_PLACED):
            out.append(m.span())
    return out


def seed(prefix: str) -> Path:
    """The seed document whose name starts with `prefix` ("000", "003"…)."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def corpus(prefix: str) -> Path:
    return next(CORPUS.glob(f"{prefix}_*.txt"))


def sentence_with(path: Path, phrase: str) -> str:
    """The sentence of a real document that contains `phrase` (text is read, never pasted into tests)."""
    text = " ".join(ln for ln in normalise(path.read_text(encoding="utf-8")) if ln)
    text = re.sub(r"(?:^|\s)[·•*]\s", " ", text)
    for s in split_sentences(text):
        if phrase in s:
            return re.sub(r"^\d+(?:\.\d+)+\s+", "", s.strip())
    raise AssertionError(f"{phrase!r} is not in {path.name}")


@pytest.fixture(scope="session")
def seed_graphs():
    return {p.name[:3]: extract(load(p)) for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def cli(runner: CliRunner, store: Path, *args: str):
    return runner.invoke(app, ["--store", str(store), *args])


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory) -> Path:
    """An embedded store holding the five seed documents, ingested through the CLI."""
    store = tmp_path_factory.mktemp("seeded") / "cg.db"
    result = CliRunner().invoke(app, ["--store", str(store), "ingest", str(SEEDS)])
    assert result.exit_code == 0, result.output
    return store


@pytest.fixture(scope="session")
def real_store(tmp_path_factory) -> Path:
    """An embedded store holding the seeds and the corpus, ingested through the CLI (read it, do not write it)."""
    store = tmp_path_factory.mktemp("real") / "cg.db"
    result = CliRunner().invoke(app, ["--store", str(store), "ingest", str(SEEDS), str(CORPUS)])
    assert result.exit_code == 0, result.output
    return store


@pytest.fixture
def store_copy(seeded_store, tmp_path) -> Path:
    dst = tmp_path / "cg.db"
    if seeded_store.is_dir():
        shutil.copytree(seeded_store, dst)
    else:
        shutil.copy(seeded_store, dst)
        wal = Path(str(seeded_store) + ".wal")
        if wal.exists():
            shutil.copy(wal, Path(str(dst) + ".wal"))
    return dst


def _server(var: str, what: str) -> str:
    """The address of a server the test command started; in CI a missing one fails, never skips."""
    value = os.environ.get(var)
    if value:
        return value
    if os.environ.get("CI"):
        pytest.fail(f"{var} is not set: CI must run {what} (scripts/test.sh starts it)")
    pytest.skip(f"{var} not set (scripts/test.sh starts {what})")


@pytest.fixture(scope="session")
def neo4j_uri() -> str:
    return _server("COUNCILGRAPH_TEST_NEO4J", "Neo4j")


@pytest.fixture
def neo4j_store(neo4j_uri):
    from councilgraph.graph.neo4j_store import Neo4jStore

    store = Neo4jStore(neo4j_uri, "neo4j", os.environ.get("NEO4J_PASSWORD"))
    store.clear()
    yield store
    store.close()
