"""One actor, one node: turn mentions into node ids within a document and its council.

People are keyed by surname within a council; posts by title and council; councils by name;
bodies by name within a council; organisations by name everywhere ("DfE" is the Department for
Education in every document). Generic references go to the body or council the minutes are
of ("the Committee", "the County Council"), or to the fullest post of the same kind named in
the document ("the Cabinet Member").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from councilgraph.extract import vocab
from councilgraph.extract.grammar import DELIVERABLE
from councilgraph.extract.ids import council_scope, role_key, slug
from councilgraph.extract.mentions import Mention
from councilgraph.extract.prefilter import literal_matches, opening
from councilgraph.graph.model import DocumentGraph, Label, Node, node_key

#: The labels as module names: a member looked up on its enum class is an attribute search, at each mention placed.
_PERSON, _ROLE, _COUNCIL, _BODY, _ORG = Label.PERSON, Label.ROLE, Label.COUNCIL, Label.BODY, Label.ORGANISATION


@dataclass
class Home:
    """What the minutes are of: the council and body, where they can be known."""

    scope: str
    council: str | None = None
    council_generic: bool = False
    body: str = "Committee"
    body_named: bool = False  # the page, options or manifest name the body (else it is known only as "the Committee")

    @property
    def council_name(self) -> str | None:
        """The council's name where the minutes name it ("the Council" alone names none)."""
        return None if self.council_generic else self.council


def infer_home(source: str, council: str | None, body: str | None, mentions: list[Mention], text: str) -> Home:
    """The home council and body of a document: given, else read from how the text names them."""
    scope = council_scope(council) if council else "doc-" + slug(source.rsplit(".", 1)[0])
    home = Home(scope=scope, council=council)
    if not council:
        generic = [m for m in mentions if m.label is _COUNCIL and m.generic]
        generic += [i for m in mentions for i in m.inner if i.label is _COUNCIL and i.generic]
        named = {m.name for m in mentions if m.label is _COUNCIL and not m.generic}
        if generic:
            # A named council is this one when its place recurs in the text ("Torbay Council" … "Torbay").
            local = [n for n in named if len(re.findall(re.escape(place(n)), text)) >= 2]
            if len(local) == 1:
                home.council = local[0]
            else:
                home.council, home.council_generic = max((g.name for g in generic), key=len), True
    # One pass for the bodies named (the helpers below read only these) and the first "the Committee"; each reading
    # below is made only where the one before it found none.
    named_bodies: list[Mention] = []
    first = -1
    for i, m in enumerate(mentions):
        if m.label is _BODY:
            if not m.generic:
                named_bodies.append(m)
            elif first < 0:
                first = i
    if body:
        home.body, home.body_named = _in_full(body, named_bodies), True
    elif own := _own_minutes(named_bodies, text):
        home.body = own
    elif receiver := _receiver(named_bodies, text):
        home.body = _in_full(receiver, named_bodies)
    elif first >= 0:
        home.body = mentions[first].name.title()
        # "the Committee" is the committee the text names before it, or in its opening lines, with the same head
        # word ("… the Children & Young People Scrutiny Committee …  the Committee agreed …").
        head = _head(home.body)
        near = mentions[:max(first + 3, 4)]
        home.body = next((m.name for m in near if m.label is _BODY and not m.generic and _head(m.name) == head),
                         home.body)
    return home


_MINUTES_OF = ("Minutes of the", "minutes of the")  # what every match of _OWN_MINUTES opens with
_OWN_MINUTES = re.compile(opening(_MINUTES_OF, r"\w", negative=True)  # (\b[Mm]inutes of the, but tried at the words
                          # only: see prefilter.opening, prefilter.literal_matches)
                          + r" (?:last |previous )?meetings? of the (?P<name>[A-Z][^.;:\n]{3,120}?) held\b")


def _own_minutes(mentions: list[Mention], text: str) -> str | None:
    """The named body whose earlier minutes the meeting confirms: "To confirm … the Minutes of the meetings of the
    Children and Young People’s Overview and Scrutiny Board held on 28 March 2022"."""
    named = sorted(((x.surface, x.name) for x in mentions if x.label is _BODY and not x.generic),
                   key=lambda sn: -len(sn[0]))
    for m in literal_matches(_OWN_MINUTES, _MINUTES_OF, text, _RECEIVER_SPAN) if named else ():
        found = next((name for surface, name in named if m["name"].startswith(surface)), None)
        if found:
            return found
    return None


def _in_full(name: str, mentions: list[Mention]) -> str:
    """A body's short name as the text writes it in full, where it does so once ("Call In Committee" … "the Scrutiny
    Call-In Committee", "The Sub Committee received …" … "the Safeguarding Sub Committee")."""
    longer = {m.name for m in mentions if m.label is _BODY and not m.generic and slug(m.name).endswith("-" + slug(name))}
    return longer.pop() if len(longer) == 1 else name


_RECEIVED = re.compile(opening(vocab.RECEIVING_VERBS, r"\w", negative=True)  # (\b(?:{alt(RECEIVING_VERBS)}), as above)
                       + rf"\b (?:a|an|the|two|three|four) (?:[a-z]+ ){{0,2}}?{DELIVERABLE}\b")
_RECEIVER_SPAN = 20_000  # characters: the first item says which body took the paper; no need to read a whole book


def _receiver(mentions: list[Mention], text: str) -> str | None:
    """The named body that took the item's paper: "The Cabinet received a report of the … Committee" is the
    Cabinet's minutes, though the Committee is named first."""
    named = {m.surface: m.name for m in mentions if m.label is _BODY and not m.generic}
    # (tried only where a verb stands: the pattern's own search tries every c, n, r and s of the text)
    for m in literal_matches(_RECEIVED, vocab.RECEIVING_VERBS, text, _RECEIVER_SPAN) if named else ():
        # (no body named: none took it)
        before = text[max(0, m.start() - 120):m.start()].rstrip()
        for surface, name in named.items():
            if before.endswith(surface) and _OPENS_SENTENCE.search(before[:len(before) - len(surface)]):
                return name
    return None


_OPENS_SENTENCE = re.compile(r"(?:^|[.:\n]\s*)(?:The |the )?$")  # the body is the subject that opens a sentence


def place(council: str) -> str:
    words = council.split()
    while words and words[-1] in (*vocab.COUNCIL_KINDS, "Council", "Borough", "Metropolitan"):
        words.pop()
    return " ".join(words) or council


def _one_word_more(short: str, long: str) -> bool:
    """Does the slug `long` name the same thing as `short` with one qualifying word added to what
    follows its "of" ("chairman-of-improvement-board" / "chairman-of-childrens-improvement-board")?
    A word added before it makes another post ("vice-chairman-of-…")."""
    return _one_more(short.split("-"), long.split("-"))


def _one_more(a: list[str], b: list[str]) -> bool:
    """`_one_word_more` of slugs already split into their words."""
    if len(b) != len(a) + 1 or a[-1] != b[-1]:  # (most pairs: the rest is not worked out)
        return False
    start = a.index("of") + 1 if "of" in a else 0
    return b[:start] == a[:start] and any(b[:i] + b[i + 1:] == a for i in range(start, len(b)))


@lru_cache(maxsize=4096)  # (asked of each body named so far, for each body a document names)
def _loose_name(name: str, council: str | None) -> str:
    """A body's name as written loosely: without the council's place, possessives and plural endings
    ("Thurrock Local Safeguarding Children's Board" ~ "Local Safeguarding Children Board")."""
    town = slug(place(council)) if council else ""
    words = [w for w in slug(name).split("-") if w and w != town and w != "the"]
    return "-".join(w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words)


def _head(name: str) -> str:
    return name.split()[-1].lower() if name else ""


@dataclass
class Resolver:
    graph: DocumentGraph
    home: Home
    role_titles: dict[str, str] = field(default_factory=dict)  # role key -> canonical title
    first_names: dict[str, str] = field(default_factory=dict)
    named_bodies: dict[str, tuple[str, str]] = field(default_factory=dict)  # slug -> (name, id), in order seen
    last_named: dict[str, str] = field(default_factory=dict)  # head word ("committee") -> the body named last with it
    trusts: list[str] = field(default_factory=list)
    council_referred: bool = False  # does the text speak of the minuted council at all?
    tied_roles: set[str] = field(default_factory=set)  # posts the document already places (ROLE_IN)
    body_titles: dict[str, str] = field(default_factory=dict)  # short name of a body -> the one it stands for
    full_names: dict[str, set[str]] = field(default_factory=dict)  # surname -> the full names the document gives

    def person_key(self, m: Mention) -> str:
        """A person's key: the full name where one is known; a bare surname ("Cllr Smith") joins the one person of
        that surname named in full in the document, and stays a surname when there are two (two Smiths stay two)."""
        full = self.first_names.get(m.name, m.name)
        if " " in full:
            return full
        named = self.full_names.get(full, set())
        return next(iter(named)) if len(named) == 1 else full

    # ---- the document's own council and body ---------------------------------------------------
    # These are asked for once a sentence or more (every "the Committee", every owner of an action), so their ids are
    # kept, keyed on the fields of `home` they are made from (a changed home gives new ones).
    _council: tuple[str, bool, str, str] | None = field(default=None, repr=False, compare=False)
    _body: tuple[str, str, str] | None = field(default=None, repr=False, compare=False)  # (scope, body, id)
    _body_written: tuple[str, str, str | None] | None = field(default=None, repr=False, compare=False)

    def council_id(self) -> str | None:
        home = self.home
        if not home.council:
            return None
        c = self._council
        if c is None or c[0] != home.council or c[1] != home.council_generic or c[2] != home.scope:
            nid = node_key(_COUNCIL, home.scope if home.council_generic else council_scope(home.council))
            c = self._council = (home.council, home.council_generic, home.scope, nid)
        nid = c[3]
        if nid not in self.graph.nodes:  # (adding it again would merge nothing: a council's node has no properties)
            self.graph.add_node(Node(nid, _COUNCIL, home.council))
        return nid

    def _loose(self, name: str) -> str:
        return _loose_name(name, self.home.council)

    def body_key(self) -> str:
        """The minuting body's node id, without creating the node."""
        b = self._body
        if b is None or b[0] != self.home.scope or b[1] != self.home.body:
            b = self._body = (self.home.scope, self.home.body, node_key(_BODY, self.home.scope, slug(self.home.body)))
        return b[2]

    def body_known(self) -> bool:
        """Is the minuting body named by the page or the options, or referred to by the text?"""
        return self.home.body_named or self.body_key() in self.graph.nodes

    def body_id(self) -> str:
        nid = self.body_key()
        council = self.home.council_name
        # Once merged into the graph, the same node merged again changes nothing (a body keeps its name, and only
        # properties still None are filled), so it is merged only when it or what it is made from is new.
        written = (nid, self.home.body, council)
        if self._body_written != written or nid not in self.graph.nodes:
            self.graph.add_node(Node(nid, _BODY, self.home.body, {"kind": _head(self.home.body), "council": council}))
            self._body_written = written
        return nid

    # ---- posts -----------------------------------------------------------------------------------
    def canonical_bodies(self, names: list[str]) -> None:
        """Map a body's two-word short form to the one body named in full that it ends ("Select Committee" → "Safe and
        Strong Communities Select Committee"), where the document names exactly one; the minuted body counts."""
        full = set(names) | {self.home.body}
        for short in full:
            longer = {n for n in full if n != short and n.endswith(" " + short) and len(short.split()) == 2}
            if len(longer) == 1:
                self.body_titles[short] = longer.pop()

    def canonical_roles(self, titles: list[str]) -> None:
        """Map short forms of posts to the fullest form named in the document.

        "Cabinet Member" and "Cabinet Member for Children and Young" both become "Cabinet Member
        for Children and Young People" when that is the one such post named."""
        full: dict[str, str] = {}
        for title in titles:
            full.setdefault(role_key(title), title)
        words = {k: k.split("-") for k in full}  # (each pair of posts is compared: split once, not at each)
        for key, title in full.items():
            longer = []
            if "-of-" in key:
                # A title cut short ("Cabinet Member for Children and Young") is the post it begins.
                longer = [t for k, t in full.items() if k != key and k.startswith(key + "-")]
                # A one-word qualifier dropped ("Chairman of the Improvement Board") is the same post.
                a = words[key]
                longer += [t for k, t in full.items() if _one_more(a, words[k])]
            # A bare title ("the Cabinet Member", "the Commissioner") is the one such post named in full.
            if title in vocab.ROLE_HEADS and title not in vocab.CHAIR_HEADS:
                longer += [t for t in full.values() if t.endswith(" " + title) or t.startswith(title + " ")]
            longer = sorted(set(longer), key=len)
            # Several candidates resolve only when they are one post written out more or less fully.
            one_post = all(role_key(x).startswith(role_key(longer[0])) for x in longer) if longer else False
            self.role_titles[key] = longer[-1] if one_post else title

    def role(self, m: Mention) -> str:
        title = self.role_titles.get(role_key(m.name), m.name)
        if title in vocab.CHAIR_HEADS and not m.inner:
            nid = node_key(_ROLE, self.home.scope, f"{role_key(title)}-of-{slug(self.home.body)}")
            org = self.home.body
        else:
            nid = node_key(_ROLE, self.home.scope, role_key(title))
            org = self.home.council
        self.graph.add_node(Node(nid, _ROLE, title, {"organisation": org, "council": self.home.council_name,
                                                     "kind": m.kind}))
        return nid

    # ---- everything ------------------------------------------------------------------------------
    def resolve(self, m: Mention) -> str | None:
        """The node id of a mention (created or merged into the graph), or None to drop it."""
        label = m.label
        if label is _PERSON:
            nid = node_key(_PERSON, self.home.scope, slug(self.person_key(m)))
            full = self.first_names.get(m.name, m.name) if " " not in m.name else m.name
            aliases = [m.surface] if m.surface != full else []
            self.graph.add_node(Node(nid, _PERSON, full, {"honorific": m.honorific, "aliases": aliases,
                                                          "council": self.home.council_name}))
            m.node = nid
        elif label is _ROLE:
            m.node = self.role(m)
        elif label is _COUNCIL:
            if m.generic or (self.home.council and m.name == self.home.council):
                m.node = self.council_id()
            else:
                m.node = node_key(_COUNCIL, council_scope(m.name))
                self.graph.add_node(Node(m.node, _COUNCIL, m.name))
        elif label is _BODY:
            m.node = self.body(m)
        elif label is _ORG:
            if m.generic:
                m.node = next((t for t in reversed(self.trusts) if self.graph.nodes[t].name.endswith(m.name)), None)
                return m.node
            m.node = node_key(_ORG, slug(m.name))
            aliases = [a for a in (m.acronym, m.surface) if a and a != m.name]
            self.graph.add_node(Node(m.node, _ORG, m.name, {"kind": m.kind, "aliases": aliases}))
            if m.name.endswith(("Trust", "Partnership")):
                self.trusts.append(m.node)
        for inner in m.inner:
            self.resolve(inner)
        return m.node

    def body(self, m: Mention) -> str:
        if m.generic:
            home_head = _head(self.home.body)
            head = _head(m.name)
            if m.name.lower() == home_head or head == home_head:
                return self.body_id()
            if head in self.last_named:  # "the Committee": the committee named last
                return self.last_named[head]
            nid = node_key(_BODY, self.home.scope, slug(m.name))
            self.graph.add_node(Node(nid, _BODY, m.name.title(), {"kind": _head(m.name)}))
            return nid
        name = self.body_titles.get(m.name, m.name)  # "the Scrutiny Committee": the one named in full
        loose = self._loose(name)
        if name == self.home.body or loose == self._loose(self.home.body):
            return self.body_id()
        m.name = name
        key = slug(m.name)
        if key in self.named_bodies:
            return self.named_bodies[key][1]
        same = next((nid for other, (n, nid) in self.named_bodies.items() if _one_word_more(key, other)
                     or _one_word_more(other, key) or self._loose(n) == loose), None)
        if same:
            if len(m.name) > len(self.graph.nodes[same].name):
                self.graph.nodes[same].name = m.name
            return same
        nid = node_key(_BODY, self.home.scope, key)
        aliases = [m.acronym] if m.acronym else []
        self.graph.add_node(Node(nid, _BODY, m.name, {"kind": m.kind, "aliases": aliases,
                                                      "council": self.home.council_name}))
        self.named_bodies[key] = (m.name, nid)
        self.last_named[_head(m.name)] = nid
        return nid
