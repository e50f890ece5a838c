// name: actions-due
// params: due (part of the due date or meeting, e.g. "January" or "next meeting")
// answers: Which actions are due at this meeting or date, and who owns them?
MATCH (a:Action)
WHERE a.due IS NOT NULL AND lower(a.due) CONTAINS lower($due)
OPTIONAL MATCH (o)-[:OWNS]->(a)
RETURN a.due AS due, a.name AS action, o.name AS owner, a.source AS source
ORDER BY due, action, owner
