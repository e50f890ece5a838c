// name: roles-of-person
// params: person (part of the person's name, any case)
// answers: Which posts does this person hold, in which council, body or organisation, and where is it said?
MATCH (p:Person)-[h:HOLDS]->(r:Role)
WHERE p.search CONTAINS $person
OPTIONAL MATCH (r)-[:ROLE_IN]->(o)
OPTIONAL MATCH (i:AgendaItem) WHERE i.source = h.source
WITH p, h, r, o, min(i.council) AS item_council, min(i.body) AS body, min(i.date) AS date, min(i.url) AS url
RETURN p.name AS person, r.name AS role, o.name AS role_in, coalesce(p.council, r.council, item_council) AS council,
       body, date, h.evidence AS evidence, h.source AS source, url
ORDER BY council, person, role, role_in, evidence
