"""ModernGov pages and web service answers: read with a real parser, they give what the text gives."""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import pytest

from councilgraph.extract.pipeline import extract
from councilgraph.extract.resolve import infer_home
from councilgraph.graph.model import Label, RelType
from councilgraph.loaders import load, sniff
from councilgraph.loaders.moderngov import attendance, load_getmeeting
from councilgraph.loaders.segment import normalise
from tests.conftest import CORPUS, SEEDS, cli, corpus
from tests.fake_moderngov import page, paragraphs, split_title

KINDS = ("mgAi", "ieListDocuments", "ieIssueDetails", "decision")


def _pages() -> list[tuple[str, str]]:
    with (CORPUS / "manifest.csv").open(encoding="utf-8") as f:
        return [(r["file"], r["format"]) for r in csv.DictReader(f) if r["format"] in KINDS]


def _shape(doc) -> list[tuple]:
    return [(it.title, it.number, it.description, [(b.text, b.para, b.kind, b.point, b.resolution) for b in it.blocks])
            for it in doc.items]


@pytest.mark.parametrize("name,kind", _pages())
def test_a_saved_page_reads_as_its_text(tmp_path, name, kind):
    text = (CORPUS / name).read_text(encoding="utf-8")
    saved = tmp_path / f"{Path(name).stem}.aspx"  # saved under the page's own name: read by content
    saved.write_text(page(paragraphs(text.splitlines()), title=kind), encoding="utf-8")
    as_html, as_text = load(saved), load(CORPUS / name)
    assert _shape(as_html) == _shape(as_text)
    assert [(a.name, a.attended_as) for a in as_html.attendance] == [(a.name, a.attended_as) for a in as_text.attendance]


def test_navigation_scripts_and_footers_are_not_minutes(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(page(paragraphs(corpus("017").read_text(encoding="utf-8").splitlines())), encoding="utf-8")
    text = " ".join(b.text for it in load(p).items for b in it.blocks)
    assert "mgTrack" not in text and "Skip navigation" not in text and "Copyright" not in text


def test_whole_meeting_attendance_lists(tmp_path):
    """An ieListDocuments page's Present / substitutes / Officers lists, read from the HTML page."""
    src = corpus("020")
    p = tmp_path / "meeting.html"
    p.write_text(page(paragraphs(src.read_text(encoding="utf-8").splitlines())), encoding="utf-8")
    doc = load(p)
    by = {a.name: a for a in doc.attendance}
    lines = [ln for ln in normalise(src.read_text(encoding="utf-8")) if ln]
    first = next(ln for ln in lines if ln.startswith("Voting Members:")).split(":", 1)[1]
    chair = first.split("-")[0].replace("Councillor", "").strip()  # the member in the chair, as the page names her
    assert by[chair].attended_as == "member" and by[chair].honorific == "Councillor"
    in_place = next(ln for ln in lines if "(in place of" in ln)
    sub = in_place.split("(")[0].replace("Councillor", "").strip()
    assert by[sub].attended_as == "substitute"
    officer = next(ln for ln in lines if ln.startswith("Whole of meeting:")).split(":", 1)[1].split("(")[0].strip()
    assert by[officer].attended_as == "officer"
    assert sum(a.attended_as == "member" for a in doc.attendance) >= 10


def test_apologies_and_substitutes_in_sentences():
    text = corpus("027").read_text(encoding="utf-8")
    people = attendance(normalise(text))
    kinds = {a.attended_as for a in people}
    assert kinds == {"apologies", "substitute"}
    sentence = next(s for s in text.split("Minutes:") if "Apologies for absence were received" in s)
    for a in people:
        assert a.name in sentence and "." not in a.name


def test_attendance_and_posts_become_graph_facts(tmp_path):
    doc = load(corpus("014"))
    doc.meta.date = doc.meta.date or "2013-06-11"
    g = extract(doc)  # the pipeline adds the attendance (extract/attendance.py)
    home = infer_home(doc.source, doc.meta.council, doc.meta.body, [], doc.text)
    attended = [r for r in g.rels.values() if r.type is RelType.ATTENDED]
    assert {r.props["as"] for r in attended} == {"member", "guest", "apologies"}
    assert all(r.end.startswith(f"meeting:{home.scope}/") and r.start.startswith("person:") for r in attended)
    assert all(r.row()["as"] == r.props["as"] for r in attended)
    chair = next(a for a in doc.attendance if a.post == "Chair")
    holds = [r for r in g.rels.values() if r.type is RelType.HOLDS]  # from the list, or its sentence read first
    assert any(chair.name.split()[-1].lower() in r.start for r in holds)


def _getmeeting(title: str, body: str, number: str = "1", *, actions: str = "", attendees: str = "",
                published: bool = True, committee: str = "Children and Young People Scrutiny Committee") -> str:
    return ("<?xml version='1.0' encoding='utf-8'?><getmeeting xmlns='http://moderngov.co.uk/namespaces'><meeting>"
            f"<meetingid>42</meetingid><committeetitle>{html.escape(committee)}</committeetitle>"
            "<meetingdate>14/01/2025</meetingdate><meetingtime>10:00</meetingtime>"
            f"<meetinglocation>County Hall</meetinglocation><minutepublished>{published}</minutepublished><agendaitems>"
            f"<agendaitem><agendaitemid>9</agendaitemid><agendaitemtitle>{title}</agendaitemtitle>"
            f"<agendaitemnumber>{number}</agendaitemnumber><fulldisplaynumberformat>{number}.</fulldisplaynumberformat>"
            f"<minutesitemnumber>{number}</minutesitemnumber>"
            f"<minutesnonemptyhtmlbody>{html.escape(paragraphs(body.splitlines()))}</minutesnonemptyhtmlbody>"
            f"<commentlabel2>Actions</commentlabel2><commenttext2>{html.escape(actions)}</commenttext2>"
            "<isdecision>True</isdecision><isrestricted>False</isrestricted><linkeddocuments><linkeddoc>"
            "<attachmentid>1</attachmentid><title>Report</title><url>https://example.gov.uk/documents/s1/r.pdf</url>"
            f"</linkeddoc></linkeddocuments></agendaitem></agendaitems><attendees>{attendees}</attendees></meeting></getmeeting>")


def test_getmeeting_answer_is_a_document(tmp_path):
    title, body = split_title(next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8"))
    people = ("<attendee memberid='1' name='Councillor Jane Smith' roledescription='Chairman' attendance='Present'/>"
              "<attendee memberid='2' name='Councillor Bob Jones' roledescription='Committee Member' attendance='Apologies'/>"
              "<attendee memberid='3' name='Councillor Ann Lee' roledescription='Substitute' attendance='Present as substitute'/>"
              "<attendee memberid='4' name='Mark Reed' roledescription='Officer' attendance='In attendance'/>"
              "<attendee memberid='5' name='Councillor Tom Cole' roledescription='Committee Member' attendance='Absent'/>")
    xml = _getmeeting(html.escape(html.escape(html.escape(title + " & review"))), body,
                      actions="<p>Officers to circulate the plan by 1 March</p>", attendees=people)
    p = tmp_path / "GetMeeting"  # no extension: the content says what it is
    p.write_text(xml, encoding="utf-8")
    assert sniff(p) is not None
    doc = load(p)
    assert doc.meta.date == "2025-01-14" and doc.meta.body == "Children and Young People Scrutiny Committee"
    item = doc.items[0]
    assert item.title == title + " & review" and item.number == "1"
    assert item.actions_text == "Officers to circulate the plan by 1 March"
    assert {a.name: a.attended_as for a in doc.attendance} == {
        "Jane Smith": "member", "Bob Jones": "apologies", "Ann Lee": "substitute", "Mark Reed": "officer"}
    assert next(a for a in doc.attendance if a.name == "Jane Smith").post == "Chairman"


def test_a_filled_actions_field_gives_actions(tmp_path):
    """A web service's "Actions" field is the minutes' own list: a line a rule reads keeps its owner, any other
    line is still an action (extractor `actions-field`)."""
    title, body = split_title(next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8"))
    actions = "<p>Mr Clark to circulate the staff survey results</p><p>Officers to circulate the plan by 1 March</p>"
    p = tmp_path / "GetMeeting.xml"
    p.write_text(_getmeeting(html.escape(title), body, actions=actions), encoding="utf-8")
    g = extract(load(p))
    found = {}
    for n in g.nodes.values():
        if n.label is Label.ACTION:
            rels = [r for r in g.rels.values() if n.id in (r.start, r.end)]
            found[n.name] = ({r.extractor for r in rels}, [g.nodes[r.start].name for r in rels if r.type is RelType.OWNS])
    assert found["circulate the staff survey results"] == ({"someone-to-do"}, ["Clark"])
    assert found["Officers to circulate the plan by 1 March"][0] == {"actions-field"}


def test_broken_xml_is_one_line_error(tmp_path):
    from councilgraph.errors import LoaderError

    p = tmp_path / "m.xml"
    p.write_text(_getmeeting("T", "Body text.")[:300], encoding="utf-8")
    with pytest.raises(LoaderError, match="m.xml: not well-formed XML"):
        load_getmeeting(p, p.read_bytes())


def test_same_minutes_as_text_page_and_web_service_give_the_same_graph(tmp_path, runner):
    """One seed's minutes as text, as an agenda-item page and as GetMeeting XML: three ingests, one graph."""
    title, body = split_title(next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8"))
    text = f"1.\n\n{title}\n\nMinutes:\n\n{body}"
    committee = "Children and Young People Scrutiny Committee"
    forms = {
        "txt": text,
        "html": page(paragraphs(text.splitlines()), title="Agenda item"),
        "xml": _getmeeting(html.escape(title), body, committee=committee),
    }
    exports = {}
    for ext, content in forms.items():
        folder = tmp_path / ext
        folder.mkdir()
        (folder / f"minutes.{ext}").write_text(content, encoding="utf-8")
        (folder / "manifest.csv").write_text(f"file,council,body,date\nminutes.{ext},West Sussex County Council,"
                                             f"{committee},2025-01-14\n", encoding="utf-8")
        store = tmp_path / f"{ext}.db"
        assert cli(runner, store, "ingest", str(folder)).exit_code == 0
        out = tmp_path / f"{ext}.json"
        r = cli(runner, store, "export", "--format", "json", "--output", str(out))
        assert r.exit_code == 0, r.output
        text = re.sub(r"~[0-9a-f]{8}\b", "~PATH", out.read_text(encoding="utf-8"))  # ids carry a hash of the path
        data = json.loads(text.replace(f"minutes.{ext}", "minutes.SRC"))
        for r in data["relationships"]:
            r.pop("id")  # a hash of the fact and its source file's name, which differs by design
        data["relationships"].sort(key=lambda r: json.dumps(r, sort_keys=True))
        exports[ext] = data
    assert len(exports["txt"]["nodes"]) > 5 and len(exports["txt"]["relationships"]) > 5
    assert exports["html"] == exports["txt"]
    assert exports["xml"] == exports["txt"]


def test_attendance_list_forms():
    lines = ["Present:", "Councillors A Smith (Chairman), B Jones and C Brown",
             "Councillor F Black (in place of Councillor G Grey)",
             "Also present: Councillor D Green (Cabinet Member for Children and Families)",
             "Officers in attendance: Jane Doe - Director of Children's Services",
             "", "Apologies: Councillor E White",
             "1.", "Children's Services Update", "Minutes:", "The Committee noted the report."]
    got = {a.name: (a.attended_as, a.honorific, a.post) for a in attendance(lines)}
    assert got == {
        "A Smith": ("member", "Councillor", "Chairman"), "B Jones": ("member", "Councillor", None),
        "C Brown": ("member", "Councillor", None),
        "D Green": ("guest", "Councillor", "Cabinet Member for Children and Families"),
        "Jane Doe": ("officer", None, "Director of Children's Services"),
        "F Black": ("substitute", "Councillor", None), "E White": ("apologies", "Councillor", None)}
