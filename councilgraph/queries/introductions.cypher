// name: introductions
// params: none
// answers: Who introduced which agenda items?
MATCH (x)-[r:INTRODUCED]->(i:AgendaItem)
RETURN x.name AS introduced_by, i.name AS item, i.date AS date, i.source AS source
ORDER BY source, item, introduced_by
