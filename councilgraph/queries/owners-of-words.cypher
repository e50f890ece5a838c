// name: owners-of-words
// params: words (words from the action's text, any case)
// answers: Who owns the actions whose text contains these words, and where is each recorded?
MATCH (a:Action)
WHERE a.search CONTAINS $words
OPTIONAL MATCH (o)-[own:OWNS]->(a)
OPTIONAL MATCH (i:AgendaItem) WHERE i.id = a.item
OPTIONAL MATCH (a)-[arise:ARISES_FROM]->()
WITH a, o, own, i, min(arise.evidence) AS arising
RETURN a.name AS action, o.name AS owner, a.due AS due, coalesce(a.council, i.council) AS council, i.body AS body,
       i.date AS date, coalesce(own.evidence, arising) AS evidence, a.source AS source, i.url AS url
ORDER BY council, action, owner, evidence
