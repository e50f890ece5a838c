"""A polite HTTP client: it names itself and a contact, waits between requests, honours robots.txt
and Retry-After, times out, and retries a bounded number of times."""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from councilgraph import __version__
from councilgraph.errors import CouncilGraphError

RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}


class FetchError(CouncilGraphError):
    """A page could not be fetched (after the retries allowed)."""

    def __init__(self, url: str, problem: str, status: int | None = None):
        super().__init__(f"{url}: {problem}")
        self.url, self.problem, self.status = url, problem, status


@dataclass
class Politeness:
    """How a crawler behaves on someone else's server."""

    contact: str  # an e-mail address or URL the site's administrators can reach
    delay: float = 1.0  # seconds between two requests (robots.txt's Crawl-delay wins when longer)
    timeout: float = 30.0
    retries: int = 3  # further tries after the first, for timeouts, broken answers and 429/5xx
    max_wait: float = 300.0  # the longest Retry-After obeyed; longer gives up on the page

    @property
    def user_agent(self) -> str:
        return f"councilgraph/{__version__} (+{self.contact})"


@dataclass
class Answer:
    url: str
    status: int
    content: bytes
    content_type: str = ""


@dataclass
class PoliteClient:
    politeness: Politeness
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    transport: httpx.BaseTransport | None = None
    requests: int = 0  # how many requests went out, retries included
    _last: float | None = None
    _robots: dict[str, urllib.robotparser.RobotFileParser] = field(default_factory=dict)
    _client: httpx.Client | None = None

    def __post_init__(self) -> None:
        if not self.politeness.contact or not self.politeness.contact.strip():
            raise CouncilGraphError("fetch needs a contact for the sites' administrators: pass --contact EMAIL "
                                    "or set COUNCILGRAPH_CONTACT")
        self._client = httpx.Client(headers={"User-Agent": self.politeness.user_agent}, follow_redirects=True,
                                    timeout=self.politeness.timeout, transport=self.transport)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    # ---- robots.txt --------------------------------------------------------------------------
    def robots(self, url: str) -> urllib.robotparser.RobotFileParser:
        """The site's robots.txt rules, read once; none (everything allowed) when it has none."""
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        rp = self._robots.get(root)
        if rp is None:
            rp = urllib.robotparser.RobotFileParser(root + "/robots.txt")
            try:
                ans = self._get(root + "/robots.txt", check_robots=False)
                rp.parse(ans.content.decode("utf-8", "replace").splitlines())
            except FetchError as e:
                if e.status in (401, 403):
                    rp.disallow_all = True  # as urllib.robotparser reads a refused robots.txt
                else:
                    rp.allow_all = True
            self._robots[root] = rp
        return rp

    def allowed(self, url: str) -> bool:
        return self.robots(url).can_fetch(self.politeness.user_agent, url)

    def _pause(self, url: str) -> None:
        delay = self.politeness.delay
        rp = self._robots.get("{0.scheme}://{0.netloc}".format(urlsplit(url)))
        crawl = rp.crawl_delay(self.politeness.user_agent) if rp is not None else None
        if crawl:
            delay = max(delay, float(crawl))
        if self._last is not None:
            wait = self._last + delay - self.clock()
            if wait > 0:
                self.sleep(wait)

    # ---- GET ---------------------------------------------------------------------------------
    def get(self, url: str) -> Answer:
        """The page's answer; FetchError for a 4xx, or when the retries are spent, or robots.txt forbids it."""
        return self._get(url, check_robots=True)

    def _get(self, url: str, check_robots: bool) -> Answer:
        if check_robots and not self.allowed(url):
            raise FetchError(url, "robots.txt does not allow councilgraph to fetch this page", 0)
        problem, status = "no answer", None
        for attempt in range(self.politeness.retries + 1):
            self._pause(url)
            wait = None
            self.requests += 1
            try:
                assert self._client is not None
                r = self._client.get(url)
                content = r.content  # reading it whole raises when the body is cut short
            except httpx.TimeoutException:
                problem, status = f"timed out after {self.politeness.timeout:g} s", None
            except httpx.TransportError as e:  # refused, reset, or an answer cut off mid-body
                problem, status = f"connection failed ({type(e).__name__}: {e})", None
            else:
                if r.status_code == 200:
                    self._last = self.clock()
                    return Answer(str(r.url), 200, content, r.headers.get("content-type", ""))
                problem, status = f"HTTP {r.status_code}", r.status_code
                if r.status_code not in RETRY_STATUS:
                    self._last = self.clock()
                    raise FetchError(url, problem, status)
                wait = _retry_after(r.headers.get("retry-after"))
                if wait is not None and wait > self.politeness.max_wait:
                    self._last = self.clock()
                    raise FetchError(url, f"{problem}, and the site asks to wait {wait:.0f} s", status)
            self._last = self.clock()
            if attempt < self.politeness.retries:
                backoff = wait if wait is not None else min(2.0 ** attempt, 60.0) * self.politeness.delay
                if backoff > 0:
                    self.sleep(backoff)
        raise FetchError(url, f"{problem} ({self.politeness.retries + 1} tries)", status)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
