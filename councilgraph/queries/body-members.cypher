// name: body-members
// params: body (part of the body's name, any case)
// answers: Who sits on this committee, board or panel (attended its meetings, or holds a post in it), and who reports to it, with the sentence each is read from?
MATCH (b:Body) WHERE b.search CONTAINS $body
OPTIONAL MATCH (b)-[:HELD]->(m:Meeting)<-[att:ATTENDED]-(p:Person)
WITH b, collect({member: p.name, capacity: att.as, post: p.honorific, date: m.date, evidence: att.evidence,
                 source: att.source}) AS attended
OPTIONAL MATCH (x:Role)-[rin:ROLE_IN]->(b)
OPTIONAL MATCH (h:Person)-[:HOLDS]->(x)
WITH b, attended, collect({member: coalesce(h.name, x.name), capacity: 'post', post: x.name, date: b.date,
                           evidence: rin.evidence, source: rin.source}) AS posts
OPTIONAL MATCH (y)-[rep:REPORTS_TO]->(b)
WITH b, attended, posts, collect({member: y.name, capacity: 'reports to', post: y.kind, date: b.date,
                                  evidence: rep.evidence, source: rep.source}) AS reporters
UNWIND attended + posts + reporters AS r
WITH b, r
WHERE r.evidence IS NOT NULL
RETURN DISTINCT b.name AS body, b.council AS council, r.member AS member, r.capacity AS capacity, r.post AS post,
       r.date AS date, r.evidence AS evidence, r.source AS source
ORDER BY body, council, member, capacity, post, date, evidence, source
