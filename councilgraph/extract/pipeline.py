"""From a loaded document to the facts of one DocumentGraph: mentions → resolution → facts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from councilgraph.extract import commitments as act
from councilgraph.extract import vocab
from councilgraph.extract.attendance import add_attendance
from councilgraph.extract.dates import due_date
from councilgraph.extract.ids import short_hash, slug
from councilgraph.extract.mentions import LowerCaseWords, Mention, WordsBetweenBoundaries, find_mentions
from councilgraph.extract.prefilter import literal_matches, opening
from councilgraph.extract.relations import moved_seconded, sentence_facts
from councilgraph.extract.resolve import Resolver, infer_home, place
from councilgraph.extract.sentence import Sentence
from councilgraph.extract.sentences import split_sentences
from councilgraph.graph.model import ACTORS, DocumentGraph, Label, Node, Rel, RelType, node_key
from councilgraph.loaders.records import Block, Document, Item


@dataclass(slots=True)
class _Unit:
    """A sentence in its place: item, block, and whether it is the item's description."""

    item: int
    block: Block | None
    text: str
    mentions: list[Mention] = field(default_factory=list)


_ACTORS = frozenset(ACTORS)  # (a set of the five labels, not a tuple built at each node)
# (The labels as module names: a member looked up on its enum class is an attribute search, and these are asked of
# every mention of a document.)
_PERSON, _ROLE, _COUNCIL, _BODY, _ORG = Label.PERSON, Label.ROLE, Label.COUNCIL, Label.BODY, Label.ORGANISATION
_ACTION, _ARISES_FROM, _OWNS, _REQUESTED = Label.ACTION, RelType.ARISES_FROM, RelType.OWNS, RelType.REQUESTED
_ROLE_IN = RelType.ROLE_IN
_NATIONAL = re.compile(r"\b(?:" + "|".join(map(re.escape, vocab.NATIONAL_POST_WORDS)) + r")\b")
_TITLE_MAX = 300  # characters: a longer "title" is text the segmenter could not split
_TOPIC_REACH = 3  # sentences: "this" in "details on this" means what was raised at most this far back
# (\b(?:Contact|…), searched by skipping to the letters: speed only, see prefilter.opening); at most 200 characters:
# on a page run into one line, not all the page after it
_CONTACT_WORDS = ("Contact", "Report author", "Lead officer")
_CONTACT = re.compile(opening(_CONTACT_WORDS, r"\w", negative=True) + r"\s*:\s*[^\n]{1,200}")


def _units(doc: Document) -> list[_Unit]:
    """The document's sentences in their places; a ModernGov page's "Contact:" line belongs to its first item."""
    contact = next(literal_matches(_CONTACT, _CONTACT_WORDS, doc.text), None) if doc.items else None
    out = [_Unit(0, None, contact[0].strip())] if contact else []
    for i, item in enumerate(doc.items):
        for s in split_sentences(item.description):
            out.append(_Unit(i, None, s))
        if len(item.title) > _TITLE_MAX:  # a page scraped with its line breaks lost: its "title" is the minutes
            flat = Block(item.title)
            out += [_Unit(i, flat, s) for s in split_sentences(item.title)]
        for b in item.blocks:
            whole = b.kind == "point" or act.is_list_item("text", b.text)  # "i. Three Elected Members …" is one item
            for s in [b.text] if whole else split_sentences(b.text):
                out.append(_Unit(i, b, s))
        for line in (item.actions_text or "").splitlines():  # a web service's "Actions" field: one action a line
            if line.strip():
                out.append(_Unit(i, Block(line.strip(), kind="action"), line.strip()))
    return out


def _speaks_of(place_name: str, text: str) -> bool:
    """Does the text use the council's place as the authority ("in Torbay", "Devon's"), not only inside another
    name ("Torbay Local Area Partnership")?"""
    # (tried only where the place stands: a pattern that opens on \b is tried at every position of the text)
    pattern = re.compile(rf"\b{re.escape(place_name)}(?:[’']s)?\b(?! [A-Z&])")
    for m in literal_matches(pattern, (place_name,), text):
        before = text[max(0, m.start() - 40):m.start()].split()
        if not before or not before[-1][:1].isupper() or before[-1][-1:] in ".:;":
            return True
    return False


_CAPITALISED = re.compile(r"[A-Z][\w’'\-]*")


def _first_names(units: list[_Unit]) -> dict[str, str]:
    """Given names of the people named in full, where only one person has that name."""
    seen: dict[str, set[str]] = {}
    for u in units:
        for m in u.mentions:
            if m.label is _PERSON and m.first and " " in m.name:
                seen.setdefault(m.first, set()).add(m.name)
    return {f: next(iter(n)) for f, n in seen.items() if len(n) == 1}


def extract(doc: Document) -> DocumentGraph:
    """Every fact the document states, each with its evidence."""
    g = DocumentGraph(doc.source)
    units = _units(doc)
    acronyms: dict = {}
    common = LowerCaseWords(doc.text)
    for u in units:
        u.mentions = find_mentions(u.text, acronyms, common=common)
    # A person named in full once is a person wherever the name recurs; "Nigel" alone is Nigel Richardson.
    first = _first_names(units)
    known = frozenset(m.name for u in units for m in u.mentions if m.label is _PERSON and " " in m.name)
    if first or known:
        again = WordsBetweenBoundaries([*first, *known])  # (not a pattern compiled for each document)
        heads = {n.split()[0] for n in [*first, *known]}
        for u in units:  # read again only where a name occurs that this sentence's first reading missed
            if heads.isdisjoint(_CAPITALISED.findall(u.text)):  # (a quick test before the long pattern)
                continue
            found = {m.surface for m in u.mentions if m.label is _PERSON}
            if any(not any(x in f for f in found) for x in again.find(u.text)):
                u.mentions = find_mentions(u.text, acronyms, first, known, common)
    everything = [m for u in units for m in u.mentions]
    body = doc.meta.body or next((it.body for it in doc.items if it.body), None)
    home = infer_home(doc.source, doc.meta.council, body, everything, doc.text)
    res = Resolver(g, home, first_names=first)
    for name in known:
        res.full_names.setdefault(name.split()[-1], set()).add(name)
    # A post is the council's only where the text speaks of the council at all ("the Council", "Torbay").
    roles: list[str] = []
    bodies: list[str] = []
    council_named = False
    for m in everything:  # (one pass for the posts, the bodies named and whether the council is)
        label = m.label
        if label is _ROLE:
            roles.append(m.name)
        elif label is _BODY:
            if not m.generic:
                bodies.append(m.name)
        elif label is _COUNCIL and (m.generic or m.name == home.council):
            council_named = True
    res.council_referred = bool(home.council) and (council_named or _speaks_of(place(home.council), doc.text))
    res.canonical_roles(roles)
    res.canonical_bodies(bodies)
    stem = slug(doc.source.rsplit(".", 1)[0])
    deferred: list[Rel] = []
    by_item: dict[int, list[_Unit]] = {}
    for u in units:
        by_item.setdefault(u.item, []).append(u)
    for i, item in enumerate(doc.items):
        _ItemReader(g, res, doc, item, i, stem, by_item.get(i, []), deferred).read()
    add_attendance(g, doc, res)
    # "Committee" is not invented: the body holds its meetings and resolutions only when something names it.
    if deferred and res.body_known():
        res.body_id()
        for r in deferred:
            g.add_rel(r)
    return g


class _ItemReader:
    """Reads one item: its node, meeting, facts, decisions and actions."""

    def __init__(self, g: DocumentGraph, res: Resolver, doc: Document, item: Item, index: int, stem: str,
                 units: list[_Unit], deferred: list[Rel]):
        self.g, self.res, self.doc, self.item, self.units = g, res, doc, item, units
        self.deferred = deferred  # facts of the minuting body, kept only if the body is named or referred to
        self.key = f"{stem}/{item.number or index + 1}"
        if any(o is not item and o.number == item.number for o in doc.items):
            self.key = f"{stem}/{index + 1}"
        self.id = node_key(Label.AGENDA_ITEM, self.key)
        self.source = doc.source
        self.authors: list[str] = []
        self.introducers: list[str] = []  # who answers for the report when no author is named
        self.pending: list[tuple[act.ActionFact, str, str | None, str]] = []  # action, evidence, para, arises-from
        self.decisions: dict[int, list[str]] = {}  # resolution index -> decision ids
        self.motions: list[tuple[int, RelType, str, str, str | None]] = []  # (unit pos, type, person, evidence, para)

    def rel(self, typ: RelType, start: str | None, end: str | None, evidence: str, extractor: str,
            para: str | None = None, props: dict | None = None) -> None:
        if start and end:
            self.g.add_fact(typ, start, end, self.source, evidence, extractor, para, props)
            if typ is _ROLE_IN:
                self.res.tied_roles.add(start)

    def read(self) -> None:
        item, meta = self.item, self.doc.meta
        date = item.date or meta.date
        self.g.add_node(Node(self.id, Label.AGENDA_ITEM, item.title or f"Item {item.number or ''}".strip(),
                             {"number": item.number, "source": self.source, "date": date, "url": item.url or self.doc.url,
                              "council": self.res.home.council_name, "body": self.res.home.body}))
        if date:
            body_id = self.res.body_key()
            mid = node_key(Label.MEETING, self.res.home.scope, slug(self.res.home.body), date)
            self.g.add_node(Node(mid, Label.MEETING, f"{self.res.home.body} {date}", {"date": date, "body": self.res.home.body}))
            self.rel(RelType.HAS_ITEM, mid, self.id, item.title, "page-structure")
            self.deferred.append(Rel(RelType.HELD, body_id, mid, self.source, item.title, "page-structure"))
        last_person: str | None = None
        last_group: str | None = None
        topic: tuple[int, str] | None = None  # (where, what) a recent sentence raised: "an update on this"
        listing: tuple[str, list[act.ActionFact]] | None = None  # an action whose sentence ends in a list
        first_seen: dict[str, tuple[str, str | None]] = {}
        council = self.res.council_id() if self.res.home.council else None
        home_body = self.res.body_key()  # (the document's, the same for every sentence)
        facts_council = council if self.res.council_referred else None
        # (Looked up once, not at each of an item's sentences: this loop is run for every sentence of the minutes.)
        resolve, rel, item_id, source = self.res.resolve, self.rel, self.id, self.source
        find_actions, topic_of, context, pending = act.find_actions, act.topic_of, act.Context, self.pending
        person_label, group_labels = _PERSON, (_BODY, _ORG)
        authors, introducers, motions = self.authors, self.introducers, self.motions
        authored, introduced = RelType.AUTHORED, RelType.INTRODUCED
        for pos, u in enumerate(self.units):
            block, text, mentions = u.block, u.text, u.mentions
            para = block.para if block else None
            # Each mention placed, what it and its inner mentions name first seen here, and the first person and the
            # first body or organisation the sentence names: one pass, as no placing changes another's node.
            person = group = None
            for m in mentions:
                if node := resolve(m):
                    if node not in first_seen:
                        first_seen[node] = (text, para)
                    if m.label is person_label:
                        person = person or node
                    elif m.label in group_labels:
                        group = group or node
                for x in m.inner:
                    if x.node and x.node not in first_seen:
                        first_seen[x.node] = (text, para)
            s = Sentence(text, mentions, para)
            if mentions:  # (every fact and motion is of an actor the sentence names: most name no one)
                for typ, a, b, how, props in sentence_facts(s, facts_council, item_id, description=block is None):
                    if typ is authored and a not in authors:
                        authors.append(a)
                    if typ is introduced and a not in introducers:
                        introducers.append(a)
                    rel(typ, a, b, text, how, para, props)
                for typ, person_moving in moved_seconded(s):
                    motions.append((pos, typ, person_moving, text, para))
            if block is None:
                continue
            in_resolution = block.resolution is not None
            arises = item_id
            if in_resolution and block.kind == "point":
                arises = self.decision(block)
                self.deferred.append(Rel(RelType.RESOLVED, home_body, arises, source, text, "resolution", para))
            if raised := topic_of(s):
                topic = (pos, raised)
            recent = topic[1] if topic and pos - topic[0] <= _TOPIC_REACH else None
            found = find_actions(s, context(in_resolution, last_person, home_body, last_group, recent))
            if not found and block.kind == "action":  # the minutes' own list of actions: each line is one
                found = [act.ActionFact(text, due=act.due_of(text), extractor="actions-field")]
            if listing and act.is_list_item(block.kind, text):
                intro_text, intro = listing
                found += act.follow_list(intro, intro_text, text)
            else:
                listing = (text, [a for a in found if a.takes_list]) if found and any(a.takes_list for a in found) else None
            for a in found:
                if a.takes_list != "each":  # "the following be added:" stands for the items, not an action
                    pending.append((a, text, para, arises))
            # "She …" is the last sentence's subject: a person, or a post named without its holder ("The Programme
            # Manager explained … He would contact …")
            last_person = person or (mentions and act.subject_post(s)) or last_person  # (no one named: no post)
            last_group = group or last_group  # "They …": the body the last sentence spoke of
        self.roles_in(first_seen, council)
        for node, (text, para) in first_seen.items():
            if self.g.nodes[node].label in _ACTORS:
                self.rel(RelType.MENTIONS, self.id, node, text, "mention", para)
        self.link_motions()
        self.write_actions()

    def decision(self, block: Block) -> str:
        ids = self.decisions.setdefault(block.resolution or 0, [])
        # The segmenter numbers every point it safely can; a paragraph number alone could join two resolutions.
        key = block.point or f"r{block.resolution}-{len(ids) + 1}"
        did = node_key(Label.DECISION, self.key, slug(key) or str(len(ids)))
        number = block.point
        self.g.add_node(Node(did, Label.DECISION, block.text, {"number": number, "source": self.source,
                                                                "item": self.id, "council": self.res.home.council_name}))
        if did not in ids:
            ids.append(did)
        return did

    def roles_in(self, first_seen: dict[str, tuple[str, str | None]], council: str | None) -> None:
        """Each post belongs to its body (chairs and seats on it: "Co-opted Member", "Parent Governor
        Representative") or to the council whose minutes these are."""
        for node, (text, para) in first_seen.items():
            n = self.g.nodes[node]
            if n.label is not _ROLE or node in self.res.tied_roles:
                continue
            seat = n.props.get("kind") in vocab.SEAT_HEADS
            if n.name in vocab.CHAIR_HEADS or seat and self.res.body_known():
                self.rel(RelType.ROLE_IN, node, self.res.body_id(), text, "chair-of-body" if not seat else "seat-on-body",
                         para)
            elif council and self.res.council_referred and not _NATIONAL.search(n.name):
                self.rel(RelType.ROLE_IN, node, council, text, "post-of-council", para)

    def link_motions(self) -> None:
        """A motion moved and seconded applies to the decisions of the resolution that follows it."""
        order = [u.block.resolution for u in self.units if u.block is not None]
        for pos, typ, person, evidence, para in self.motions:
            later = [r for r in order[pos:] if r is not None]
            earlier = [r for r in order[:pos] if r is not None]
            target = later[0] if later else (earlier[-1] if earlier else None)
            for dec in self.decisions.get(target, []) if target is not None else []:
                self.rel(typ, person, dec, evidence, "moved-seconded", para)

    def write_actions(self) -> None:
        authors = self.authors or self.introducers
        written: list[act.ActionFact] = []
        bodies: list[str] | None = None  # the minuting body, or none where it is unnamed and unmentioned
        made, council = self.item.date or self.doc.meta.date, self.res.home.council_name  # (the item's, for each action)
        rel, add_node = self.rel, self.g.add_node
        for a, evidence, para, arises in self.pending:
            if act.restated(a, written):
                continue
            written.append(a)
            aid = node_key(_ACTION, self.key, short_hash(a.text))
            add_node(Node(aid, _ACTION, a.text, {"due": a.due, "due_date": due_date(a.due, made), "status": "open",
                                                 "source": self.source, "item": self.id, "council": council}))
            rel(_ARISES_FROM, aid, arises, evidence, a.extractor, para)
            for whos, typ in ((a.owners, _OWNS), (a.requesters, _REQUESTED)):
                for who in whos:
                    if bodies is None:  # looked up (and its node made) at the first owner of any kind; once is enough,
                        # as writing actions adds no body. An unnamed, unmentioned body is not invented.
                        bodies = [self.res.body_id()] if self.res.body_known() else []
                    for node in authors if who == act.AUTHOR else bodies if who == act.HOME else (who,):
                        rel(typ, node, aid, evidence, a.extractor, para)
