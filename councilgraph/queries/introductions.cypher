// name: introductions
// params: none
// answers: Who introduced which agenda items, at which meeting, and where is it said?
MATCH (x)-[r:INTRODUCED]->(i:AgendaItem)
RETURN x.name AS introduced_by, i.name AS item, coalesce(i.council, x.council) AS council, i.body AS body,
       i.date AS date, r.evidence AS evidence, r.source AS source, i.url AS url
ORDER BY source, item, introduced_by, evidence
