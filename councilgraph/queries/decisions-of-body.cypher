// name: decisions-of-body
// params: body (part of the body's name, any case)
// answers: What did this body resolve?
MATCH (b:Body)-[:RESOLVED]->(d:Decision)
WHERE lower(b.name) CONTAINS lower($body)
RETURN b.name AS body, d.number AS number, d.name AS decision, d.source AS source
ORDER BY body, source, number, decision
