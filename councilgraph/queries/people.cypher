// name: people
// params: council (optional: part of the council's name); name (optional: part of the person's name)
// answers: Who are the people of this council, which posts do they hold and where, how many actions do they and their posts own, and which bodies' meetings did they attend?
OPTIONAL MATCH (c:Council) WHERE c.search CONTAINS $council
WITH collect(c.name) AS councils
MATCH (p:Person)
WHERE ($name = '' OR p.search CONTAINS $name) AND ($council = '' OR p.council IN councils)
OPTIONAL MATCH (p)-[h:HOLDS]->(r:Role)
OPTIONAL MATCH (r)-[:ROLE_IN]->(b)
WITH p, h, r, min(b.name) AS post_in
OPTIONAL MATCH (p)-[:OWNS]->(a:Action)
WITH p, h, r, post_in, count(DISTINCT a) AS own_actions
OPTIONAL MATCH (r)-[:OWNS]->(ra:Action)
WITH p, h, r, post_in, own_actions, count(DISTINCT ra) AS post_actions
OPTIONAL MATCH (p)-[att:ATTENDED]->(m:Meeting)
WITH p, h, r, post_in, own_actions + post_actions AS actions, min(m.body) AS attended_body,
     min(att.evidence) AS attended_evidence, min(att.source) AS attended_source
// counted apart from the min()s: LadybugDB loses min() beside count(DISTINCT) in one aggregation
OPTIONAL MATCH (p)-[:ATTENDED]->(m2:Meeting)
WITH p, h, r, post_in, actions, attended_body, attended_evidence, attended_source, count(DISTINCT m2) AS meetings_attended
RETURN p.council AS council, p.name AS person, r.name AS post, post_in, actions, meetings_attended, attended_body,
       coalesce(h.evidence, attended_evidence) AS evidence, coalesce(h.source, attended_source) AS source
ORDER BY council, person, post, post_in, evidence
