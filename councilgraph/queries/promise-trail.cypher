// name: promise-trail
// params: words (words of the action, e.g. "referrals")
// answers: What happened to this promise: its status, due date, and each later item that reported on it, with the evidence?
MATCH (a:Action)
WHERE lower(a.name) CONTAINS lower($words)
OPTIONAL MATCH (a)-[f:FOLLOWED_UP_BY]->(i:AgendaItem)
RETURN a.name AS action, a.status AS status, a.due AS due, a.due_date AS due_date, a.source AS promised_in,
       i.name AS followed_up_by, i.date AS date, i.source AS reported_in, f.score AS score, f.extractor AS extractor,
       f.evidence AS evidence
ORDER BY action, promised_in, coalesce(date, ''), coalesce(followed_up_by, '')
