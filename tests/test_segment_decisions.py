"""Decisions: each rule for the way minutes write resolutions, shown on the real minutes of two councils or more."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from councilgraph.loaders import load
from tests.conftest import corpus, seed


def decisions(path: Path) -> list[tuple[str | None, str]]:
    doc = load(path)
    return [(b.point, b.text) for it in doc.items for b in it.blocks if b.kind == "point" and b.resolution is not None]


def texts(path: Path) -> list[str]:
    return [t for _, t in decisions(path)]


@pytest.mark.parametrize("prefix, start", [
    ("041", "That the report and presentation be noted."),         # Durham: "Resolved" alone, blank lines, "That …"
    ("085", "That Councillor Gough be appointed as Chairman"),     # Solihull: "RESOLVED:" then "That …"
    ("027", "That the minutes of the meeting held on 29 April"),   # Cheshire East: "… Minutes: RESOLVED:" then "That …"
])
def test_a_bare_resolution_heading_takes_the_that_paragraph_after_it(prefix, start):
    assert [t for t in texts(corpus(prefix)) if t.startswith(start)]


@pytest.mark.parametrize("prefix, start", [
    ("008", "That the report be noted."),                                   # Cheshire East: last line of the minutes
    ("088", "That the minutes of the meetings held on 20th June 2024"),     # Doncaster: under a "Minutes" heading
])
def test_a_lone_that_be_noted_paragraph_is_a_resolution(prefix, start):
    assert [t for t in texts(corpus(prefix)) if t.startswith(start)]


def test_narrative_agreement_and_approval_are_not_decisions():
    # Cheshire East: "It was agreed that the Director … would look at …" is an action, not a resolution
    assert not [t for t in texts(corpus("008")) if "strengthening" in t]
    # Staffordshire: "The minutes of the joint … meeting … were agreed." is narrative past tense
    assert texts(corpus("058")) == [t for t in texts(corpus("058")) if t.startswith("the minutes of the Safe and Strong")]
    assert len(texts(corpus("058"))) == 1


def test_a_heading_ending_in_a_colon_opens_points_bullets_or_numbers():
    # Somerset: "It was agreed that: -" then four bullets, each a decision
    somerset = texts(corpus("022"))
    assert len(somerset) == 4 and somerset[-1] == "The work plan and outcome tracker be noted."
    # Lancashire-style seed: "31.5 Resolved that – the Committee:" then numbered points
    assert [p for p, _ in decisions(seed("000"))] == [f"31.5.{i}" for i in range(1, 7)]


@pytest.mark.parametrize("prefix, points", [
    ("081", ["(a)", "(b)"]),                                  # Swansea: "a.  The Chair write …", "b.  the … be NOTED."
    ("073", ["10.4(a)", "10.4(b)", "10.4(c)"]),               # Sheffield: "(a) notes …" under paragraph 10.4
    ("002", ["215(a)", "215(b)", "215(c)", "215(d)", "215(e)"]),  # Leeds: item 215's lettered points
    ("064", ["16(i)", "16(ii)"]),                             # Southampton: roman points under item 16
])
def test_lettered_and_roman_points_are_numbered_by_their_paragraph_or_item(prefix, points):
    assert [p for p, _ in decisions(corpus(prefix))] == points


@pytest.mark.parametrize("prefix, n", [("023", 3), ("035", 2), ("011", 2)])
def test_numbered_that_points_without_a_heading_are_a_resolution(prefix, n):
    # Slough "1)  that a progress report …"; Kirklees decision pages "1) That the Children’s Improvement Plan …"
    found = texts(corpus(prefix))
    assert len(found) == n and all(re.match(r"[Tt]hat ", t) for t in found)


@pytest.mark.parametrize("prefix, start", [
    ("033", "a Working Group of the Children’s Services Overview"),   # BCP: "RESOLVED that a Working Group …"
    ("058", "the minutes of the Safe and Strong Communities"),        # Staffordshire: "RESOLVED – That the minutes …"
    ("024", "Noted the appointment of County Councillor"),            # Lancashire: "Resolved: Noted the …"
])
def test_a_resolution_on_the_heading_line_is_one_decision(prefix, start):
    assert [t for t in texts(corpus(prefix)) if t.startswith(start)]


def test_a_formal_marker_in_capitals_inside_a_sentence_opens_a_resolution():
    # Cumbria: "… on the Board it was AGREED that the Board would write to Mr Proctor …"
    assert texts(corpus("074")) == [t for t in texts(corpus("074")) if t.startswith("the Board would write to Mr Proctor")]
    # a seed council: "It was MOVED by …, SECONDED by … and RESOLVED that the Committee:" then (a)-(d)
    assert [p for p, _ in decisions(seed("004"))] == ["(a)", "(b)", "(c)", "(d)"]


def test_a_decision_page_decision_label_gives_its_decision():
    # Medway: "Decision: |" then "The Cabinet noted the content of this report …", then "Reasons:"
    found = texts(corpus("012"))
    assert len(found) == 1 and found[0].startswith("The Cabinet noted the content of this report")


def test_a_single_unnumbered_resolution_takes_its_item_or_paragraph_number():
    assert decisions(corpus("008"))[0][0] == "14"      # Cheshire East item 14
    assert decisions(corpus("033"))[0][0] == "79"      # BCP item 79
    assert decisions(corpus("085"))[0][0] == "1"       # Solihull item 1
    assert [p for p, _ in decisions(corpus("029"))] == [f"6.{i}" for i in range(1, 6)]  # Cheshire East "1. 1. 1."


@pytest.mark.parametrize("path", [corpus("002"), corpus("029"), corpus("006"), seed("000"), seed("001")],
                         ids=lambda p: p.name[:3])
def test_points_run_together_when_line_breaks_are_lost_are_taken_apart(path, tmp_path):
    text = path.read_text(encoding="utf-8")
    flat = re.sub(r"[ \t]*\n[ \t]*\n\s*", "\0", text).replace("\n", " ").replace("\0", "\n\n")
    f = tmp_path / path.name
    f.write_text(flat, encoding="utf-8")
    assert decisions(f) == decisions(path) != []


@pytest.mark.parametrize("prefix", ["002", "023", "029", "064", "073", "081", "006", "018", "021", "056"])
def test_a_page_on_one_line_still_gives_its_resolution_points(prefix, tmp_path):
    # Leeds, Slough, Cheshire East, Southampton, Sheffield, Swansea; Brighton & Hove ("That the Board agree: (1) …"),
    # Southwark ("1. That … 2. That … 3. The following comments … 4. That …"), North Lincolnshire ("… PDF 65 KB
    # Resolved – That …"), West Sussex ("1.4 Resolved – That …"): every line break lost
    path = corpus(prefix)
    f = tmp_path / path.name
    f.write_text(re.sub(r"\s*\n\s*", " ", path.read_text(encoding="utf-8")), encoding="utf-8")
    flat, clean = texts(f), texts(path)
    assert len(flat) == len(clean) and [t[:40] for t in flat] == [t[:40] for t in clean]


def test_two_resolutions_of_one_item_keep_apart(tmp_path):
    # Durham's "Resolved / That the report … be noted." twice in one item: two decisions, not one number shared
    text = corpus("041").read_text(encoding="utf-8")
    i = text.index("Resolved")
    f = tmp_path / "twice.txt"
    f.write_text(text[:i] + text[i:].replace("Supporting documents:", "") + "\n\n" + text[i:], encoding="utf-8")
    found = decisions(f)
    assert len(found) == 2 and found[0][0] is None and found[1][0] is None  # the extractor keys them apart


def test_a_meeting_page_whose_items_are_marked_only_by_their_paper_links_is_split_at_them():
    """North Lincolnshire's meeting page has no "Minutes:" lines: each item's title is a link to its papers
    ("… pdf icon PDF 83 KB"), and the text that follows belongs to that item."""
    from councilgraph.loaders import load
    from tests.conftest import corpus

    items = load(corpus("021")).items
    titles = [it.title for it in items]
    assert any(t.startswith("Annual Report of Local Arrangements") and "PDF" not in t for t in titles)
    annual = next(it for it in items if it.title.startswith("Annual Report"))
    assert annual.blocks and annual.blocks[0].text.startswith("The Chairman welcomed Rachel Smith")


def test_a_table_in_a_page_on_one_line_keeps_its_cells_apart(tmp_path):
    # Ofsted Board: the action-points table ("|Minutes … |Nick Brook to circulate a note … |Nick Brook |") with the
    # page's line breaks lost still gives each cell a block, so "X to do …" in a cell is an action of X
    from councilgraph.extract.pipeline import extract

    path = corpus("014")
    f = tmp_path / path.name
    f.write_text(re.sub(r"\s*\n\s*", " ", path.read_text(encoding="utf-8")), encoding="utf-8")
    g = extract(load(f))
    owned = {(g.nodes[r.start].name, g.nodes[r.end].name[:40]) for r in g.rels.values() if r.type.value == "OWNS"}
    assert ("Nick Brook", "circulate a note to Board members on cha") in owned
    assert any(who == "Mike Cladingbowl" and what.startswith("review letters") for who, what in owned)


def glued(path: Path, tmp_path: Path) -> Path:
    """The page as a scrape of its HTML without paragraph breaks gives it: each line run into the next."""
    f = tmp_path / path.name
    f.write_text(re.sub(r"[ \t]*\n\s*", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    return f


@pytest.mark.parametrize("prefix", ["002", "011", "018", "029", "006", "041", "058", "081", "021", "023", "056",
                                    "022", "073", "055", "028"])
def test_a_page_whose_paragraphs_ran_together_still_gives_its_resolution_points(prefix, tmp_path):
    # Leeds "… be notedb)    That …", Kirklees "… by 9 March 2017.2) That …", Southwark "… January 20191. That …
    # be noted.2. That …", Cheshire East "… report: -1. That … Council.1. That …", Brighton & Hove "… Appendix 2)(4)
    # The proposal …", Durham "… be noted. Supporting documents:", Staffordshire "… PDF 136 KBRESOLVED – That …",
    # Swansea "RESOLVED that:a. The Chair …; andb. the Scrutiny Letters Log …", North Lincolnshire "… PDF 65
    # KBResolved – That …", Somerset "… website. It was agreed that: -· The …", Sheffield "… via Zoom.10.4RESOLVED:
    # That the Cabinet:-(a) …", West Sussex "Additional documents:26.1 Resolved that …" and a decision page's "… be
    # endorsed for recommendation to the County Council.Publication date: …"; Slough as it was
    path = corpus(prefix)
    together, clean = (texts(p) for p in (glued(path, tmp_path), path))
    # ("Resolved That the report …" on one line reads the point without its "That")
    assert clean and [re.sub("^That ", "", t)[:30] for t in together] == [re.sub("^That ", "", t)[:30] for t in clean]


@pytest.mark.parametrize("prefix, title, first", [
    ("021", "Annual Report of Local Arrangements", "The Chairman welcomed Rachel Smith"),  # North Lincolnshire
    ("051", "Ofsted Annual Conversation Letter", "The Cabinet Member for Children’s Services"),  # Torbay: "… Chairman.46. Ofsted …"
])
def test_an_item_title_run_into_the_last_sentence_before_it_is_its_own_line_again(prefix, title, first, tmp_path):
    """A title is a link to the item's papers ("… pdf icon PDF 83 KB"); run into the sentence before it and the
    text after it, it is still the title of the item whose text follows."""
    item = next(it for it in load(glued(corpus(prefix), tmp_path)).items if it.title.startswith(title))
    assert "PDF" not in item.title and item.blocks[0].text.startswith(first)


@pytest.mark.parametrize("prefix", ["021", "024", "055", "072", "073"])
def test_names_on_a_page_whose_paragraphs_ran_together_keep_their_own_words(prefix, tmp_path):
    # North Lincolnshire, Lancashire, West Sussex ("Agenda and minutes" + the committee's name; "Contact: …" with the
    # whole page after it; "PDF 67 KBThe Committee"), Bromley ("report CSD19096The Committee"), Sheffield ("1The Cabinet")
    from councilgraph.extract.pipeline import extract

    names = [n.name for n in extract(load(glued(corpus(prefix), tmp_path))).nodes.values()
             if n.label.value in ("Person", "Role", "Body", "Organisation", "Council")]
    assert names and not [n for n in names if re.match(r"(?:Agenda and|Meeting documents|KB|\d)", n)]


def _rewritten(path: Path, tmp_path: Path, *subs: tuple[str, str]) -> Path:
    """A real page with its resolution written the way another council's minutes write it (regex substitutions)."""
    text = path.read_text(encoding="utf-8")
    for pattern, repl in subs:
        text, n = re.subn(pattern, repl, text, flags=re.M)
        assert n, pattern  # the page still has what the rewrite needs
    f = tmp_path / path.name
    f.write_text(text, encoding="utf-8")
    return f


@pytest.mark.parametrize("prefix, heading", [
    ("002", r"^RESOLVED –"),                # Leeds: "RESOLVED –" then lettered "That …" points
    ("058", r"RESOLVED –(?= That)"),        # Staffordshire: "RESOLVED – That the minutes …" on one line
    ("081", r"^RESOLVED that:"),            # Swansea: "RESOLVED that:" then "a. The Chair write …"
])
@pytest.mark.parametrize("vote", ["RESOLVED (unanimously)", "RESOLVED unanimously"])
def test_how_the_vote_went_after_the_marker_keeps_the_resolution(prefix, heading, vote, tmp_path):
    # "RESOLVED (unanimously) that the Cabinet:": the vote between the marker and its words
    f = _rewritten(corpus(prefix), tmp_path, (heading, lambda m: m[0].replace("RESOLVED", vote)))
    assert decisions(f) == decisions(corpus(prefix)) != []


@pytest.mark.parametrize("prefix, marks", [
    ("023", r"^([1-3])\)"),     # Slough: "1)  that a progress report … be added …" with no heading
    ("018", r"^([1-4])\."),     # Southwark: "1.  That the contents of the Ofsted letter … be noted."
])
def test_that_points_marked_a_dot_without_a_heading_are_a_resolution(prefix, marks, tmp_path):
    f = _rewritten(corpus(prefix), tmp_path, (marks, lambda m: "abcd"[int(m[1]) - 1] + "."))
    assert texts(f) == texts(corpus(prefix)) != []
    assert [p[-3:] for p, _ in decisions(f)] == [f"({c})" for c in "abcd"[:len(texts(f))]]


@pytest.mark.parametrize("prefix, drop", [
    ("002", r"^RESOLVED –\s*$"),       # Leeds: the heading lost, then "a) the drivers for change … be noted"
    ("018", r"^Agenda item$"),         # Southwark: "1. the contents of the Ofsted letter … be noted."
])
def test_points_of_a_resolution_clause_whose_heading_the_scrape_lost_are_a_resolution(prefix, drop, tmp_path):
    f = _rewritten(corpus(prefix), tmp_path, (drop, ""), (r"^(\(?\w{1,2}[.)]\s+)That ", r"\1"))
    assert texts(f) == [t.removeprefix("That ") for t in texts(corpus(prefix))] != []


def test_narrative_lettered_points_are_not_a_resolution():
    # Sheffield: "the Chair stated that:-" then "(a) further to the comments … had now been included …"
    assert not [t for t in texts(corpus("038")) if t.startswith("further to the comments")]


@pytest.mark.parametrize("prefix, heading, first", [
    ("002", r"^RESOLVED –", r"^([a-e])\)"),          # Leeds: lettered points
    ("023", r"^(?=1\))", r"^([1-3])\)"),             # Slough: numbered points, the heading added
])
def test_points_numbered_as_the_reports_recommendations_under_a_heading_are_its_points(prefix, heading, first, tmp_path):
    # "RESOLVED that the Cabinet:" then "2.1 Agreed …", "2.2 Adopted …": the report's paragraph numbers
    f = _rewritten(corpus(prefix), tmp_path, (heading, "RESOLVED that the Committee:\n\n"),
                   (first, lambda m: "2." + str("abcde".find(m[1]) + 1 if m[1].isalpha() else m[1])))
    found = decisions(f)
    assert [p.removeprefix("215.") for p, _ in found] == [f"2.{i}" for i in range(1, len(found) + 1)]  # (Leeds item 215)
    assert [t[:50] for _, t in found] == [t[:50] for t in texts(corpus(prefix))]


def test_a_points_own_list_of_entries_stays_with_the_point(tmp_path):
    # Leeds (d) "… approve appointments on the following basis:-" then its entries, here without their marks
    f = _rewritten(corpus("002"), tmp_path, (r"^(?:i|ii)\.\s+", ""))
    found = texts(f)
    assert len(found) == 5 and "Three Elected Members" in found[3] and "Safeguarding Children Board" in found[3]


def test_that_it_be_requested_points_are_a_resolution(tmp_path):
    # Slough's "1)  that a progress report … be added …" written "1)  That it be requested that a progress report …"
    f = _rewritten(corpus("023"), tmp_path, (r"^(\d\)\s+)that ", r"\1That it be requested that "))
    assert [t.replace("That it be requested that ", "that ") for t in texts(f)] == texts(corpus("023")) != []


@pytest.mark.parametrize("heading", ["Resolved to RECOMMEND:  (to Council)", "RESOLVED to recommend:"])
def test_resolved_to_recommend_heads_the_points_after_it(heading, tmp_path):
    # Leeds's "RESOLVED –" written as Harrow writes a recommendation to Council
    f = _rewritten(corpus("002"), tmp_path, (r"^RESOLVED –", heading))
    assert texts(f) == texts(corpus("002")) != []


@pytest.mark.parametrize("prefix, marker", [("033", "RESOLVED that"), ("058", "RESOLVED – That")])
def test_a_subject_between_the_marker_and_its_capitalised_verb_is_one_decision(prefix, marker, tmp_path):
    # BCP / Staffordshire written as Buckinghamshire writes its Cabinet's: "RESOLVED: Cabinet AGREED the …"
    f = _rewritten(corpus(prefix), tmp_path, (marker, "RESOLVED: Committee AGREED that"))
    found = texts(f)
    assert len(found) == len(texts(corpus(prefix))) == 1 and found[0].startswith("Committee AGREED that ")


def test_a_long_resolution_printed_twice_in_one_item_is_one_decision(tmp_path):
    # BCP's resolution printed again above the minutes, as Exeter's issue page prints its decision twice
    text = corpus("033").read_text(encoding="utf-8")
    resolution = next(ln for ln in text.splitlines() if ln.startswith("RESOLVED that a Working Group"))
    f = _rewritten(corpus("033"), tmp_path, (r"^Minutes:$", resolution.replace("\\", r"\\") + "\n\nMinutes:"))
    assert texts(f) == texts(corpus("033"))
    # a short one said twice may be two items' ("That the report be noted." twice in Durham's)
    f = _rewritten(corpus("041"), tmp_path, (r"^Supporting documents:", "Resolved\n\nThat the report and presentation be noted.\n\nSupporting documents:"))
    assert len(texts(f)) == 2


def test_a_lettered_heading_after_a_resolution_on_one_line_is_not_its_point(tmp_path):
    # Staffordshire's "RESOLVED – That the minutes … be confirmed …" followed, as in the minutes of another
    # committee quoted in Vale of Glamorgan's, by the next lettered heading and its text
    f = _rewritten(corpus("058"), tmp_path, (r"^(RESOLVED – That the minutes[^\n]*)$",
                                             r"\1\n\n(c)        Matters Arising -\n\n(i)  In referring to the report it was "
                                             r"believed that some work had been done."))
    assert texts(f) == texts(corpus("058")) != []


def test_an_issue_pages_decision_and_minutes_of_one_item_are_one_item(tmp_path):
    # Medway: "Minutes: Background: …" then "Decision: | The Cabinet noted …" in the same item
    doc = load(corpus("012"))
    assert [it.number for it in doc.items] == ["8"]
    (number, text), = decisions(corpus("012"))
    assert number == "8" and text.startswith("The Cabinet noted the content of this report")
    # the same page with its decision printed before its minutes, as North Hertfordshire's issue pages do
    text = corpus("012").read_text(encoding="utf-8")
    head, minutes = text.split("Minutes:", 1)
    background, decision = minutes.split("Decision number:", 1)
    f = tmp_path / corpus("012").name
    f.write_text(head + "Decision number:" + decision + "\n\nMinutes:" + background, encoding="utf-8")
    assert [it.number for it in load(f).items] == ["8"] and texts(f) == texts(corpus("012"))


def _flat(path: Path, tmp_path: Path) -> Path:
    f = tmp_path / ("flat-" + path.name)
    f.write_text(" ".join(path.read_text(encoding="utf-8").split()), encoding="utf-8")
    return f


def test_a_run_of_points_most_of_which_read_that_is_a_resolution_when_the_line_breaks_are_lost(tmp_path):
    # Leeds without its heading, its second point written "b) The proposals …", every line break lost (Ryedale's
    # "a. That … b. The Councillor … c. That … d. That …")
    f = _rewritten(corpus("002"), tmp_path, (r"^RESOLVED –\s*$", ""), (r"^b\)(\s+)That the", r"b)\1The"))
    assert len(texts(_flat(f, tmp_path))) == 5


def test_a_dot_letter_mark_stays_with_its_that_point_when_the_line_breaks_are_lost(tmp_path):
    # Slough's "1)  that a progress report … be added …" marked "a.    That …", every line break lost
    f = _rewritten(corpus("023"), tmp_path, (r"^([1-3])\)(\s+)that ", lambda m: "abc"[int(m[1]) - 1] + "." + m[2] + "That "))
    found = decisions(_flat(f, tmp_path))
    assert [p[-3:] for p, _ in found] == ["(a)", "(b)", "(c)"] and all(t.startswith("That ") for _, t in found)


def test_a_subject_between_the_marker_and_its_capitalised_verb_on_a_page_on_one_line(tmp_path):
    f = _rewritten(corpus("033"), tmp_path, ("RESOLVED that", "RESOLVED: Committee AGREED that"))
    found = texts(_flat(f, tmp_path))
    assert len(found) == 1 and found[0].startswith("Committee AGREED that ")


@pytest.mark.parametrize("prefix, marker, written", [
    ("033", "RESOLVED that", "The Committee resolved that"),        # BCP, as a committee's own resolution
    ("058", "RESOLVED – That", "The Committee unanimously resolved that"),
    ("033", "RESOLVED that", "Resolved, that"),                     # a comma after the marker
    ("058", "RESOLVED – That", "Resolved, that"),
])
def test_the_committee_resolved_and_resolved_comma_open_a_resolution(prefix, marker, written, tmp_path):
    f = _rewritten(corpus(prefix), tmp_path, (marker, written))
    assert [t.removeprefix("That ").removeprefix("that ") for t in texts(f)] == \
        [t.removeprefix("That ").removeprefix("that ") for t in texts(corpus(prefix))] != []


def _with_manifest(path: Path):
    from councilgraph.loaders import discover
    return next(meta for p, meta in discover([path.parent]) if p == path)


def test_a_decision_page_without_a_heading_is_its_decision(tmp_path):
    # Slough's decision page (its address mgDecisionDetails.aspx, in the manifest) is two bullets: both are decisions
    page = corpus("034")
    doc = load(page, _with_manifest(page))
    found = [b.text for it in doc.items for b in it.blocks if b.kind == "point"]
    assert len(found) == 2 and found[0].startswith("Authorised a 6 week consultation") and found[1].startswith("Noted that")
    assert not texts(page)  # without its address, two bullets are no decision
    # the same bullets under a decision page's labels, its dated title and a heading naming the decider
    text = page.read_text(encoding="utf-8")
    f = tmp_path / page.name
    f.write_text("Decision Maker: Cabinet\n\n10/10/2022 - Children’s Centres\n\n2.1 Cabinet:\n\n" + text, encoding="utf-8")
    assert texts(f) == found


def test_a_committee_modern_gov_marks_expired_is_still_that_committee(tmp_path):
    # Leeds's issue page "Meeting: 07/04/2010 - Executive Board (Item 215)", as Tower Hamlets's "… - Cabinet - Expired"
    f = _rewritten(corpus("002"), tmp_path, (r"Executive Board \(Item 215\)", "Executive Board - Expired (Item 215)"))
    assert [it.body for it in load(f).items] == [it.body for it in load(corpus("002")).items] == ["Executive Board"]


def test_a_resolution_heading_in_a_table_cell_heads_the_point_after_it(tmp_path):
    # BCP's "RESOLVED that a Working Group … be established …" laid out as Tamworth's table and written as its point
    # is ("RESOLVED: |" then "That Members Endorsed the …" on the next line)
    f = _rewritten(corpus("033"), tmp_path, (r"^RESOLVED that (a Working Group.*?) be established",
                                             r"RESOLVED: |\nThat Members Established \1"))
    found = texts(f)
    assert len(found) == 1 and found[0].startswith("That Members Established a Working Group")


def test_a_decision_page_whose_points_are_marked_begins_at_the_first_point(tmp_path):
    # Slough's two decisions lettered, under the page's labels and an opening paragraph, as Brent's and New Forest's
    # decision pages are ("The Chair introduced …" then "a. The … Committee noted …", "b. That …")
    text = corpus("034").read_text(encoding="utf-8")
    lettered = iter("ab")
    body = re.sub(r"^· ", lambda m: f"{next(lettered)}. ", text, flags=re.M)
    f = tmp_path / corpus("034").name
    f.write_text("Children’s Centres Consultation\n\nDecision Maker: Cabinet\n\n"
                 "The Cabinet considered a report on the Children’s Centres.\n\n" + body, encoding="utf-8")
    found = decisions(f)
    assert [p for p, _ in found] == ["(a)", "(b)"] and found[0][1].startswith("Authorised a 6 week consultation")


def test_a_points_own_list_ends_and_a_later_resolution_is_kept(tmp_path):
    # Leeds (d)'s list of appointments written as entries a line, blank lines between, then a second resolution
    f = _rewritten(corpus("002"), tmp_path, (r"^(?:i|ii)\.\s+", ""),
                   (r"^(e\).*)$", r"\1\n\nCouncillor Smith thanked officers for their work.\n\nRESOLVED –\n\n"
                                  r"That the report be noted."))
    found = texts(f)
    assert len(found) == 6 and found[-1] == "That the report be noted." and "Councillor Smith" not in " ".join(found)


def test_points_numbered_as_paragraphs_end_at_the_next_paragraph_number(tmp_path):
    f = _rewritten(corpus("002"), tmp_path, (r"^RESOLVED –", "RESOLVED that the Committee:\n\n"),
                   (r"^([a-e])\)", lambda m: "2." + str("abcde".find(m[1]) + 1)),
                   (r"^(2\.5 .*)$", r"\1\n\n3.1 The Committee then considered the budget report."))
    assert len(texts(f)) == 5 and not [t for t in texts(f) if "budget report" in t]


def test_text_on_an_items_second_minutes_line_is_kept(tmp_path):
    # Medway's decision printed before its minutes, the minutes' first words on the "Minutes:" line itself
    text = corpus("012").read_text(encoding="utf-8")
    head, minutes = text.split("Minutes:", 1)
    background, decision = minutes.split("Decision number:", 1)
    f = tmp_path / corpus("012").name
    f.write_text(head + "Decision number:" + decision + "\n\nMinutes: " + background.strip(), encoding="utf-8")
    assert any("Background:" in b.text for it in load(f).items for b in it.blocks)


@pytest.mark.parametrize("prefix, resolution, last", [
    ("041", r"^Resolved$", r"^(That the report and presentation be noted\.)$"),  # Durham: "Resolved" then "That …"
    ("085", r"^RESOLVED:", r"^(That Councillor Gough be appointed[^\n]*)$"),  # Solihull: "RESOLVED:" then "That …"
])
def test_headings_in_capitals_are_neither_a_marker_nor_the_words_of_a_point(prefix, resolution, last, tmp_path):
    # East Sussex's "DECISIONS" above "The Leader … RESOLVED to:" and "REASONS" on the line after the last point
    f = _rewritten(corpus(prefix), tmp_path, (resolution, lambda m: "DECISIONS\n" + m[0]),
                   (last, r"\1\nREASONS\nThe reasons are set out in the report."))
    assert decisions(f) == decisions(corpus(prefix)) != []


def test_a_numbered_points_own_lettered_list_does_not_end_the_resolution(tmp_path):
    # Leeds's a) … e), with (d)'s entries "i." "ii.", written as Epping Forest's "(3) That … the following:" with
    # "(a) …" "(b) …" under it and "(4) That …" after them
    f = _rewritten(corpus("002"), tmp_path, (r"^([a-e])\)", lambda m: f"({'abcde'.index(m[1]) + 1})"),
                   (r"^(i{1,2})\.", lambda m: f"({'ab'[len(m[1]) - 1]})"))
    assert texts(f) == texts(corpus("002")) and len(texts(f)) == 5
    assert [p.rsplit(".", 1)[-1] for p, _ in decisions(f)] == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize("prefix, number, title", [
    ("024", r"^3\.\n+Terms of Reference and Membership[^\n]*$", "To note the Terms of Reference and Membership"),
    ("075", r"^2\.\n+MINUTES OF THE PREVIOUS MEETING$", "To approve the minutes of the previous meeting"),
])
def test_a_resolution_before_an_item_known_only_by_its_description_stays_in_its_own_item(prefix, number, title,
                                                                                           tmp_path):
    # Lancashire's "Resolved: Noted the appointment …" / Brighton's "1.5 RESOLVED - That …" with the next item's
    # number and title lost, as Bristol's page gives only "To note the terms of reference …" before its "Minutes:"
    f = _rewritten(corpus(prefix), tmp_path, (number, title))
    assert texts(f) == texts(corpus(prefix)) != []


@pytest.mark.parametrize("prefix", ["011", "034"])
def test_a_decision_page_of_one_paragraph_is_that_decision(prefix, tmp_path):
    # Kirklees's "1) That the Children’s Improvement Plan … be endorsed …" and Slough's "· Authorised a 6 week
    # consultation …", each alone and unmarked, as Anglesey's decision page is the one line "It was resolved to
    # recommend to Full Council that …": not a title, the decision
    page = corpus(prefix)
    first = next(ln for ln in page.read_text(encoding="utf-8").splitlines() if ln.strip())
    words = re.sub(r"^(?:\d\)|·)\s*", "", first).strip()
    f = tmp_path / page.name
    f.write_text(words + "\n", encoding="utf-8")
    assert [b.text for it in load(f, _with_manifest(page)).items for b in it.blocks if b.kind == "point"] == [words]


@pytest.mark.parametrize("label", ["Decision Maker :-Cabinet", "Decision maker: Cabinet"])
def test_the_decision_maker_label_names_the_body_however_it_is_punctuated(label, tmp_path):
    # Kirklees's "Decision Maker: Cabinet", as Tendring's decision record writes it ("Decision Maker :-Cabinet"); the
    # page's "Decided at meeting: … - Cabinet" line, which names the body too, left out
    assert load(corpus("035")).meta.body == "Cabinet"
    f = _rewritten(corpus("035"), tmp_path, (r"^Decision Maker: Cabinet$", label), (r"^Decided at meeting:.*$", ""))
    assert load(f).meta.body == "Cabinet" and texts(f) == texts(corpus("035"))


def test_a_decision_pages_labels_end_its_last_point(tmp_path):
    # Kirklees: "2) That authority be delegated … to Ofsted." then "Report author: …", "Publication date: …" with no
    # blank line between; Slough's last bullet followed the same way
    found = texts(corpus("035"))
    assert len(found) == 2 and found[1].endswith("prior to its submission to Ofsted.")
    page = corpus("034")
    f = _rewritten(page, tmp_path, (r"^(· Noted that[^\n]*)$", r"\1\nReport author: Jane Doe\nPublication date: 01/12/2022"))
    found = [b.text for it in load(f, _with_manifest(page)).items for b in it.blocks if b.kind == "point"]
    assert len(found) == 2 and found[1].endswith("for a decision on the proposal.")


def _paragraphs(prefix: str) -> str:
    """A corpus page's minutes, its ModernGov furniture ("Agenda item", its title line) left out."""
    lines = corpus(prefix).read_text(encoding="utf-8").splitlines()
    body = [ln for ln in lines if ln.strip() and ln.strip() not in ("Agenda item", "Minutes:")]
    return "\n\n".join(body[1:] if prefix == "069" else body)


def test_plain_minutes_numbered_headings_are_items_and_their_opening_line_names_body_and_date(tmp_path):
    # Herefordshire's and Durham's items written as minutes that are not a ModernGov page are: an opening heading,
    # then "12. Title", its paragraphs, "13. Title", …
    f = tmp_path / "minutes.txt"
    f.write_text("Minutes of the Children and Young People Scrutiny Committee of Example Council held on Tuesday, 5th "
                 "March 2024 at 2.00 pm\n\n12. Children Improvement Plan - Progress Update\n\n" + _paragraphs("069")
                 + "\n\n13. Corporate Parenting Panel Annual Report\n\n" + _paragraphs("030") + "\n", encoding="utf-8")
    doc = load(f)
    assert doc.meta.body == "Children and Young People Scrutiny Committee" and doc.meta.date == "2024-03-05"
    assert [(it.number, it.title) for it in doc.items if it.number] == [
        ("12", "Children Improvement Plan - Progress Update"), ("13", "Corporate Parenting Panel Annual Report")]
    from councilgraph.extract.pipeline import extract

    g = extract(doc)
    actions = [n.name for n in g.nodes.values() if n.label.value == "Action"]
    assert any(a.startswith("present an update") for a in actions)  # Herefordshire's, in item 12
    assert any(a.startswith("provide a progress update") for a in actions)  # Durham's, in item 13


@pytest.mark.parametrize("line", ["Minutes of the previous meeting held on 11 December 2018",  # Staffordshire's item
                                  "Minutes of the meeting held on 14 June 2022 (previously circulated)."])  # Devon's
def test_an_item_confirming_earlier_minutes_names_no_meeting(line, tmp_path):
    f, plain = tmp_path / "minutes.txt", tmp_path / "plain.txt"
    f.write_text(line + "\n\n" + _paragraphs("030") + "\n", encoding="utf-8")
    plain.write_text(_paragraphs("030") + "\n", encoding="utf-8")
    assert load(f).meta.date == load(plain).meta.date and "2018" not in str(load(f).meta.date)
