"""Loaders: segmentation of real ModernGov pages, metadata, encodings, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from councilgraph.errors import LoaderError
from councilgraph.loaders import discover, load
from councilgraph.loaders.manifest import Manifest
from tests.conftest import CORPUS, SEEDS, corpus, seed


def _decisions(doc):
    return [(b.point, b.text) for it in doc.items for b in it.blocks if b.kind == "point" and b.resolution is not None]


def test_agenda_item_title_description_and_numbered_paragraphs():
    doc = load(seed("000"))
    (item,) = doc.items
    assert item.title == "Children First Improvement Programme Update"
    assert item.description.startswith("Report by Executive Director of Children, Young People and Learning.")
    paras = [b.para for b in item.blocks]
    assert paras[0] == "31.1" and "31.5" in paras
    assert sum(b.kind == "bullet" for b in item.blocks if b.para == "31.3") == 6


def test_numbered_resolution_points_take_the_paragraph_number():
    points = [p for p, _ in _decisions(load(seed("000")))]
    assert points == [f"31.5.{i}" for i in range(1, 7)]


def test_two_resolutions_in_one_item_and_a_lettered_heading_closes_the_first():
    doc = load(seed("001"))
    points = [p for p, _ in _decisions(doc)]
    assert points == ["9.6.1", "9.6.2", "9.11.1", "9.11.2", "9.11.3"]
    # the bullets under point 2 belong to it; "b) Fostering Initiative" is a heading, not a decision
    text = dict(_decisions(doc))["9.6.2"]
    assert "Social Work Retention offer" in text
    assert not any("Fostering Initiative" == t for _, t in _decisions(doc))


def test_lettered_resolution_after_moved_and_seconded():
    points = [p for p, _ in _decisions(load(seed("004")))]
    assert points == ["(a)", "(b)", "(c)", "(d)"]


def test_single_unnumbered_resolved_line_is_one_decision():
    decisions = _decisions(load(seed("002")))
    assert len(decisions) == 1 and decisions[0][1].startswith("Members welcomed the progress")


def test_agenda_and_minutes_page_splits_into_numbered_items():
    doc = load(corpus("024"))
    assert [(i.number, i.title) for i in doc.items][:3] == [
        ("1", "Apologies"), ("2", "Appointment of Chair and Deputy Chair"), ("3", "Terms of Reference and Membership")]
    assert doc.meta.body == "Children's Services Scrutiny Committee" and doc.meta.date == "2016-03-09"


def test_issue_page_meeting_line_gives_date_body_and_item_number():
    (item,) = load(corpus("001")).items
    assert (item.number, item.date, item.body) == ("68", "2010-01-18", "Children and Families Scrutiny Committee")


def test_decision_page_gives_decision_maker_and_date():
    doc = load(corpus("035"))
    assert doc.meta.body == "Cabinet" and doc.meta.date == "2017-03-07"


def test_manifest_gives_council_and_is_not_a_document():
    docs = list(discover([CORPUS]))
    assert all(p.name != "manifest.csv" for p, _ in docs)
    meta = dict((p.name, m) for p, m in docs)[corpus("051").name]
    assert meta.council == "Torbay Council"
    assert Manifest.read(SEEDS).rows == {}


def test_seeds_have_no_council_unless_told(tmp_path):
    assert load(seed("000")).meta.council is None


def test_empty_file_is_refused_naming_it(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("  \n")
    with pytest.raises(LoaderError, match=r"empty\.txt: the file is empty"):
        load(f)


def test_binary_file_is_refused_naming_it(tmp_path):
    f = tmp_path / "minutes.txt"
    f.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(LoaderError, match=r"minutes\.txt: not a text file"):
        load(f)


def test_windows_1252_file_is_decoded(tmp_path):
    f = tmp_path / "cp1252.txt"
    f.write_bytes(seed("003").read_text(encoding="utf-8").encode("cp1252"))
    doc = load(f)
    assert doc.items[0].title == "Children's Improvement Plan Update"
    assert any("Children’s Commissioner" in b.text for b in doc.items[0].blocks)


def test_html_page_reads_like_its_text(tmp_path):
    lines = seed("000").read_text(encoding="utf-8").splitlines()
    html = "<html><body><div id='modgov'>" + "".join(f"<p>{ln}</p>" for ln in lines) + "</div></body></html>"
    f = tmp_path / "item.html"
    f.write_text(html, encoding="utf-8")
    assert [p for p, _ in _decisions(load(f))] == [f"31.5.{i}" for i in range(1, 7)]


def _pdf_with_text(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (standard Helvetica, WinAnsi)."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    ops = "BT /F1 9 Tf 40 800 Td 11 TL " + " ".join(f"({esc(ln)}) Tj T*" for ln in lines) + " ET"
    stream = ops.encode("cp1252", "replace")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_pdf_minutes_are_read_from_their_text_layer(tmp_path):
    lines = [ln for ln in seed("004").read_text(encoding="utf-8").splitlines() if ln.strip()][-12:]
    f = tmp_path / "minutes.pdf"
    f.write_bytes(_pdf_with_text(lines))
    assert [p for p, _ in _decisions(load(f))] == ["(a)", "(b)", "(c)", "(d)"]


def test_broken_pdf_is_refused_naming_it(tmp_path):
    f = tmp_path / "broken.pdf"
    f.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    with pytest.raises(LoaderError, match=r"broken\.pdf"):
        load(f)


def test_every_corpus_file_loads():
    for p, meta in discover([CORPUS]):
        doc = load(p, meta)
        assert doc.items, p.name


def test_unknown_suffix_is_refused():
    with pytest.raises(LoaderError, match="unsupported file type"):
        load(Path("minutes.docx"))


def test_resolution_points_all_numbered_one_are_numbered_in_order():
    points = [p for p, _ in _decisions(load(corpus("029")))]
    assert points == ["6.1", "6.2", "6.3", "6.4", "6.5"]  # item 6's points, exported as "1. 1. 1."


def test_page_without_minutes_lines_splits_on_additional_documents():
    titles = [i.title for i in load(corpus("057")).items]
    assert titles == ["Declarations of Interest",
                      "Minutes of the Safeguarding Overview and Scrutiny Committee meeting held on 18 April 2024",
                      "Education and current key themes"]
    assert load(corpus("057")).items[2].description.startswith("Presentation by the Assistamt Director")


def test_items_written_one_a_line_split_at_minutes():
    items = load(corpus("027")).items
    assert items[0].title.startswith("Apologies for Absence")
    assert items[0].blocks[0].text.startswith("Apologies for absence were received from Cllr Cook")


def test_item_without_a_minutes_line_keeps_its_title_and_description():
    (item,) = load(corpus("082")).items
    assert item.title == "Cabinet Member for Young People and Learning - Portfolio Update Report"
    assert item.description.startswith("To receive an update report from the Cabinet Member")
    assert item.blocks[0].para == "5.1"


def test_decision_page_title_is_its_first_line_not_its_metadata():
    (item,) = load(corpus("035")).items
    # the page's purpose, wrapped over six lines by the site, is read as one line again
    assert item.title.startswith("Improve outcomes for children and young people by working collaboratively")
    assert item.title.endswith("for Children’s Social Care.")


def test_item_numbers_printed_before_titles_are_taken_apart():
    (item,) = load(corpus("003")).items
    assert item.number == "113" and item.title.startswith("Children's Trust")


def test_page_that_starts_with_its_decisions_has_no_made_up_title():
    (item,) = load(corpus("011")).items
    assert item.title == "" and [b.point for b in item.blocks] == ["1", "2"]


def test_bullets_under_a_resolved_heading_are_one_point_each():
    from councilgraph.loaders.segment import segment

    bullets = corpus("034").read_text(encoding="utf-8")  # two real bullet decisions, minuted under a heading
    items, _ = segment("Agenda item\n\nChildren's Centres\n\nMinutes:\n\nRESOLVED:\n\n" + bullets)
    points = [b.text for b in items[0].blocks if b.kind == "point"]
    assert len(points) == 2 and points[0].startswith("Authorised a 6 week consultation")


def test_a_table_cell_wrapped_onto_the_next_row_is_joined_back():
    """The Ofsted Board's action table wraps a long action onto a row whose first and last cells are empty:
    it continues the row above; a row with an owner in its last cell is a new action."""
    blocks = [b.text for it in load(corpus("014")).items for b in it.blocks]
    assert any(t.startswith("Nick Brook to circulate a note") and t.endswith("retention of data collected through "
                                                                            "surveys") for t in blocks)
    assert any(t.startswith("Richard Brooks to discuss") for t in blocks)
