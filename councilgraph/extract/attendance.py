"""Attendance lists (loaders/moderngov.py reads them from pages, text and GetMeeting XML) as facts: a Person per
attendee, HOLDS for a post the list states, and ATTENDED (person → meeting) with `as`."""

from __future__ import annotations

import re

from councilgraph.extract import vocab
from councilgraph.extract.ids import slug
from councilgraph.extract.mentions import Mention
from councilgraph.extract.resolve import Resolver
from councilgraph.graph.model import DocumentGraph, Label, Node, Rel, RelType, node_key
from councilgraph.loaders.records import Document

_INITIALS = re.compile(r"(?:[A-Z]\.?){1,3}")  # "S.", "J.E.", "JE", "R"


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
        # "S. Howell", "J.E. Charles": initials and a surname name the person as the text does ("Mr. S. Howell said …"
        # is Howell), so that the list and the minutes give one node; a given name keeps the full name
        words = a.name.split()
        name = words[-1] if len(words) > 1 and all(_INITIALS.fullmatch(w) for w in words[:-1]) else a.name
        pm = Mention(0, len(surface), Label.PERSON, name, surface, a.honorific, name.split()[0])
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
