"""manifest.csv: per-file council, body and date for a folder of minutes (metadata, not a document)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from councilgraph.errors import LoaderError
from councilgraph.loaders.records import Meta


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
        try:
            with path.open(encoding="utf-8-sig", newline="") as f:
                reader = csv.DictReader(f)
                if not reader.fieldnames or "file" not in reader.fieldnames or "council" not in reader.fieldnames:
                    raise LoaderError(path, "a manifest needs the columns 'file' and 'council'")
                rows = {r["file"].strip(): Meta((r.get("council") or "").strip() or None,
                                               (r.get("body") or "").strip() or None,
                                               (r.get("date") or "").strip() or None,
                                               _url(r)) for r in reader if r.get("file")}
        except (OSError, UnicodeDecodeError, csv.Error) as e:
            raise LoaderError(path, f"cannot read the manifest ({e})") from e
        return cls(rows)

    def get(self, name: str) -> Meta:
        return self.rows.get(name, Meta())
