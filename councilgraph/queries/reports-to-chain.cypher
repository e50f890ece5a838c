// name: reports-to-chain
// params: name (part of a post, body or organisation name, any case)
// answers: To whom does this post, body or organisation report, directly or up the chain?
MATCH (x)-[:REPORTS_TO*1..5]->(y)
WHERE lower(x.name) CONTAINS lower($name)
RETURN DISTINCT x.name AS from_actor, y.name AS reports_to
ORDER BY from_actor, reports_to
