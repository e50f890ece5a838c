// name: actions-owned-by
// params: who (part of a person's name or a post title, any case)
// answers: Which actions does this person or post own, who asked for them, and when are they due?
MATCH (o)-[:OWNS]->(a:Action)
WHERE lower(o.name) CONTAINS lower($who)
OPTIONAL MATCH (q)-[:REQUESTED]->(a)
RETURN o.name AS owner, a.name AS action, q.name AS requested_by, a.due AS due, a.source AS source
ORDER BY owner, action, requested_by
