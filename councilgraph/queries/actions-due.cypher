// name: actions-due
// params: due (part of the due date or meeting, e.g. "January" or "next meeting")
// answers: Which actions are due at this meeting or date, who owns them, and where were they recorded?
MATCH (a:Action)
WHERE a.due IS NOT NULL AND replace(replace(replace(replace(lower(a.due), '-', ' '), '’', ''), "'", ''), ',', '') CONTAINS $due
OPTIONAL MATCH (o)-[own:OWNS]->(a)
OPTIONAL MATCH (i:AgendaItem) WHERE i.id = a.item
OPTIONAL MATCH (a)-[arise:ARISES_FROM]->()
WITH a, o, own, i, min(arise.evidence) AS arising
RETURN a.due AS due, a.name AS action, o.name AS owner, coalesce(a.council, i.council) AS council, i.body AS body,
       i.date AS date, coalesce(own.evidence, arising) AS evidence, a.source AS source, i.url AS url
ORDER BY due, action, owner, evidence
