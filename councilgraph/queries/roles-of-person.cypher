// name: roles-of-person
// params: person (part of the person's name, any case)
// answers: Which posts does this person hold, and in which council, body or organisation?
MATCH (p:Person)-[:HOLDS]->(r:Role)
WHERE lower(p.name) CONTAINS lower($person)
OPTIONAL MATCH (r)-[:ROLE_IN]->(o)
RETURN p.name AS person, r.name AS role, o.name AS role_in
ORDER BY person, role, role_in
