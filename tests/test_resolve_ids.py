"""The minuting body's and council's ids, which the resolver keeps between calls, follow what they are made from."""

from __future__ import annotations

from councilgraph.extract.resolve import Home, Resolver
from councilgraph.graph.model import DocumentGraph, Label, Node, node_key


def test_body_id_follows_the_home_body_and_merges_its_council_once_known():
    g = DocumentGraph("m.txt")
    res = Resolver(g, Home(scope="devon", body="Cabinet"))
    assert not res.body_known()
    first = res.body_id()
    assert first == res.body_id() == node_key(Label.BODY, "devon", "cabinet") and res.body_known()
    assert g.nodes[first].props == {"kind": "cabinet", "council": None}
    res.home.council = "Devon County Council"  # a council learnt later fills the property left empty
    assert res.body_id() == first and g.nodes[first].props["council"] == "Devon County Council"
    res.home.body = "Children's Scrutiny Committee"
    other = res.body_id()
    assert other == res.body_key() == node_key(Label.BODY, "devon", "childrens-scrutiny-committee")
    assert g.nodes[other].name == "Children's Scrutiny Committee" and len(g.nodes) == 2


def test_body_id_into_a_node_the_text_made_first():
    g = DocumentGraph("m.txt")
    res = Resolver(g, Home(scope="devon", council="Devon County Council", body="Cabinet"))
    g.add_node(Node(res.body_key(), Label.BODY, "cabinet", {"kind": None}))
    for _ in range(2):
        res.body_id()
    assert g.nodes[res.body_key()].props == {"kind": "cabinet", "council": "Devon County Council"}


def test_council_id_follows_the_home_council():
    g = DocumentGraph("m.txt")
    res = Resolver(g, Home(scope="torbay", council="Torbay Council"))
    assert res.council_id() == res.council_id() == node_key(Label.COUNCIL, "torbay")
    res.home.council, res.home.council_generic, res.home.scope = "the Council", True, "doc-minutes"
    assert res.council_id() == node_key(Label.COUNCIL, "doc-minutes")
    assert g.nodes[node_key(Label.COUNCIL, "doc-minutes")].name == "the Council" and len(g.nodes) == 2
    res.home.council = None
    assert res.council_id() is None
