// name: body-requests
// params: body (part of the body's name, any case)
// answers: What did this committee, board or panel request, and of whom?
MATCH (b)-[:REQUESTED]->(a:Action)
WHERE lower(b.name) CONTAINS lower($body)
OPTIONAL MATCH (o)-[:OWNS]->(a)
RETURN b.name AS body, a.name AS request, o.name AS asked_of, a.due AS due, a.source AS source
ORDER BY body, request, asked_of
