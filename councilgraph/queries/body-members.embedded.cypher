// name: body-members
// params: body (part of the body's name, any case)
// answers: Who sits on this committee, board or panel (attended its meetings, or holds a post in it), and who reports to it, with the sentence each is read from?
MATCH (b:Body)-[:HELD]->(m:Meeting)<-[r:ATTENDED]-(p:Person) WHERE b.search CONTAINS $body
RETURN b.name AS body, b.council AS council, p.name AS member, r.as AS capacity, p.honorific AS post, m.date AS date,
       r.evidence AS evidence, r.source AS source
UNION
MATCH (x:Role)-[r:ROLE_IN]->(b:Body) WHERE b.search CONTAINS $body
OPTIONAL MATCH (p:Person)-[:HOLDS]->(x)
RETURN b.name AS body, b.council AS council, coalesce(p.name, x.name) AS member, "post" AS capacity, x.name AS post,
       b.date AS date, r.evidence AS evidence, r.source AS source
UNION
MATCH (x)-[r:REPORTS_TO]->(b:Body) WHERE b.search CONTAINS $body
RETURN b.name AS body, b.council AS council, x.name AS member, "reports to" AS capacity, x.kind AS post,
       b.date AS date, r.evidence AS evidence, r.source AS source
ORDER BY body, council, member, capacity, post, date, evidence, source
