"""Fuzz (issue 7): random and mutated minutes through the loader and the extractor, for a bounded
time (COUNCILGRAPH_FUZZ_SECONDS, default 60). Every input either loads and extracts, or is refused
with a LoaderError naming the file; never a traceback, never a hang (SIGALRM after 20 s)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from councilgraph.errors import LoaderError
from councilgraph.extract.pipeline import extract
from councilgraph.loaders import load
from tests.conftest import CORPUS, SEEDS

BUDGET = float(os.environ.get("COUNCILGRAPH_FUZZ_SECONDS", "60"))
PER_INPUT = 20
_SOURCES = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.glob("*.txt"))[:20]]
_start: list[float] = []


def _lines(i: int) -> list[str]:
    return _SOURCES[i % len(_SOURCES)].splitlines()


@st.composite
def mutated_minutes(draw) -> bytes:
    """A real page, cut down to a few KB, then mutated: lines dropped, duplicated, swapped or
    spliced with random text, truncated, and encoded one of several ways."""
    lines = _lines(draw(st.integers(0, 10_000)))
    start = draw(st.integers(0, max(0, len(lines) - 1)))
    lines = lines[start:start + draw(st.integers(1, 60))]
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["drop", "dup", "swap", "insert", "case", "cut"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            lines.insert(i, draw(st.text(max_size=200)))
        elif op == "case":
            lines[i] = lines[i].upper() if draw(st.booleans()) else lines[i].lower()
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    text = "\n".join(lines)
    how = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1", "html"]))
    if how == "html":
        return ("<html><body>" + "".join(f"<p>{ln}</p>" for ln in lines) + "</body></html>").encode("utf-8")
    return text.encode(how, "replace")


def _alarm(signum, frame):
    raise TimeoutError(f"no answer in {PER_INPUT} s")


def _check(tmp: Path, data: bytes, suffix: str) -> None:
    if not _start:
        _start.append(time.monotonic())
    if time.monotonic() - _start[0] > BUDGET:
        return  # the time is up: the remaining examples pass without running
    f = tmp / f"fuzz{suffix}"
    f.write_bytes(data)
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(PER_INPUT)
    try:
        doc = load(f)
        extract(doc)
    except LoaderError as e:
        assert str(e).startswith(f"{f}: ") and "\n" not in str(e).strip(), str(e)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture(scope="module")
def tmp(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=mutated_minutes(), suffix=st.sampled_from([".txt", ".html", ".htm", ".text"]))
def test_mutated_minutes_load_or_are_refused_in_one_line(tmp, data, suffix):
    _check(tmp, data, ".html" if data.startswith(b"<html>") else suffix)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".txt", ".html", ".pdf"]))
def test_random_bytes_load_or_are_refused_in_one_line(tmp, data, suffix):
    _check(tmp, data, suffix)
