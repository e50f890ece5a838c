// name: actions-owned-by
// params: who (part of a person's name or a post title, as typed: case, apostrophes, quotes and dashes do not matter)
// answers: Which actions does this person or post own, who asked for them, when are they due, and where is each recorded?
MATCH (o)-[own:OWNS]->(a:Action)
WHERE o.search CONTAINS $who
OPTIONAL MATCH (q)-[:REQUESTED]->(a)
OPTIONAL MATCH (i:AgendaItem) WHERE i.id = a.item
RETURN o.name AS owner, a.name AS action, q.name AS requested_by, a.due AS due,
       coalesce(a.council, o.council, i.council) AS council, i.body AS body, i.date AS date,
       own.evidence AS evidence, own.source AS source, i.url AS url
ORDER BY council, owner, action, requested_by, evidence
