"""The fetch cache: every raw answer kept as fetched, the minutes ready to ingest, and what is known
of each meeting, so that a run resumes without fetching again and a later run fetches only what changed.

    CACHE/raw/            every answer as the site sent it, named after its address; index.json
    CACHE/minutes/        one file per meeting with published minutes, and manifest.csv (file,
                          council, body, date, url): `councilgraph ingest CACHE/minutes` re-reads them offline
    CACHE/meetings.json   per meeting: committee, date, published, file, url, when last checked
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit


@dataclass
class Meeting:
    id: str
    committee: str
    committee_id: str
    date: str | None  # ISO
    published: bool = False
    file: str | None = None  # under minutes/
    url: str | None = None  # where its minutes were read from
    checked: float = 0.0  # when its minutes were last asked for (epoch seconds)


def _write(path: Path, data: bytes) -> None:
    """Write whole or not at all: an interrupted run never leaves half a file behind."""
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, path)


class Cache:
    def __init__(self, root: Path):
        self.root = root
        self.raw = root / "raw"
        self.minutes = root / "minutes"
        self.raw.mkdir(parents=True, exist_ok=True)
        self.minutes.mkdir(parents=True, exist_ok=True)
        self._index: dict[str, dict] = self._read_json(self.raw / "index.json")
        self.meetings: dict[str, Meeting] = {k: Meeting(**v) for k, v in
                                             self._read_json(root / "meetings.json").items()}

    @staticmethod
    def _read_json(path: Path) -> dict:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    # ---- raw answers -------------------------------------------------------------------------
    @staticmethod
    def name_for(url: str) -> str:
        """A readable, unique file name for an address ("mgWebService.asmx-GetMeeting-lMeetingId-12-3f2a….xml")."""
        parts = urlsplit(url)
        tail = parts.path.rsplit("/", 2)[-2:] if "asmx" in parts.path else parts.path.rsplit("/", 1)[-1:]
        stem = re.sub(r"[^A-Za-z0-9.]+", "-", "-".join(tail) + ("-" + parts.query if parts.query else "")).strip("-")
        digest = hashlib.sha1(url.encode()).hexdigest()[:8]
        ext = ".xml" if "asmx" in parts.path else ".html"
        return f"{stem[:80]}-{digest}{ext}"

    def get(self, url: str, max_age: float | None, now: float) -> bytes | None:
        """A kept answer no older than max_age seconds (None: any age); None when there is none."""
        entry = self._index.get(url)
        if entry is None or (max_age is not None and now - entry["fetched"] > max_age):
            return None
        try:
            return (self.raw / entry["file"]).read_bytes()
        except OSError:
            return None

    def put(self, url: str, content: bytes, now: float) -> Path:
        path = self.raw / self.name_for(url)
        _write(path, content)
        self._index[url] = {"file": path.name, "fetched": now}
        _write(self.raw / "index.json", json.dumps(self._index, indent=1, sort_keys=True).encode())
        return path

    # ---- meetings and their minutes ----------------------------------------------------------
    def save_meeting(self, m: Meeting) -> None:
        self.meetings[m.id] = m
        data = {k: asdict(v) for k, v in sorted(self.meetings.items())}
        _write(self.root / "meetings.json", json.dumps(data, indent=1).encode())

    def keep_minutes(self, m: Meeting, content: bytes, ext: str, council: str | None) -> Path:
        """Put a meeting's minutes where ingest reads them, and list them in the manifest."""
        for old in self.minutes.glob(f"meeting-{m.id}.*"):
            old.unlink()
        path = self.minutes / f"meeting-{m.id}{ext}"
        _write(path, content)
        m.file = path.name
        self.meetings[m.id] = m
        self._manifest(council)
        return path

    def _manifest(self, council: str | None) -> None:
        rows = [m for m in self.meetings.values() if m.file]
        out = [["file", "council", "body", "date", "url"]]
        have = Path(self.minutes / "manifest.csv")
        old = {}
        if have.is_file():
            with have.open(encoding="utf-8", newline="") as f:
                old = {r["file"]: r for r in csv.DictReader(f)}
        for m in sorted(rows, key=lambda m: m.file or ""):
            out.append([m.file or "", council or old.get(m.file or "", {}).get("council", ""), m.committee,
                        m.date or "", m.url or ""])
        tmp = self.minutes / "manifest.csv.part"
        with tmp.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(out)
        os.replace(tmp, self.minutes / "manifest.csv")
