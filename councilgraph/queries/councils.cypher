// name: councils
// params: none
// answers: Which councils does the graph know, from how many documents, and with how many bodies, people, actions and decisions?
MATCH (c:Council)
OPTIONAL MATCH (i:AgendaItem) WHERE i.council = c.name
WITH c, count(DISTINCT i.source) AS documents
OPTIONAL MATCH (b:Body) WHERE b.council = c.name
WITH c, documents, count(DISTINCT b) AS bodies
OPTIONAL MATCH (p:Person) WHERE p.council = c.name
WITH c, documents, bodies, count(DISTINCT p) AS people
OPTIONAL MATCH (a:Action) WHERE a.council = c.name
WITH c, documents, bodies, people, count(DISTINCT a) AS actions
OPTIONAL MATCH (d:Decision) WHERE d.council = c.name
RETURN c.name AS council, documents, bodies, people, actions, count(DISTINCT d) AS decisions
ORDER BY council
