"""Word lists of the language of minutes: honorifics, post titles, body and organisation words,
and the national organisations every council deals with. One place for each list."""

from __future__ import annotations

HONORIFICS = ("County Councillor", "Councillor", "Cllr", "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir",
              "Dame", "Professor", "Prof", "Lord", "Lady", "Baroness", "Baron", "Rev", "Revd", "Reverend")

#: Head words of post titles, longest first so that "Executive Director" wins over "Director".
ROLE_HEADS = (
    "Cabinet Member", "Lead Member", "Portfolio Holder", "Executive Member", "Member Champion",
    "Chief Executive", "Chief Officer", "Chief Inspector", "Chief Operating Officer",
    "Executive Director", "Corporate Director", "Strategic Director", "Assistant Director",
    "Deputy Director", "Service Director", "Director General", "Director", "Head", "Manager",
    "Officer", "Commissioner", "Vice-Chairman", "Vice Chairman", "Vice-Chair", "Vice Chair",
    "Deputy Chairman", "Deputy Chair", "Independent Chair", "Chairman", "Chairperson", "Chair",
    "Deputy Leader", "Leader", "Advisor", "Adviser", "Secretary of State", "Mayor", "Ombudsman",
    "Inspector", "Lead", "Coordinator", "Co-ordinator", "Solicitor", "Clerk", "Principal",
    "Superintendent", "Chief Constable", "Treasurer", "Auditor",
)
#: Heads that, bare, are too vague to be a post ("Lead", "Head", "Officer" alone).
BARE_HEADS_OK = {"Chairman", "Chair", "Vice-Chairman", "Vice-Chair", "Vice Chairman", "Vice Chair",
                 "Cabinet Member", "Lead Member", "Portfolio Holder", "Leader", "Chief Executive",
                 "Commissioner", "Deputy Leader", "Mayor", "Secretary of State", "Executive Director",
                 "Deputy Chairman", "Deputy Chair", "Monitoring Officer", "Director"}
#: Chair posts belong to a body (the one whose minutes these are, unless named).
CHAIR_HEADS = {"Chairman", "Chair", "Chairperson", "Vice-Chairman", "Vice-Chair", "Vice Chairman",
               "Vice Chair", "Deputy Chairman", "Deputy Chair", "Independent Chair"}

BODY_HEADS = ("Sub-Committee", "Sub Committee", "Committee", "Board", "Panel", "Cabinet",
              "Working Group", "Task Group", "Task and Finish Group", "Group", "Commission",
              "Assembly", "Executive", "Meeting")
#: Generic words for the body whose minutes these are ("the Committee considered …").
GENERIC_BODIES = ("Sub-Committee", "Committee", "Board", "Panel", "Cabinet", "Forum", "Group")

#: Organisation suffixes and the kind they imply (SCHEMA.md's Organisation kinds).
ORG_SUFFIXES = {
    "Trust": "trust", "Foundation": "charity", "Charity": "charity", "Society": "charity",
    "Association": "other", "Agency": "government", "Police": "other", "Constabulary": "other",
    "Ltd": "company", "Limited": "company", "LLP": "company", "plc": "company", "PLC": "company",
    "Ventures": "company", "Consulting": "company", "Consultancy": "company", "Partners": "company",
    "Partnership": "partnership", "Alliance": "partnership", "Network": "partnership",
    "Authority": "other", "Institute": "other", "University": "other", "College": "other",
    "Academy": "other", "Hospital": "nhs", "Inspectorate": "regulator",
    "Forum": "other", "Union": "other", "Federation": "other", "Collaborative": "partnership",
}
#: Words before a proper name that make it an organisation ("the adoption agency Together4Children").
ORG_DESCRIPTORS = ("agency", "organisation", "organization", "charity", "provider", "company",
                   "consultancy", "consultants", "firm", "partner", "trust")

#: National organisations: canonical name → (other names and acronyms, kind).
KNOWN_ORGS: dict[str, tuple[tuple[str, ...], str]] = {
    "Ofsted": (("OFSTED", "Office for Standards in Education"), "regulator"),
    "Department for Education": (("DfE", "DFE", "Dept for Education"), "government"),
    "Local Government Association": (("LGA",), "other"),
    "National Health Service": (("NHS",), "nhs"),
    "NHS England": ((), "nhs"),
    "Children and Adolescent Mental Health Services": (("CAMHS", "Child and Adolescent Mental Health Services"), "nhs"),
    "Care Quality Commission": (("CQC",), "regulator"),
    "HM Inspectorate of Probation": (("HMIP", "HMI Probation"), "regulator"),
    "Cafcass": (("CAFCASS",), "government"),
    "Youth Justice Board": (("YJB",), "government"),
    "Home Office": ((), "government"),
    "Department of Health and Social Care": (("DHSC",), "government"),
    "Department for Work and Pensions": (("DWP",), "government"),
    "Department for Levelling Up, Housing and Communities": (("DLUHC",), "government"),
    "Ministry of Housing, Communities and Local Government": (("MHCLG",), "government"),
    "Integrated Care Board": (("ICB",), "nhs"),
    "Clinical Commissioning Group": (("CCG",), "nhs"),
    "Children's Commissioner for England": ((), "government"),
    "Local Government and Social Care Ombudsman": (("LGSCO",), "regulator"),
    "Youth Offending Service": (("YOS",), "other"),
    "Children's Trust": (("Childrens Trust",), "trust"),
}
#: Organisations that inspect councils and their services.
REGULATORS = {"Ofsted", "Care Quality Commission", "HM Inspectorate of Probation"}
INSPECTION_WORDS = ("inspection", "inspected", "inspect", "rated", "judged", "judgement", "judgment",
                    "monitoring visit", "focused visit", "focussed visit", "criticism", "annual conversation")
OUTCOMES = ("inadequate", "requires improvement", "good", "outstanding")

COUNCIL_KINDS = ("Metropolitan Borough", "County Borough", "County", "City", "Borough", "District",
                 "Town", "Parish", "Unitary", "Combined")

#: Capitalised words that start no name (sentence starters, months, generic nouns).
NOT_NAMES = {
    "The", "This", "That", "These", "Those", "It", "Its", "A", "An", "In", "On", "At", "For", "Of",
    "And", "But", "Or", "If", "As", "By", "To", "From", "With", "Within", "Following", "During",
    "All", "Any", "Some", "Every", "Each", "Members", "Member", "Officers", "Officer", "Councillors",
    "Committee", "Board", "Panel", "Council", "Cabinet", "Children", "Children's", "Young",
    "People", "Services", "Service", "Social", "Care", "Early", "Help", "Family", "Families",
    "Resolved", "RESOLVED", "Minutes", "Agenda", "Item", "Report", "Reports", "Presentation",
    "Update", "Apologies", "Questions", "Chairman", "Chair", "Director", "Mr", "Mrs", "Ms",
    "Will", "May", "Hope", "Grace", "Faith", "Joy", "Rose", "Summer", "Autumn", "Winter",
    "Spring", "April", "June", "July", "August", "March", "Mark", "Bill", "Page", "Read",
    "Chase", "Lane", "Hall", "Street", "Road", "House", "Court", "Head", "Lead", "Key", "Stage",
    "Christ", "Royal", "North", "South", "East", "West", "New", "Great", "Little", "Saint", "St",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "September", "October", "November", "December", "Ofsted", "Section", "Appendix",
    "Standing", "Order", "Local", "Government", "Department", "County", "City", "Borough",
    "Health", "Education", "School", "Schools", "Police", "Trust", "Public", "National", "Peer", "Peers",
    "London", "One", "Roman", "Sheffield", "Oak",
}

MONTHS_AND_DAYS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                   "Saturday", "Sunday")
