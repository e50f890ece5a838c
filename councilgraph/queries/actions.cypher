// name: actions
// params: council (optional: part of the council's name); owner (optional: part of the owner's name or post); requester (optional: part of the requester's name); due (optional: part of the due date or meeting); status (optional, exact: open, overdue, reported or no-date); words (optional: words from the action's text)
// answers: Actions filtered by council, owner, requester, due date, status and words, each with its meeting, owner, requester and the sentence it was read from.
OPTIONAL MATCH (c:Council) WHERE c.search CONTAINS $council
WITH collect(c.name) AS councils
MATCH (a:Action)
WHERE ($words = '' OR a.search CONTAINS $words) AND ($status = '' OR a.status = $status)
  AND ($due = '' OR replace(replace(replace(replace(lower(a.due), '-', ' '), '’', ''), "'", ''), ',', '') CONTAINS $due)
OPTIONAL MATCH (i:AgendaItem) WHERE i.id = a.item
WITH councils, a, i, coalesce(a.council, i.council) AS council
WHERE $council = '' OR council IN councils
OPTIONAL MATCH (o)-[own:OWNS]->(a)
OPTIONAL MATCH (q)-[req:REQUESTED]->(a)
OPTIONAL MATCH (a)-[arise:ARISES_FROM]->()
WITH a, i, council, o, own, q, req, min(arise.evidence) AS arising
WHERE ($owner = '' OR o.search CONTAINS $owner) AND ($requester = '' OR q.search CONTAINS $requester)
RETURN council, i.body AS body, i.date AS date, a.name AS action, o.name AS owner, q.name AS requested_by,
       a.due AS due, a.status AS status, coalesce(own.evidence, req.evidence, arising) AS evidence,
       a.source AS source, i.url AS url
ORDER BY council, date, action, owner, requested_by, evidence
