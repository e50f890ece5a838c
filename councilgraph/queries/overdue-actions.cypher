// name: overdue-actions
// params: none
// answers: Per council and owner, how many actions are overdue, open, reported or without a date (after the follow-up pass)?
MATCH (a:Action)
OPTIONAL MATCH (o)-[:OWNS]->(a)
OPTIONAL MATCH (i:AgendaItem) WHERE i.id = a.item
WITH coalesce(a.council, i.council, '(unknown)') AS council, coalesce(o.name, '(no owner)') AS owner, a.status AS status
RETURN council, owner,
       count(CASE WHEN status = 'overdue' THEN 1 END) AS overdue,
       count(CASE WHEN status = 'open' THEN 1 END) AS open,
       count(CASE WHEN status = 'reported' THEN 1 END) AS reported,
       count(CASE WHEN status = 'no-date' THEN 1 END) AS no_date
ORDER BY overdue DESC, council, owner
