// name: inspections
// params: none
// answers: Which regulator inspected which council or service, when, and with what outcome?
MATCH (o:Organisation)-[r:INSPECTED]->(x)
RETURN o.name AS inspector, x.name AS inspected, r.date AS date, r.outcome AS outcome, r.source AS source
ORDER BY inspector, inspected, source
