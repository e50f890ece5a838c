"""What user Cypher may do here: read. An allow-list over the clause structure of the statement.

The statement is tokenised (strings, comments, backtick names and parameters are taken out first),
and every word that stands where a clause may begin must be one of the reading clauses or their
sub-keywords; `CALL` may name only known read-only procedures. Anything else — COPY, LOAD, ATTACH,
EXPORT, CHECKPOINT, SET, TERMINATE, a second statement — is refused before the engine sees it. The
check errs on the side of refusing: a word it cannot place is not a reading clause.
"""

from __future__ import annotations

import re

from councilgraph.errors import QueryError

#: Words that may begin a statement or a subquery.
STARTERS = {"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"}
#: Words that may follow a complete expression or pattern: later clauses and their parts, and the
#: infix operators of expressions.
CONTINUE = STARTERS | {
    "WHERE", "ORDER", "BY", "SKIP", "LIMIT", "UNION", "ALL", "AS", "DISTINCT", "ASC", "ASCENDING", "DESC",
    "DESCENDING", "YIELD", "AND", "OR", "XOR", "NOT", "IN", "IS", "NULL", "STARTS", "ENDS", "CONTAINS",
    "WHEN", "THEN", "ELSE", "END", "CASE", "TRUE", "FALSE", "COUNT", "EXISTS",
    "SHORTEST", "WSHORTEST", "TRAIL", "ACYCLIC", "WALK",  # path modes of a relationship pattern
}
#: Words after which an expression, a pattern or a name follows (not a clause).
_OPENS_EXPRESSION = {
    "MATCH", "WITH", "UNWIND", "RETURN", "WHERE", "BY", "SKIP", "LIMIT", "AS", "DISTINCT", "YIELD", "AND", "OR",
    "XOR", "NOT", "IN", "IS", "STARTS", "ENDS", "CONTAINS", "WHEN", "THEN", "ELSE", "CASE", "COUNT", "EXISTS",
}
#: Read-only procedures and table functions `CALL` may name, by store.
PROCEDURES = {
    "embedded": {"show_tables", "table_info", "show_connection", "db_version", "show_functions",
                 "show_indexes", "show_official_extensions", "show_loaded_extensions"},
    "neo4j": {"db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships", "db.labels",
              "db.relationshiptypes", "db.propertykeys", "db.schema.visualization", "db.schema.nodetypeproperties",
              "db.schema.reltypeproperties"},
}

_TOKEN = re.compile(r"""
    (?P<space>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<name>`(?:[^`]|``)*`)
  | (?P<param>\$(?:[A-Za-z_][A-Za-z0-9_]*|`(?:[^`]|``)*`|[0-9]+))
  | (?P<number>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<punct>\.\.|<>|<=|>=|=~|->|<-|\+=|/(?!\*)|[^\sA-Za-z0-9_'"`/])
""", re.X | re.S)


def tokens(cypher: str) -> list[tuple[str, str]]:
    """(kind, text) pairs, whitespace and comments dropped; QueryError on an unclosed string or comment."""
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(cypher):
        m = _TOKEN.match(cypher, pos)
        if m is None or m.end() == pos:
            raise QueryError(f"cannot read the query near {cypher[pos:pos + 20]!r} (an unclosed quote or comment?)")
        kind = m.lastgroup or "punct"
        if kind != "space":
            out.append((kind, m.group()))
        pos = m.end()
    return out


def parameters(cypher: str) -> set[str]:
    """The names of the $parameters a statement uses."""
    return {t[1:].strip("`") for k, t in tokens(cypher) if k == "param"}


def check_params(cypher: str, params: dict | None) -> None:
    """Every $parameter the statement uses must be given: an unbound one is an error, never a null."""
    missing = sorted(parameters(cypher) - set(params or {}))
    if missing:
        raise QueryError(f"the query uses ${missing[0]} but no value was given (--param {missing[0]}=…)")


def check_read_only(cypher: str, kind: str) -> None:
    """QueryError unless the statement only reads (see the module's docstring)."""
    toks = tokens(cypher)
    while toks and toks[-1] == ("punct", ";"):
        toks.pop()
    if not toks:
        raise QueryError("the query is empty")
    refuse = "the store runs read-only Cypher here; only MATCH, OPTIONAL MATCH, WITH, UNWIND, WHERE, RETURN, " \
             "ORDER BY, SKIP, LIMIT, UNION and CALL of read-only procedures are allowed"
    procs = PROCEDURES[kind]
    if toks[0][0] != "word" or toks[0][1].upper() not in STARTERS:
        raise QueryError(f"{toks[0][1]} is not allowed: {refuse}")
    prev: tuple[str, str] | None = None
    for i, (k, t) in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else ("", "")
        if k == "punct" and t == ";":
            raise QueryError("one statement at a time: " + refuse)
        if k != "word":
            prev = (k, t)
            continue
        up = t.upper()
        if prev is not None and prev[0] == "punct" and prev[1] in (".", ":", "|", "$"):
            pass  # a property, label, relationship type or map key: a name, not a clause
        elif prev is None or (prev[0] == "punct" and prev[1] == "{" and nxt[1] not in (":", ",", "}")):
            if up not in STARTERS:  # the start of the statement or of a subquery
                raise QueryError(f"{t} is not allowed: {refuse}")
        elif _ends_expression(prev):
            if up not in CONTINUE:
                raise QueryError(f"{t} is not allowed: {refuse}")
        if up == "CALL" and not (prev is not None and prev[0] == "punct" and prev[1] in (".", ":")):
            _check_call(toks, i, procs, refuse)
        elif nxt[1] == "." and not (prev is not None and prev[1] in (".", "CALL")):
            _check_namespaced(toks, i, refuse)
        prev = (k, up if k == "word" else t)


#: Namespaces of built-in functions (Neo4j's temporal, spatial and vector ones). A function of any
#: other namespace — a plugin's, such as apoc.cypher.run or apoc.load.json — may do anything.
FUNCTION_NAMESPACES = {"date", "datetime", "localdatetime", "localtime", "time", "duration", "point", "vector"}


def _dotted_name(toks: list[tuple[str, str]], j: int) -> tuple[list[str], int]:
    """The parts of a dotted name starting at token j ("apoc.load.json"), and the index after it."""
    name: list[str] = []
    while j < len(toks) and toks[j][0] in ("word", "name"):
        name.append(toks[j][1].strip("`"))
        if j + 1 < len(toks) and toks[j + 1][1] == ".":
            j += 2
        else:
            j += 1
            break
    return name, j


def _check_namespaced(toks: list[tuple[str, str]], i: int, refuse: str) -> None:
    """`a.b.c(` outside CALL is a namespaced function: only the built-in namespaces may be called."""
    name, j = _dotted_name(toks, i)
    if j < len(toks) and toks[j][1] == "(" and len(name) > 1 and name[0].lower() not in FUNCTION_NAMESPACES:
        raise QueryError(f"{'.'.join(name)}() is not allowed: {refuse}")


def _ends_expression(tok: tuple[str, str]) -> bool:
    """Whether a token can end an expression or pattern, so that a clause may follow it."""
    k, t = tok
    if k == "word":
        return t.upper() not in _OPENS_EXPRESSION and t.upper() != "CALL"  # CALL: _check_call reads its name
    return k in ("string", "name", "param", "number") or t in (")", "]", "}", "*")


def _check_call(toks: list[tuple[str, str]], i: int, procs: set[str], refuse: str) -> None:
    """CALL names a known read-only procedure, or opens a subquery `CALL {…}` / `CALL (x) {…}`."""
    j = i + 1
    if j < len(toks) and toks[j][1] == "(":  # CALL (a, b) { … }: variables a subquery imports
        depth = 0
        while j < len(toks):
            depth += {"(": 1, ")": -1}.get(toks[j][1], 0)
            j += 1
            if depth == 0:
                break
    if j < len(toks) and toks[j][1] == "{":
        return
    name, j = _dotted_name(toks, j)
    proc = ".".join(name).lower()
    if not proc or proc not in procs or j >= len(toks) or toks[j][1] != "(":
        raise QueryError(f"CALL {proc or '…'} is not allowed: {refuse}")
