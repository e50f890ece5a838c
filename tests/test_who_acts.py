"""Who acts, where the minutes name them in a way the rules' examples do not: a pronoun ("he", "she": the person or
post the sentence before opens with, or who says the pronoun's clause in its own sentence), "the relevant X", and
"X, in consultation with Y, be authorised to …". Each case is a real page with one sentence written the other way."""

from __future__ import annotations

import pytest

from councilgraph.extract.pipeline import extract
from councilgraph.graph.model import Label, RelType
from councilgraph.loaders import load
from tests.conftest import corpus, seed


def owners_of(path, words: str) -> set[str]:
    g = extract(load(path))
    return {g.nodes[r.start].name for r in g.rels.values()
            if r.type is RelType.OWNS and g.nodes[r.end].label is Label.ACTION and words in g.nodes[r.end].name}


def _rewritten(tmp_path, prefix: str, old: str, new: str):
    text = corpus(prefix).read_text(encoding="utf-8")
    assert old in text
    f = tmp_path / corpus(prefix).name
    f.write_text(text.replace(old, new), encoding="utf-8")
    return f


def test_she_is_the_person_the_sentence_before_opens_with():
    # Durham: "Councillor Simmons, Chair of Corporate Parenting Panel was in attendance … She then alluded … and she
    # would provide a progress update"; Cardiff: "The Chair invited Alison Jones, (Scrutiny Officer) … She would …"
    assert "Simmons" in owners_of(corpus("030"), "progress update")
    assert "Alison Jones" in owners_of(corpus("040"), "update Members")


@pytest.mark.parametrize("post", ["The Scrutiny Officer", "The Cardiff 2023 Scrutiny Officer"])
def test_she_is_the_post_the_sentence_before_opens_with_when_its_holder_is_not_named(post, tmp_path):
    # Cardiff, its Scrutiny Officer not named: "The Scrutiny Officer responded that this was in hand … She would
    # update Members when confirmed." (also with words of the post's own before it, as in "The Watford 2020 …")
    f = _rewritten(tmp_path, "040", "Alison Jones, (Scrutiny Officer)", "the Scrutiny Officer")
    f.write_text(f.read_text(encoding="utf-8").replace("The Scrutiny officer responded", f"{post} responded"),
                 encoding="utf-8")
    assert owners_of(f, "update Members") == {"Scrutiny Officer"}


def test_he_is_who_says_the_clause_in_its_own_sentence(tmp_path):
    # Durham's sentence told as a reply in one sentence: the speaker, not the person the sentence before named
    f = _rewritten(tmp_path, "030", "Work was continuing to address the priorities in the annual report, and she would",
                   "Councillor Simmons asked about the priorities in the annual report, and Councillor Jewel confirmed "
                   "that he would")
    assert owners_of(f, "progress update") == {"Jewel"}


def test_the_relevant_post_or_body_is_who_acts(tmp_path):
    # Somerset "has also asked the Scrutiny Manager to arrange a meeting" and West Sussex "The Chairman asked Cllr
    # Lord to express …", with "the relevant" / "the appropriate" before who is asked ("ask the relevant … Panel to …")
    f = _rewritten(tmp_path, "022", "asked the Scrutiny Manager to", "asked the relevant Scrutiny Manager to")
    assert owners_of(f, "arrange a meeting") == {"Scrutiny Manager"}
    f = _rewritten(tmp_path, "028", "The Chairman asked Cllr Lord to", "The Chairman asked the appropriate Cllr Lord to")
    assert owners_of(f, "thanks") == {"Lord"}


@pytest.mark.parametrize("aside", [", in consultation with the Portfolio Holder,", ", in consultation with the Portfolio Holder"])
def test_an_aside_between_who_is_given_an_errand_and_the_errand_keeps_the_owner(aside, tmp_path):
    # Cheshire East "That the Director of Children’s Services be commissioned to lead the implementation", with an aside
    # as Reading writes it ("That the Chief Executive, in consultation with the Leader … be authorised to appoint …")
    f = _rewritten(tmp_path, "029", "Director of Children’s Services be commissioned",
                   f"Director of Children’s Services{aside} be commissioned")
    assert "Director of Children’s Services" in owners_of(f, "lead the implementation")


@pytest.mark.parametrize("prefix, old, joiner, second, owner", [
    # Herefordshire "Each month the Director would present an update to the Board …" and Chorley "Rebecca will contact
    # her to confirm …", each with a second actor's commitment joined on, as Plymouth's "… within the next fortnight
    # otherwise the Chair would formally write to the Chief Executive …"
    ("069", "present an update to the Board", "otherwise", "the Chair would write to the Chief Executive", "Chair"),
    ("078", "contact her to confirm", "and", "the Chair will reply to the Board", "Chair"),
])
def test_a_second_actors_commitment_joined_to_the_first_is_theirs(prefix, old, joiner, second, owner, tmp_path):
    f = _rewritten(tmp_path, prefix, old, f"{old} {joiner} {second}")
    first_words = " ".join(old.split()[:2])
    assert owners_of(f, first_words) == owners_of(corpus(prefix), first_words) != set()
    assert owner in owners_of(f, " ".join(second.split()[-4:]))


def _actions(path) -> list[str]:
    g = extract(load(path))
    return [n.name for n in g.nodes.values() if n.label is Label.ACTION]


@pytest.mark.parametrize("prefix, sentence, words", [
    ("069", "Each month the Director would present an update to the Board", "present an update to the Board"),
    ("078", "As Fiona was absent from the meeting Rebecca will contact her", "contact her to confirm"),
])
def test_a_commitment_restated_in_a_resolution_is_one_action(prefix, sentence, words, tmp_path):
    # Herefordshire's and Chorley's commitments restated as West Berkshire's minutes restate theirs: "Councillor
    # Boeck would share the outcome …" then "RESOLVED that Councillor Boeck would share the outcome …"
    text = corpus(prefix).read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if sentence in ln)
    restated = line[line.index(sentence):].split(". ")[0].rstrip(".")
    f = tmp_path / corpus(prefix).name
    # (told with a few more words, as West Berkshire's adds "at Westminster")
    f.write_text(text.replace(line, f"{line}\n\nRESOLVED that {restated[0].lower()}{restated[1:]} as discussed.", 1),
                 encoding="utf-8")
    assert len([a for a in _actions(f) if words in a]) == len([a for a in _actions(corpus(prefix)) if words in a]) == 1


@pytest.mark.parametrize("prefix", ["035", "011"])
@pytest.mark.parametrize("delegation", [
    "That the Director of Children’s Services be authorised, in consultation with the relevant Cabinet Member, to",
    "To authorise the Director of Children’s Services, in consultation with the relevant Cabinet Member, to",
    "That delegated authority be granted to the Director of Children’s Services, in consultation with the relevant "
    "Cabinet Member, to",
])
def test_a_delegation_written_any_way_is_owned_by_the_delegate(prefix, delegation, tmp_path):
    # Kirklees "That authority be delegated to the Director of Children’s Services, in consultation with the relevant
    # Cabinet Member, to finalise the Children’s Improvement Plan …", written as other councils write delegations
    f = _rewritten(tmp_path, prefix, "That authority be delegated to the Director of Children’s Services, in consultation "
                   "with the relevant Cabinet Member, to", delegation)
    assert owners_of(f, "finalise the Children") == {"Director of Children’s Services"}


@pytest.mark.parametrize("folder_prefix, old, new, words, owner", [
    # a surname that is also a word, after an honorific: West Sussex "Mr Clark would look at …" as "Mr Hill would …"
    ("seed:000", "Mr Clark would", "Mr Hill would", "look at giving", "Hill"),
    # a parish or town council's clerk: Herefordshire "the Director would present …" as "the Clerk would present …"
    ("corpus:069", "the Director would present", "the Clerk would present", "present an update", "Clerk"),
    # words of the speaker's own between the verb and the pronoun's clause (Durham, told as Middlesbrough's
    # "Councillor Liz Grey indicated her support for this proposal and that she would raise it …")
    ("corpus:030", "Work was continuing to address the priorities in the annual report, and she would",
     "Councillor Simmons asked about the priorities, and Councillor Jewel indicated his support for this and that he would",
     "progress update", "Jewel"),
])
def test_more_ways_of_naming_who_acts(folder_prefix, old, new, words, owner, tmp_path):
    folder, prefix = folder_prefix.split(":")
    path = seed(prefix) if folder == "seed" else corpus(prefix)
    text = path.read_text(encoding="utf-8")
    assert old in text
    f = tmp_path / path.name
    f.write_text(text.replace(old, new), encoding="utf-8")
    assert owner in owners_of(f, words)


def test_a_delegation_with_its_aside_unmarked_by_commas(tmp_path):
    # Kirklees's delegation written as Warwickshire's: "Authorises the Executive Director for Resources in consultation
    # with the Portfolio Holder for Finance and Property to undertake …"
    f = _rewritten(tmp_path, "035", "That authority be delegated to the Director of Children’s Services, in consultation "
                   "with the relevant Cabinet Member, to", "Authorises the Director of Children’s Services in consultation "
                   "with the relevant Cabinet Member to")
    assert owners_of(f, "finalise the Children") == {"Director of Children’s Services"}


def test_a_delegate_described_in_a_clause_of_their_own(tmp_path):
    # Kirklees's delegation written as Tower Hamlets's: "To authorise the relevant Corporate Director who holds the
    # budget for the service area to award the contract …"
    f = _rewritten(tmp_path, "035", "That authority be delegated to the Director of Children’s Services, in consultation "
                   "with the relevant Cabinet Member, to", "To authorise the Director of Children’s Services who holds the "
                   "budget for the service area to")
    assert owners_of(f, "finalise the Children") == {"Director of Children’s Services"}


def test_consent_and_the_meetings_own_business_are_no_actions(tmp_path):
    # Chorley's "Rebecca will contact her …" as East Hampshire's consent: "The committee agreed to the following
    # amendments …" commits no one
    f = _rewritten(tmp_path, "078", "Rebecca will contact her to confirm she is happy to remain as Deputy Chair",
                   "Rebecca agreed to the following amendments to the terms of reference")
    assert not [a for a in _actions(f) if "amendments" in a]
    # Durham's resolution with Hillingdon's "That all items marked Part I be considered in public …" after it
    text = corpus("041").read_text(encoding="utf-8").replace(
        "Supporting documents:", "Resolved\n\nThat all items marked Part I be considered in public and those marked "
        "Part II in private.\n\nSupporting documents:", 1)
    f.write_text(text, encoding="utf-8")
    assert not [a for a in _actions(f) if "Part I" in a]


def test_a_papers_footnote_under_a_resolution_is_not_part_of_it(tmp_path):
    # Kirklees's delegation with Mid Devon's footnote on the next line ("Note: *Report previously circulated, copy
    # attached to minutes."): its "minutes" must not make the delegation a formality
    line = next(ln for ln in corpus("035").read_text(encoding="utf-8").splitlines() if "authority be delegated" in ln)
    f = _rewritten(tmp_path, "035", line, line + "\nNote: *Report previously circulated, copy attached to minutes.")
    assert owners_of(f, "finalise the Children") == {"Director of Children’s Services"}


def test_who_acts_is_not_lost_to_an_adverb_or_a_clause_of_its_own(tmp_path):
    # Herefordshire's "the Director would present an update …" with an adverb ("would further present")
    f = _rewritten(tmp_path, "069", "the Director would present", "the Director would further present")
    assert any("Director" in o for o in owners_of(f, "present an update"))
    # Cheshire East's errand after a clause of its own: "That the Cabinet, having considered the report, agrees that
    # the Director of Children’s Services be commissioned …" is the Director's
    f = _rewritten(tmp_path, "029", "That the Director of Children’s Services be commissioned",
                   "That the Cabinet, having considered the report, agrees that the Director of Children’s Services be "
                   "commissioned")
    assert owners_of(f, "lead the implementation") == {"Director of Children’s Services"}


def actions_of(path) -> list[str]:
    g = extract(load(path))
    return [n.name for n in g.nodes.values() if n.label is Label.ACTION]


def test_members_asked_in_the_agendas_present_are_not_asked_yet(tmp_path):
    # Somerset "Members were invited to contact the Chair and Vice Chair" is an errand; written in the present, as an
    # agenda frames its item (Cumbria, Lancashire: "Members are invited to disclose any …", "Members are asked to
    # consider any …"; Epping Forest: "members are invited to review the existing Code"), it is no one's yet
    assert [a for a in actions_of(corpus("022")) if a.startswith("contact the Chair")]
    f = _rewritten(tmp_path, "022", "Members were invited to contact", "Members are invited to contact")
    assert not [a for a in actions_of(f) if a.startswith("contact the Chair")]


@pytest.mark.parametrize("prefix, said, action", [
    ("069", "the Director would present an update", "present an update"),   # Herefordshire
    ("040", "She would update Members", "update Members"),                  # Cardiff
])
@pytest.mark.parametrize("preference", ["rather", "prefer to"])
def test_a_preference_after_would_commits_no_one(prefix, said, action, preference, tmp_path):
    # Dacorum: "… and he would rather have more specific subjects": what someone would rather do is no commitment
    assert [a for a in actions_of(corpus(prefix)) if a.startswith(action)]
    f = _rewritten(tmp_path, prefix, said, said.replace("would ", f"would {preference} "))
    assert not [a for a in actions_of(f) if action in a]


@pytest.mark.parametrize("heading", ["Highways Maintenance", "Libraries and Leisure", "Waste and Recycling"])
def test_a_service_heading_is_no_person_to_take_a_posts_words(heading, tmp_path):
    # Herefordshire's "Each month the Director would present an update …" under a heading of the service's name, the
    # post named for the service as a reviewer's Cabinet minutes have it ("14. Highways Maintenance", then "The Head
    # of Highways agreed to …"): the heading's words are no one's name, so the post keeps them and owns the update
    service = heading.split()[0]
    f = _rewritten(tmp_path, "069", "Each month the Director would present",
                   f"\n\n14. {heading}\n\nEach month the Head of {service} would present")
    assert owners_of(f, "present an update") == {f"Head of {service}"}
