// name: owners-of-words
// params: words (words from the action's text, any case)
// answers: Who owns the actions whose text contains these words?
MATCH (a:Action)
WHERE lower(a.name) CONTAINS lower($words)
OPTIONAL MATCH (o)-[:OWNS]->(a)
RETURN a.name AS action, o.name AS owner, a.due AS due, a.council AS council, a.source AS source
ORDER BY action, owner
