"""RDF on published vocabularies: the seeds' export is SHACL-valid, reads back to the same graph, and says what
ORG, FOAF, PROV-O, schema.org and Dublin Core consumers look for. GraphML opens in networkx with the store's counts."""

from __future__ import annotations

import json

import networkx as nx
import pytest
import rdflib
from rdflib import RDF, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV

from councilgraph.graph import rdf
from councilgraph.graph.export import to_json
from councilgraph.graph.model import source_name
from councilgraph.graph.store import open_store
from tests.conftest import cli

SDO = rdf.SDO


@pytest.fixture(scope="module")
def dumped(seeded_store):
    store = open_store(seeded_store, read_only=True)
    try:
        return store.dump(), store.counts()
    finally:
        store.close()


@pytest.fixture(scope="module")
def turtle(seeded_store, tmp_path_factory):
    from typer.testing import CliRunner

    path = tmp_path_factory.mktemp("rdf") / "seeds.ttl"
    r = cli(CliRunner(), seeded_store, "export", "--format", "turtle", "--output", str(path))
    assert r.exit_code == 0, r.output
    return rdflib.Graph().parse(path, format="turtle")


def test_seed_export_is_shacl_valid(turtle):
    conforms, report = rdf.validate(turtle)
    assert conforms, report


def test_shapes_reject_a_broken_export(turtle):
    """The shapes bite: a document without its identifier, an action with an unknown status, a fact without a source."""
    g = rdflib.Graph()
    for t in turtle:
        g.add(t)
    doc = next(g.subjects(RDF.type, FOAF.Document))
    g.remove((doc, DCTERMS.identifier, None))
    action = next(g.subjects(RDF.type, SDO.Action))
    g.set((action, rdf.CG.status, Literal("done-ish")))
    fact = next(g.subjects(RDF.type, RDF.Statement))
    g.remove((fact, rdf.CG.source, None))
    conforms, report = rdf.validate(g)
    assert not conforms
    assert "identifier" in report and "status" in report and "source" in report


def test_turtle_and_json_ld_read_back_to_the_same_graph(seeded_store, dumped, turtle, runner, tmp_path):
    data, _ = dumped
    expected = rdf.to_rdf(data)
    assert isomorphic(turtle, expected)
    assert to_json(rdf.from_rdf(turtle)) == to_json(data)  # the property graph itself, node for node
    path = tmp_path / "seeds.jsonld"
    assert cli(runner, seeded_store, "export", "-f", "jsonld", "-o", str(path)).exit_code == 0
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["@context"]["org"] == str(ORG)
    assert isomorphic(rdflib.Graph().parse(path, format="json-ld"), expected)


def test_published_vocabularies_are_used(turtle, dumped):
    data, counts = dumped
    g = turtle
    people = set(g.subjects(RDF.type, FOAF.Person))
    assert len(people) == counts["Person"] and all(g.value(p, FOAF.name) for p in people)
    assert len(set(g.subjects(RDF.type, ORG.Post))) == counts["Role"]
    assert len(set(g.subject_objects(ORG.holds))) == counts["HOLDS"] > 0
    assert len(set(g.subject_objects(ORG.postIn))) == counts["ROLE_IN"] > 0
    assert len(set(g.subject_objects(ORG.subOrganizationOf))) == counts["PART_OF"]
    for action in g.subjects(RDF.type, SDO.Action):
        assert g.value(action, SDO.description) and g.value(action, SDO.object)
    owned = {a for a, _ in g.subject_objects(SDO.agent)}
    assert len(owned) == len({e for t, _, e, _ in data.rels if t == "OWNS"})
    # Every fact is a prov:Entity derived from its document and a quoted sentence taken from it.
    facts = set(g.subjects(RDF.type, RDF.Statement))
    assert len(facts) == sum(counts[t] for t in counts if t.isupper())
    for f in list(facts)[:200]:
        sources = set(g.objects(f, PROV.wasDerivedFrom))
        assert any((s, RDF.type, FOAF.Document) in g for s in sources)
        quote = next(s for s in sources if (s, PROV.value, None) in g)
        assert str(g.value(quote, PROV.value)) == str(g.value(f, rdf.CG.evidence))
    docs = {str(g.value(d, DCTERMS.identifier)) for d in g.subjects(RDF.type, FOAF.Document)}
    assert docs == {source_name(s) for _, p in data.nodes for s in p["sources"]}
    for item in g.subjects(RDF.type, rdf.CG.AgendaItem):
        assert g.value(item, DCTERMS.title) and (g.value(item, DCTERMS.isPartOf), RDF.type, FOAF.Document) in g


def test_graphml_opens_in_networkx_with_the_store_counts(seeded_store, dumped, runner, tmp_path):
    _, counts = dumped
    path = tmp_path / "seeds.graphml"
    assert cli(runner, seeded_store, "export", "-f", "graphml", "-o", str(path)).exit_code == 0
    g = nx.read_graphml(path)
    assert g.number_of_nodes() == sum(v for k, v in counts.items() if not k.isupper())
    assert g.number_of_edges() == sum(v for k, v in counts.items() if k.isupper())
    labels = {}
    for _, a in g.nodes(data=True):
        labels[a["label"]] = labels.get(a["label"], 0) + 1
    assert labels == {k: v for k, v in counts.items() if not k.isupper() and v}
