"""Fetch a ModernGov site's minutes: committees, their meetings, and each meeting's minutes, from the
web service (mgWebService.asmx) where the site answers it and from its HTML pages otherwise.

Every answer is kept in the cache (fetch/cache.py), so an interrupted run resumes without asking
again, and a later run asks only for the listings, new meetings and minutes not yet published.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

from lxml import etree

from councilgraph.errors import CouncilGraphError
from councilgraph.fetch.cache import Cache, Meeting
from councilgraph.fetch.client import FetchError, PoliteClient, Politeness
from councilgraph.loaders import html as pages
from councilgraph.loaders.moderngov import meeting_element, minutes_published, unescape_title
from councilgraph.loaders.segment import parse_date

__all__ = ["FetchError", "FetchOptions", "FetchReport", "Politeness", "PoliteClient", "base_of", "fetch"]

_PAGES = re.compile(r"/(?:mgWebService\.asmx.*|[A-Za-z]+\.aspx.*)$", re.I)
#: How a meeting's page shows that its minutes are out: a "Minutes:" line under an item, the page
#: titled "Agenda and minutes", or the words of a resolution; an agenda alone has none of these.
_MINUTES_LINE = re.compile(r"^\s*(?:(?:Minutes|Decision)\s*:|(?:Agenda and )?(?:draft )?minutes\s*$)"
                           r"|\b(?:RESOLVED|Resolved|AGREED|(?:be|was|were) noted|agreed that)\b", re.M | re.I)


@dataclass
class FetchOptions:
    committees: list[str] = field(default_factory=list)  # names (any part, any case) or ids; none: all
    since: date | None = None
    until: date | None = None
    council: str | None = None  # written to the manifest, for ingest
    refresh: float = 20 * 3600.0  # seconds a listing or a not-yet-published meeting is taken as current


@dataclass
class FetchReport:
    source: str = ""  # "web service" or "HTML pages"
    committees: int = 0
    meetings: int = 0  # in the committees and dates asked for
    fetched: list[str] = field(default_factory=list)  # meetings whose minutes were fetched this run
    unpublished: list[str] = field(default_factory=list)  # meetings with no minutes yet
    errors: list[str] = field(default_factory=list)
    minutes: Path | None = None  # the folder to ingest
    requests: int = 0


def base_of(url: str) -> str:
    """The site's base address from any of its addresses ("…/mgWebService.asmx", "…/ieListDocuments.aspx?…")."""
    url = url.strip()
    if not re.match(r"^https?://", url):
        raise CouncilGraphError(f"{url}: not an http(s) address of a ModernGov site")
    return _PAGES.sub("", url.split("#")[0]).rstrip("/")


def _ws_date(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def _date(text: str) -> str | None:
    iso = parse_date(text)
    if iso:
        return iso
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b", text)
    if m:
        try:
            return datetime.strptime(f"{m[1]} {m[2]} {m[3]}", "%d %b %Y").date().isoformat()
        except ValueError:
            return None
    return None


def _xml(content: bytes) -> etree._Element | None:
    try:
        root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError:
        return None
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]
    return root


def _text(el: etree._Element, name: str) -> str:
    found = el.find(name)
    return (found.text or "").strip() if found is not None else ""


def _query(href: str) -> dict[str, str]:
    return {k.lower(): v[0] for k, v in parse_qs(urlsplit(href).query).items()}


class _Site:
    """One ModernGov site as seen through the cache."""

    def __init__(self, base: str, cache: Cache, client: PoliteClient, opts: FetchOptions, clock: Callable[[], float]):
        self.base, self.cache, self.client, self.opts, self.clock = base, cache, client, opts, clock

    def get(self, url: str, max_age: float | None) -> bytes:
        """An answer from the cache when fresh enough, else from the site (and then kept)."""
        now = self.clock()
        kept = self.cache.get(url, max_age, now)
        if kept is not None:
            return kept
        ans = self.client.get(url)
        self.cache.put(url, ans.content, now)
        return ans.content

    # ---- web service -------------------------------------------------------------------------
    def ws(self, call: str) -> str:
        return f"{self.base}/mgWebService.asmx/{call}"

    def ws_committees(self) -> list[tuple[str, str]] | None:
        """(id, title) of each committee, or None when the site does not answer its web service."""
        try:
            root = _xml(self.get(self.ws("GetCommittees"), self.opts.refresh))
        except FetchError:
            return None
        if root is None:
            return None
        out = [(_text(c, "committeeid"), unescape_title(_text(c, "committeetitle"))) for c in root.iter("committee")]
        return [c for c in out if c[0]] if out else None

    def ws_meetings(self, cid: str, title: str) -> list[Meeting]:
        since = self.opts.since or (date.today() - timedelta(days=365))
        until = self.opts.until or date.today()
        url = self.ws(f"GetMeetings?lCommitteeId={cid}&sFromDate={_ws_date(since)}&sToDate={_ws_date(until)}")
        root = _xml(self.get(url, self.opts.refresh))
        if root is None:
            raise FetchError(url, "the answer is not XML")
        out = []
        for m in root.iter("meeting"):
            mid = _text(m, "meetingid")
            if mid:
                out.append(Meeting(mid, title, cid, _date(_text(m, "meetingdate"))))
        return out

    # ---- HTML pages --------------------------------------------------------------------------
    def links(self, url: str, page: str) -> list[tuple[str, str]]:
        """(href, text) of the links to a kind of page ("mgCommitteeDetails.aspx") in a listing."""
        root = pages.parse(self.get(url, self.opts.refresh))
        out = []
        for a in root.iter("a"):
            href = a.get("href") or ""
            if page.lower() in href.lower():
                out.append((urljoin(url, href), " ".join(a.text_content().split())))
        return out

    def html_committees(self) -> list[tuple[str, str]]:
        """Committees from the committee list, else the committee structure page (sites have one or both)."""
        try:
            found = self.links(f"{self.base}/mgListCommittees.aspx", "mgCommitteeDetails.aspx")
        except FetchError as e:
            if e.status != 404:
                raise
            found = []
        if not found:
            found = self.links(f"{self.base}/mgCommitteeStructure.aspx", "mgCommitteeDetails.aspx")
        out: dict[str, str] = {}
        for href, text in found:
            cid = _query(href).get("id")
            if cid:
                out.setdefault(cid, text)
        return list(out.items())

    def html_meetings(self, cid: str, title: str) -> list[Meeting]:
        out: dict[str, Meeting] = {}
        for href, text in self.links(f"{self.base}/ieListMeetings.aspx?CommitteeId={cid}", "ieListDocuments.aspx"):
            q = _query(href)
            mid = q.get("mid") or q.get("meetingid")
            if mid:
                out.setdefault(mid, Meeting(mid, title, cid, _date(text)))
        return list(out.values())

    def page_url(self, m: Meeting) -> str:
        return f"{self.base}/ieListDocuments.aspx?CId={m.committee_id}&MId={m.id}"


def _wanted(title: str, cid: str, asked: list[str]) -> bool:
    return not asked or any(a == cid or a.lower() in title.lower() for a in asked)


def fetch(base_url: str, cache_dir: Path, opts: FetchOptions, client: PoliteClient,
          progress: Callable[[int, int, str], None] | None = None,
          clock: Callable[[], float] = time.time) -> FetchReport:
    """Bring a site's minutes into the cache folder; the report says what was fetched and what failed."""
    base = base_of(base_url)
    cache = Cache(cache_dir)
    site = _Site(base, cache, client, opts, clock)
    report = FetchReport(minutes=cache.minutes)
    if not client.allowed(base + "/"):
        raise CouncilGraphError(f"{base}: robots.txt does not allow councilgraph to read this site")
    committees = site.ws_committees()
    use_ws = committees is not None
    report.source = "web service" if use_ws else "HTML pages"
    if committees is None:
        try:
            committees = site.html_committees()
        except FetchError as e:
            raise CouncilGraphError(f"{base}: neither the web service nor the committee list answers ({e.problem})") from e
    committees = [(cid, t) for cid, t in committees if _wanted(t, cid, opts.committees)]
    if not committees:
        raise CouncilGraphError(f"{base}: no committee matches " + (", ".join(opts.committees) or "(any)"))
    report.committees = len(committees)
    meetings: list[Meeting] = []
    for cid, title in committees:
        try:
            found = site.ws_meetings(cid, title) if use_ws else site.html_meetings(cid, title)
        except FetchError as e:
            report.errors.append(f"{title}: cannot list its meetings ({e})")
            continue
        for m in found:
            iso = m.date
            if iso and ((opts.since and iso < opts.since.isoformat()) or (opts.until and iso > opts.until.isoformat())):
                continue
            meetings.append(m)
    report.meetings = len(meetings)
    for i, m in enumerate(meetings):
        if progress:
            progress(i, len(meetings), f"{m.committee} {m.date or m.id}")
        known = cache.meetings.get(m.id)
        if known and known.published and known.file and (cache.minutes / known.file).is_file():
            continue  # minutes once published are kept
        if known and not known.published and clock() - known.checked < opts.refresh:
            report.unpublished.append(m.id)
            continue  # asked recently: ask again on a later run
        _one(site, m, use_ws, report)
    if progress:
        progress(len(meetings), len(meetings), "done")
    report.requests = client.requests
    return report


def _one(site: _Site, m: Meeting, use_ws: bool, report: FetchReport) -> None:
    """Fetch one meeting's minutes: the web service's GetMeeting, else the meeting's page."""
    content, ext, published = None, ".html", False
    m.url = site.page_url(m)
    problems = []
    if use_ws:
        url = site.ws(f"GetMeeting?lMeetingId={m.id}")
        try:
            raw = site.get(url, site.opts.refresh)
            root = _xml(raw)
            if root is not None and meeting_element(root) is not None:
                published, content, ext = minutes_published(root), raw, ".xml"
            else:
                problems.append(f"{url}: not a GetMeeting answer")
        except FetchError as e:
            problems.append(str(e))
    if content is None:
        try:
            content = site.get(m.url, site.opts.refresh)
            text = pages.html_to_text(content)
            published = bool(_MINUTES_LINE.search(text))
            ext = ".html"
        except FetchError as e:
            problems.append(str(e))
            report.errors.append(f"{m.committee} {m.date or ''} (meeting {m.id}): " + "; ".join(problems))
            return
    m.checked = site.clock()
    m.published = published
    if published:
        site.cache.keep_minutes(m, content, ext, site.opts.council)
        report.fetched.append(m.id)
    else:
        report.unpublished.append(m.id)
    site.cache.save_meeting(m)


def parse_day(text: str | None, option: str) -> date | None:
    """A date option (YYYY-MM-DD, or dd/mm/yyyy as the sites write them)."""
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise CouncilGraphError(f"{option} {text}: not a date (YYYY-MM-DD)")


def default_cache(base: str) -> Path:
    """./councilgraph-cache/HOST: one folder per site, kept between runs."""
    host = re.sub(r"[^A-Za-z0-9.-]+", "-", urlsplit(base).netloc) or "site"
    return Path("councilgraph-cache") / host
