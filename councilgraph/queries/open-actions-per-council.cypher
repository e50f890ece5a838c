// name: open-actions-per-council
// params: none
// answers: How many actions has each council not yet seen reported on (open, overdue or without a date), and how many of those have no owner?
MATCH (a:Action)
WHERE coalesce(a.status, 'open') <> 'reported'
OPTIONAL MATCH (o)-[:OWNS]->(a)
OPTIONAL MATCH (i:AgendaItem) WHERE i.id = a.item
WITH coalesce(a.council, i.council, '(unknown)') AS council, a.id AS action, count(o) AS owners
RETURN council, count(action) AS open_actions, sum(CASE WHEN owners = 0 THEN 1 ELSE 0 END) AS without_owner
ORDER BY council
