// name: action-graph
// params: words (words from the action's text, any case)
// answers: The actions matching these words with their owners and requesters, as a graph (for Neo4j Browser).
MATCH (a:Action)
WHERE lower(a.name) CONTAINS lower($words)
MATCH (x)-[r:OWNS|REQUESTED]->(a)
RETURN x, r, a
ORDER BY x.id, a.id
