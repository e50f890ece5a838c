// name: reporting-to
// params: name (part of the name of whom they report to, e.g. "Department for Education")
// answers: Who reports to this organisation, body or post, and who holds those posts?
MATCH (x)-[r:REPORTS_TO]->(y)
WHERE lower(y.name) CONTAINS lower($name)
OPTIONAL MATCH (p:Person)-[:HOLDS]->(x)
RETURN x.name AS reporter, p.name AS held_by, y.name AS reports_to, r.evidence AS evidence
ORDER BY reporter, held_by
