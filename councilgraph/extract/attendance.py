"""Attendance lists (loaders/moderngov.py reads them from pages, text and GetMeeting XML) as facts: a Person per
attendee, HOLDS for a post the list states, and ATTENDED (person → meeting) with `as`."""

from __future__ import annotations

from councilgraph.extract import vocab
from councilgraph.extract.ids import slug
from councilgraph.extract.mentions import Mention
from councilgraph.extract.resolve import Resolver
from councilgraph.graph.model import DocumentGraph, Label, Node, Rel, RelType, node_key
from councilgraph.loaders.records import Document


def add_attendance(g: DocumentGraph, doc: Document, res: Resolver) -> int:
    """Add the document's attendance to its graph: a Person per attendee, HOLDS for a stated post,
    and ATTENDED (person → meeting, `as` = member/substitute/officer/guest/apologies).

    `g` is the DocumentGraph the pipeline fills and `res` its Resolver, so that people, posts and
    the meeting get the same ids as when the minutes' text names them. Returns the facts added;
    nothing without a meeting date."""
    date = doc.meta.date or next((it.date for it in doc.items if it.date), None)
    if not date or not doc.attendance:
        return 0
    home = res.home
    mid = node_key(Label.MEETING, home.scope, slug(home.body), date)
    g.add_node(Node(mid, Label.MEETING, f"{home.body} {date}", {"date": date, "body": home.body}))
    body = res.body_id()
    n = len(g.rels)
    g.add_rel(Rel(RelType.HELD, body, mid, doc.source, doc.attendance[0].evidence or "attendance", "attendance"))
    for a in doc.attendance:
        surface = f"{a.honorific} {a.name}" if a.honorific else a.name
        pm = Mention(0, len(surface), Label.PERSON, a.name, surface, a.honorific, a.name.split()[0])
        person = res.resolve(pm)
        if not person:
            continue
        evidence = a.evidence or surface
        g.add_rel(Rel(RelType.ATTENDED, person, mid, doc.source, evidence, "attendance", None, {"as": a.attended_as}))
        if a.post:  # a post stated in the list is held whether or not its holder came
            kind = "chair" if a.post in vocab.CHAIR_HEADS else None
            role = res.resolve(Mention(0, len(a.post), Label.ROLE, a.post, a.post, kind=kind))
            if role:
                g.add_rel(Rel(RelType.HOLDS, person, role, doc.source, evidence, "attendance"))
    return len(g.rels) - n
