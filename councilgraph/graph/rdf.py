"""The graph as RDF on published vocabularies, and back.

Each node and fact keeps its councilgraph terms (cg:, exact, so that `from_rdf` gives the same graph back) and is
also said in the vocabularies other tools read:

- W3C ORG: councils, bodies and organisations are org:Organization (bodies also org:OrganizationalUnit), posts are
  org:Post; HOLDS is org:holds, ROLE_IN org:postIn, PART_OF org:subOrganizationOf, REPORTS_TO org:reportsTo.
- FOAF: people are foaf:Person with foaf:name; source documents are foaf:Document.
- PROV-O: every fact is an rdf:Statement and a prov:Entity, prov:wasDerivedFrom its document, its paragraph and the
  quoted sentence (a prov:Entity with prov:value, prov:wasQuotedFrom the paragraph or document).
- schema.org: actions are schema:Action with schema:agent (owners), schema:object (what they arise from),
  schema:endTime (due date), schema:actionStatus, schema:result (the items that reported on them); meetings are
  schema:Event with schema:startDate and schema:attendee.
- Dublin Core: documents have dcterms:identifier and dcterms:source; agenda items dcterms:title, dcterms:date,
  dcterms:isPartOf their document, dcterms:creator their authors, dcterms:references what they mention.

SHACL shapes for this export ship as councilgraph/graph/shapes.ttl (`shapes()`).
"""

from __future__ import annotations

import re
from importlib import resources
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV

from councilgraph.graph.export import ID_BASE, NS, GraphData, _clean
from councilgraph.graph.model import NODE_PROPS, REL_PROPS, Label, RelType

CG = Namespace(NS)
SDO = Namespace("https://schema.org/")
DOC_BASE = ID_BASE + "doc/"
FACT_BASE = ID_BASE + "fact/"
_LISTS = ("sources", "aliases")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: Label -> the published classes its nodes also have.
CLASSES: dict[str, tuple[URIRef, ...]] = {
    Label.PERSON: (FOAF.Person, PROV.Agent),
    Label.ROLE: (ORG.Post,),
    Label.COUNCIL: (ORG.Organization, ORG.FormalOrganization, FOAF.Organization),
    Label.BODY: (ORG.Organization, ORG.OrganizationalUnit, FOAF.Organization),
    Label.ORGANISATION: (ORG.Organization, FOAF.Organization),
    Label.MEETING: (SDO.Event,),
    Label.AGENDA_ITEM: (PROV.Entity,),
    Label.DECISION: (PROV.Entity,),
    Label.ACTION: (SDO.Action,),
}
#: Relationship type -> (published property, whether it runs the other way).
PROPERTIES: dict[str, tuple[URIRef, bool]] = {
    RelType.HOLDS: (ORG.holds, False),
    RelType.ROLE_IN: (ORG.postIn, False),
    RelType.PART_OF: (ORG.subOrganizationOf, False),
    RelType.REPORTS_TO: (ORG.reportsTo, False),
    RelType.OWNS: (SDO.agent, True),
    RelType.ARISES_FROM: (SDO.object, False),
    RelType.FOLLOWED_UP_BY: (SDO.result, False),
    RelType.AUTHORED: (DCTERMS.creator, True),
    RelType.MENTIONS: (DCTERMS.references, False),
    RelType.HAS_ITEM: (DCTERMS.hasPart, False),
    RelType.HELD: (SDO.organizer, True),
    RelType.ATTENDED: (SDO.attendee, True),
}
_STATUS = {"reported": SDO.CompletedActionStatus, "open": SDO.ActiveActionStatus,
           "overdue": SDO.FailedActionStatus, "no-date": SDO.PotentialActionStatus}


def uri(node_id: str) -> URIRef:
    """A node's IRI: its id with ':' as a path step, everything else percent-encoded."""
    return URIRef(ID_BASE + quote(node_id.replace(":", "/", 1), safe="/-._~"))


def doc_uri(source: str) -> URIRef:
    return URIRef(DOC_BASE + quote(source, safe="-._~"))


def _bind(g: Graph) -> Graph:
    for prefix, ns in (("cg", CG), ("org", ORG), ("foaf", FOAF), ("prov", PROV), ("schema", SDO),
                       ("dcterms", DCTERMS)):
        g.bind(prefix, ns, override=True)
    return g


def _lit(key: str, value: object) -> Literal:
    return Literal(float(value), datatype=XSD.double) if key == "score" else Literal(str(value))


def to_rdf(data: GraphData) -> Graph:
    """The whole graph as RDF (see the module's docstring for the vocabularies)."""
    g = _bind(Graph())
    docs: dict[str, str | None] = {}
    for label, p in data.nodes:
        u = uri(p["id"])
        g.add((u, RDF.type, CG[label]))
        for c in CLASSES.get(label, ()):
            g.add((u, RDF.type, c))
        g.add((u, RDFS.label, Literal(p["name"])))
        for k, v in _clean(p).items():
            for x in v if isinstance(v, list) else [v]:
                g.add((u, CG[k], _lit(k, x)))
        g.add((u, CG.id, Literal(p["id"])))
        for src in _clean(p).get("sources", []):  # documents by their file names, as relationships give them
            docs.setdefault(src, None)
            g.add((u, PROV.wasDerivedFrom, doc_uri(src)))
        _say(g, label, u, p, docs)
    for t, s, e, p in data.rels:
        a, b = uri(s), uri(e)
        g.add((a, CG[t], b))
        if t in PROPERTIES:
            prop, back = PROPERTIES[t]
            g.add((b, prop, a) if back else (a, prop, b))
        _fact(g, t, a, b, p, docs)
    for src, url in docs.items():
        d = doc_uri(src)
        g.add((d, RDF.type, FOAF.Document))
        g.add((d, RDF.type, PROV.Entity))
        g.add((d, DCTERMS.identifier, Literal(src)))
        if url:
            g.add((d, DCTERMS.source, Literal(url)))
    return g


def _say(g: Graph, label: str, u: URIRef, p: dict, docs: dict[str, str | None]) -> None:
    """The published terms of one node's own properties."""
    if label == Label.PERSON:
        g.add((u, FOAF.name, Literal(p["name"])))
    elif label == Label.MEETING and p.get("date") and _DATE.match(p["date"]):
        g.add((u, SDO.startDate, Literal(p["date"], datatype=XSD.date)))
    elif label == Label.AGENDA_ITEM:
        g.add((u, DCTERMS.title, Literal(p["name"])))
        if p.get("date") and _DATE.match(p["date"]):
            g.add((u, DCTERMS.date, Literal(p["date"], datatype=XSD.date)))
        if p.get("source"):
            g.add((u, DCTERMS.isPartOf, doc_uri(p["source"])))
            if p.get("url"):
                docs[p["source"]] = docs.get(p["source"]) or p["url"]
            else:
                docs.setdefault(p["source"], None)
    elif label == Label.ACTION:
        g.add((u, SDO.description, Literal(p["name"])))
        if p.get("due_date") and _DATE.match(p["due_date"]):
            g.add((u, SDO.endTime, Literal(p["due_date"], datatype=XSD.date)))
        if p.get("status") in _STATUS:
            g.add((u, SDO.actionStatus, _STATUS[p["status"]]))


def _fact(g: Graph, t: str, a: URIRef, b: URIRef, p: dict, docs: dict[str, str | None]) -> None:
    """One fact's provenance: the statement, its document, paragraph and quoted sentence."""
    st = URIRef(FACT_BASE + p["id"])
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.type, PROV.Entity))
    g.add((st, RDF.subject, a))
    g.add((st, RDF.predicate, CG[t]))
    g.add((st, RDF.object, b))
    for k, v in _clean(p).items():
        g.add((st, CG[k], _lit(k, v)))
    g.add((st, CG.id, Literal(p["id"])))
    if not p.get("source"):
        return
    doc = doc_uri(p["source"])
    docs.setdefault(p["source"], None)
    g.add((st, PROV.wasDerivedFrom, doc))
    where = doc
    if p.get("para"):
        where = URIRef(f"{doc}#para-{quote(str(p['para']), safe='-._~')}")
        g.add((where, RDF.type, PROV.Entity))
        g.add((where, DCTERMS.isPartOf, doc))
        g.add((where, DCTERMS.identifier, Literal(str(p["para"]))))
        g.add((st, PROV.wasDerivedFrom, where))
    if p.get("evidence"):
        q = URIRef(f"{st}#quote")
        g.add((q, RDF.type, PROV.Entity))
        g.add((q, PROV.value, Literal(p["evidence"])))
        g.add((q, PROV.wasQuotedFrom, where))
        g.add((st, PROV.wasDerivedFrom, q))


def from_rdf(g: Graph) -> GraphData:
    """The graph an export of `to_rdf` came from, read from its councilgraph terms."""
    labels = {CG[lab.value]: lab.value for lab in Label}
    data = GraphData()
    for s, lab in sorted(((s, labels[o]) for s, o in g.subject_objects(RDF.type) if o in labels), key=lambda x: str(x[0])):
        row: dict[str, object] = {k: None for k in NODE_PROPS}
        row["sources"], row["aliases"] = [], []
        for k in NODE_PROPS:
            vals = sorted(str(v) for v in g.objects(s, CG[k]))
            if k in _LISTS:
                row[k] = vals
            elif vals:
                row[k] = vals[0]
        data.nodes.append((lab, row))
    for st in sorted(g.subjects(RDF.type, RDF.Statement), key=str):
        t = str(g.value(st, RDF.predicate)).removeprefix(NS)
        start, end = g.value(g.value(st, RDF.subject), CG.id), g.value(g.value(st, RDF.object), CG.id)
        row = {k: None for k in REL_PROPS}
        for k in REL_PROPS:
            v = g.value(st, CG[k])
            if v is not None:
                row[k] = v.toPython() if k == "score" else str(v)
        data.rels.append((t, str(start), str(end), row))
    return data


def shapes() -> Graph:
    """The SHACL shapes an export must satisfy."""
    text = resources.files("councilgraph.graph").joinpath("shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def validate(g: Graph) -> tuple[bool, str]:
    """pySHACL's verdict on an export: conforms, and the report's text."""
    from pyshacl import validate as shacl

    conforms, _, text = shacl(g, shacl_graph=shapes(), inference="none", advanced=True)
    return bool(conforms), str(text)


CONTEXT = {"cg": NS, "org": str(ORG), "foaf": str(FOAF), "prov": str(PROV), "schema": str(SDO),
           "dcterms": str(DCTERMS), "rdfs": str(RDFS), "xsd": str(XSD)}
