// name: body-requests
// params: body (part of the body's name, any case)
// answers: What did this committee, board or panel request, and of whom, with the sentence and meeting?
MATCH (b)-[req:REQUESTED]->(a:Action)
WHERE b.search CONTAINS $body
OPTIONAL MATCH (o)-[:OWNS]->(a)
OPTIONAL MATCH (i:AgendaItem) WHERE i.id = a.item
RETURN b.name AS requested_by, a.name AS request, o.name AS asked_of, a.due AS due,
       coalesce(a.council, b.council, i.council) AS council, i.body AS body, i.date AS date,
       req.evidence AS evidence, req.source AS source, i.url AS url
ORDER BY council, requested_by, request, asked_of, evidence
