"""Actions laid out as a table ("Action | Lead | By when") or under a label ("Action – Officer: …"): the segmenter
tells each row as minutes tell an action ("Lead to action by when"), and the someone-to-do rule reads it.

No page of the corpus has a table of actions with a heading row, so the Ofsted Board's table of action points
(corpus 014: "|Minutes … |Nick Brook to circulate a note … |Nick Brook |") is laid out as such tables are: a
heading row, the action without its owner's name, the owner in a column of their own."""

from __future__ import annotations

import re

import pytest

from councilgraph.extract.pipeline import extract
from councilgraph.graph.model import Label, RelType
from councilgraph.loaders import load
from tests.conftest import corpus


def owned(path) -> set[tuple[str, str, str | None]]:
    g = extract(load(path))
    return {(g.nodes[r.start].name, g.nodes[r.end].name[:40], g.nodes[r.end].props.get("due"))
            for r in g.rels.values() if r.type is RelType.OWNS and g.nodes[r.end].label is Label.ACTION}


def _as_headed_table(text: str, when: str | None) -> str:
    """014's action rows with a heading row, each action without "Name to", and perhaps a "By when" column."""
    def row(m: re.Match[str]) -> str:
        action = m["action"][0].upper() + m["action"][1:]
        return f"|{m['item']}|{action}|{m['who']}|" + (f"{when} |" if when else "")
    body = re.sub(r"^\|(?P<item>[^|\n]*)\|(?P<who>[A-Z][a-z]+ [A-Z][a-z]+) to (?P<action>[^|\n]*)\|(?P=who) \|$",
                  row, text, flags=re.M)
    if when:  # a row's text wrapped onto the next row has the new column too, empty
        body = re.sub(r"^(\| \|[^|\n]*\| \|)$", r"\1 |", body, flags=re.M)
    head = "|Item |Action |Lead |" + ("By when |" if when else "")
    return body.replace("Summary of action points", "Summary of action points\n\n" + head, 1)


@pytest.mark.parametrize("when", [None, "March 2014"])
def test_a_table_of_actions_with_a_lead_column_gives_each_row_its_owner(when, tmp_path):
    f = tmp_path / corpus("014").name
    f.write_text(_as_headed_table(corpus("014").read_text(encoding="utf-8"), when), encoding="utf-8")
    assert "|Nick Brook to" not in f.read_text(encoding="utf-8")
    found = owned(f)
    assert ("Nick Brook", "circulate a note to Board members on cha", when) in found
    assert any(who == "Mike Cladingbowl" and what.startswith("review letters") for who, what, _ in found)


def test_an_action_label_naming_its_officer_gives_the_officer_the_action(tmp_path):
    # Somerset's page, with the glossary its Governance Manager mentions given to him as an action under its label
    text = corpus("022").read_text(encoding="utf-8")
    f = tmp_path / "labelled.txt"
    f.write_text(text.replace("Supporting documents:",
                              "Action – Governance Manager: circulate the glossary of terms to Members\n\n"
                              "Supporting documents:"), encoding="utf-8")
    assert ("Governance Manager", "circulate the glossary of terms to Membe", None) in owned(f)
