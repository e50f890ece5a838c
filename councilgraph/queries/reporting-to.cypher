// name: reporting-to
// params: name (part of the name of whom they report to, e.g. "Department for Education")
// answers: Who reports to this organisation, body or post, who holds those posts, and where is it said?
MATCH (x)-[r:REPORTS_TO]->(y)
WHERE y.search CONTAINS $name
OPTIONAL MATCH (p:Person)-[:HOLDS]->(x)
OPTIONAL MATCH (i:AgendaItem) WHERE i.source = r.source
WITH x, r, y, p, min(i.council) AS item_council, min(i.body) AS body, min(i.date) AS date, min(i.url) AS url
RETURN x.name AS reporter, p.name AS held_by, y.name AS reports_to, coalesce(x.council, item_council) AS council,
       body, date, r.evidence AS evidence, r.source AS source, url
ORDER BY council, reporter, held_by, reports_to, evidence
