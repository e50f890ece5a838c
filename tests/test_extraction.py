"""Facts read from whole real documents: relations, decisions, actions, owners, one actor one node."""

from __future__ import annotations

from councilgraph.extract.pipeline import extract
from councilgraph.graph.model import Label, RelType
from councilgraph.loaders import load
from councilgraph.loaders.records import Meta
from tests.conftest import corpus, seed


def facts(g, typ: RelType) -> set[tuple[str, str]]:
    return {(g.nodes[r.start].name, g.nodes[r.end].name) for r in g.rels.values() if r.type is typ}


def actions(g) -> list[tuple[str, list[str], list[str]]]:
    out = []
    for n in g.nodes.values():
        if n.label is Label.ACTION:
            own = sorted(g.nodes[r.start].name for r in g.rels.values() if r.end == n.id and r.type is RelType.OWNS)
            req = sorted(g.nodes[r.start].name for r in g.rels.values() if r.end == n.id and r.type is RelType.REQUESTED)
            out.append((n.name, own, req))
    return out


def action(g, words: str):
    found = sorted((a for a in actions(g) if words in a[0]), key=lambda a: a[0].find(words))
    assert found, f"no action with {words!r} in {[a[0] for a in actions(g)]}"
    return found[0]


def test_holds_from_apposition_both_orders(seed_graphs):
    holds = facts(seed_graphs["001"], RelType.HOLDS)
    assert ("Russell", "Cabinet Member for Children and Young People") in holds  # truncated title resolved to full
    assert ("Butler", "Executive Director of Children, Young People and Learning") in holds  # "for" == "of"
    assert ("Ruaux", "Assistant Director for Corporate Parenting") in holds
    assert ("Russell", "Lead Member for Children") in holds


def test_introduced_and_authored(seed_graphs):
    g = seed_graphs["000"]
    assert facts(g, RelType.INTRODUCED) == {("Russell", "Children First Improvement Programme Update"),
                                            ("Clark", "Children First Improvement Programme Update")}
    assert facts(g, RelType.AUTHORED) == {("Executive Director of Children, Young People and Learning",
                                           "Children First Improvement Programme Update")}
    g = seed_graphs["002"]
    assert {a for a, _ in facts(g, RelType.AUTHORED)} == {
        "Cabinet Member for Children and Young People", "Assistant Director for Children's Wellbeing and Partnership"}
    assert {a for a, _ in facts(g, RelType.INTRODUCED)} == {"Assistant Director for Children's Wellbeing and Partnership"}


def test_reports_to_appointed_inspected_part_of(seed_graphs):
    assert ("West Sussex Children’s Commissioner", "Department for Education") in facts(seed_graphs["001"], RelType.REPORTS_TO)
    assert ("Department for Education", "Children’s Commissioner") in facts(seed_graphs["003"], RelType.APPOINTED)
    assert ("Ofsted", "County Council") in facts(seed_graphs["001"], RelType.INSPECTED)
    assert ("Children and Adolescent Mental Health Services", "National Health Service") in facts(seed_graphs["001"], RelType.PART_OF)
    inspected = [r for r in seed_graphs["001"].rels.values() if r.type is RelType.INSPECTED][0]
    assert inspected.props == {"date": "2019", "outcome": "inadequate"}


def test_role_in_body_and_council(seed_graphs):
    g = seed_graphs["003"]
    role_in = facts(g, RelType.ROLE_IN)
    assert ("Chairman of the Children’s Improvement Board", "Children’s Improvement Board") in role_in
    assert ("Director of Children’s Services", "Torbay Council") in role_in
    assert ("Leader of the Council", "Torbay Council") in role_in
    # the chair of the body whose minutes these are, named as the text names it before calling it "the Board"
    assert ("Chairman", "Children and Young People’s Overview and Scrutiny Board") in role_in


def test_moved_and_seconded_apply_to_every_point_of_the_resolution(seed_graphs):
    g = seed_graphs["004"]
    moved = facts(g, RelType.MOVED)
    assert {p for p, _ in moved} == {"Sanders"} and len(moved) == 4
    assert {p for p, _ in facts(g, RelType.SECONDED)} == {"Trail"}
    assert len(facts(g, RelType.RESOLVED)) == 4


def test_commitment_in_narrative(seed_graphs):
    text, owners, _ = action(seed_graphs["000"], "look at giving the Committee the opportunity")
    assert owners == ["Clark"]


def test_it_was_agreed_that_a_post_would(seed_graphs):
    text, owners, _ = action(seed_graphs["003"], "re-run a course on understanding children’s data")
    assert owners == ["Director of Children’s Services"]


def test_offered_to_and_will_consider(seed_graphs):
    g = seed_graphs["001"]
    assert action(g, "write to the Chairman of the Health and Adult")[1] == ["Chairman"]
    assert "Committee" in action(g, "consider, with HASC")[1]


def test_requests_in_resolutions_go_to_the_report_author(seed_graphs):
    g = seed_graphs["000"]
    _, owners, requesters = action(g, "updates on staff engagement work")
    assert owners == ["Executive Director of Children, Young People and Learning"] and requesters == ["Committee"]


def test_invites_someone_to_report_back(seed_graphs):
    text, owners, requesters = action(seed_graphs["004"], "report back at a later stage")
    assert owners == ["Cabinet Member"] and requesters == ["Committee"]
    assert text == "report back at a later stage on this"  # "… and welcomes improvements …" is another point


def test_agrees_to_and_suggests_that(seed_graphs):
    assert action(seed_graphs["004"], "set up a future task group")[1] == ["Committee"]
    g = seed_graphs["000"]
    assert action(g, "Writes to the Chairman of the Corporate Parenting Panel")[1] == ["Committee"]
    _, owners, requesters = action(g, "Panel provides their view")
    assert owners == ["Corporate Parenting Panel"] and requesters == ["Committee"]


def test_subjunctive_with_agent_and_agrees_for(seed_graphs):
    g = seed_graphs["001"]
    assert action(g, "consider areas of focus for future")[1] == ["Business Planning Group"]
    assert action(g, "speak with Service officers")[1] == ["Chairman"]


def test_due_dates(seed_graphs):
    g = seed_graphs["000"]
    due = {n.name[:40]: n.props.get("due") for n in g.nodes.values() if n.label is Label.ACTION}
    assert "7 January Committee meeting" in due.values()


def test_noting_and_welcoming_are_not_actions(seed_graphs):
    texts = [a[0] for g in seed_graphs.values() for a in actions(g)]
    assert not any(t.startswith(("welcomes", "Welcomes", "Is satisfied", "Supports")) for t in texts)


def test_action_lines_in_a_table():
    g = extract(load(corpus("014")))
    assert action(g, "circulate a note to Board members")[1] == ["Nick Brook"]


def test_one_actor_one_node_within_a_document(seed_graphs):
    g = seed_graphs["003"]
    people = sorted(n.name for n in g.nodes.values() if n.label is Label.PERSON)
    assert people == ["Anne-Marie Bond", "Charlie Hine", "Law", "Nancy Meehan", "Nigel Richardson", "Steve Darling"]
    richardson = next(n for n in g.nodes.values() if n.name == "Nigel Richardson")
    assert {"Mr Nigel Richardson", "Nigel"} <= set(richardson.props["aliases"])


def test_dfe_is_one_organisation_everywhere(seed_graphs):
    ids = {n.id for g in seed_graphs.values() for n in g.nodes.values() if n.name == "Department for Education"}
    assert ids == {"org:department-for-education"}


def test_roles_are_keyed_by_title_and_council():
    a = extract(load(seed("000"), Meta(council="West Sussex County Council")))
    b = extract(load(seed("000"), Meta(council="Staffordshire County Council")))
    ra = {n.id for n in a.nodes.values() if n.name == "Cabinet Member for Children and Young People"}
    rb = {n.id for n in b.nodes.values() if n.name == "Cabinet Member for Children and Young People"}
    assert ra == {"role:west-sussex/cabinet-member-of-children-and-young-people"} and ra != rb


def test_council_is_not_guessed(seed_graphs):
    assert not [n for n in seed_graphs["000"].nodes.values() if n.label is Label.COUNCIL and n.name != "Hampshire County Council"]
    assert {n.name for n in seed_graphs["003"].nodes.values() if n.label is Label.COUNCIL} == {"Torbay Council"}


def test_every_fact_has_evidence_from_its_document(seed_graphs):
    for key, g in seed_graphs.items():
        text = " ".join(seed(key).read_text(encoding="utf-8").split())
        for r in g.rels.values():
            assert r.evidence and r.extractor and r.source == g.source
            first = " ".join(r.evidence.split())[:40]
            assert first in text, (r.type, r.evidence)


def test_ids_are_deterministic():
    a, b = extract(load(seed("001"))), extract(load(seed("001")))
    assert set(a.nodes) == set(b.nodes) and set(a.rels) == set(b.rels)


def test_something_will_be_sent_is_an_action_without_a_named_owner():
    g = extract(load(corpus("033")))
    text, owners, requesters = action(g, "send out an email for nominations")
    assert requesters == []


def test_would_be_shared_about_money_is_not_an_action():
    g = extract(load(corpus("041")))
    assert not [a for a in actions(g) if "money would be shared" in a[0]]


def test_copular_holds_chair_of_the_committee_and_the_director_alone():
    g = extract(load(corpus("069")))
    assert ("Rhodes-White", "Chair of the Improvement Board") in facts(g, RelType.HOLDS)
    assert ("Vice-Chair of the Committee", "Committee") in facts(g, RelType.ROLE_IN)
    assert action(g, "present an update to the Board")[1] == ["Director for Children and Families"]


def test_declared_interest_as_a_post_is_holding_it():
    g = extract(load(corpus("054")))
    assert ("Mercer", "Chair of the Orchard Hill College Academy Trust") in facts(g, RelType.HOLDS)


def test_decision_page_points_and_delegated_authority():
    g = extract(load(corpus("035")))
    decisions = sorted(n.props["number"] for n in g.nodes.values() if n.label is Label.DECISION)
    assert decisions == ["1", "2"]
    assert ("Cabinet", ) == tuple({a for a, _ in facts(g, RelType.RESOLVED)})
    text, owners, _ = action(g, "finalise the Children’s Improvement Plan")
    assert owners == ["Director of Children’s Services"]


def test_she_would_is_owned_by_the_person_last_named():
    g = extract(load(corpus("030")))
    text, owners, _ = action(g, "provide a progress update in the next annual report")
    assert owners == ["Simmons"]


def test_a_request_in_the_passive_and_members_wishes(seed_graphs):
    text, owners, requesters = action(seed_graphs["004"], "Further narrative on the data (p.3)")
    assert requesters == ["Committee"] and owners == []  # no report author is named in 004
    text, owners, requesters = action(seed_graphs["001"], "be kept up to date on staff turnover")
    assert owners == ["Executive Director of Children, Young People and Learning"] and requesters == ["Committee"]


def test_every_actor_of_an_item_is_mentioned_by_it(seed_graphs):
    g = seed_graphs["003"]
    mentioned = {g.nodes[r.end].name for r in g.rels.values() if r.type is RelType.MENTIONS}
    actors = {n.name for n in g.nodes.values() if n.label in (Label.PERSON, Label.ROLE, Label.BODY, Label.ORGANISATION,
                                                               Label.COUNCIL)}
    assert mentioned == actors and "Local Government Association" in mentioned


def test_panel_chair_in_either_order_is_one_post_and_a_children_in_care_council_is_a_body():
    g = extract(load(corpus("030")))
    chairs = {n.name for n in g.nodes.values() if n.label is Label.ROLE and "Chair" in n.name}
    assert chairs == {"Chair of Corporate Parenting Panel"}
    assert ("Simmons", "Chair of Corporate Parenting Panel") in facts(g, RelType.HOLDS)
    bodies = {n.name: n.label for n in g.nodes.values() if "Care Council" in n.name and n.label is not Label.ACTION}
    assert bodies == {"Children in Care Council": Label.BODY}


def test_that_the_board_agree_introduces_decisions_and_actions():
    g = extract(load(corpus("006")))
    board = "Children & Young People's Trust Board"  # "the Board" of these minutes, as their opening names it
    assert len(facts(g, RelType.RESOLVED)) == 7 and {b for b, _ in facts(g, RelType.RESOLVED)} == {board}
    assert action(g, "re-constitute the Children and Young People’s Trust Board")[1] == [board]
    text, owners, requesters = action(g, "a further report in respect of the necessary transitional arrangements")
    assert requesters == [board]
    assert next(n for n in g.nodes.values() if n.name == text).props["due"] == "April 2011"


def test_she_suggested_that_a_report_be_brought_back():
    g = extract(load(corpus("003")))
    assert ("Diane Taylor", "Partnerships and Planning Manager") in facts(g, RelType.HOLDS)
    text, owners, _ = action(g, "bring back a report to the Committee in six months")
    assert owners == ["Diane Taylor"]
    assert next(n for n in g.nodes.values() if n.name == text).props["due"] == "in six months"


def test_elected_as_chairman_and_vice_chairman_are_two_posts():
    g = extract(load(corpus("056")))
    holds = facts(g, RelType.HOLDS)
    assert ("Linehan", "Chairman of the Children and Young People’s Services Scrutiny Committee") in holds
    assert ("Dabell", "Vice-Chairman of the Children and Young People’s Services Scrutiny Committee") in holds
    assert ("Linehan", "Vice-Chairman of the Children and Young People’s Services Scrutiny Committee") not in holds


def test_it_was_agreed_to_with_no_one_named_goes_to_the_report_author_when_it_is_information(seed_graphs):
    text, owners, requesters = action(seed_graphs["000"], "share information on the app with all Councillors")
    assert owners == ["Executive Director of Children, Young People and Learning"] and requesters == ["Committee"]
    text, owners, requesters = action(seed_graphs["002"], "share quarterly progress reports with Cabinet")
    assert requesters == ["Committee"]


def test_two_people_sharing_a_surname_stay_two(tmp_path):
    """People are keyed by their full name: two Smiths of one council are two people; a bare "Councillor Smith"
    joins neither when both are named, and joins the one Smith when only one is (seed 003: "Mr Richardson")."""
    doc = tmp_path / "smiths.txt"
    doc.write_text("Children's Services Scrutiny Committee\n\nMinutes:\n"
                   "Councillor John Smith, Cabinet Member for Children's Services, introduced the report.\n\n"
                   "Councillor Jane Smith, Chairman of the Corporate Parenting Panel, asked about placements.\n\n"
                   "Councillor Smith would circulate the figures to Members.\n", encoding="utf-8")
    g = extract(load(doc, Meta(council="Anytown Borough Council")))
    people = {n.id: n.name for n in g.nodes.values() if n.label is Label.PERSON}
    assert people == {"person:anytown/john-smith": "John Smith", "person:anytown/jane-smith": "Jane Smith",
                      "person:anytown/smith": "Smith"}
    holds = facts(g, RelType.HOLDS)
    assert ("John Smith", "Cabinet Member for Children's Services") in holds
    assert ("Jane Smith", "Chairman of the Corporate Parenting Panel") in holds
    richardson = [n.id for n in extract(load(seed("003"))).nodes.values() if "Richardson" in n.name]
    assert len(richardson) == 1


def test_a_list_after_a_request_gives_its_items():
    """"Members requested the following be added:" and three bullets are three actions, each told with the sentence
    that asked (Devon); a list that completes one action's words ("approve appointments on the following basis:-",
    Leeds) becomes part of that action."""
    g = extract(load(corpus("061")))
    listed = [a for a in actions(g) if a[0].startswith("The Committee were updated as to the Scrutiny Work Programme")]
    assert [t.split(": ", 1)[1] for t, _, _ in listed] == [
        "Re-visit to social workers", "Discussion with schools on the economic and recruitment crisis and SEND capacity issues",
        "A deeper dive into some of the performance indicators most concerning Members"]
    assert all(req for _, _, req in listed)
    text, owners, _ = action(extract(load(corpus("002"))), "approve appointments on the following basis")
    assert owners == ["Member Management Committee"]
    assert text.startswith("approve appointments on the following basis: Three Elected Members") and "; the Lead" in text


def test_seats_on_a_committee_belong_to_it_and_posts_of_the_council_need_the_council_named():
    g = extract(load(corpus("051"), Meta(council="Torbay Council")))
    seats = [g.nodes[r.end] for r in g.rels.values() if r.type is RelType.ROLE_IN and g.nodes[r.start].name == "Co-opted Member"]
    assert [n.label for n in seats] == [Label.BODY] and seats[0].name.endswith("Board")
    # 011 never speaks of Kirklees Council: its posts are not placed in it (the Secretary of State never is)
    assert not facts(extract(load(corpus("011"), Meta(council="Kirklees Council"))), RelType.ROLE_IN)


def test_a_page_scraped_with_every_line_break_lost_is_still_read(tmp_path):
    """The same minutes on one line: the people, posts and commitments are still found (022, Somerset)."""
    src = corpus("022")
    flat = tmp_path / src.name
    flat.write_text(" ".join(src.read_text(encoding="utf-8").split()), encoding="utf-8")
    a, b = extract(load(src)), extract(load(flat))
    def names(g, label):
        return {n.name for n in g.nodes.values() if n.label is label}
    assert names(a, Label.ROLE) <= names(b, Label.ROLE) and names(b, Label.ROLE)
    assert {t for t, _, _ in actions(b)} & {t for t, _, _ in actions(a)}


def _home_body(prefix: str) -> str:
    from councilgraph.extract.mentions import find_mentions
    from councilgraph.extract.pipeline import _units
    from councilgraph.extract.resolve import infer_home

    doc = load(corpus(prefix))
    mentions = [m for u in _units(doc) for m in find_mentions(u.text, {})]
    return infer_home(doc.source, doc.meta.council, doc.meta.body, mentions, doc.text).body


def test_the_body_that_received_the_paper_is_the_minuting_body():
    # "The Cabinet received a report of the … Committee": the Cabinet's minutes, though the Committee is named first
    assert _home_body("073") == "Cabinet"
    assert _home_body("017") == "Scrutiny Board"  # "The Scrutiny Board considered a briefing note by the Director …"
    # City of London: "The Sub Committee received two of reports …", and names itself once in full
    assert _home_body("044") == "Safeguarding Sub Committee"


def test_an_action_on_this_says_what_the_query_raised():
    _, owners, _ = action(extract(load(corpus("082"))), "provide details on the reduction in school funding")
    assert "Ian Heggs" in owners  # "Details on this could be provided by Ian Heggs": the agent owns it
    action(extract(load(corpus("063"))), "receive an email update on the number of children")


def test_a_dash_after_the_post_head_is_for():
    # Surrey: "Tina Benjamin, Director – Corporate Parenting" … "The Director for Corporate Parenting responded"
    g = extract(load(corpus("039")))
    posts = [n.name for n in g.nodes.values() if n.label is Label.ROLE and "Corporate Parenting" in n.name]
    assert len(posts) == 1
    assert ("Tina Benjamin", posts[0]) in facts(g, RelType.HOLDS)


def test_the_pages_short_name_of_its_body_is_the_full_name_the_text_gives():
    # Solihull: the page says "Call In Committee", the minutes "the Scrutiny Call-In Committee"
    assert _home_body("085") == "Scrutiny Call-In Committee"


def test_the_body_whose_earlier_minutes_the_meeting_confirms_is_the_minuting_body():
    # Torbay: "… the Minutes of the meetings of the Children and Young People’s Overview and Scrutiny Board held on …"
    assert _home_body("051") == "Children and Young People’s Overview and Scrutiny Board"
    assert _home_body("052") == "Children and Young People’s Overview and Scrutiny Sub-Board"
    # Derbyshire: "… minutes of the meeting of the Improvement and Scrutiny Committee – People held on …"
    assert _home_body("048") == "Improvement and Scrutiny Committee"


def test_a_proposer_named_after_the_nominee_or_before_them_moved_the_motion():
    # Solihull "Councillor Mrs Holl-Allen proposed Cllr Gough, and this was seconded by Cllr Davis."
    g = extract(load(corpus("085")))
    assert any(p == "Holl-Allen" and d.startswith("That Councillor Gough be appointed as Chairman")
               for p, d in facts(g, RelType.MOVED))
    assert {p for p, _ in facts(g, RelType.SECONDED)} == {"Davis"}
    assert "Davis" not in {p for p, _ in facts(g, RelType.MOVED)}
    # West Sussex "Cllr Dabell was proposed for the position of Vice-Chairman for one year by Cllr Linehan and seconded
    # by Cllr Hall."
    g = extract(load(corpus("056")))
    assert any(p == "Linehan" and "Dabell" in d for p, d in facts(g, RelType.MOVED))
    assert any(p == "Hall" and "Dabell" in d for p, d in facts(g, RelType.SECONDED))


def test_a_proposal_as_an_adjective_moves_nothing(tmp_path):
    # Solihull's proposer sentence followed by one where "proposed" describes changes someone welcomed
    text = corpus("085").read_text(encoding="utf-8").replace(
        "Councillor Mrs Holl-Allen proposed Cllr Gough", "The proposed changes were welcomed by Councillor Mrs Holl-Allen")
    f = tmp_path / corpus("085").name
    f.write_text(text, encoding="utf-8")
    assert "Holl-Allen" not in {p for p, _ in facts(extract(load(f)), RelType.MOVED)}
