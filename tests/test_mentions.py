"""Mentions: people, posts, councils, bodies and organisations in real sentences of minutes."""

from __future__ import annotations

from councilgraph.extract.mentions import find_mentions
from councilgraph.graph.model import Label
from tests.conftest import corpus, seed, sentence_with


def names(sentence: str, **kw) -> list[tuple[str, str]]:
    return [(m.label.value, m.name) for m in find_mentions(sentence, **kw)]


def test_person_with_honorific_and_role_in_apposition():
    s = sentence_with(seed("000"), "The item was introduced by Cllr Russell")
    assert names(s)[:2] == [("Person", "Russell"), ("Role", "Cabinet Member for Children and Young People")]


def test_role_before_person_and_a_truncated_title():
    s = sentence_with(seed("001"), "The Cabinet Member for Children and Young, Cllr Russell")
    assert names(s)[:2] == [("Role", "Cabinet Member for Children and Young"), ("Person", "Russell")]


def test_title_of_a_list_with_commas():
    s = sentence_with(seed("001"), "The Executive Director for Children, Young People and Learning, Ms Butler")
    assert ("Role", "Executive Director for Children, Young People and Learning") in names(s)
    assert ("Person", "Butler") in names(s)


def test_people_named_without_honorific_by_given_name():
    s = sentence_with(seed("003"), "the crucial roles of the Director of Children’s Services, Nancy Meehan")
    found = names(s)
    i = found.index(("Role", "Director of Children’s Services"))
    assert found[i:i + 4] == [("Role", "Director of Children’s Services"), ("Person", "Nancy Meehan"),
                              ("Role", "Interim Chief Executive"), ("Person", "Anne-Marie Bond")]


def test_titles_stop_at_the_next_title():
    s = sentence_with(seed("003"), "Members also heard from the Cabinet Member for Children’s Services and Director")
    assert names(s) == [("Role", "Cabinet Member for Children’s Services"), ("Role", "Director of Children’s Services")]


def test_chair_of_a_named_body_carries_the_body():
    s = sentence_with(seed("001"), "The Chairman offered to write")
    chair, other = [m for m in find_mentions(s) if m.label is Label.ROLE]
    assert chair.name == "Chairman" and not chair.inner
    assert other.name == "Chairman of the Health and Adult Social Care Scrutiny Committee"
    assert [(i.label.value, i.name) for i in other.inner] == [("Body", "Health and Adult Social Care Scrutiny Committee")]


def test_acronym_in_brackets_is_an_alias_and_acronyms_of_national_bodies_are_known():
    s = sentence_with(seed("001"), "Mental health support for young people fell to")
    found = find_mentions(s)
    assert [(m.label.value, m.name, m.acronym) for m in found] == [
        ("Organisation", "Children and Adolescent Mental Health Services", "CAMHS"),
        ("Organisation", "National Health Service", None)]
    s = sentence_with(seed("003"), "appointment of Children’s Commissioner by the Department for Education (DFE)")
    assert ("Organisation", "Department for Education") in names(s)
    assert ("Role", "Children’s Commissioner") in names(s)


def test_organisations_by_suffix_and_by_descriptor():
    s = sentence_with(seed("000"), "work was progressing with Mutual Ventures")
    assert ("Organisation", "Mutual Ventures") in names(s) and ("Body", "Cabinet") in names(s)
    s = sentence_with(seed("002"), "the new regional adoption agency Together4Children")
    assert names(s) == [("Organisation", "Together4Children")]


def test_bodies_and_generic_references_to_the_committee():
    s = sentence_with(seed("001"), "The Committee expressed a wish to be kept up to date")
    found = find_mentions(s)
    assert [(m.name, m.generic) for m in found] == [("Committee", True), ("Business Planning Group", False)]


def test_named_council_and_generic_council():
    s = sentence_with(seed("003"), "another local authority who would work alongside Torbay Council")
    found = [(m.label.value, m.name, m.generic) for m in find_mentions(s) if m.label is Label.COUNCIL]
    assert ("Council", "Torbay Council", False) in found and ("Council", "Council", True) in found


def test_given_name_alone_resolves_to_the_person_named_in_full():
    s = sentence_with(seed("003"), "Nigel highlighted the areas")
    assert names(s, first_names={"Nigel": "Nigel Richardson"})[0] == ("Person", "Nigel Richardson")


def test_lists_of_councillors_and_action_tables():
    s = sentence_with(corpus("024"), "To note the appointment of County Councillor Gina Dowding")
    assert ("Person", "Gina Dowding") in names(s) and ("Person", "Susie Charles") in names(s)


def test_capitalised_phrases_are_not_people():
    s = sentence_with(seed("004"), "Front Door Design")
    assert ("Person", "Door Design") not in names(s)


def test_hyphenated_surnames_lists_with_ampersands_and_a_name_before_a_title():
    s = sentence_with(corpus("020"), "Councillor Mrs Anda Fitzgerald")
    assert ("Person", "Anda Fitzgerald-O’Connor") in names(s)
    s = sentence_with(corpus("020"), "Cabinet Member for Children, Young People")
    assert ("Role", "Cabinet Member for Children, Young People & Families") in names(s)
    s = sentence_with(corpus("048"), "Carol Cammiss")
    assert ("Person", "Carol Cammiss") in names(s)


def test_a_surname_that_is_also_a_word_is_a_person_after_an_honorific():
    # West Sussex ("seconded by Cllr Hall") and Devon ("Councillor Hall declared a personal interest"): after an
    # honorific, "Hall" (a word of places and buildings elsewhere) is a surname
    for path, phrase in ((corpus("056"), "Cllr Hall"), (corpus("062"), "Councillor Hall declared")):
        assert ("Person", "Hall") in names(sentence_with(path, phrase))


def test_the_last_name_of_a_list_of_councillors_ends_at_the_words_after_it():
    # Torbay ("Councillors Loxton and Foster instead of …") and Devon ("Councillors Leadbetter and Samuel attended …")
    for path, phrase, last in ((corpus("052"), "Councillors Loxton and Foster", "Foster"),
                               (corpus("062"), "Councillors Leadbetter and Samuel", "Samuel")):
        assert ("Person", last) in names(sentence_with(path, phrase))


def test_a_name_is_a_person_where_it_changes_a_membership():
    # Lancashire ("Debbie Ross has replaced Cath Randall as the representative", "David Galt had stood down") and
    # Oxford ("Liz Brighouse had stood down from her post as Chair of the Trust")
    for path, phrase, people in ((corpus("079"), "Debbie Ross has replaced", {"Debbie Ross", "Cath Randall"}),
                                 (corpus("079"), "David Galt had stood down", {"David Galt"}),
                                 (corpus("004"), "Liz Brighouse had stood down", {"Liz Brighouse"})):
        assert people <= {name for label, name in names(sentence_with(path, phrase)) if label == "Person"}


def test_a_seats_title_is_its_qualifier_and_the_names_before_it_are_people():
    # Westminster: "… thanked the Committee and Co-Opted Members …": the seat is "Co-Opted Member"
    assert ("Role", "Co-Opted Member") in names(sentence_with(corpus("082"), "thanked the Committee and Co-Opted"))
    # Torbay's list with its post after the names, the brackets lost: "… Mike Cook and Jo Morell Co-opted Members"
    s = sentence_with(corpus("051"), "Apologies for absence were also received").replace(
        "(non-voting Co-opted Members)", "Co-opted Members")
    found = names(s)
    assert ("Person", "Mike Cook") in found and ("Person", "Jo Morell") in found
    assert [n for label, n in found if label == "Role"] == ["Co-opted Member", "Co-opted Member"]


def test_names_after_one_honorific_and_honorifics_inside_a_list():
    # Torbay: "… instead of Councillor Mills and Barnby respectively": both are councillors
    found = names(sentence_with(corpus("052"), "instead of Councillor Mills"))
    assert ("Person", "Mills") in found and ("Person", "Barnby") in found
    # Cumbria: "Mr D Barton, Mr W Clark, Mrs C Driver, …": each keeps their own honorific
    hons = {m.name: m.honorific for m in find_mentions(sentence_with(corpus("074"), "Apologies for absence were received"))}
    assert hons["Barton"] == "Mr" and hons["Driver"] == "Mrs" and hons["Sanderson"] == "Mrs"
    # Torbay's list written with honorifics and dotted initials inside it ("Councillors Mrs. J.E. Charles, P. Church")
    s = sentence_with(corpus("051"), "Apologies for absence were also received").replace(
        "Laura Colman (Co-opted Member), Mike Cook and Jo Morell", "Councillors Mrs. L. Colman, M.J. Cook and Mrs. J. Morell")
    assert {"Colman", "Cook", "Morell"} <= {n for label, n in names(s) if label == "Person"}
    # Torbay: an officer named after a councillor is not given the councillor's honorific
    meehan = [m for m in find_mentions(sentence_with(seed("003"), "Nancy Meehan")) if m.name == "Nancy Meehan"]
    assert meehan and all(m.honorific != "Councillor" for m in meehan)


def test_the_executive_is_a_body_but_not_the_executive_director():
    # Sheffield: "… made recommendations to the Executive"; West Sussex: "The Executive Director for Children …" is a post
    found = names(sentence_with(corpus("073"), "made recommendations to the Executive"))
    assert ("Body", "Executive") in found
    s = sentence_with(seed("001"), "The Executive Director for Children, Young People and Learning, Ms Butler")
    assert not [n for label, n in names(s) if label == "Body"]


def test_a_convener_is_a_chair():
    # Stockton names a "Convener of the Safeguarding Forum for Education Settings"; a Scottish committee's minutes
    # call their chair "the Convener": Somerset's "The Chair apologised …" written so
    assert any(label == "Role" and "Convener of the Safeguarding Forum" in n
               for label, n in names(sentence_with(corpus("077"), "Convener of the Safeguarding Forum")))
    s = sentence_with(corpus("022"), "The Chair apologised").replace("The Chair", "The Convener")
    assert names(s)[0] == ("Role", "Convener")


def test_a_heading_run_into_a_name_is_not_part_of_it():
    # Cumbria's apologies with the next heading run on, as a page whose line breaks were lost gives them
    s = sentence_with(corpus("074"), "Apologies for absence were received from").replace("Mr M Mills.", "Mr M Mills Declarations of Interest")
    assert ("Person", "Mills") in names(s)


def test_a_name_before_drew_attention_or_after_a_presented_by_label_is_a_person():
    # Cheshire East "Diane Taylor outlined …" told as West Berkshire tells it ("Jessica Bailiss drew attention to …")
    s = sentence_with(corpus("003"), "Diane Taylor outlined").replace("Diane Taylor outlined", "Diane Taylor drew attention to")
    assert ("Person", "Diane Taylor") in names(s)
    # Kirklees's "Report author: Kathryn Loftus" labelled as Stockport labels its presenters
    line = next(ln for ln in corpus("035").read_text(encoding="utf-8").splitlines() if ln.startswith("Report author:"))
    assert ("Person", "Kathryn Loftus") in names(line.replace("Report author:", "Presented By:"))


def test_an_nhs_trust_is_an_organisation_of_its_own():
    # Bromley: "… a Governor at Oxleas NHS Foundation Trust" (Wolverhampton's "the Royal Wolverhampton NHS Trust")
    found = names(sentence_with(corpus("072"), "Oxleas NHS Foundation Trust"))
    assert ("Organisation", "Oxleas NHS Foundation Trust") in found and ("Organisation", "National Health Service") not in found


def test_an_attendee_listed_by_initials_and_surname_is_the_person_the_text_names():
    # Oxfordshire's attendance "Whole of meeting: K. Coldwell (Corporate Core)": the list gives "K. Coldwell", the
    # text's reading of the same line "Coldwell" (as Vale of Glamorgan's "Also present: Mr. S. Howell" does): one
    # person, who attended
    from councilgraph.extract.pipeline import extract
    from councilgraph.loaders import load

    g = extract(load(corpus("020")))
    coldwell = [n for n in g.nodes.values() if n.label is Label.PERSON and n.name.endswith("Coldwell")]
    assert len(coldwell) == 1
    assert any(r.type.value == "ATTENDED" and r.start == coldwell[0].id for r in g.rels.values())
