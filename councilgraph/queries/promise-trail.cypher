// name: promise-trail
// params: words (words of the action, e.g. "referrals")
// answers: What happened to this promise: its status, due date, where it was recorded and each later item that reported on it, with the evidence of both?
MATCH (a:Action)
WHERE a.search CONTAINS $words
OPTIONAL MATCH (i0:AgendaItem) WHERE i0.id = a.item
OPTIONAL MATCH (a)-[arise:ARISES_FROM]->()
OPTIONAL MATCH (o)-[own:OWNS]->(a)
WITH a, i0, coalesce(min(own.evidence), min(arise.evidence)) AS promised
OPTIONAL MATCH (a)-[f:FOLLOWED_UP_BY]->(i:AgendaItem)
RETURN a.name AS action, a.status AS status, a.due AS due, a.due_date AS due_date,
       coalesce(a.council, i0.council) AS council, i0.body AS body, i0.date AS promised_on, a.source AS promised_in,
       promised AS evidence, a.source AS source, i0.url AS url,
       i.name AS followed_up_by, i.date AS date, i.source AS reported_in, f.score AS score, f.extractor AS extractor,
       f.evidence AS followup_evidence
ORDER BY action, promised_in, coalesce(date, ''), coalesce(followed_up_by, '')
