// name: reports-to-chain
// params: name (part of a post, body or organisation name, any case)
// answers: To whom does this post, body or organisation report, directly or up the chain, and where is each step said?
MATCH p = (x)-[:REPORTS_TO*1..5]->(y)
WHERE x.search CONTAINS $name
WITH DISTINCT x.name AS from_actor, y.name AS reports_to, length(p) AS steps, x.council AS council,
     properties(rels(p), 'evidence') AS evidence, properties(rels(p), 'source') AS sources
WITH from_actor, reports_to, steps, council, evidence, sources,
     ' > ' + list_to_string(' > ', evidence) + ' / ' + ' > ' + list_to_string(' > ', sources) AS k
RETURN from_actor, reports_to, steps, council, evidence, sources
ORDER BY from_actor, reports_to, steps, k
