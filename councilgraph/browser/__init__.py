"""Neo4j Browser assets: the GRASS style (a colour and a `name` caption per label) and a guide
of the canned queries, generated from the catalogue so that the two never disagree."""

from __future__ import annotations

import html
from importlib import resources

from councilgraph.queries import catalogue

SAMPLE = {"who": "Director of Children", "words": "course", "body": "Committee", "name": "Department for Education",
          "person": "Meehan", "due": "January", "owner": "Cabinet Member", "requester": "Committee",
          "a": "Russell", "b": "Ofsted"}


def grass() -> str:
    return resources.files(__package__).joinpath("councilgraph.grass").read_text(encoding="utf-8")


def guide_html() -> str:
    """A Browser guide (`:play URL`): one slide per canned query, each a runnable Neo4j query."""
    slides = ['<slide class="row-fluid"><div class="col-sm-12"><h3>councilgraph</h3>'
              "<p>Canned questions about who committed to what. Click a query to put it in the editor, "
              "then run it. Parameters are set with <code>:params</code> first.</p></div></slide>"]
    for q in catalogue().values():
        params = ", ".join(f"{k}: {SAMPLE.get(k, k)!r}" for k in q.params)
        cypher = q.text_for("neo4j")
        slides.append(
            f'<slide class="row-fluid"><div class="col-sm-12"><h3>{html.escape(q.name)}</h3>'
            f"<p>{html.escape(q.answers)}</p>"
            + (f'<pre mode="cypher" class="runnable">:params {{{html.escape(params)}}}</pre>' if params else "")
            + f'<pre mode="cypher" class="runnable">{html.escape(cypher)}</pre></div></slide>')
    return '<style type="text/css">pre{white-space:pre-wrap}</style>\n' + "\n".join(slides)


def favorites_cypher() -> str:
    """The canned queries as one .cypher file of `// name` blocks: drag it onto Browser's Favorites."""
    return "\n\n".join(f"// {q.name}: {q.answers}\n{q.text_for('neo4j')};" for q in catalogue().values()) + "\n"
