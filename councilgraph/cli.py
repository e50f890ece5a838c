"""The command line: a thin layer over the library. Results go to stdout (a table, or JSON with
--json); progress, errors and notes go to stderr. Errors are one line, `Error: …`, exit code 1."""

from __future__ import annotations

import functools
import json
import os
import re
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from councilgraph import __version__, queries
from councilgraph.errors import CouncilGraphError, QueryError, first_line
from councilgraph.graph.store import DEFAULT_STORE, Store, open_store

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    # Plain click help: rich's help formatter costs ~60 ms of imports on every --help (issue 11: start-up < 150 ms).
    name="councilgraph", no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
    help="Turn council minutes into a graph of who committed to what, and ask it questions.\n\n"
         "\b\nStart with:\n  councilgraph ingest FOLDER\n  councilgraph who-owns \"WORDS\"\n\n"
         "The graph lives in an embedded database file (default ./councilgraph.db, or --store / "
         "COUNCILGRAPH_STORE); give --neo4j bolt://HOST:PORT (or NEO4J_URI) to use a Neo4j server instead.",
)


@functools.cache
def _out() -> Console:
    """stdout's rich Console, made on first use: rich costs ~25 ms to import, which `--help` need not pay."""
    from rich.console import Console

    return Console()


@functools.cache
def _err() -> Console:
    """stderr's rich Console (progress, notes and errors), made on first use."""
    from rich.console import Console

    return Console(stderr=True)


class _State:
    store_path: str | None = None
    neo4j: str | None = None


state = _State()

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Print CSV (columns as in the table) instead of a table.")]
ParamOpt = Annotated[list[str] | None, typer.Option("--param", "-p", metavar="NAME=VALUE", help="A query parameter, NAME=VALUE (repeatable).")]


def handled(fn):
    """Turn the library's errors into one `Error: …` line and exit code 1; never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except CouncilGraphError as e:
            _err().print(f"Error: {e}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None
        except (typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            _err().print("Interrupted. Each document is stored whole or not at all; run the command again to finish "
                      "(documents already stored are skipped as unchanged).", markup=False, soft_wrap=True)
            raise typer.Exit(130) from None
        except Exception as e:
            if os.environ.get("COUNCILGRAPH_DEBUG"):
                raise
            problem = _environment_problem(e)
            if problem:  # the machine's, not councilgraph's: say what and where, as for a bad file
                _err().print(f"Error: {problem}", markup=False, highlight=False, soft_wrap=True)
                raise typer.Exit(1) from None
            _err().print(f"Error: internal error ({type(e).__name__}: {e}); set COUNCILGRAPH_DEBUG=1 for details",
                      markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper


def _environment_problem(e: Exception) -> str | None:
    """A one-line account of an error the machine caused (a file or folder that cannot be written, a full disk, a
    port in use), or None for anything else."""
    if isinstance(e, OSError):
        what = e.strerror or first_line(e)
        return f"{e.filename}: {what[:1].lower() + what[1:]}" if e.filename else what
    if "No space left on device" in str(e):  # (the embedded engine's own I/O error)
        return (f"{_where()}: no space left on device; nothing of this write was published (free some space, then "
                f"run `councilgraph check`)")
    return None


def _store(read_only: bool = False) -> Store:
    return open_store(state.store_path, state.neo4j, read_only=read_only)


def _print_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n")


def _table(columns: list[str], rows: list[list[object]], title: str | None = None) -> None:
    from rich.table import Table

    t = Table(title=title, show_lines=False, header_style="bold")
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*["" if v is None else (", ".join(map(str, v)) if isinstance(v, list) else str(v)) for v in r])
    _out().print(t)


def _params(pairs: list[str] | None) -> dict[str, str]:
    given = {}
    for p in pairs or []:
        k, sep, v = p.partition("=")
        if not sep or not k:
            raise QueryError(f"--param takes NAME=VALUE, not {p!r}")
        given[k.strip()] = v
    return given


def _typed(params: dict[str, str]) -> dict[str, object]:
    """Cypher parameters as the values they spell, as cypher-shell reads them: 2 and 2.5 numbers, true / false /
    null, ["a", "b"] a list, "2" the text 2; anything else is text as given (-p n=Russell)."""
    out: dict[str, object] = {}
    for k, v in params.items():
        try:
            out[k] = json.loads(v)
        except ValueError:
            out[k] = v
    return out


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"councilgraph {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    store: Annotated[str | None, typer.Option("--store", envvar="COUNCILGRAPH_STORE", metavar="PATH",
                                              help=f"Embedded database file (default ./{DEFAULT_STORE}).")] = None,
    neo4j: Annotated[str | None, typer.Option("--neo4j", envvar="NEO4J_URI", metavar="URI",
                                              help="Use this Neo4j server (bolt://HOST:PORT); user and password from "
                                                   "NEO4J_USERNAME / NEO4J_PASSWORD.")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    if neo4j and not re.match(r"(?:bolt|neo4j)(?:\+s|\+ssc)?://", neo4j):
        raise typer.BadParameter(f"{neo4j!r} is not a Bolt address (bolt://HOST:PORT or neo4j://HOST:PORT)",
                                 param_hint="--neo4j")
    if store and _is_link(store):  # the store it points at: one lock, one file, whichever path is given
        store = str(Path(store).resolve())
    state.store_path, state.neo4j = store, neo4j
    _quiet()


def _is_link(path: str) -> bool:
    try:
        return Path(path).is_symlink()
    except OSError:  # (a folder on the way that cannot be read: opening the store says so, in one line)
        return False


def _quiet() -> None:
    """Library warnings (pypdf on a malformed PDF, rdflib, the Neo4j driver's notifications) never
    reach the terminal: councilgraph reports what matters itself, one line each."""
    import logging
    import warnings

    if os.environ.get("COUNCILGRAPH_DEBUG"):
        return
    warnings.simplefilter("ignore")
    for name in ("pypdf", "rdflib", "neo4j", "charset_normalizer"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


@app.command()
@handled
def ingest(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="Minutes files (.txt, .html, .pdf) or folders of them.")],
    council: Annotated[str | None, typer.Option(metavar="NAME", help="Council of every file given, over its manifest row (a page's "
                                                      "own header still wins).")] = None,
    body: Annotated[str | None, typer.Option(metavar="NAME", help="Committee, board or panel of every file given, over its manifest "
                                                   "row (a page's own header still wins).")] = None,
    date: Annotated[str | None, typer.Option(metavar="DATE", help="Meeting date of every file given (YYYY-MM-DD, or as minutes write "
                                                   "it: 5 March 2024, 05/03/2024), over its manifest row (a page's own "
                                                   "header still wins).")] = None,
    max_size: Annotated[float | None, typer.Option("--max-size", metavar="MB", envvar="COUNCILGRAPH_MAX_SIZE_MB",
                                                   help="Refuse documents larger than this many megabytes "
                                                        "(default 20).")] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, metavar="N", help="Extraction processes (default: one per "
                                                                          "core).")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Read minutes into the graph. Each document loads whole or not at all; loading it again replaces what it gave before. A folder's manifest.csv (columns file, council[, body, date, url]) gives metadata.

    \b
    Example:
      councilgraph ingest ../shared/seeds --council "Torbay Council"
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from councilgraph.ingest import ingest as run
    from councilgraph.ingest import plan
    from councilgraph.loaders.manifest import parse_date
    from councilgraph.loaders.records import Meta

    for option, value in (("--council", council), ("--body", body)):
        if value is not None and not value.strip():
            raise QueryError(f"{option} is blank: give a name, or leave the option out")
    if date is not None:
        iso = parse_date(date)
        if iso is None:
            raise QueryError(f"--date {date!r} is not a date (give YYYY-MM-DD, or e.g. 5 March 2024 or 05/03/2024)")
        date = iso
    if max_size is not None and not max_size > 0:
        raise QueryError(f"--max-size must be a positive number of megabytes, not {max_size}")
    docs = plan(paths)
    if not docs:
        raise QueryError("no minutes files found in " + ", ".join(map(str, paths)))
    store = _store()
    try:
        with Progress(TextColumn("[bold]ingest[/bold]"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                      TimeElapsedColumn(), console=_err(), transient=True, disable=not _err().is_terminal) as bar:
            task = bar.add_task("", total=len(docs))
            limit = int(max_size * 2**20) if max_size else None
            report = run(store, docs, Meta(council, body, date),
                         progress=lambda name: bar.update(task, advance=1, description=name),
                         max_bytes=limit, jobs=jobs)
        if report.loaded:  # nothing loaded (all unchanged, say): the follow-ups stand as they are
            _follow_up(store, report.councils)
        # The counts after merging (what `stats` gives) and where the graph is thin (describe.py).
        from councilgraph.graph.model import ALL_LABELS

        counts = store.counts()
        labels = {lab.value for lab in ALL_LABELS}
        warnings = report.notes + report.thin_spots()
    finally:
        store.close()
    for w in warnings:
        _err().print(f"Warning: {w}", markup=False, highlight=False, soft_wrap=True)
    for e in report.errors:
        _err().print(f"Error: {e}", markup=False, highlight=False, soft_wrap=True)
    if json_out:
        _print_json({"loaded": report.loaded, "unchanged": report.unchanged, "errors": report.errors,
                     "warnings": warnings, "nodes": sum(counts.get(lab, 0) for lab in labels),
                     "relationships": sum(v for k, v in counts.items() if k not in labels),
                     "nodes_by_label": {k: v for k, v in counts.items() if k in labels and v},
                     "relationships_by_type": {k: v for k, v in counts.items() if k not in labels and v}})
    else:
        rows = [[k, v] for k, v in counts.items() if v]
        _table(["in the store now (as `stats`)", "count"], rows,
               title=f"Loaded {len(report.loaded)} of {len(docs)} document(s) into {_where()}"
                     + (f"; {len(report.unchanged)} unchanged" if report.unchanged else "")
                     + (f"; {len(warnings)} warning(s)" if warnings else ""))
    if report.errors:
        raise typer.Exit(1)




def _where() -> str:
    return state.neo4j or os.environ.get("NEO4J_URI") or state.store_path or os.environ.get("COUNCILGRAPH_STORE") or DEFAULT_STORE


@app.command()
@handled
def fetch(
    base_url: Annotated[str, typer.Argument(metavar="URL", help="The ModernGov site, e.g. https://democracy.example.gov.uk")],
    committee: Annotated[list[str] | None, typer.Option("--committee", metavar="NAME", help="Committee name (any part) or id; repeatable. Default: all.")] = None,
    since: Annotated[str | None, typer.Option(metavar="DATE", help="First meeting date, YYYY-MM-DD (default: a year ago).")] = None,
    until: Annotated[str | None, typer.Option(metavar="DATE", help="Last meeting date, YYYY-MM-DD (default: today).")] = None,
    cache: Annotated[Path | None, typer.Option(metavar="FOLDER", help="Folder that keeps every answer (default ./councilgraph-cache/HOST); ingest CACHE/minutes again offline.")] = None,
    council: Annotated[str | None, typer.Option(metavar="NAME", help="The council the site belongs to.")] = None,
    contact: Annotated[str | None, typer.Option(metavar="ADDRESS", envvar="COUNCILGRAPH_CONTACT", help="E-mail or URL for the site's administrators, sent in the User-Agent.")] = None,
    delay: Annotated[float, typer.Option(metavar="SECONDS", help="Seconds between requests (robots.txt's Crawl-delay wins when longer).")] = 2.0,
    no_ingest: Annotated[bool, typer.Option("--no-ingest", help="Only fetch into the cache.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Fetch a ModernGov site's minutes (web service, else HTML pages) into a cache folder, then ingest them. Polite: names itself, waits between requests, honours robots.txt and Retry-After. Run again later to fetch only new meetings and minutes published since.

    \b
    Example:
      councilgraph fetch https://democracy.example.gov.uk --committee "Children" --since 2024-01-01 --contact me@example.org
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from councilgraph.fetch import FetchOptions, PoliteClient, Politeness, base_of, default_cache, parse_day
    from councilgraph.fetch import fetch as run_fetch
    from councilgraph.loaders.records import Meta

    base = base_of(base_url)
    opts = FetchOptions(committee or [], parse_day(since, "--since"), parse_day(until, "--until"), council)
    client = PoliteClient(Politeness(contact or "", delay=delay))
    folder = cache or default_cache(base)
    try:
        with Progress(TextColumn("[bold]fetch[/bold]"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                      TimeElapsedColumn(), console=_err(), transient=True, disable=not _err().is_terminal) as bar:
            task = bar.add_task("", total=None)
            report = run_fetch(base, folder, opts, client,
                               progress=lambda done, total, what: bar.update(task, completed=done, total=total, description=what))
    finally:
        client.close()
    for e in report.errors:
        _err().print(f"Error: {e}", markup=False, highlight=False, soft_wrap=True)
    summary = {"site": base, "read_from": report.source, "cache": str(folder), "meetings": report.meetings,
               "fetched": len(report.fetched), "not_yet_published": len(report.unpublished), "requests": report.requests,
               "errors": report.errors}
    _err().print(f"{base}: {report.meetings} meeting(s) from the {report.source}, {len(report.fetched)} fetched now, "
              f"{len(report.unpublished)} without minutes yet, {report.requests} request(s); cache {folder}",
              markup=False, highlight=False)
    if not no_ingest and report.minutes is not None and any(report.minutes.glob("meeting-*")):
        from councilgraph.ingest import ingest as run
        from councilgraph.ingest import plan

        store = _store()
        try:
            ing = run(store, plan([report.minutes]), Meta(council))
            _follow_up(store, ing.councils)
        finally:
            store.close()
        for e in ing.errors:
            _err().print(f"Error: {e}", markup=False, highlight=False, soft_wrap=True)
        summary |= {"loaded": len(ing.loaded), "unchanged": len(ing.unchanged), "nodes": ing.nodes,
                    "relationships": ing.relationships}
        report.errors += ing.errors
        if not json_out:
            _err().print(f"Loaded {len(ing.loaded)} document(s) into {_where()}"
                      + (f"; {len(ing.unchanged)} unchanged" if ing.unchanged else ""), markup=False, highlight=False)
    if json_out:
        _print_json(summary)
    if report.errors:
        raise typer.Exit(1)


def _follow_up(store: Store, councils: set[str | None] | None = None) -> None:
    """Follow-ups and action statuses depend on the documents held: recompute them after each change (issue 9), for
    the councils whose documents changed (None: every council)."""
    from councilgraph.followup import refresh

    refresh(store, councils)


@app.command("who-owns")
@handled
def who_owns(
    words: Annotated[str, typer.Argument(metavar="WORDS", help="Words from the action, e.g. \"course on children's data\".")],
    limit: Annotated[int, typer.Option(min=1, metavar="N", help="Most actions to show.")] = 5,
    json_out: JsonOpt = False,
    csv_out: CsvOpt = False,
) -> None:
    """Who owns the actions matching these words: owner, their post and body, who asked, when due, the item, meeting date, council and the sentence it was read from. Best match first."""
    from councilgraph.ask import who_owns as ask

    if not words.strip():
        raise QueryError("who-owns needs some words of the action, e.g. \"course on children's data\"")
    store = _store(read_only=True)
    try:
        found = ask(store, words, limit)
    finally:
        store.close()
    if json_out:
        _print_json(found)
    elif csv_out:
        from councilgraph.tables import to_csv, who_owns_rows

        sys.stdout.write(to_csv(*who_owns_rows(found)))
    if not found:  # (exit code 1 in every form, as grep: a script can tell "no answer" from the empty JSON or CSV too)
        if not (json_out or csv_out):
            _err().print(f"No action matches {words!r}.", markup=False)
        raise typer.Exit(1)
    if json_out or csv_out:
        return
    from rich.table import Table

    for i, a in enumerate(found, 1):
        owners = "; ".join(_owner_text(o) for o in a["owners"]) or "(no owner named)"
        t = Table.grid(padding=(0, 1))
        t.add_column(style="bold")
        t.add_column(overflow="fold")
        t.add_row("Action", a["action"])
        t.add_row("Owner", owners)
        for k, label in (("requested_by", "Requested by"), ("due", "Due"), ("due_date", "Due date"), ("status", "Status"),
                         ("item", "Item"), ("body", "Body"), ("date", "Meeting date"), ("council", "Council"),
                         ("source", "Source"), ("url", "URL"), ("evidence", "Evidence")):
            v = a.get(k)
            if v:
                t.add_row(label, ", ".join(v) if isinstance(v, list) else str(v))
        for f in a.get("followed_up_by") or []:  # the promise's trail: each later item that reported on it
            t.add_row("Followed up by", f"{f['item']} ({f['date']}, {f['source']}; score {f['score']}, {f['extractor']}): "
                                        f"{f['evidence']}")
        _out().print(f"[bold cyan]{i}.[/bold cyan]", t)


def _owner_text(o: dict) -> str:
    s = o["name"]
    if o["held_by"]:
        s += f" ({', '.join(o['held_by'])})"
    if o["roles"]:
        s += f", {', '.join(o['roles'])}"
    if o["in"]:
        s += f" — {', '.join(o['in'])}"
    return s


@app.command()
@handled
def query(
    name: Annotated[str | None, typer.Argument(metavar="NAME", help="A canned query's name (see --list).")] = None,
    param: ParamOpt = None,
    list_: Annotated[bool, typer.Option("--list", help="List the canned queries and their parameters.")] = False,
    show: Annotated[bool, typer.Option("--show", help="Print the query's Cypher instead of running it (no parameters needed).")] = False,
    via_mentions: Annotated[bool, typer.Option("--via-mentions", help="connection: also go through \"both named in one item\" (MENTIONS).")] = False,
    json_out: JsonOpt = False,
    csv_out: CsvOpt = False,
) -> None:
    """Run a canned query from the catalogue (--list shows them and their parameters).

    \b
    Example:
      councilgraph query actions-owned-by --param who="Director of Children's Services"
    """
    if list_ or not name:
        cat = queries.catalogue()
        if json_out:
            _print_json([{"name": q.name, "params": q.params, "answers": q.answers} for q in cat.values()])
        else:
            _table(["query", "parameters", "answers"],
                   [[q.name, "; ".join(f"{k}: {v}" for k, v in q.params.items()) or "-", q.answers] for q in cat.values()])
        return
    if via_mentions:
        name = f"{name}-via-mentions"
    q = queries.get(name)
    if show:  # no store and no parameters needed to read a query
        kind = "neo4j" if (state.neo4j or os.environ.get("NEO4J_URI")) else "embedded"
        _out().print(q.text_for(kind), markup=False, highlight=False)
        return
    params = q.bind(_params(param))
    store = _store(read_only=True)
    try:
        rows = store.query(q.text_for(store.kind), params)
    finally:
        store.close()
    _json_or_table(rows, json_out, q.answers, csv_out)
    if not rows.rows and q.name == "connection":
        _err().print("No route through facts; --via-mentions also goes through \"both named in one item\".")


def _json_or_table(rows, json_out: bool, title: str | None = None, csv_out: bool = False) -> None:
    if csv_out:
        from councilgraph.tables import to_csv

        sys.stdout.write(to_csv(rows.columns, rows.rows))
    elif json_out:
        _print_json(rows.dicts())
    else:
        _table(rows.columns, rows.rows, title=title)
        _err().print(f"{len(rows.rows)} row(s)")


@app.command()
@handled
def cypher(
    text: Annotated[str, typer.Argument(metavar="CYPHER", help="A Cypher query; pass values with --param, never pasted in.")],
    param: ParamOpt = None,
    json_out: JsonOpt = False,
    csv_out: CsvOpt = False,
) -> None:
    """Run your own read-only Cypher. Values of --param read as cypher-shell reads them: 5 a number, true, null, ["a","b"] a list, '"5"' the text 5; anything else is text.

    \b
    Example:
      councilgraph cypher "MATCH (p:Person)-[:HOLDS]->(r:Role) WHERE p.name CONTAINS $n RETURN p.name, r.name LIMIT $k" -p n=Russell -p k=5
    """
    store = _store(read_only=True)
    try:
        rows = store.query(text, _typed(_params(param)), read_only=True)
    finally:
        store.close()
    _json_or_table(rows, json_out, csv_out=csv_out)


@app.command()
@handled
def export(
    output: Annotated[str, typer.Option("--output", "-o", metavar="FILE", help="File to write, or - for standard output.")],
    format: Annotated[str | None, typer.Option("--format", "-f", metavar="FORMAT", help="json (SCHEMA.md), graphml, turtle (or rdf, ttl), nt or jsonld (RDF on ORG, FOAF, PROV-O, schema.org, Dublin Core); csv (OUTPUT is a folder: one file per label and per relationship type); neo4j-admin (OUTPUT is a folder of CSV files for neo4j-admin database import). Default: from OUTPUT's suffix (.json, .graphml, .ttl, .nt, .jsonld), else json.")] = None,
) -> None:
    """Write the whole graph to a file: JSON in the interchange format, GraphML, RDF, or a folder of CSV files."""
    from councilgraph.graph.export import FOLDER_FORMATS, FORMATS, write

    format = _export_format(format, output)
    if format in ("csv", *FOLDER_FORMATS) and output == "-":
        raise QueryError(f"--format {format} writes a folder of files: give the folder's path, not -")
    if format == "csv":
        _export_csv(Path(output))
        return
    if format not in FORMATS + FOLDER_FORMATS:
        raise QueryError(f"unknown format {format!r} (choose from {', '.join((*FORMATS, 'csv', *FOLDER_FORMATS))})")
    store = _store(read_only=True)
    try:
        data = store.dump()
    finally:
        store.close()
    if format == "neo4j-admin":  # a folder of CSV files for `neo4j-admin database import full`
        from councilgraph.graph.neo4j_admin import write_admin

        try:
            command = write_admin(data, Path(output))
        except OSError as e:
            raise QueryError(f"{output}: cannot write ({e.strerror or e})") from e
        _err().print(f"Wrote {len(data.nodes)} nodes and {len(data.rels)} relationships to {output}/ (neo4j-admin). "
                  f"With the server stopped, run {output}/import.sh (or, in {output}: {command}); then start "
                  f"it and run `councilgraph --neo4j URI schema`.", markup=False, highlight=False, soft_wrap=True)
        return
    if output == "-":
        write(data, format, sys.stdout)
        return
    try:
        write(data, format, Path(output))
    except OSError as e:
        raise QueryError(f"{output}: cannot write ({e.strerror or e})") from e
    _err().print(f"Wrote {len(data.nodes)} nodes and {len(data.rels)} relationships to {output} ({format}).")


_FORMAT_NAMES = {"rdf": "turtle", "ttl": "turtle", "n-triples": "nt", "ntriples": "nt", "json-ld": "jsonld", "xml": "graphml"}
_SUFFIX_FORMATS = {".json": "json", ".graphml": "graphml", ".ttl": "turtle", ".nt": "nt", ".jsonld": "jsonld"}


def _export_format(given: str | None, output: str) -> str:
    """The export format asked for, by any of its usual names, or the one OUTPUT's suffix says (json by default)."""
    if given is None:
        return _SUFFIX_FORMATS.get(Path(output).suffix.lower(), "json") if output != "-" else "json"
    name = given.strip().lower()
    return _FORMAT_NAMES.get(name, name)


def _export_csv(output: Path) -> None:
    from councilgraph.tables import export_csv

    store = _store(read_only=True)
    try:
        data = store.dump()
    finally:
        store.close()
    try:
        files = export_csv(data, output)
    except OSError as e:
        raise QueryError(f"{output}: cannot write ({e.strerror or e})") from e
    _err().print(f"Wrote {len(data.nodes)} nodes and {len(data.rels)} relationships to {len(files)} CSV file(s) in {output}.")


@app.command()
@handled
def remove(docs: Annotated[list[str], typer.Argument(metavar="DOCUMENT", help="Documents as `councilgraph sources` lists them (a path, "
                                                          "or a file name when only one document has it).")]) -> None:
    """Take documents out of the graph: their facts, and the nodes no other document names."""
    _must_exist()
    store = _store()
    try:
        held = store.sources()
        missing = []
        for d in docs:
            key = _document(d, held)
            if key is not None and store.remove(key):
                _err().print(f"Removed {key}.", markup=False, highlight=False)
            else:
                missing.append(d)
        _follow_up(store)
    finally:
        store.close()
    if missing:
        raise QueryError(f"not in the graph: {', '.join(missing)} (see `councilgraph sources`)")


def _document(given: str, held: list[str]) -> str | None:
    """The stored document a user names: its key, its path, or a file name only one document has."""
    from councilgraph.graph.model import source_name

    if given in held:
        return given
    resolved = Path(given).expanduser().resolve().as_posix()
    if resolved in held:
        return resolved
    named = [k for k in held if source_name(k) == given]
    if len(named) > 1:
        raise QueryError(f"{given}: {len(named)} documents have this name ({', '.join(named)}); give the path")
    return named[0] if named else None


def _must_exist() -> None:
    """Commands that change a store do not create one on the way (only ingest does)."""
    if state.neo4j or os.environ.get("NEO4J_URI"):
        return
    path = Path(state.store_path or os.environ.get("COUNCILGRAPH_STORE") or DEFAULT_STORE)
    if not path.exists():
        raise QueryError(f"{path}: no councilgraph store here (run `councilgraph ingest` first)")


@app.command()
@handled
def sources(json_out: JsonOpt = False, csv_out: CsvOpt = False) -> None:
    """List the documents the graph holds facts from: document (the path `remove` takes), file, council, body, meeting date, url, and how many items, actions, decisions and facts each gave. Piped without --json/--csv: one document path a line."""
    from councilgraph.describe import sources as list_sources

    store = _store(read_only=True)
    try:
        rows = list_sources(store)
    finally:
        store.close()
    if json_out or csv_out or _out().is_terminal:
        _json_or_table(rows, json_out, None, csv_out)
    else:  # piped: one document a line, never wrapped, so that it feeds `remove` and other tools
        sys.stdout.write("".join(f"{r[0]}\n" for r in rows.rows))


@app.command()
@handled
def stats(json_out: JsonOpt = False, csv_out: CsvOpt = False) -> None:
    """Count nodes per label and relationships per type."""
    store = _store(read_only=True)
    try:
        counts = store.counts()
    finally:
        store.close()
    if csv_out:
        from councilgraph.tables import to_csv

        sys.stdout.write(to_csv(["label_or_type", "count"], [[k, v] for k, v in counts.items()]))
    elif json_out:
        _print_json(counts)
    else:
        _table(["label or type", "count"], [[k, v] for k, v in counts.items()])


@app.command()
@handled
def schema(json_out: JsonOpt = False) -> None:
    """Describe the graph in the store in use: every label with its meaning and properties, every relationship type with its endpoints and properties, example Cypher, and where the embedded store's Cypher differs from Neo4j's. (Neo4j: also creates the id constraints and full-text index, as ingest does.)"""
    from councilgraph.describe import schema as describe
    from councilgraph.describe import schema_text

    neo4j = bool(state.neo4j or os.environ.get("NEO4J_URI"))
    store = _store(read_only=not neo4j)  # (the embedded store is only read: a mistyped path is no new store)
    try:
        if hasattr(store, "schema"):
            store.schema()
        found = describe(store)
    finally:
        store.close()
    if json_out:
        _print_json(found)
    else:
        _out().print(schema_text(found), markup=False, highlight=False)


@app.command()
@handled
def push(
    to: Annotated[str, typer.Option("--to", metavar="URI", envvar="NEO4J_URI", help="Neo4j URI to copy into (bolt://HOST:PORT).")],
) -> None:
    """Copy the embedded store into Neo4j, document by document (idempotent)."""
    from councilgraph.graph.neo4j_store import Neo4jStore
    from councilgraph.graph.transfer import documents_of

    src = open_store(state.store_path, None, read_only=True)
    try:
        graphs = documents_of(src.dump())
    finally:
        src.close()
    dst = Neo4jStore(to, os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD"),
                     os.environ.get("NEO4J_DATABASE"))
    try:
        report = dst.load(graphs)
        _follow_up(dst)
    finally:
        dst.close()
    for src_name, msg in report.failed.items():
        _err().print(f"Error: {src_name}: {msg}", markup=False)
    _err().print(f"Pushed {len(report.documents)} document(s): {report.nodes} nodes, {report.relationships} relationships.")
    if report.failed:
        raise typer.Exit(1)


@app.command()
@handled
def analyse(
    top: Annotated[int, typer.Option(metavar="N", help="How many actors to list.")] = 10,
    above: Annotated[str | None, typer.Option(metavar="ACTOR", help="A post, body or person: print the accountability chain above it.")] = None,
    between: Annotated[list[str] | None, typer.Option(metavar="COUNCIL", help="Two councils (give twice): only the actors linking them.")] = None,
    json_out: JsonOpt = False,
    csv_out: Annotated[bool, typer.Option("--csv", help="Print the per-council table as CSV.")] = False,
) -> None:
    """Accountability in numbers (networkx): per council people, posts, actions owned and requested and the share reported or overdue; the chain above a post or body; the actors linking councils; the most central actors."""
    from councilgraph.analyse import analyse as run

    if top < 1:
        raise QueryError(f"--top must be 1 or more, not {top}")
    if between and len(between) != 2:
        raise QueryError("--between takes exactly two councils")
    store = _store(read_only=True)
    try:
        data = store.dump()
    finally:
        store.close()
    found = run(data, top, above, tuple(between) if between else None)
    if json_out:
        _print_json(found)
        return
    if csv_out:  # one table per CSV: the per-council figures (use --json for all of it)
        from councilgraph.tables import to_csv

        cols = list(found["councils"][0]) if found["councils"] else ["council"]
        sys.stdout.write(to_csv(cols, [[r.get(c) for c in cols] for r in found["councils"]]))
        return
    pct = lambda n, share: f"{n} ({share:.0%})"
    _table(["council", "people", "posts", "actions", "owned", "asked", "reported", "overdue"],
           [[r["council"], r["people"], r["posts"], r["actions"], r["owned"], r["requested"],
             pct(r["reported"], r["share_reported"]), pct(r["overdue"], r["share_overdue"])] for r in found["councils"]],
           title="Per council")
    if above:
        _table(["from", "relationship", "to", "source"], [[r["from"], r["relationship"], r["to"], r["source"]]
                                                          for r in found["chain"]], title=f"Accountability above {above}")
    few = lambda cs: ", ".join(cs) if len(cs) <= 3 else f"{len(cs)} councils"
    _table(["actor", "label", "councils"], [[r["actor"], r["label"], few(r["councils"])] for r in found["bridges"]],
           title="Actors linking councils")
    _table(["actor", "label", "betweenness", "degree"], [[r["actor"], r["label"], r["betweenness"], r["degree"]]
                                                         for r in found["central"]], title="Most central actors")


@app.command()
@handled
def show(
    what: Annotated[str, typer.Argument(metavar="WHAT", help="An actor's name (its neighbourhood) or words of an action (its trail).")],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="The HTML file to write.")] = Path("view.html"),
) -> None:
    """Write a self-contained interactive HTML picture (neo4j-viz, Neo4j Browser's colours) of an actor's neighbourhood or an action's trail; no Neo4j needed."""
    from councilgraph.show import show as draw

    store = _store(read_only=True)
    try:
        data = store.dump()
    finally:
        store.close()
    page, sub, title = draw(data, what)
    output.write_text(page, encoding="utf-8")
    _err().print(f"Wrote {title!r}: {len(sub.nodes)} nodes, {len(sub.rels)} relationships to {output}.",
              markup=False, highlight=False)


@app.command()
@handled
def browser(
    out_dir: Annotated[Path | None, typer.Option("--out", metavar="FOLDER", help="Write the assets to this folder.")] = None,
    serve_port: Annotated[int | None, typer.Option("--serve", min=0, max=65535, metavar="PORT",
                                                   help="Serve the assets on localhost:PORT until Ctrl-C (0: any free port).")] = None,
) -> None:
    """Neo4j Browser assets: the GRASS style (colour and `name` caption per label), a guide of the canned queries, and the queries as a .cypher file for Favorites. Serve them (--serve PORT), then paste into Browser:

    \b
      :style http://localhost:PORT/councilgraph.grass
      :play http://localhost:PORT/guide.html
    """
    from councilgraph.browser import browser_link
    from councilgraph.browser.serve import serve, write_assets

    uri = state.neo4j or os.environ.get("NEO4J_URI") or "neo4j://127.0.0.1:7687"
    auth = "BASIC" if os.environ.get("NEO4J_PASSWORD") else "NO_AUTH"
    _err().print(f"Open Neo4j Browser at {browser_link(bolt=uri, auth=auth)} "
              f"({'user neo4j and your password' if auth == 'BASIC' else 'No authentication'}).",
              markup=False, highlight=False, soft_wrap=True)

    if serve_port is None:
        files = write_assets(out_dir or Path("councilgraph-browser"))
        for f in files:
            _out().print(str(f), markup=False, highlight=False)
        _err().print("Drag councilgraph.grass onto Neo4j Browser to style it, and queries.cypher onto Favorites.")
        return
    try:
        srv, folder = serve(serve_port, out_dir)
    except OSError as e:
        if e.filename is not None:  # (the assets' folder: said as any file's problem)
            raise
        raise QueryError(f"localhost:{serve_port}: {(e.strerror or first_line(e)).lower()} (choose another --serve PORT, "
                         f"or 0 for any free one)") from e
    port = srv.server_address[1]
    _out().print(f":style http://localhost:{port}/councilgraph.grass", markup=False, highlight=False)
    _out().print(f":play http://localhost:{port}/guide.html", markup=False, highlight=False)
    _err().print(f"Serving councilgraph.grass, guide.html and queries.cypher (also written to {folder}) on "
              f"localhost:{port}, loopback only; paste the lines above into Neo4j Browser. Ctrl-C stops.",
              markup=False, highlight=False, soft_wrap=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        srv.shutdown()


@app.command()
@handled
def check(json_out: JsonOpt = False) -> None:
    """Check the store after a crash: recover it if a write was cut short, check that every document in it is whole, and list the documents to ingest again. Exit code 1 when something needs doing."""
    from councilgraph.graph.check import check_embedded, check_graph

    if state.neo4j or os.environ.get("NEO4J_URI"):
        store = _store(read_only=True)
        try:
            report = check_graph(store)
        finally:
            store.close()
    else:
        report = check_embedded(Path(state.store_path or os.environ.get("COUNCILGRAPH_STORE") or DEFAULT_STORE))
    if json_out:
        _print_json({"ok": report.ok, "documents": report.documents, "notes": report.notes,
                     "problems": report.problems, "reingest": report.reingest})
    else:
        for n in report.notes:
            _err().print(f"Note: {n}", markup=False, highlight=False, soft_wrap=True)
        for p in report.problems:
            _err().print(f"Problem: {p}", markup=False, highlight=False, soft_wrap=True)
        if report.reingest:
            _err().print("Ingest these again (`councilgraph ingest PATH…`):", markup=False)
            sys.stdout.write("".join(f"{k}\n" for k in report.reingest))
        _err().print(f"{_where()}: {report.documents} document(s)" + (", all whole." if report.ok else "."),
                  markup=False, highlight=False, soft_wrap=True)
    if not report.ok:
        raise typer.Exit(1)


_GLOBAL = ("--store", "--neo4j")


def global_options_first(argv: list[str]) -> list[str]:
    """The arguments with --store and --neo4j moved before the command where they were given after it
    (`councilgraph ingest --store x.db seeds`): they are councilgraph's options, and a newcomer puts them anywhere."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):  # the options before the command
        i += 2 if argv[i] in _GLOBAL else 1
    if i >= len(argv):
        return argv
    head, tail, moved, k = argv[:i], [], [], i + 1
    while k < len(argv) and argv[k] != "--":
        if argv[k] in _GLOBAL and k + 1 < len(argv):
            moved += argv[k:k + 2]
            k += 2
        elif argv[k].split("=", 1)[0] in _GLOBAL:
            moved.append(argv[k])
            k += 1
        else:
            tail.append(argv[k])
            k += 1
    return head + moved + [argv[i]] + tail + argv[k:]


def main() -> None:
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show "’" gets "?", not a traceback
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    app(args=global_options_first(sys.argv[1:]), prog_name="councilgraph")


if __name__ == "__main__":
    main()
