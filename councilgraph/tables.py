"""Rows out as CSV: for spreadsheets, R and pandas. Columns are named exactly as in the table and the
JSON output; a list becomes one cell joined by "; ", a node or relationship its name (or id)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from councilgraph.graph.export import GraphData
from councilgraph.graph.model import NODE_PROPS, REL_PROPS

LIST_SEP = "; "


def cell(v: object) -> object:
    """One CSV cell: None is empty, lists are joined, nodes and relationships are named."""
    if v is None:
        return ""
    if isinstance(v, list):
        return LIST_SEP.join(str(cell(x)) for x in v)
    if isinstance(v, dict):
        if "name" in v or "id" in v:
            return v.get("name") or v.get("type") or v.get("id") or ""
        return json.dumps(v, ensure_ascii=False, default=str)
    return v


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A header line and one line per row (RFC 4180 quoting, \\n line ends)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([cell(v) for v in r])
    return buf.getvalue()


WHO_OWNS_COLUMNS = ["action", "owners", "owner_posts", "owner_held_by", "owner_in", "requested_by", "due", "status",
                    "item", "body", "date", "council", "source", "url", "evidence", "score"]


def who_owns_rows(found: list[dict]) -> tuple[list[str], list[list[object]]]:
    """who-owns answers flattened to one row per action (owners' details joined)."""
    rows = []
    for a in found:
        owners = a["owners"]
        rows.append([a["action"], [o["name"] for o in owners], sorted({r for o in owners for r in o["roles"]}),
                     sorted({h for o in owners for h in o["held_by"]}), sorted({b for o in owners for b in o["in"]}),
                     a["requested_by"], a["due"], a.get("status"), a["item"], a.get("body"), a["date"], a["council"],
                     a["source"], a.get("url"), a["evidence"], a["score"]])
    return WHO_OWNS_COLUMNS, rows


NODE_COLUMNS = ["id", "label", *[k for k in NODE_PROPS if k != "id"]]
REL_COLUMNS = ["id", "type", "start", "end", "start_label", "end_label", *[k for k in REL_PROPS if k != "id"]]


def export_csv(data: GraphData, folder: Path) -> list[Path]:
    """One CSV file per label (`nodes-Person.csv`: id, label and every node property) and per
    relationship type (`rels-OWNS.csv`: id, type, start and end ids and labels, and every relationship
    property), so that a relationship file joins to the node files on `start`/`end` = `id`."""
    folder.mkdir(parents=True, exist_ok=True)
    label_of = {p["id"]: label for label, p in data.nodes}
    nodes: dict[str, list[list[object]]] = {}
    for label, p in sorted(data.nodes, key=lambda n: n[1]["id"]):
        nodes.setdefault(label, []).append([p["id"], label, *[p.get(k) for k in NODE_COLUMNS[2:]]])
    rels: dict[str, list[list[object]]] = {}
    for t, s, e, p in sorted(data.rels, key=lambda r: r[3]["id"]):
        rels.setdefault(t, []).append([p["id"], t, s, e, label_of.get(s), label_of.get(e),
                                       *[p.get(k) for k in REL_COLUMNS[6:]]])
    written = []
    for prefix, groups, cols in (("nodes", nodes, NODE_COLUMNS), ("rels", rels, REL_COLUMNS)):
        for name, rows in sorted(groups.items()):
            path = folder / f"{prefix}-{name}.csv"
            path.write_text(to_csv(cols, rows), encoding="utf-8")
            written.append(path)
    return written
