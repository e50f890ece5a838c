// name: open-actions-per-council
// params: none
// answers: How many open actions does each council have (and how many have no owner)?
MATCH (a:Action)
WHERE a.status = 'open'
OPTIONAL MATCH (o)-[:OWNS]->(a)
OPTIONAL MATCH (i:AgendaItem) WHERE i.id = a.item
WITH coalesce(a.council, i.council, '(unknown)') AS council, a.id AS action, count(o) AS owners
RETURN council, count(action) AS open_actions, sum(CASE WHEN owners = 0 THEN 1 ELSE 0 END) AS without_owner
ORDER BY council
