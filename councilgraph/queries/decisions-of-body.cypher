// name: decisions-of-body
// params: body (part of the body's name, any case)
// answers: What did this body resolve, at which meeting, and where is it recorded?
MATCH (b:Body)-[res:RESOLVED]->(d:Decision)
WHERE b.search CONTAINS $body
OPTIONAL MATCH (i:AgendaItem) WHERE i.id = d.item
RETURN b.name AS resolved_by, d.number AS number, d.name AS decision, coalesce(d.council, b.council, i.council) AS council,
       i.body AS body, i.date AS date, res.evidence AS evidence, res.source AS source, i.url AS url
ORDER BY council, resolved_by, source, number, decision
