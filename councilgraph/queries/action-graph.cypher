// name: action-graph
// params: words (words from the action's text, any case)
// answers: The actions matching these words with their owners and requesters, as a graph (for Neo4j Browser), with the council, meeting and the sentence each fact was read from.
MATCH (a:Action)
WHERE a.search CONTAINS $words
MATCH (x)-[r:OWNS|REQUESTED]->(a)
OPTIONAL MATCH (i:AgendaItem) WHERE i.id = a.item
RETURN x, r, a, coalesce(a.council, i.council) AS council, i.body AS body, i.date AS date,
       r.evidence AS evidence, r.source AS source, i.url AS url
ORDER BY x.id, a.id, evidence
