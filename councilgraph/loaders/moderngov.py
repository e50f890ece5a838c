"""ModernGov: its HTML pages, its web service's GetMeeting XML, and the attendance lists of both.

The pages (mgAi.aspx agenda item, ieListDocuments.aspx whole meeting, ieIssueDetails.aspx issue,
ieDecisionDetails.aspx / mgDecisionDetails.aspx decision) are parsed by lxml and laid out one block
a line, which is how the same pages read as text, so one segmenter reads text, pages and the web
service alike and the same minutes give the same items in every form.
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

from lxml import etree

from councilgraph.errors import LoaderError
from councilgraph.extract import vocab
from councilgraph.loaders import html as pages
from councilgraph.loaders.records import Attendee, Document, Item, Meta
from councilgraph.loaders.segment import _END, blocks, normalise, parse_date, segment

# ---- attendance lists ---------------------------------------------------------------------------

_HON = "|".join(re.escape(h) for h in sorted((*vocab.HONORIFICS, "Councillors", "Cllrs", "County Councillors"),
                                               key=len, reverse=True))
_HON_RE = re.compile(rf"^(?P<hon>(?:{_HON})\.?)\s+(?P<rest>.*)$")
_NAME = re.compile(r"^(?:[A-Z][A-Za-z'’\-]*\.?)(?:\s+(?:[A-Z][A-Za-z'’\-]*\.?|de|van|von|la|le))*$")
#: Headings that open an attendance list, and what the people under them attended as.
_SECTIONS = [
    (re.compile(r"^(?:Officers?|Council Officers|Staff)(?: (?:in attendance|present|attending))?\b", re.I), "officer"),
    (re.compile(r"^(?:Also (?:present|in attendance|attending)|Other (?:Members|Councillors) present|Guests?"
                r"|Co-opted Members present|In attendance)\b", re.I), "guest"),
    (re.compile(r"^(?:Substitutes?|Substitute Members?)(?: present)?\b", re.I), "substitute"),
    (re.compile(r"^(?:Apologies(?: for absence)?(?: were received from| were given for)?|Absent)\b", re.I), "apologies"),
    (re.compile(r"^(?:(?:Members? |Councillors )?Present|Voting Members|Members|Attendees)\b", re.I), "member"),
]
# The first characters of _SECTIONS' headings, either case (they are matched ignoring case), and the headings at once
_SECTION_FIRSTS = frozenset("OCSAGIMPVocsagimpv")
_ANY_SECTION = re.compile("|".join(rx.pattern for rx, _ in _SECTIONS), re.I)
_SENTENCE_APOLOGIES = re.compile(r"\bApologies (?:for (?:absence|the meeting) )?(?:were|was) (?:received|given|submitted|"
                                 r"reported) (?:from|for|on behalf of)\s+(?P<names>[^.]+)", re.I)
_SUBSTITUTES = re.compile(r"(?P<names>[^.]+?)\s+attended as (?:a )?substitutes?\b", re.I)
_IN_PLACE = re.compile(r"\((?:in place of|substituting for|substitute for|as substitute)[^)]*\)|\(substitute\)", re.I)
_PAREN = re.compile(r"\s*\(([^)]*)\)")
#: Words that make a title-case line something other than a person's name ("Children's Services Update").
_NOT_NAME = ({w for h in (*vocab.BODY_HEADS, *vocab.ROLE_HEADS) for w in h.split()} | set(vocab.ORG_SUFFIXES)
             | {"Services", "Service", "Update", "Report", "Plan", "Council", "Minutes", "Agenda", "Item", "Items",
                "Declarations", "Declaration", "Interest", "Interests", "Apologies", "Present", "Officers", "Members",
                "Children's", "Children’s", "Children", "School", "Schools", "County", "City", "Borough", "Department",
                "Team", "Policy", "Strategy", "Programme", "Review", "Business", "Matters", "Arising", "Questions",
                "Public", "Date", "Next", "Any", "Other", "Welcome", "Introductions", "Absence", "Substitutes"})
_POST_WORDS = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in vocab.ROLE_HEADS) + r")\b")
_STOP_HEAD = re.compile(r"^(?:Minutes|Items|No\.? Item|Agenda|Declarations?|Public|Apologies and|\d+\.?$)", re.I)


def _split_names(text: str) -> list[str]:
    """The entries of a list ("A Smith (Chairman), B Jones and C Brown"); what is in brackets stays whole."""
    held: list[str] = []

    def hold(m: re.Match) -> str:
        held.append(m[0])
        return f"\x00{len(held) - 1}\x00"

    text = re.sub(r"\([^()]*\)", hold, text.strip().rstrip(".;:"))
    text = re.sub(r"\s*\b(?:and|&)\s+(?=[A-Z])", ", ", text)
    parts = [re.sub(r"\x00(\d+)\x00", lambda m: held[int(m[1])], p).strip() for p in re.split(r"[,;]", text)]
    return [p for p in parts if p]


def _person(entry: str, attended_as: str, plural_hon: str | None) -> Attendee | None:
    """One entry of a list ("Councillor A Smith (Chairman)", "Lorraine Langham - Chief Operating Officer")."""
    entry = re.sub(r"\s*[-–—,]?\s*\(?in the chair\)?\s*$", "", entry.strip(" -–—·•*\t"), flags=re.I)
    as_ = attended_as
    if _IN_PLACE.search(entry) or re.search(r"\bsubstitute\b", entry, re.I):
        as_ = "substitute" if attended_as == "member" else attended_as
        entry = _IN_PLACE.sub("", entry)
    post = None
    for m in _PAREN.finditer(entry):
        inner = m[1].strip()
        if _POST_WORDS.search(inner) and not post:
            post = re.sub(r"^(?:the|as)\s+", "", re.split(r"[,;]| from | for item", inner)[0].strip(), flags=re.I)
    entry = _PAREN.sub("", entry).strip()
    parts = re.split(r"\s+[-–—]\s+|,\s*", entry, maxsplit=1)
    if len(parts) == 2 and _POST_WORDS.search(parts[1]) and not post:
        entry, post = parts[0].strip(), parts[1].strip()
    elif len(parts) == 2 and parts[0].strip() in vocab.ROLE_HEADS and not post:  # "Chair - Councillor Jane Kidd"
        post, entry = parts[0].strip(), parts[1].strip()
    hon = None
    m = _HON_RE.match(entry)
    if m:
        hon, entry = m["hon"].rstrip("."), m["rest"].strip()
    elif plural_hon:
        hon = plural_hon
    m2 = _HON_RE.match(entry)  # "Councillor Mrs A Smith": the second title is hers too
    if m2 and hon:
        entry = m2["rest"].strip()
    if hon:
        hon = {"Councillors": "Councillor", "Cllrs": "Cllr", "County Councillors": "County Councillor"}.get(hon, hon)
    if not entry or not _NAME.match(entry) or len(entry.split()) > 5 or _NOT_NAME & set(entry.split()):
        return None
    if not hon and len(entry.split()) < 2:
        return None  # "Members", a lone word: not a person
    return Attendee(entry, as_, hon, post)


def _entries(text: str, attended_as: str, evidence: str) -> list[Attendee]:
    if ":" in text:  # "Whole of meeting: K. Coldwell", "Cabinet Member …: Councillor L Chapman"
        text = text.rsplit(":", 1)[1].strip()
    plural = None
    m = re.match(r"^((?:County )?Councillors|Cllrs)\s+", text)
    if m:
        plural = m[1]
    out: list[Attendee] = []
    parts = _split_names(text)
    if len(parts) >= 2 and _POST_WORDS.search(parts[1]) and not _HON_RE.match(parts[1]):
        name, _, post = text.partition(",")  # "Darryl Nunn, Director, Finance and Resources": one person
        p = _person(name, attended_as, plural)
        if p:
            p.post, p.evidence = p.post or _PAREN.sub("", post).strip(), evidence
            return [p]
    for part in parts:
        p = _person(part, attended_as, plural)
        if p:
            p.evidence = evidence
            out.append(p)
        elif out and not out[-1].post and _POST_WORDS.search(part):
            out[-1].post = part.strip()  # "Darryl Nunn, Director, Finance and Resources"
    return out


def _sentence(text: str) -> str:
    """The first sentence: a full stop after a word, not after an initial or a title ("Mr D. Barton",
    "Revd. Roger Bristow")."""
    for m in re.finditer(r"(\w+)\.\s+", text):
        if len(m[1]) > 1 and m[1] not in vocab.HONORIFICS and not m[1].isupper():
            return text[: m.start() + len(m[1])]
    return text


def attendance(lines: list[str]) -> list[Attendee]:
    """People named by a page's attendance lists: "Present:", "Also present:", "Officers in attendance:",
    "Apologies" (as a heading or "Apologies were received from …"), and substitutes."""
    out: list[Attendee] = []
    current: str | None = None  # the open section
    misses = 0
    # (a line holds the words, in lower case, only if the page does: most pages, one look at the page, not one a line;
    # no character but an ASCII one lowers to any of their letters, so the page's ASCII characters alone, quicker to
    # lower, hold each occurrence: a test holds every character to it)
    page = "\n".join(lines).encode("ascii", "ignore").lower()
    attended, apologies = b"attended as" in page, b"apolog" in page
    for ln in lines:
        if not ln:
            continue
        subs = _SUBSTITUTES.search(ln) if attended and "attended as" in ln.lower() else None  # (the pattern is costly)
        if subs:
            out += _entries(_sentence(subs["names"]), "substitute", ln)
        heading = False
        # (a line whose first character is an ASCII one no section heading opens with is none, and one that none of
        # the headings, matched at once, opens is none: not matched five times)
        first = ln[0]
        # (a character not ASCII may be a letter's other case, "ſ", "ı"; a bullet, "·", is none)
        opens = (first in _SECTION_FIRSTS or not first.isascii() and first != "·") and _ANY_SECTION.match(ln)
        for rx, kind in _SECTIONS if opens else ():
            m = rx.match(ln)
            if m and (ln[m.end():].lstrip()[:1] in (":", "", "-", "–") or kind == "apologies" and "received" in ln[:40]):
                rest = _sentence(ln[m.end():].lstrip(" :-–—"))
                current, misses, heading = kind, 0, True
                if rest:
                    out += _entries(rest, kind, ln)
                break
        if heading:
            continue
        sentence = _SENTENCE_APOLOGIES.search(ln) if apologies and "apolog" in ln.lower() else None  # (as above)
        if sentence:
            out += _entries(_sentence(sentence["names"]), "apologies", ln)
            current = None
        if sentence or subs or current is None:
            continue
        if _STOP_HEAD.match(ln):
            current = None
            continue
        found = _entries(ln, current, ln)
        if found:
            out += found
            misses = 0
        else:
            misses += 1  # a party or ward line between names is allowed; two in a row end the list
            if misses >= 2 or len(ln) > 120:
                current = None
    seen: dict[tuple[str, str], Attendee] = {}
    for a in out:
        seen.setdefault((a.name, a.attended_as), a)
    return list(seen.values())


# ---- HTML pages ---------------------------------------------------------------------------------


def page_url(root: etree._Element) -> str | None:
    """The address a saved page states for itself (canonical link or og:url)."""
    for xp in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = root.xpath(xp)
        if found and str(found[0]).startswith(("http://", "https://")):
            return str(found[0])
    return None


def load_page(path: Path, data: bytes | str) -> Document:
    """A ModernGov HTML page: its items as the text loader reads them, and its attendance."""
    root = pages.parse(data)
    url = page_url(root)
    from councilgraph.loaders.normalise import normalise as normalise_text

    text = normalise_text(pages.element_text(pages.content_root(root)))
    items, meta = segment(text)
    if not any(it.title or it.blocks for it in items):
        raise LoaderError(path, "no minutes text found")
    doc = Document(path.name, items, meta, text, attendance(normalise(text)), url)
    return doc


# ---- the web service ----------------------------------------------------------------------------


def unescape_title(text: str | None) -> str:
    """A title as written: ModernGov sometimes escapes a title twice ("Children&amp;#39;s")."""
    text = text or ""
    for _ in range(3):
        once = htmllib.unescape(text)
        if once == text:
            break
        text = once
    return re.sub(r"\s+", " ", text).strip()


def _field(el: etree._Element, name: str) -> str:
    found = el.find(name)
    return (found.text or "").strip() if found is not None else ""


def _xml(path: Path, data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise LoaderError(path, f"not well-formed XML ({e.msg})") from e
    if not isinstance(root.tag, str):
        raise LoaderError(path, "not a ModernGov web service answer")
    return root


def _local(root: etree._Element) -> etree._Element:
    """The tree without namespaces, so that fields are found by their plain names."""
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]
    return root


def _truthy(text: str) -> bool:
    return text.strip().lower() in ("true", "1", "yes", "y")


def _as(attendance_: str, role: str) -> str | None:
    """What an attendee of the web service attended as; None for those absent without apologies."""
    a, r = attendance_.lower(), role.lower()
    if "apolog" in a:
        return "apologies"
    if "absent" in a or a in ("expected", "not required"):
        return None
    if "substitut" in a or "substitut" in r:
        return "substitute"
    if "officer" in r or "staff" in r or "clerk" in r:
        return "officer"
    if "guest" in r or "also" in a or "in attendance" in a or "observer" in r or "attendee" in r:
        return "guest"
    return "member"


def meeting_element(root: etree._Element) -> etree._Element | None:
    """The element whose children are the meeting's fields: the answer's root itself (as the service
    sends it), or a <meeting> inside it."""
    if root.find("meetingid") is not None or root.find("agendaitems") is not None:
        return root
    return next((m for m in root.iter("meeting") if m.find("meetingid") is not None), None)


def _item_body(ai: etree._Element) -> str:
    """An item's minutes as HTML; its decision where the minutes are empty (decision-only meetings)."""
    body = _field(ai, "minutesnonemptyhtmlbody")
    if not body.strip() and (_truthy(_field(ai, "isdecisionpublished")) or ai.find("isdecisionpublished") is None):
        body = _field(ai, "decisionnonemptyhtmlbody")
    return body


def _public(ai: etree._Element) -> bool:
    """Exempt items (isrestricted) and those the site does not display have no public minutes."""
    shown = ai.find("isdisplayallowed")
    return not _truthy(_field(ai, "isrestricted")) and (shown is None or _truthy(shown.text or ""))


def minutes_published(root: etree._Element) -> bool:
    """Does a GetMeeting answer carry published minutes (or decisions)? The meeting's flags where it
    has them, and at least one public item with text."""
    m = meeting_element(root)
    if m is None:
        return False
    flags = [m.find(f) for f in ("minutepublished", "decisionpublished")]
    flags += [ai.find(f) for ai in m.iter("agendaitem") for f in ("isminutepublished", "isdecisionpublished")]
    flags = [f for f in flags if f is not None]
    if flags and not any(_truthy(f.text or "") for f in flags):
        return False
    return any(_public(ai) and _item_body(ai).strip() for ai in m.iter("agendaitem"))


def meeting_record(root: etree._Element) -> dict[str, str]:
    """The meeting fields of a GetMeeting answer (id, date as ISO, time, location, committee)."""
    m = meeting_element(root)
    m = m if m is not None else root
    return {"id": _field(m, "meetingid"), "date": parse_date(_field(m, "meetingdate")) or "",
            "time": _field(m, "meetingtime"), "location": _field(m, "meetinglocation"),
            "committee": unescape_title(_field(m, "committeetitle") or _field(m, "committeename"))}


def is_getmeeting(data: bytes) -> bool:
    """Does this answer look like GetMeeting XML (by content, whatever the file is called)?"""
    head = data[:4096].lstrip().lower()
    return head.startswith(b"<") and (b"<meetingid" in head or b"<agendaitem" in head) and b"<html" not in head


def load_getmeeting(path: Path, data: bytes) -> Document:
    """A saved answer of mgWebService.asmx/GetMeeting: items from each agenda item's minutes HTML,
    the "Actions" field (commenttext2) kept as written, and the attendees."""
    root = _local(_xml(path, data))
    m = meeting_element(root)
    if m is None:
        raise LoaderError(path, "no <meeting> in this web service answer")
    rec = meeting_record(root)
    date = rec["date"] or None
    body = rec["committee"] or None
    items: list[Item] = []
    texts: list[str] = []
    for ai in m.iter("agendaitem"):
        if not _public(ai):
            continue
        title = unescape_title(_field(ai, "agendaitemtitle"))
        number = _field(ai, "minutesitemnumber") or _field(ai, "agendaitemnumber") or None
        body_html = _item_body(ai)
        text = pages.fragment_text(htmllib.unescape(body_html) if "<" not in body_html and "&lt;" in body_html
                                   else body_html)
        lines = normalise(text)
        stop = next((i for i, ln in enumerate(lines) if _END.match(ln)), len(lines))
        actions = None
        if _field(ai, "commentlabel2").lower().startswith("action") or _field(ai, "commenttext2"):
            actions = pages.fragment_text(_field(ai, "commenttext2")).strip() or None
        item = Item(title=title, number=number.rstrip(".") if number else None, blocks=blocks(lines[:stop]),
                    date=date, body=body, actions_text=actions)
        if item.title or item.blocks:
            items.append(item)
            texts += [title, "", "Minutes:", "", text, ""]
    if not items:
        raise LoaderError(path, "the meeting has no agenda items with minutes")
    people: list[Attendee] = []
    for at in root.iter("attendee"):
        name = unescape_title(at.get("name") or _field(at, "name"))
        as_ = _as(at.get("attendance") or _field(at, "attendance"), at.get("roledescription") or _field(at, "roledescription"))
        if not name or as_ is None:
            continue
        role = unescape_title(at.get("roledescription") or _field(at, "roledescription"))
        hon = None
        hm = _HON_RE.match(name)
        if hm:
            hon, name = hm["hon"].rstrip("."), hm["rest"]
        post = role if role in vocab.CHAIR_HEADS or (_POST_WORDS.search(role) and "member" not in role.lower()) else None
        people.append(Attendee(name, as_, hon, post, f"{at.get('name') or name}: {role or as_}".strip()))
    return Document(path.name, items, Meta(None, body, date), "\n".join(texts), people)


# ---- attendance into the graph ------------------------------------------------------------------
