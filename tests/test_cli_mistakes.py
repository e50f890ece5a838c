"""What a newcomer types wrong, and what the machine does wrong, answered in one line each: the global options
after the command, blank names, a store path that is a link, a Bolt address that is not one, the export format by
its other names or by the file's suffix, Cypher parameters that are numbers, a port in use, an interrupted ingest."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from councilgraph import cli as cli_module
from councilgraph.cli import global_options_first
from tests.conftest import cli, seed
from tests.test_clumsy import one_line_error


def test_the_store_given_after_the_command_is_the_store(tmp_path):
    assert global_options_first(["ingest", "--store", "x.db", "seeds"]) == ["--store", "x.db", "ingest", "seeds"]
    assert global_options_first(["who-owns", "data", "--neo4j=bolt://h:1"]) == ["--neo4j=bolt://h:1", "who-owns", "data"]
    assert global_options_first(["--store", "a.db", "stats"]) == ["--store", "a.db", "stats"]
    store = tmp_path / "cg.db"
    r = subprocess.run([sys.executable, "-m", "councilgraph.cli", "ingest", "--store", str(store), str(seed("004"))],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert store.is_file()


@pytest.mark.parametrize("option", ["--council", "--body"])
def test_a_blank_council_or_body_is_refused(option, runner, tmp_path):
    one_line_error(cli(runner, tmp_path / "cg.db", "ingest", option, "  ", str(seed("004"))), option, "blank")
    assert not (tmp_path / "cg.db").exists()


def test_who_owns_needs_words_and_a_positive_limit(runner, seeded_store):
    one_line_error(cli(runner, seeded_store, "who-owns", "  "), "needs some words")
    assert cli(runner, seeded_store, "who-owns", "data", "--limit", "0").exit_code == 2  # a usage error


def test_no_matching_action_exits_1_in_every_output_form(runner, seeded_store):
    """A script tells "no answer" by the exit code, whatever form it asked for; the forms still print their empty answer."""
    words = "zebra crossing in the moon"
    table = cli(runner, seeded_store, "who-owns", words)
    assert table.exit_code == 1 and "No action matches" in table.stderr
    as_json = cli(runner, seeded_store, "who-owns", words, "--json")
    assert as_json.exit_code == 1 and json.loads(as_json.stdout) == []
    as_csv = cli(runner, seeded_store, "who-owns", words, "--csv")
    assert as_csv.exit_code == 1 and as_csv.stdout.count("\n") == 1  # the header alone
    found = cli(runner, seeded_store, "who-owns", "course on understanding children's data", "--json")
    assert found.exit_code == 0 and json.loads(found.stdout)


def test_a_store_path_that_is_a_link_writes_the_store_it_points_at(runner, tmp_path):
    real, link = tmp_path / "real.db", tmp_path / "link.db"
    assert cli(runner, real, "ingest", str(seed("004"))).exit_code == 0
    link.symlink_to(real)
    assert cli(runner, link, "ingest", str(seed("003"))).exit_code == 0
    assert link.is_symlink()  # not replaced by a second store
    r = cli(runner, real, "sources", "--json")
    assert len(json.loads(r.stdout)) == 2


def test_a_neo4j_address_that_is_not_bolt_is_a_usage_error(runner, tmp_path):
    r = runner.invoke(cli_module.app, ["--neo4j", "http://127.0.0.1:1", "stats"])
    assert r.exit_code == 2 and "not a Bolt address" in r.output


@pytest.mark.parametrize("args, suffix, first", [
    (["-o", "{d}/g.ttl"], ".ttl", "@prefix"),           # the format from the suffix
    (["-f", "rdf", "-o", "{d}/g.out"], ".out", "@prefix"),  # RDF by its usual name
    (["-f", "JSON", "-o", "{d}/g.out"], ".out", "{"),
])
def test_the_export_format_by_its_other_names_or_the_files_suffix(args, suffix, first, runner, seeded_store, tmp_path):
    r = cli(runner, seeded_store, "export", *[a.format(d=tmp_path) for a in args])
    assert r.exit_code == 0, r.output
    assert (tmp_path / f"g{suffix}").read_text(encoding="utf-8").startswith(first)


@pytest.mark.parametrize("fmt", ["csv", "neo4j-admin"])
def test_a_folder_export_to_standard_output_is_refused(fmt, runner, seeded_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    one_line_error(cli(runner, seeded_store, "export", "-f", fmt, "-o", "-"), "folder")
    assert not (tmp_path / "-").exists()


def test_cypher_parameters_are_the_values_they_spell(runner, seeded_store):
    r = cli(runner, seeded_store, "cypher", "MATCH (a:Action) RETURN a.name AS n LIMIT $k", "-p", "k=2", "--json")
    assert r.exit_code == 0, r.output
    assert len(json.loads(r.stdout)) == 2
    r = cli(runner, seeded_store, "cypher", "RETURN $x AS x, $y AS y, $z AS z", "-p", 'x="2"', "-p", "y=Russell",
            "-p", "z=[1, 2]", "--json")
    assert json.loads(r.stdout) == [{"x": "2", "y": "Russell", "z": [1, 2]}]


def test_a_file_the_machine_will_not_write_is_named_in_one_line(runner, seeded_store, tmp_path):
    one_line_error(cli(runner, seeded_store, "show", "Clark", "-o", str(tmp_path)), str(tmp_path), "is a directory")


def test_an_interrupted_ingest_says_what_was_kept(runner, tmp_path, monkeypatch):
    import councilgraph.ingest

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(councilgraph.ingest, "ingest", interrupted)
    r = cli(runner, tmp_path / "cg.db", "ingest", str(seed("004")))
    assert r.exit_code == 130 and "Interrupted" in r.stderr and "whole or not at all" in r.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="needs to run a command as another user (setpriv)")
@pytest.mark.parametrize("folder_mode", [0o555, 0o700])  # a folder the user may read but not write; one it may not enter
def test_a_store_in_a_folder_the_user_cannot_write_is_named_in_one_line(folder_mode, runner):
    top = Path(tempfile.mkdtemp(dir="/tmp"))  # (pytest's own folders are root's alone)
    try:
        top.chmod(0o755)
        store = top / "ro" / "cg.db"
        store.parent.mkdir()
        assert cli(runner, store, "ingest", str(seed("004"))).exit_code == 0
        store.parent.chmod(folder_mode)
        r = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m",
                            "councilgraph.cli", "--store", str(store), "ingest", str(seed("003"))],
                           capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(top)})
        assert r.returncode == 1 and r.stderr.startswith("Error: ") and "permission denied" in r.stderr, r.stderr
        assert "internal error" not in r.stderr and "Traceback" not in r.stderr
    finally:
        store.parent.chmod(0o755)
        shutil.rmtree(top)


def test_main_reads_the_arguments_with_the_global_options_first(monkeypatch, tmp_path):
    seen = {}
    monkeypatch.setattr(sys, "argv", ["councilgraph", "stats", "--store", str(tmp_path / "x.db")])
    monkeypatch.setattr(cli_module, "app", lambda args, prog_name: seen.update(args=args))
    cli_module.main()
    assert seen["args"] == ["--store", str(tmp_path / "x.db"), "stats"]
    assert Path(seen["args"][1]).parent == tmp_path


def test_schema_on_a_mistyped_store_path_makes_no_store(runner, tmp_path, seeded_store):
    one_line_error(cli(runner, tmp_path / "typo.db", "schema"), "typo.db", "no councilgraph store here")
    assert not (tmp_path / "typo.db").exists()
    r = cli(runner, seeded_store, "schema", "--json")
    assert r.exit_code == 0 and "Person" in r.stdout


@pytest.mark.parametrize("fmt", ["json", "graphml", "turtle", "nt", "jsonld"])
def test_every_export_file_ends_in_a_line_end(fmt, runner, seeded_store, tmp_path):
    assert cli(runner, seeded_store, "export", "-f", fmt, "-o", str(tmp_path / "g")).exit_code == 0
    assert (tmp_path / "g").read_bytes().endswith(b"\n")


def test_a_copy_of_a_stored_folder_is_the_same_documents_not_new_ones(runner, tmp_path):
    # the seeds ingested, then the same files from a copied folder (a researcher who moved their minutes): unchanged,
    # each with a note, and the graph as it was
    store, copy = tmp_path / "cg.db", tmp_path / "moved"
    shutil.copytree(seed("000").parent, copy)
    first = json.loads(cli(runner, store, "ingest", str(seed("000").parent), "--json").stdout)
    again = json.loads(cli(runner, store, "ingest", str(copy), "--json").stdout)
    assert again["loaded"] == [] and len(again["unchanged"]) == len(first["loaded"]) == 5
    assert again["nodes"] == first["nodes"] and again["relationships"] == first["relationships"]
    assert sum("the same document" in w for w in again["warnings"]) == 5
    # two copies given in one ingest: one loaded; and again, both unchanged
    two = [str(seed("000")), str(copy / seed("000").name)]
    fresh = json.loads(cli(runner, tmp_path / "two.db", "ingest", *two, "--json").stdout)
    assert len(fresh["loaded"]) == 1 and len(fresh["unchanged"]) == 1
    again = json.loads(cli(runner, tmp_path / "two.db", "ingest", *two, "--json").stdout)
    assert again["loaded"] == [] and len(again["unchanged"]) == 2


def test_copies_stored_as_documents_of_their_own_are_unchanged_when_ingested_again(runner, tmp_path):
    # a store whose documents include byte-identical copies loaded before copies were known (or by `load`): each
    # is its own stored document, and an ingest of them all again changes nothing
    from councilgraph.extract.pipeline import extract
    from councilgraph.graph.ladybug_store import LadybugStore
    from councilgraph.ingest import content_hash, document_key
    from councilgraph.loaders import load
    from councilgraph.loaders.records import Meta

    paths = [tmp_path / f"copy{i}.txt" for i in range(3)]
    for p in paths:
        shutil.copy(seed("003"), p)
    store = LadybugStore(tmp_path / "cg.db")
    store.load([extract(load(p)).keyed(document_key(p)) for p in paths],
               hashes={document_key(p): content_hash(p, Meta()) for p in paths})
    store.close()
    r = json.loads(cli(runner, tmp_path / "cg.db", "ingest", *map(str, paths), "--json").stdout)
    assert r["loaded"] == [] and len(r["unchanged"]) == 3
