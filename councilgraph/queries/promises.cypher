// name: promises
// params: owner (part of the owner's name or post); requester (part of the requesting body's or person's name)
// answers: What did this owner commit to at this requester's asking, and where is it recorded?
MATCH (o)-[:OWNS]->(a:Action)<-[:REQUESTED]-(q)
WHERE lower(o.name) CONTAINS lower($owner) AND lower(q.name) CONTAINS lower($requester)
RETURN o.name AS owner, q.name AS requester, a.name AS action, a.due AS due, a.source AS source
ORDER BY owner, requester, action
