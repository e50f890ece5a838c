"""manifest.csv: per-file council, body and date for a folder of minutes (metadata, not a document)."""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from councilgraph.errors import LoaderError
from councilgraph.loaders.records import Meta

_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9


def parse_date(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from ISO or the UK forms minutes use ("5 March 2024", "Tuesday, 5th
    March 2024", "05/03/2024", "5.3.2024"); None when it is not a real date."""
    t = text.strip().lower()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t):
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
        elif m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", t):  # day first, as the UK writes it
            d, mo, y = int(m[1]), int(m[2]), int(m[3])
        elif m := re.fullmatch(r"(?:[a-z]+day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})", t):
            d, mo, y = int(m[1]), _MONTHS.get(m[2], 0), int(m[3])
        elif m := re.fullmatch(r"(?:[a-z]+day,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", t):
            mo, d, y = _MONTHS.get(m[1], 0), int(m[2]), int(m[3])
        else:
            return None
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _url(row: dict[str, str | None]) -> str | None:
    """The page's address: a `url` column, or a `source` column holding one (as ../shared/corpus/manifest.csv)."""
    for key in ("url", "source"):
        value = (row.get(key) or "").strip()
        if value.startswith(("http://", "https://")):
            return value
    return None


@dataclass
class Manifest:
    rows: dict[str, Meta] = field(default_factory=dict)

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        path = folder / "manifest.csv"
        if not path.is_file():
            return cls()
        rows: dict[str, Meta] = {}
        try:
            with path.open(encoding="utf-8-sig", newline="") as f:
                # strict: an unclosed quote is an error, not a field that swallows the rows after it
                reader = csv.DictReader(f, strict=True)
                if reader.fieldnames:  # ("File,Council" as a spreadsheet writes the header)
                    reader.fieldnames = [c.strip().lower() for c in reader.fieldnames]
                if not reader.fieldnames or "file" not in reader.fieldnames or "council" not in reader.fieldnames:
                    raise LoaderError(path, "a manifest needs the columns 'file' and 'council'")
                for r in reader:
                    if not r.get("file"):
                        continue
                    date = (r.get("date") or "").strip() or None
                    problem = None
                    if date is not None:
                        iso = parse_date(date)
                        if iso is None:  # that document's problem: the folder's other documents still load
                            problem = (f"{path.name} row {reader.line_num}: {date!r} is not a date (give YYYY-MM-DD, "
                                       f"or e.g. 5 March 2024)")
                        date = iso
                    rows[r["file"].strip()] = Meta((r.get("council") or "").strip() or None,
                                                   (r.get("body") or "").strip() or None, date, _url(r), problem)
        except (OSError, UnicodeDecodeError) as e:
            raise LoaderError(path, f"cannot read the manifest ({e})") from e
        except csv.Error as e:
            raise LoaderError(path, f"malformed CSV ({e}; an unclosed quote?)") from e
        return cls(rows)

    def get(self, name: str) -> Meta:
        return self.rows.get(name, Meta())
