// name: inspections
// params: none
// answers: Which regulator inspected which council or service, when, with what outcome, and where is it said?
MATCH (o:Organisation)-[r:INSPECTED]->(x)
OPTIONAL MATCH (i:AgendaItem) WHERE i.source = r.source
WITH o, r, x, min(i.council) AS item_council, min(i.body) AS body, min(i.date) AS date, min(i.url) AS url
RETURN o.name AS inspector, x.name AS inspected, r.date AS inspected_on, r.outcome AS outcome,
       coalesce(x.council, item_council) AS council, body, date,
       r.evidence AS evidence, r.source AS source, url
ORDER BY inspector, inspected, source, evidence
