"""`export --format neo4j-admin DIR`: a whole graph as the CSV files and header files that
`neo4j-admin database import full` reads, for a first load of a large corpus into an empty Neo4j
at the import tool's speed (no transactions), and the command to run.

The files hold what the Neo4j store would hold after `councilgraph ingest` (the document keys in
`sources` and `doc`, every property), so that an imported database answers like a loaded one. The
import builds no indexes: run `councilgraph --neo4j URI schema` once the server is up.
"""

from __future__ import annotations

import shlex
from collections import defaultdict
from pathlib import Path

from councilgraph.graph.export import GraphData
from councilgraph.graph.model import NODE_PROPS, REL_PROPS

ARRAY_DELIMITER = "\x1f"  # the unit separator: no name, alias or path contains it
_TYPES = {"STRING": "string", "STRING[]": "string[]", "DOUBLE": "double"}


def _header(props: dict[str, str], skip: str) -> list[str]:
    return [k if t == "STRING" else f"{k}:{_TYPES[t]}" for k, t in props.items() if k != skip]


def _cell(v: object) -> object:
    """None: an empty unquoted field (no property); a list: its items joined; an empty list: none."""
    if isinstance(v, list):
        return ARRAY_DELIMITER.join(map(str, v)) if v else None
    return v


def write_admin(data: GraphData, folder: Path, database: str = "neo4j") -> str:
    """Write `nodes-LABEL.csv` / `rels-TYPE.csv` with their `.header.csv` files and `import.sh` into
    `folder`; return the import command (run in `folder`, with the server stopped)."""
    folder.mkdir(parents=True, exist_ok=True)
    nodes: dict[str, list[dict]] = defaultdict(list)
    for label, p in data.nodes:
        nodes[label].append(p)
    rels: dict[str, list[tuple[str, str, dict]]] = defaultdict(list)
    for t, s, e, p in data.rels:
        rels[t].append((s, e, p))
    # the database first: the file lists of --nodes and --relationships take every argument after them
    args = ["database", "import", "full", database, "--overwrite-destination=true", "--multiline-fields=true",
            "--array-delimiter=U+001F"]
    node_cols = [k for k in NODE_PROPS if k != "id"]
    for label, rows in sorted(nodes.items()):
        base = f"nodes-{label}"
        _write(folder / f"{base}.header.csv", [["id:ID", *_header(NODE_PROPS, "id")]])
        _write(folder / f"{base}.csv", ([p["id"], *(_cell(p.get(k)) for k in node_cols)] for p in rows))
        args.append(f"--nodes={label}={base}.header.csv,{base}.csv")
    rel_cols = [k for k in REL_PROPS]
    for typ, rows in sorted(rels.items()):
        base = f"rels-{typ}"
        _write(folder / f"{base}.header.csv", [[":START_ID", ":END_ID", *_header(REL_PROPS, "")]])
        _write(folder / f"{base}.csv", ([s, e, *(_cell(p.get(k)) for k in rel_cols)] for s, e, p in rows))
        args.append(f"--relationships={typ}={base}.header.csv,{base}.csv")
    command = "neo4j-admin " + " ".join(shlex.quote(a) for a in args)
    script = folder / "import.sh"
    script.write_text(
        "#!/bin/sh\n# Import into an empty Neo4j 5 database (the server stopped), then start it and run\n"
        "# `councilgraph --neo4j bolt://HOST:PORT schema` to build the constraints and indexes.\n"
        'cd "$(dirname "$0")" || exit 1\n'
        'exec "${NEO4J_ADMIN:-neo4j-admin}" ' + " ".join(shlex.quote(a) for a in args) + "\n", encoding="utf-8")
    script.chmod(0o755)
    return command


def _write(path: Path, rows) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.writelines(",".join(map(_field, row)) + "\n" for row in rows)


def _field(v: object) -> str:
    """Strings always quoted, so that an empty string stays one; None empty and unquoted: no property."""
    if v is None:
        return ""
    if isinstance(v, int | float) and not isinstance(v, bool):
        return repr(float(v)) if isinstance(v, float) else str(v)
    return '"' + str(v).replace('"', '""') + '"'
