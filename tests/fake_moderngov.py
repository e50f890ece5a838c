"""A fake ModernGov site on 127.0.0.1, built at test time from the corpus texts in ../shared/corpus.

It serves the web service (mgWebService.asmx: GetCommittees, GetMeetings, GetMeeting) and the HTML
pages (mgListCommittees.aspx, ieListMeetings.aspx, ieListDocuments.aspx), a robots.txt, and the
faults real sites show: a slow answer, a 404, a 500, a body cut short, a doubly escaped title and a
meeting whose minutes are not yet published. It counts what it serves, so tests can tell whether a
page was fetched twice.
"""

from __future__ import annotations

import html
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

_NOISE = {"agenda item", "agenda and minutes", "meeting documents", "items", "no. item", "minutes:"}


def paragraphs(lines: list[str]) -> str:
    """Text lines as ModernGov would mark them up: paragraphs of <br>-joined lines, bullet lists,
    table rows for '|' lines."""
    out, para = [], []

    def flush() -> None:
        if para:
            out.append("<p>" + "<br/>".join(html.escape(x) for x in para) + "</p>")
            para.clear()

    for ln in lines:
        s = ln.strip().replace("\u00a0", " ").strip()
        if not s:
            flush()
        elif s[0] in "·•" and len(s) > 1:
            flush()
            out.append(f"<ul><li>{html.escape(s[1:].strip())}</li></ul>")
        elif s.startswith("|"):
            flush()
            cells = "".join(f"<td>{html.escape(c.strip())}</td>" for c in s.strip().strip("|").split("|"))
            out.append(f"<table><tr>{cells}</tr></table>")
        else:
            para.append(s)
    flush()
    return "\n".join(out)


def page(body_html: str, title: str = "ModernGov", canonical: str | None = None) -> str:
    """A whole page, with the navigation, scripts and footer a real one carries around #modgov."""
    link = f'<link rel="canonical" href="{html.escape(canonical)}"/>' if canonical else ""
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>{link}"
            "<script>var mgTrack = 'Minutes: not this';</script><style>p{margin:0}</style></head><body>"
            "<header><a href='/'>Home</a> Skip navigation</header><nav><ul><li>Committees</li><li>Meetings</li></ul></nav>"
            f"<div id='modgov'>{body_html}</div><footer>Copyright the Council. Page 1 of 1</footer></body></html>")


def split_title(text: str) -> tuple[str, str]:
    """A corpus page's first real line (its title) and the minutes after its first "Minutes:" line."""
    lines = text.splitlines()
    title = next((ln.strip() for ln in lines if ln.strip() and ln.strip().lower() not in _NOISE), "Item")
    title = re.sub(r"\s*(?:pdf icon\s*)?PDF\s+\d+\s*[KM]B\s*$", "", title)
    at = next((i for i, ln in enumerate(lines) if ln.strip().startswith("Minutes:")), None)
    body = "\n".join(lines[at + 1:]) if at is not None else "\n".join(lines[1:])
    return title, body


@dataclass
class FakeMeeting:
    id: int
    committee: int
    date: str  # dd/mm/yyyy
    text: str  # the corpus page's text
    published: bool = True
    title: str | None = None  # the item title as the web service writes it (escaped as it comes)


@dataclass
class FakeSite:
    committees: dict[int, str] = field(default_factory=dict)
    meetings: list[FakeMeeting] = field(default_factory=list)
    web_service: bool = True
    committee_list: bool = True  # mgListCommittees.aspx; else only mgCommitteeStructure.aspx
    robots: str = "User-agent: *\nDisallow: /private/\n"
    faults: dict[str, str] = field(default_factory=dict)  # path+query -> slow | 404 | 500 | truncate | 429
    served: Counter = field(default_factory=Counter)  # complete 200 answers, by path+query
    failed: Counter = field(default_factory=Counter)  # the faults served, by path+query
    agents: set = field(default_factory=set)
    slow_seconds: float = 1.5
    lock: threading.Lock = field(default_factory=threading.Lock)

    # ---- the web service ---------------------------------------------------------------------
    def ws_committees(self) -> str:
        rows = "".join(f"<committee><committeeid>{cid}</committeeid><committeetitle>{html.escape(t)}</committeetitle>"
                       "<committeedeleted>False</committeedeleted></committee>" for cid, t in self.committees.items())
        return f"<?xml version='1.0' encoding='utf-8'?><committees xmlns='http://moderngov.co.uk/namespaces'>{rows}</committees>"

    def ws_meetings(self, cid: int) -> str:
        rows = "".join(f"<meeting><meetingid>{m.id}</meetingid><meetingdate>{m.date}</meetingdate>"
                       f"<meetingtime>10:00</meetingtime></meeting>" for m in self.meetings if m.committee == cid)
        return f"<?xml version='1.0' encoding='utf-8'?><meetings>{rows}</meetings>"

    def ws_meeting(self, m: FakeMeeting) -> str:
        title, body = split_title(m.text)
        title = m.title or html.escape(title)
        minutes = html.escape(paragraphs(body.splitlines())) if m.published else ""
        committee = html.escape(self.committees[m.committee])
        # As the service sends it: the meeting's fields are the children of the answer's root.
        return ("<?xml version='1.0' encoding='utf-8'?><meeting>"
                f"<meetingid>{m.id}</meetingid><committeetitle>{committee}</committeetitle>"
                f"<meetingdate>{m.date}</meetingdate><meetingtime>10:00</meetingtime>"
                f"<meetinglocation>Council Chamber</meetinglocation><minutepublished>{m.published}</minutepublished>"
                "<agendaitems><agendaitem><agendaitemid>1</agendaitemid>"
                f"<agendaitemtitle>{title}</agendaitemtitle><agendaitemnumber>1</agendaitemnumber>"
                "<fulldisplaynumberformat>1.</fulldisplaynumberformat><minutesitemnumber>1</minutesitemnumber>"
                f"<minutesnonemptyhtmlbody>{minutes}</minutesnonemptyhtmlbody>"
                "<commentlabel2>Actions</commentlabel2><commenttext2></commenttext2>"
                "<isdecision>False</isdecision><isrestricted>False</isrestricted><isdisplayallowed>True</isdisplayallowed>"
                "<linkeddocuments/></agendaitem>"
                "<agendaitem><agendaitemid>2</agendaitemid><agendaitemtitle>Exclusion of the press and public</agendaitemtitle>"
                "<minutesnonemptyhtmlbody>&lt;p&gt;Exempt information: not for publication.&lt;/p&gt;</minutesnonemptyhtmlbody>"
                "<isrestricted>True</isrestricted><isdisplayallowed>False</isdisplayallowed></agendaitem>"
                "</agendaitems><attendees>"
                "<attendee memberid='7' name='Councillor A Example' roledescription='Chairman' attendance='Present'/>"
                "</attendees></meeting>")

    # ---- HTML --------------------------------------------------------------------------------
    def html_committees(self) -> str:
        links = "".join(f"<li><a href='mgCommitteeDetails.aspx?ID={cid}'>{html.escape(t)}</a></li>"
                        for cid, t in self.committees.items())
        return page(f"<h1>Committee structure</h1><ul>{links}</ul>")

    def html_meetings(self, cid: int) -> str:
        links = "".join(f"<li><a href='ieListDocuments.aspx?CId={cid}&amp;MId={m.id}'>{_long_date(m.date)} 10.00 am</a></li>"
                        for m in self.meetings if m.committee == cid)
        return page(f"<h1>Browse meetings - {html.escape(self.committees.get(cid, ''))}</h1><ul>{links}</ul>")

    def html_meeting(self, m: FakeMeeting) -> str:
        if m.published:
            return page(paragraphs(m.text.splitlines()), canonical=None)
        title, _ = split_title(m.text)
        return page(f"<h1>Agenda</h1><p>1.</p><p>{html.escape(title)}</p><p>Additional documents:</p>")

    # ---- serving -----------------------------------------------------------------------------
    def answer(self, path: str, query: dict[str, str]) -> tuple[int, str, str]:
        """(status, content type, body) of a request, faults aside."""
        ws = path.startswith("/mgWebService.asmx/")
        if path == "/robots.txt":
            return (200, "text/plain", self.robots) if self.robots is not None else (404, "text/plain", "")
        if ws and not self.web_service:
            return 404, "text/html", page("<h1>Not found</h1>")
        if path == "/mgWebService.asmx/GetCommittees":
            return 200, "text/xml", self.ws_committees()
        if path == "/mgWebService.asmx/GetMeetings":
            return 200, "text/xml", self.ws_meetings(int(query["lcommitteeid"]))
        if path == "/mgWebService.asmx/GetMeeting":
            m = self.meeting(query.get("lmeetingid"))
            return (200, "text/xml", self.ws_meeting(m)) if m else (404, "text/html", page("No such meeting"))
        if path == ("/mgListCommittees.aspx" if self.committee_list else "/mgCommitteeStructure.aspx"):
            return 200, "text/html", self.html_committees()
        if path == "/ieListMeetings.aspx":
            return 200, "text/html", self.html_meetings(int(query["committeeid"]))
        if path == "/ieListDocuments.aspx":
            m = self.meeting(query.get("mid"))
            return (200, "text/html", self.html_meeting(m)) if m else (404, "text/html", page("No such meeting"))
        return 404, "text/html", page("<h1>Page not found</h1>")

    def meeting(self, mid: str | None) -> FakeMeeting | None:
        return next((m for m in self.meetings if str(m.id) == mid), None)


def _long_date(ddmmyyyy: str) -> str:
    d, m, y = (int(x) for x in ddmmyyyy.split("/"))
    months = "January February March April May June July August September October November December".split()
    return f"{d} {months[m - 1]} {y}"


def _handler(site: FakeSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 (the http.server name)
            parts = urlsplit(self.path)
            key = parts.path + ("?" + parts.query if parts.query else "")
            query = {k.lower(): v[0] for k, v in parse_qs(parts.query).items()}
            with site.lock:
                site.agents.add(self.headers.get("User-Agent", ""))
                fault = site.faults.pop(key, None)  # each fault strikes once, as a passing failure does
                if fault == "404":
                    site.faults[key] = "404"  # a missing page stays missing
                if fault:
                    site.failed[key] += 1
            status, ctype, body = site.answer(parts.path, query)
            data = body.encode("utf-8")
            if fault == "slow":
                time.sleep(site.slow_seconds)
            elif fault in ("404", "500", "429"):
                status, data = int(fault), page(f"<h1>Error {fault}</h1>").encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype + "; charset=utf-8")
                if fault == "429":
                    self.send_header("Retry-After", "0")
                if fault == "truncate":
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data[: len(data) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                # counted before the client can have the answer: a test that reads `served` once its request
                # returned must see it (counted after the write, it raced the client)
                counted = not fault and status == 200
                if counted:
                    with site.lock:
                        site.served[key] += 1
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    if counted:
                        with site.lock:
                            site.served[key] -= 1
                            if not site.served[key]:
                                del site.served[key]
                    raise
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


class Server:
    """The site served from a thread on 127.0.0.1 (an ephemeral port), for a `with` block."""

    def __init__(self, site: FakeSite):
        self.site = site
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def corpus_site(corpus: Path) -> FakeSite:
    """Three committees and seven meetings from the corpus's agenda-item and whole-meeting pages."""
    import csv

    with (corpus / "manifest.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["format"] in ("mgAi", "ieListDocuments")]
    texts = [(corpus / r["file"]).read_text(encoding="utf-8") for r in rows[:8]]
    site = FakeSite(committees={11: "Children's Services Scrutiny Committee", 12: "Corporate Parenting Panel",
                                13: "Cabinet"})
    dates = ["14/01/2025", "11/03/2025", "13/05/2025", "20/01/2025", "17/03/2025", "05/02/2025", "05/06/2025"]
    for k, (cid, date) in enumerate(zip([11, 11, 11, 12, 12, 13, 13], dates, strict=True)):
        site.meetings.append(FakeMeeting(100 + k, cid, date, texts[k]))
    # A title escaped twice, as some sites send them: once parsed as XML it still reads "&amp;amp;".
    title, _ = split_title(texts[0])
    site.meetings[0].title = html.escape(html.escape(html.escape(title + " & next steps")))
    site.meetings[6].published = False  # the latest meeting: agenda out, minutes not yet
    return site
