"""`councilgraph fetch` against a fake ModernGov site on 127.0.0.1 built from the corpus texts."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from councilgraph.errors import CouncilGraphError
from councilgraph.fetch import FetchError, FetchOptions, PoliteClient, Politeness, fetch
from councilgraph.graph.ladybug_store import LadybugStore
from councilgraph.graph.model import source_name
from councilgraph.ingest import ingest, plan
from councilgraph.loaders import load
from tests.conftest import CORPUS
from tests.fake_moderngov import FakeMeeting, Server, corpus_site

CONTACT = "researcher@example.org"
WEEK = 7 * 24 * 3600.0


def _client(**kw) -> PoliteClient:
    return PoliteClient(Politeness(CONTACT, delay=0.0, timeout=kw.pop("timeout", 0.5), retries=2, **kw))


def _meeting_requests(counter) -> set[str]:
    """The meetings whose minutes were asked for (web service or page), by meeting id."""
    out = set()
    for key in counter:
        if "GetMeeting?" in key:
            out.add(key.rsplit("=", 1)[1])
        elif "ieListDocuments.aspx" in key:
            out.add(key.rsplit("MId=", 1)[1])
    return out


def _sources(store_dir: Path, minutes: Path) -> list[str]:
    store = LadybugStore(store_dir)
    try:
        report = ingest(store, plan([minutes]))
        assert not report.errors, report.errors
        items = store.query("MATCH (a:AgendaItem) RETURN a.source").rows
        names = sorted(source_name(k) for k in store.sources())  # documents are keyed by path
        assert sorted({r[0] for r in items}) == names
        return names
    finally:
        store.close()


class Stop(Exception):
    pass


def test_interrupted_fetch_resumes_without_fetching_anything_twice(tmp_path):
    site = corpus_site(CORPUS)
    site.faults = {
        "/mgWebService.asmx/GetMeeting?lMeetingId=101": "slow",  # longer than the client's timeout
        "/mgWebService.asmx/GetMeeting?lMeetingId=102": "404",  # the web service lacks it: read the page
        "/mgWebService.asmx/GetMeeting?lMeetingId=103": "truncate",  # the body cut short, once
        "/mgWebService.asmx/GetCommittees": "500",  # a passing server error
    }
    cache = tmp_path / "cache"
    with Server(site) as srv:
        def interrupt(done, total, what):
            if done == 4:
                raise Stop  # the user's Ctrl-C, midway
        with pytest.raises(Stop):
            fetch(srv.url, cache, FetchOptions(), _client(), progress=interrupt)
        first = set(_meeting_requests(site.served))
        assert 0 < len(first) < 7
        report = fetch(srv.url + "/mgWebService.asmx", cache, FetchOptions(), _client())
    assert report.source == "web service"
    assert not report.errors, report.errors
    # Nothing answered in full was asked for again, across both runs (robots.txt is read once a run).
    assert site.served["/robots.txt"] == 2
    del site.served["/robots.txt"]
    assert site.served and max(site.served.values()) == 1, site.served
    assert _meeting_requests(site.served) == {str(m.id) for m in site.meetings} | {"102"}
    for key in ("GetMeeting?lMeetingId=101", "GetMeeting?lMeetingId=103", "GetCommittees"):
        assert site.failed["/mgWebService.asmx/" + key] == 1  # each passing fault struck once, and was retried
    # Every request named councilgraph and the contact.
    assert site.agents and all("councilgraph/" in a and CONTACT in a for a in site.agents)
    published = {str(m.id) for m in site.meetings if m.published}
    files = sorted(p.name for p in (cache / "minutes").glob("meeting-*"))
    assert files == sorted(f"meeting-{i}.html" if i == "102" else f"meeting-{i}.xml" for i in published)
    assert report.unpublished == ["106"]
    # Each meeting is in the store once.
    assert _sources(tmp_path / "db", cache / "minutes") == files
    # The doubly escaped title reads as written, and every document keeps its address.
    doc = load(cache / "minutes" / "meeting-100.xml", None)
    assert doc.items[0].title.endswith("& next steps") and "&amp;" not in doc.items[0].title
    assert len(doc.items) == 1 and "Exempt" not in doc.text  # the restricted item stays out
    from councilgraph.loaders.manifest import Manifest
    man = Manifest.read(cache / "minutes")
    assert all(man.get(f).url and man.get(f).url.startswith(srv.url) for f in files)
    assert load(cache / "minutes" / "meeting-102.html", man.get("meeting-102.html")).url == man.get("meeting-102.html").url


def test_a_week_later_only_new_meetings_and_newly_published_minutes_are_fetched(tmp_path):
    site = corpus_site(CORPUS)
    cache = tmp_path / "cache"
    now = time.time()
    with Server(site) as srv:
        fetch(srv.url, cache, FetchOptions(), _client(), clock=lambda: now)
        site.served.clear()
        # An hour later nothing at all is asked for again: the listings are still current.
        again = fetch(srv.url, cache, FetchOptions(), _client(), clock=lambda: now + 3600)
        assert again.fetched == [] and set(site.served) == {"/robots.txt"}
        # A week later: one new meeting, and the latest one's minutes are out.
        site.meetings.append(FakeMeeting(107, 11, "01/07/2025", site.meetings[3].text))
        site.meetings[6].published = True
        later = fetch(srv.url, cache, FetchOptions(), _client(), clock=lambda: now + WEEK)
    assert sorted(later.fetched) == ["106", "107"]
    assert _meeting_requests(site.served) == {"106", "107"}
    del site.served["/robots.txt"]
    assert max(site.served.values()) == 1
    assert "/mgWebService.asmx/GetCommittees" in site.served  # the listings are read again to find new meetings
    assert (cache / "minutes" / "meeting-107.xml").is_file()


@pytest.mark.parametrize("committee_list", [True, False])
def test_html_pages_when_the_site_has_no_web_service(tmp_path, committee_list):
    site = corpus_site(CORPUS)
    site.web_service, site.committee_list = False, committee_list
    cache = tmp_path / "cache"
    with Server(site) as srv:
        report = fetch(srv.url, cache, FetchOptions(committees=["corporate parenting"]), _client())
    assert report.source == "HTML pages" and report.committees == 1
    assert sorted(report.fetched) == ["103", "104"]
    assert not any("ieListDocuments" in k and "CId=11" in k for k in site.served)  # other committees untouched
    names = sorted(p.name for p in (cache / "minutes").glob("meeting-*"))
    assert names == ["meeting-103.html", "meeting-104.html"]
    assert _sources(tmp_path / "db", cache / "minutes") == names


def test_dates_limit_the_meetings(tmp_path):
    from datetime import date

    site = corpus_site(CORPUS)
    with Server(site) as srv:
        report = fetch(srv.url, tmp_path / "c", FetchOptions(since=date(2025, 3, 1), until=date(2025, 5, 31)), _client())
    assert sorted(report.fetched) == ["101", "102", "104"]


def test_robots_txt_is_honoured(tmp_path):
    site = corpus_site(CORPUS)
    site.robots = "User-agent: *\nDisallow: /\n"
    with Server(site) as srv:
        with pytest.raises(CouncilGraphError, match="robots.txt"):
            fetch(srv.url, tmp_path / "c", FetchOptions(), _client())
    assert set(site.served) == {"/robots.txt"}


def test_a_contact_is_required():
    with pytest.raises(CouncilGraphError, match="contact"):
        PoliteClient(Politeness(""))


def _mock(answers: list[httpx.Response], seen: list[httpx.Request]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return answers.pop(0)
    return httpx.MockTransport(handle)


def test_retry_after_delay_and_bounded_retries():
    sleeps: list[float] = []
    seen: list[httpx.Request] = []
    answers = [httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200, content=b"ok"),
               httpx.Response(200, content=b"two")]
    client = PoliteClient(Politeness(CONTACT, delay=3.0, retries=2), sleep=sleeps.append, clock=lambda: 100.0,
                          transport=_mock(answers, seen))
    assert client.get("http://127.0.0.1/a").content == b"ok"
    assert 7.0 in sleeps  # Retry-After obeyed
    sleeps.clear()
    assert client.get("http://127.0.0.1/b").content == b"two"
    assert sleeps == [3.0]  # the delay between two requests (the clock stood still)
    assert all(r.headers["User-Agent"].startswith("councilgraph/") for r in seen)
    # A server that keeps failing is tried 1 + retries times, then reported.
    answers[:] = [httpx.Response(500)] * 3
    seen.clear()
    with pytest.raises(FetchError, match="HTTP 500"):
        client.get("http://127.0.0.1/c")
    assert len(seen) == 3
    # A Retry-After longer than we are willing to wait gives up at once.
    answers[:] = [httpx.Response(503, headers={"Retry-After": "86400"})]
    with pytest.raises(FetchError, match="wait"):
        client.get("http://127.0.0.1/d")
    # A 404 is not retried.
    answers[:] = [httpx.Response(404)]
    seen.clear()
    with pytest.raises(FetchError, match="404"):
        client.get("http://127.0.0.1/e")
    assert len(seen) == 1


def test_fetch_command_fetches_then_ingests(tmp_path, runner):
    import json

    from tests.conftest import cli

    site = corpus_site(CORPUS)
    store, cache = tmp_path / "cg.db", tmp_path / "cache"
    args = ["fetch", "--cache", str(cache), "--contact", CONTACT, "--delay", "0", "--since", "2025-01-01",
            "--until", "2025-12-31", "--council", "Test Borough Council", "--json"]
    with Server(site) as srv:
        r = cli(runner, store, *args[:1], srv.url, *args[1:])
        assert r.exit_code == 0, r.output
        first = json.loads(r.stdout)
        r = cli(runner, store, *args[:1], srv.url, *args[1:])
        second = json.loads(r.stdout)
        bad = cli(runner, store, "fetch", srv.url, "--cache", str(cache), "--contact", CONTACT, "--since", "soon")
    assert first["fetched"] == 6 and first["not_yet_published"] == 1 and first["loaded"] == 6
    # the kept minutes are offered to ingest again, and skipped: their content hashes are unchanged
    assert second["fetched"] == 0 and second["loaded"] == 0 and second["unchanged"] == 6
    assert bad.exit_code == 1 and "Error: --since soon: not a date" in bad.output
    r = cli(runner, store, "sources", "--json")
    assert sorted(source_name(x["document"]) for x in json.loads(r.stdout)) == sorted(
        p.name for p in (cache / "minutes").glob("meeting-*"))


def test_crawl_delay_in_robots_txt_wins_over_a_shorter_delay():
    sleeps: list[float] = []

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nCrawl-delay: 5\nDisallow: /private/\n")
        return httpx.Response(200, content=b"ok")

    client = PoliteClient(Politeness(CONTACT, delay=1.0), sleep=sleeps.append, clock=lambda: 0.0,
                          transport=httpx.MockTransport(handle))
    client.get("http://127.0.0.1/a")
    client.get("http://127.0.0.1/b")
    assert sleeps[-1] == 5.0
    with pytest.raises(FetchError, match="robots.txt"):
        client.get("http://127.0.0.1/private/x")
