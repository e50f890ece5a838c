"""Neo4j Browser assets: the GRASS style (a colour and a `name` caption per label) and a guide
of the canned queries, generated from the catalogue so that the two never disagree."""

from __future__ import annotations

import html
from importlib import resources

from councilgraph.graph.search import search_key
from councilgraph.queries import catalogue

SAMPLE = {"who": "Director of Children's Services", "words": "course", "body": "Committee",
          "name": "Department for Education", "person": "Meehan", "due": "January", "owner": "Cabinet Member",
          "requester": "Committee", "a": "Department for Education", "b": "Torbay Council"}

#: How to connect Browser to each server councilgraph documents (README "Neo4j Browser").
CONNECT = ("<p><b>Connect</b>: Connect URL <code>neo4j://127.0.0.1:7687</code>. For the bundled server "
           "(<code>docker/neo4j-local.sh start</code>) choose Authentication type <b>No authentication</b>; for "
           "the compose server (<code>docker compose -f docker/compose.yml up -d</code>) choose "
           "<b>Username / Password</b>: user <code>neo4j</code>, the password of <code>NEO4J_AUTH</code> in "
           "<code>docker/neo4j.env</code>.</p>"
           "<p><b>Parameters</b> are matched against each node's <code>search</code> key: lower case, "
           "apostrophes and quotes dropped, dashes and punctuation as spaces (the CLI does this for you; "
           "in Browser type them so, e.g. <code>director of childrens services</code>).</p>")


def browser_link(http: str = "http://127.0.0.1:7474", bolt: str = "neo4j://127.0.0.1:7687",
                 auth: str = "NO_AUTH") -> str:
    """A Browser address that fills in the connect form: the server and the authentication to choose
    (NO_AUTH for the bundled server, BASIC for the compose one)."""
    from urllib.parse import quote

    return f"{http.rstrip('/')}/browser/?dbms={quote(bolt, safe='')}&preselectAuthMethod={auth}"


def grass() -> str:
    return resources.files(__package__).joinpath("councilgraph.grass").read_text(encoding="utf-8")


def guide_html() -> str:
    """A Browser guide (`:play URL`): one slide per canned query, each a runnable Neo4j query."""
    slides = ['<slide class="row-fluid"><div class="col-sm-12"><h3>councilgraph</h3>'
              "<p>Canned questions about who committed to what. Click a query to put it in the editor, "
              "then run it. Parameters are set with <code>:params</code> first.</p>" + CONNECT + "</div></slide>"]
    for q in catalogue().values():
        # Browser binds what is typed as it is, so the guide's values are already search keys.
        params = ", ".join(f"{k}: {search_key(SAMPLE.get(k, '')) if not q.literal(k) else SAMPLE.get(k, '')!r}"
                           for k in q.params)
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
