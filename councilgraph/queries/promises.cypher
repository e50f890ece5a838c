// name: promises
// params: owner (part of the owner's name or post); requester (part of the requesting body's or person's name)
// answers: What did this owner commit to at this requester's asking, and where is it recorded?
MATCH (o)-[own:OWNS]->(a:Action)<-[:REQUESTED]-(q)
WHERE o.search CONTAINS $owner AND q.search CONTAINS $requester
OPTIONAL MATCH (i:AgendaItem) WHERE i.id = a.item
RETURN o.name AS owner, q.name AS requester, a.name AS action, a.due AS due,
       coalesce(a.council, i.council) AS council, i.body AS body, i.date AS date,
       own.evidence AS evidence, own.source AS source, i.url AS url
ORDER BY council, owner, requester, action, evidence
