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
    "Superintendent", "Chief Constable", "Treasurer", "Auditor", "HMI", "Member", "Representative", "Governor",
    "Spokesperson", "Secretary", "Co-Optee", "Co-optee", "Convener", "Convenor", "Champion", "Practitioner",
    "Lord Provost", "Provost",
    "Consultant", "Analyst", "Scrutiny Officer", "Support Officer", "Services Officer",
)
#: Heads of seats on a committee rather than posts of the council ("Co-opted Member", "Parent Governor
#: Representative"): unless the title says whose, the seat is on the body whose minutes these are.
SEAT_HEADS = {"Member", "Representative"}
#: Heads that name a post only with a word before them ("Co-opted Member", "Parent Governor Representative").
#: Plural heads of posts held by several people ("Laura Colman and Claire Platt (Co-opted Members)").
PLURAL_HEADS = {"Members": "Member", "Representatives": "Representative", "Governors": "Governor",
                "Officers": "Officer", "Managers": "Manager", "Directors": "Director", "Advisers": "Adviser",
                "Advisors": "Advisor", "Inspectors": "Inspector", "Commissioners": "Commissioner"}
#: The words that make "Member" a post of its own ("Co-opted Member", "Lay Member"); "Committee Members" are none.
MEMBER_QUALIFIERS = ("Co-opted", "Co-Opted", "Coopted", "Lay", "Ward", "ward", "Independent", "Parent Governor")
QUALIFIED_HEADS = {"Member", "Representative", "Governor", "Secretary", "Champion", "Practitioner", "Consultant",
                   "Analyst", "Lead", "Officer", "Manager", "Head", "Inspector", "Principal", "Coordinator",
                   "Co-ordinator", "Advisor", "Adviser", "Auditor", "Treasurer", "Solicitor"}
#: Heads whose title may go on after a comma, dash or colon ("Director, Finance and Resources",
#: "Assistant Director - Education", "Interim Director: Children & Families").
TITLE_TAIL_HEADS = {"Director", "Deputy Director", "Assistant Director", "Executive Director", "Corporate Director",
                    "Strategic Director", "Service Director", "Director General", "Lead", "Manager", "Head"}
#: Heads that, bare, are too vague to be a post ("Lead", "Head", "Officer" alone).
BARE_HEADS_OK = {"Chairman", "Chair", "Vice-Chairman", "Vice-Chair", "Vice Chairman", "Vice Chair",
                 "Cabinet Member", "Lead Member", "Portfolio Holder", "Leader", "Chief Executive",
                 "Commissioner", "Deputy Leader", "Mayor", "Secretary of State", "Executive Director",
                 "Deputy Chairman", "Deputy Chair", "Monitoring Officer", "Director",
                 "Convener", "Convenor", "Provost", "Lord Provost",  # (a Scottish committee's chair; its civic head)
                 "Clerk"}  # (a parish or town council's clerk: "The Clerk would write …")
#: Chair posts belong to a body (the one whose minutes these are, unless named).
CHAIR_HEADS = {"Chairman", "Chair", "Chairperson", "Vice-Chairman", "Vice-Chair", "Vice Chairman",
               "Vice Chair", "Deputy Chairman", "Deputy Chair", "Independent Chair", "Convener", "Convenor"}

BODY_HEADS = ("Sub-Committee", "Sub Committee", "Sub-Board", "Sub Board", "Committee", "Board", "Panel", "Cabinet",
              "Working Group", "Task Group", "Task and Finish Group", "Group", "Commission",
              "Assembly", "Executive", "Meeting")
#: Generic words for the body whose minutes these are ("the Committee considered …").
GENERIC_BODIES = ("Sub-Committee", "Sub-Board", "Committee", "Board", "Panel", "Cabinet", "Forum", "Group")

#: Organisation suffixes and the kind they imply (SCHEMA.md's Organisation kinds).
ORG_SUFFIXES = {
    "Trust": "trust", "Foundation": "charity", "Charity": "charity", "Society": "charity",
    "Association": "other", "Agency": "government", "Police": "other", "Constabulary": "other",
    "Ltd": "company", "Limited": "company", "LLP": "company", "plc": "company", "PLC": "company",
    "Ventures": "company", "Consulting": "company", "Consultancy": "company", "Partners": "company",
    "Partnership": "partnership", "Alliance": "partnership", "Network": "partnership",
    "Authority": "other", "Institute": "other", "University": "other", "College": "other",
    "Academy": "other", "Hospital": "nhs", "Inspectorate": "regulator", "Directorate": "government",
    "Forum": "other", "Union": "other", "Federation": "other", "Collaborative": "partnership",
    "School": "other", "Schools": "other", "Church": "charity", "Healthcare": "nhs", "Government": "government",
    "Office": "government",
}
#: Words that open an organisation's name ("Diocese of Exeter", "University of Kent").
ORG_PREFIXES = {"Diocese of": "charity", "University of": "other", "Church of": "charity", "Archdiocese of": "charity"}
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
#: National bodies whose name followed by a place is a local body of its own ("NHS Devon", "NHS Kent and Medway").
ORG_BRANCHES = ("NHS",)
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
    "London", "One", "Roman", "Sheffield", "Oak", "My", "Our", "Your", "Their", "His", "Her", "We", "They",
}

MONTHS_AND_DAYS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                   "Saturday", "Sunday")

# ---- the language of commitments and requests (used by extract/grammar.py and extract/action_rules.py) ----------------

#: Verbs after a subject that commit it to a future act ("Mr Clark would look at …", "X agreed to …").
COMMIT_VERBS = ("would", "will", "shall", "agreed to", "has agreed to", "had agreed to", "undertook to",
                "offered to", "promised to", "committed to", "volunteered to", "is to", "are to",
                "would continue to", "will continue to", "would also", "will also", "was going to", "were going to")
#: Verb phrases that follow a modal without committing anyone to act ("would like to thank", "would be …").
NOT_COMMITMENTS = ("be", "have been", "have a", "have an", "have no", "have the", "not", "like", "rather", "prefer", "welcome", "note", "receive", "thank", "like to",
                   "need", "expect", "appear", "seem", "mean", "also be", "depend", "remain", "still", "result",
                   "make a difference", "help", "benefit", "impact", "affect", "allow", "enable", "cost", "take place",
                   "include", "involve", "require", "continue to be", "probably", "hopefully", "always", "never",
                   "then be", "now be", "only", "likely", "in future", "become", "provide an opportunity")
#: Verbs with which one actor asks another to act ("The Chairman asked Cllr Lord to …").
ASK_VERBS = ("asked", "requested", "invited", "tasked", "instructed", "urged", "encouraged", "challenged")
#: Resolution verbs that ask someone to act ("requests the Cabinet Member to …", "invites X to report back").
RESOLUTION_ASK_VERBS = ("requests", "request", "asks", "ask", "invites", "invite", "urges", "urge", "encourages",
                        "encourage", "calls on", "calls upon", "call on", "instructs", "instruct", "directs", "direct",
                        "recommends", "recommend", "requires", "require")
#: Participles by which someone was given an errand in running text ("had been invited to update members").
ASKED_PARTICIPLES = ("asked", "requested", "invited", "tasked", "instructed")
#: Participles of "be X-ed to": someone is given an errand ("That the Director be commissioned to lead …").
ERRAND_PARTICIPLES = ("asked", "requested", "invited", "commissioned", "instructed", "tasked", "required",
                      "authorised", "authorized", "empowered", "mandated", "charged")
#: Participles of a future deliverable ("a briefing would be provided", "a report be brought back"), each with the
#: verb that says the same in the active ("provide a briefing"), as action texts are written.
DELIVERY_VERBS = {
    "circulated": "circulate", "provided": "provide", "shared": "share", "sent": "send", "sent out": "send out",
    "brought back": "bring back", "brought": "bring", "reported back": "report back", "reported": "report",
    "included": "include", "made available": "make available", "arranged": "arrange", "added": "add",
    "scheduled": "schedule", "presented": "present", "submitted": "submit", "organised": "organise",
    "organized": "organize", "fed back": "feed back", "e-mailed": "e-mail", "emailed": "email",
    "forwarded": "forward", "distributed": "distribute", "given": "give", "made": "make", "produced": "produce",
    "prepared": "prepare", "developed": "develop", "undertaken": "undertake", "carried out": "carry out",
    "set up": "set up", "established": "establish", "explored": "explore", "investigated": "investigate",
    "looked into": "look into", "considered": "consider", "reviewed": "review", "revisited": "revisit",
    "updated": "update", "amended": "amend", "adjusted": "adjust", "written": "write", "drafted": "draft",
    "published": "publish", "contacted": "contact", "invited": "invite", "raised": "raise",
    "taken forward": "take forward", "followed up": "follow up", "pursued": "pursue", "allocated": "allocate",
    "convened": "convene", "held": "hold", "placed": "place", "put": "put", "clarified": "clarify",
    "confirmed": "confirm", "checked": "check", "passed on": "pass on", "picked up": "pick up", "issued": "issue",
    "offered": "offer", "displayed": "display", "used": "use", "covered": "cover",
}
DELIVERY_PARTICIPLES = tuple(DELIVERY_VERBS)

#: What an officer introduces or presents to a meeting ("introduced the report", "gave a presentation"), how, and
#: the words between ("the", "a detailed", "an overview of the"); and the papers a post is the author of.
ITEM_WORDS = ("item", "report", "reports", "presentation", "update", "paper", "briefing", "overview", "findings")
INTRO_VERBS = ("introduced", "presented", "outlined", "gave", "provided", "delivered", "made", "took members through",
               "briefly presented", "reported on", "introduce", "present")
INTRO_DETERMINERS = ("the", "this", "a", "an", "his", "her", "their", "a detailed", "an overview of the")
AUTHORED_NOUNS = ("report", "presentation", "briefing note", "briefing", "paper", "response", "note")
#: Words that open a noun phrase: "that a report be brought back" is a clause about a thing, told in the active.
DETERMINERS = ("the", "a", "an", "this", "these", "further", "any", "all", "more")
#: Words that say when someone holds a post ("the former Chair", "is the interim Director").
TENURE_WORDS = ("new", "interim", "current", "acting", "previous", "former", "outgoing", "incoming")
#: A standing item on a body's agenda ("a standing item on future agendas").
STANDING_WORDS = ("standing", "standard", "regular", "permanent")
#: What a body receives in a later report ("To receive a further report …", "be provided with an update …").
REPORT_QUALIFIERS = ("further", "follow-up", "follow up", "progress", "update", "annual", "six-monthly", "six monthly",
                     "quarterly", "final")
RECEIVED_DELIVERABLES = ("report", "update", "briefing", "information", "presentation")
#: Column headings of a table of actions ("Action | Lead | By when"): each row then reads as "Lead to action by when".
ACTION_COLUMNS = ("action", "actions", "action point", "action points", "agreed action", "agreed actions",
                  "action required", "actions required", "action agreed")
LEAD_COLUMNS = ("lead", "lead officer", "owner", "action owner", "responsible", "responsible officer", "responsibility",
                "by whom", "who", "action by", "officer")
WHEN_COLUMNS = ("by when", "when", "deadline", "due", "due date", "date due", "target date", "timescale", "timescales",
                "by")
#: What a report author is asked to provide: more information in a later report.
DELIVERABLES = ("report", "update", "information", "briefing", "note", "email", "e-mail", "letter", "figures", "data",
                "details", "paper", "session", "training", "item", "presentation", "response", "breakdown",
                "analysis", "list", "copy", "link", "feedback", "summary", "plan", "narrative", "clarification",
                "evidence", "statistics", "numbers", "progress report", "update report", "written answer")
#: Resolution verbs that record no action ("notes", "welcomes"): a point that starts with one asks nothing.
FORMALITY_VERBS = ("note", "notes", "noted", "welcome", "welcomes", "thank", "thanks", "endorse", "endorses", "approve",
                   "approves", "accept", "accepts", "agree", "agrees", "support", "supports", "receive", "receives",
                   "consider", "considers", "acknowledge", "acknowledges", "congratulate", "congratulates",
                   "recognise", "recognises", "commend", "commends", "confirm", "confirms", "is", "are", "be", "was",
                   "were", "has", "have", "had", "express", "expresses", "record", "records", "place", "places",
                   "delegate", "delegates", "request", "requests", "ask", "asks", "invite", "invites", "resolve",
                   "resolves", "recommend", "recommends", "highlight", "highlights", "raise", "raises", "remain",
                   "remains", "retain", "retains")
#: Verbs of saying: who speaks of a future act commits to it ("the Director said the wording would be adjusted").
SPEECH_VERBS = ("said", "confirmed", "advised", "explained", "stated", "indicated", "reported", "replied",
                "responded", "assured", "undertook", "informed", "told", "added", "agreed", "noted", "mentioned",
                "clarified", "commented", "highlighted", "suggested", "acknowledged", "accepted")
#: What a sentence raises, and how, so that a later "an update on this" can say what "this" is: "Clarification
#: was sought on the number of children …", "Members raised concerns about the reduction in school funding …".
QUERY_NOUNS = ("clarification", "a query", "queries", "a question", "questions", "concern", "concerns",
               "a comment", "comments", "an enquiry", "enquiries")
QUERY_VERBS = ("sought", "raised", "asked", "expressed", "made", "received", "voiced")
TOPIC_PREPOSITIONS = ("on", "about", "regarding", "around", "over", "in relation to", "in respect of", "concerning")
#: Where the topic a query raised ends: "… plans as there were two figures", "… funding and how this would …".
TOPIC_ENDS = ("as there", "because", "and how", "and whether", "and why", "and what", "which", "so that", "given that")
#: Where a body plans its own business: "this issue would be covered … on the agenda for the 20 July meeting".
AGENDA_WORDS = ("agenda", "agendas", "work programme", "work plan", "forward plan", "forward work programme")
#: How minutes say their own body took a paper: "The Cabinet received a report of the … Committee".
RECEIVING_VERBS = ("received", "considered", "scrutinised", "scrutinized", "noted")
#: What a resolution point "To …" does there and then, not later: "To note …", "To adopt the draft Terms of Reference".
DECIDED_AT_ONCE = ("note", "receive", "approve", "endorse", "agree", "accept", "welcome", "thank", "support", "confirm",
                   "consider", "adopt", "ratify", "appoint", "elect")
#: Groups that are not actors ("Members", "officers"): they own nothing, and ask as the minuting body.
GENERIC_GROUPS = ("Members", "members", "Councillors", "councillors", "Officers", "officers", "Committee members",
                  "Committee Members", "Board members", "Panel members", "the Members", "the members",
                  "All Members", "all Members", "all members")
#: Words of proposal: "suggested that X …", "proposed that a report be brought back".
SUGGEST_VERBS = ("suggested", "proposed", "recommended", "requested", "asked", "suggests", "proposes", "suggesting",
                 "required", "requires", "agreed", "AGREED", "RESOLVED", "resolved", "directed", "instructed")
#: Words introducing when something is due.
SEASONS = ("spring", "summer", "autumn", "winter", "Spring", "Summer", "Autumn", "Winter")
MONTHS = MONTHS_AND_DAYS[:12]
DUE_PERIODS = ("week", "weeks", "month", "months", "year", "years")
DUE_MEETINGS = ("next meeting", "next Committee meeting", "next Board meeting", "next Panel meeting",
                "later stage", "later date", "later meeting", "future meeting", "a future date", "later in the year",
                "end of the year", "end of the municipal year", "next municipal year", "next annual report",
                "new year", "due course")
#: Words of procedural formalities, which are not actions ("the minutes … be signed", "will be in attendance").
PROCEDURAL = ("minutes", "correct record", "be signed", "apologies", "in attendance", "declarations of interest",
              "declared an interest", "the meeting closed", "the meeting ended", "exclusion of the press",
              "date of the next meeting", "dates of future meetings", "note the date",
              "pecuniary", "disclosable", "disclose any", "ask questions", "appointments be made",
              "be appointed as", "be re-appointed", "marked part i", "marked as part i")
#: Resolution verbs that begin another point inside one sentence ("… report back and welcomes …").
NEXT_POINT_VERBS = ("welcomes", "notes", "agrees", "asks", "requests", "raises", "supports", "thanks", "endorses",
                    "approves", "resolves", "recommends", "invites", "highlights", "acknowledges", "recognises",
                    "commends")

# ---- people, recognised by the structure of the sentence (no list of given names) -----------------------------
#: Verbs whose subject is a person ("Luke agreed", "Nick Brook explained"): a bare name before one is a person.
PERSON_VERBS = ("said", "says", "explained", "agreed", "advised", "confirmed", "reported", "replied", "responded",
                "thanked", "stated", "informed", "added", "commented", "suggested", "introduced", "presented",
                "outlined", "highlighted", "welcomed", "noted", "queried", "asked", "questioned", "raised",
                "expressed", "emphasised", "emphasized", "stressed", "acknowledged", "undertook", "offered",
                "gave", "provided", "updated", "led", "attended", "declared", "joined", "will contact",
                "would contact", "could provide", "would provide", "will provide", "had referred", "was absent",
                "would update", "will update", "would circulate", "will circulate", "would look", "will look",
                "would speak", "will speak", "would write", "will write", "would send", "will send", "to circulate",
                "to review", "to discuss", "to consider", "to meet", "to update", "to provide", "to contact",
                "to speak", "to write", "to send", "to arrange", "to look", "to check", "to follow", "to liaise",
                "to share", "to ensure", "to confirm", "to investigate", "to raise", "to take", "to report",
                "to prepare", "to draft", "to set", "to bring", "to invite", "to seek", "to feed", "to add",
                # changes of membership: "Liz Brighouse had stood down", "Debbie Ross has replaced Cath Randall"
                "had stood down", "has stood down", "had stepped down", "has stepped down", "has replaced",
                "had replaced", "has resigned", "had resigned", "has retired", "had retired",
                "drew attention", "referred")
#: Verbs whose object is a person named without a cue of their own ("welcomed Rachel Smith", "has replaced Cath
#: Randall"), with the prepositions that introduce one ("a report from", "introduced by").
PERSON_OBJECT_VERBS = ("thanked", "congratulated", "welcomed", "invited", "introduced", "from", "by", "replaced")
#: Capitalised words of minutes that are never part of a person's name.
NOT_NAME_WORDS = ("Item", "Items", "Minutes", "Agenda", "Report", "Reports", "Plan", "Plans", "Programme", "Update",
                  "Interest", "Interests", "Declarations", "Declaration", "Absence", "Business", "Questions",
                  "Question", "Matters", "Arising", "Any", "Other", "Date", "Next", "Meeting", "Exclusion", "Press",
                  "Public", "Urgent", "Work", "Forward", "Annual", "Review", "Performance", "Scrutiny", "Overview",
                  "Policy", "Strategy", "Budget", "Financial", "Finance", "Quarter", "Quarterly", "Monitoring",
                  "Improvement", "Inspection", "Action", "Actions", "Executive", "Summary", "Recommendations",
                  "Recommendation", "Appendix", "Section", "Paragraph", "Page", "Present", "Apologies", "Substitute",
                  "Substitutes", "Attendance", "Attending", "Absent", "Welcome", "Introductions", "Chair's",
                  "Announcements", "Terms", "Reference", "Membership", "Voting", "Rights", "Parent", "Governor",
                  "Representative", "Representatives", "Co-opted", "Children", "Young", "People", "Adult", "Adults",
                  "Safeguarding", "Education", "Social", "Care", "Health", "Learning", "Skills", "Schools",
                  "School", "Academy", "Primary", "Secondary", "Special", "Early", "Years", "Looked", "After",
                  "Leavers", "Family", "Families", "Youth", "Justice", "Service", "Services", "Partnership",
                  "Board", "Committee", "Panel", "Group", "Council", "County", "Borough", "City", "District",
                  "Trust", "Authority", "Local", "Government", "National", "Regional", "Corporate", "Democratic",
                  "Support", "Officer", "Officers", "Manager", "Director", "Head", "Lead", "Member", "Members",
                  "Councillor", "Councillors", "Cabinet", "Portfolio", "Holder", "Commissioner", "Deputy",
                  "Assistant", "Interim", "Acting", "Senior", "Principal", "Strategic", "Chief", "Vice", "Chairman",
                  "Chair", "Chairperson", "Clerk", "Secretary", "Advisor", "Adviser", "Minister", "State",
                  "Department", "Office", "Centre", "Centres", "Home", "Homes", "Hospital", "Police", "Fire",
                  "Community", "Communities", "Housing", "Transport", "Road", "Court", "Highways", "Highway",
                  "Maintenance", "Libraries", "Library", "Planning", "Licensing", "Environment", "Environmental",
                  "Waste", "Recycling", "Leisure", "Regeneration", "Procurement", "Estates",
                  "Room", "Chamber", "Building", "Offices", "Church",
                  "Diocese", "Catholic", "England", "Wales", "Scotland", "Britain", "British", "English", "Welsh",
                  "Labour", "Conservative", "Liberal", "Democrat", "Democrats", "Independent", "Green", "Party",
                  "Group", "Ofsted", "Act", "Regulations", "Guidance", "Framework", "Standards", "Data", "Hub",
                  "Team", "Teams", "Unit", "Project", "Model", "Pilot", "Fund", "Grant", "Award", "Awards",
                  "Day", "Week", "Year", "Month", "Time", "Mental", "Emotional", "Wellbeing", "Well-being",
                  "Needs", "Disabilities", "SEND", "Phase", "Stage", "Key", "Priority", "Priorities", "Outcome",
                  "Outcomes", "Risk", "Risks", "Thanks", "Noted", "Resolved", "Agreed", "Decision", "Decisions",
                  "Issue", "Issues", "Details", "Purpose", "Background", "Contact", "Venue", "Note", "Notes",
                  "Vote", "Votes", "Motion", "Amendment", "Call-In", "Call-in", "Response", "Responses", "Letter",
                  "Letters", "Log", "Table", "Elections", "Election", "Appointment", "Appointments", "Declared",
                  "Information", "Briefing", "Presentation", "Feedback", "Consultation", "Engagement", "Voice",
                  "Participation", "Partner", "Partners", "Provider", "Providers", "Fostering",
                  "Adoption", "Carers", "Carer", "Kinship", "Residential", "Virtual", "Head's", "Exploitation",
                  "Sexual", "Child", "Protection", "Domestic", "Abuse", "Violence", "Joint", "Area", "Areas",
                  "North", "South", "East", "West", "Central", "Inner", "Outer", "Upper", "Lower", "St", "Saint",
                  "Publication", "Email", "E-mail", "Tel", "Telephone", "Phone", "Mobile", "Agency", "Multi", "Web",
                  "Website", "Link", "Download", "View", "Published", "Decision", "Status", "Date", "Time", "Venue")
#: Words before a post title that are not part of it ("Every Member", "the Expected Vice-Chair").
NOT_TITLE_WORDS = ("Every", "A", "An", "Each", "Any", "All", "Another", "Expected", "Proposed", "Former", "Previous",
                   "Current", "New", "Existing", "Relevant", "Both", "Either", "Neither", "Our", "Their", "His", "Her")
#: Words of posts held outside the council whose minutes these are (government, inspectorates): such a post is
#: not the council's unless the text says so ("Secretary of State", "Senior HMI", "Lead Inspector").
NATIONAL_POST_WORDS = ("Secretary of State", "Chief Inspector", "HMI", "Inspector", "Minister",
                       "Intervention Advisor", "Intervention Adviser", "Ombudsman", "Chief Constable", "Superintendent",
                       "Majesty")
#: Common words that are also given names or surnames ("Mark Elliott", "Michelle Rose", "Ann Little"): a person
#: only where a strong cue places the name (a post beside it, a "Contact:" label).
ALSO_NAMES = ("Mark", "Grace", "Hope", "Will", "Rose", "Faith", "Joy", "Bill", "Little", "English", "Hall", "Summer",
              "Chase", "Lane", "Read", "Head", "Key", "Sheffield", "Oak", "Green", "Park", "Foster", "Young", "Hill",
              "Wood", "Field")
#: Words between "the" and an actor that leave who acts unchanged ("ask the relevant Development and Scrutiny Panel to …").
ACTOR_QUALIFIERS = ("relevant", "appropriate")
#: Words that join a second actor's commitment to the first's ("… otherwise the Chair would …").
NEXT_COMMITMENT_JOINERS = ("otherwise", "or", "and", "but", "while", "whilst")
#: Bodies whose own resolution opens with their name ("The Committee resolved that …").
RESOLVING_BODIES = ("Sub-Committee", "Sub-Board", "Committee", "Board", "Panel", "Cabinet", "Forum", "Group", "Council",
                    "Executive", "Commission")
#: Words before a bare "be" that make it no resolution's subjunctive ("… would be noted", "… cannot be agreed").
MODAL_WORDS = ("would", "should", "could", "will", "may", "must", "to", "can", "might", "shall", "cannot", "not")
#: Words a commitment's words never open with: "agreed to the following amendments" consents to something.
NOUN_OPENERS = ("the", "a", "an", "this", "these", "those")
#: Who moved a motion or named a candidate ("proposed by", "Councillor A proposed Cllr B"), and who seconded it.
PROPOSING_VERBS = ("moved", "proposed", "nominated")
SECONDING_VERBS = ("seconded",)
PASSIVE_AUXILIARIES = ("was", "were", "been", "being", "be")
#: Honorifics a list of councillors may give each name ("Councillors Mrs. J.E. Charles, P. Church …"), and the plural
#: honorifics that open such a list.
LIST_HONORIFICS = ("Mrs", "Mr", "Ms", "Miss", "Dr")
PLURAL_HONORIFICS = ("Councillors", "Cllrs")
#: How a vote went, written between "RESOLVED" and its words ("RESOLVED (unanimously) that …").
VOTE_QUALIFIERS = ("unanimously", "by a majority", "nem con", "without dissent")
#: The participle of a resolution's own clause: "That the report be noted", "the work programme … be approved".
RESOLUTION_PARTICIPLES = ("noted", "agreed", "approved", "received", "adopted", "endorsed", "confirmed", "appointed",
                          "accepted", "signed", "made", "given", "established", "added", "brought", "deferred",
                          "supported", "amended", "delegated", "requested")
#: What a body grants rather than asks anyone to do ("That approval be given to …"): such a part is no action.
FORMAL_GRANTS = ("approval", "consent", "agreement", "support", "thanks", "delegated approval")
