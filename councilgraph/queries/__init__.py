"""The catalogue of canned Cypher: one file a query, `NAME.cypher`, with a header saying its name,
parameters and what it answers. Where LadybugDB and Neo4j write a query differently, the variants
sit side by side as `NAME.neo4j.cypher` and `NAME.embedded.cypher`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources

from councilgraph.errors import QueryError, UnknownQuery
from councilgraph.graph.search import search_key


@dataclass
class CannedQuery:
    name: str
    answers: str
    params: dict[str, str]  # name -> what to give
    cypher: dict[str, str] = field(default_factory=dict)  # store kind ("any", "neo4j", "embedded") -> text

    def text_for(self, kind: str) -> str:
        return self.cypher.get(kind) or self.cypher["any"]

    def bind(self, given: dict[str, str]) -> dict[str, str]:
        """The parameters, checked: every declared one given, nothing undeclared."""
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            raise QueryError(f"query '{self.name}' has no parameter {', '.join(unknown)} "
                             f"(it takes: {', '.join(self.params) or 'none'})")
        missing = [p for p in self.params if p not in given and not self.optional(p)]
        if missing:
            raise QueryError(f"query '{self.name}' needs --param {missing[0]}=… ({self.params[missing[0]]})")
        for p, value in given.items():  # a parameter of fixed values ("exact: open, overdue … or no-date") takes only those
            choices = self.choices(p)
            if choices and value and value not in choices:
                raise QueryError(f"query '{self.name}': --param {p} is one of {', '.join(choices)} (not {value!r})")
        # Values are matched against the nodes' `search` keys, so they are folded the same way; a date
        # (described with YYYY) or a parameter described "exact" is passed as given.
        return {p: given.get(p, "") if self.literal(p) else search_key(given.get(p, "")) for p in self.params}

    def literal(self, param: str) -> bool:
        doc = self.params[param]
        return "YYYY" in doc or "exact" in doc.lower()

    def choices(self, param: str) -> list[str]:
        """The values a parameter described "exact: a, b or c" takes; none for a free one."""
        m = re.search(r"exact:\s*(.+)$", self.params[param])
        return [c.strip() for c in re.split(r",|\bor\b", m[1]) if c.strip()] if m else []

    def optional(self, param: str) -> bool:
        """A parameter whose description starts "optional" may be left out (it then matches anything)."""
        return self.params[param].lower().startswith("optional")


def _parse(filename: str, text: str) -> tuple[str, str, CannedQuery]:
    head = dict(re.findall(r"^//\s*(\w+):\s*(.*)$", text, re.M))
    base, _, rest = filename.removesuffix(".cypher").partition(".")
    kind = rest or "any"
    params = {}
    for p in filter(None, (x.strip() for x in head.get("params", "").split(";"))):
        if p.lower() != "none":
            k, _, doc = p.partition(" ")
            params[k] = doc.strip(" ()") or k
    body = "\n".join(ln for ln in text.splitlines() if not ln.startswith("//")).strip()
    return base, kind, CannedQuery(head.get("name", base), head.get("answers", ""), params, {kind: body})


def catalogue() -> dict[str, CannedQuery]:
    """All canned queries by name."""
    out: dict[str, CannedQuery] = {}
    for f in sorted(resources.files(__package__).iterdir(), key=lambda p: p.name):
        if not f.name.endswith(".cypher"):
            continue
        base, kind, q = _parse(f.name, f.read_text(encoding="utf-8"))
        if base in out:
            out[base].cypher[kind] = q.cypher[kind]
            if kind == "any":
                out[base].answers, out[base].params = q.answers, q.params
        else:
            out[base] = q
    return out


def get(name: str) -> CannedQuery:
    cat = catalogue()
    if name not in cat:
        raise UnknownQuery(f"no canned query '{name}' (see `councilgraph query --list`)")
    return cat[name]
