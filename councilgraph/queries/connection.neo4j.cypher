// name: connection
// params: a (part of the first actor's name); b (part of the second actor's name)
// answers: How are two actors (people, posts, councils, bodies, organisations) connected? Each shortest route through facts between actors and their actions and decisions, every step with its type, evidence and source (add --via-mentions to go through "both named in one item").
MATCH (x:Person|Role|Council|Body|Organisation) WHERE x.search CONTAINS $a
MATCH (y:Person|Role|Council|Body|Organisation) WHERE y.search CONTAINS $b AND x <> y
MATCH p = allShortestPaths((x)-[:HOLDS|ROLE_IN|PART_OF|REPORTS_TO|APPOINTED|INSPECTED|OWNS|REQUESTED|RESOLVED|MOVED|SECONDED*..6]-(y))
WITH x, y, length(p) AS hops, [n IN nodes(p) | n.name] AS route, [r IN relationships(p) | type(r)] AS steps,
     [r IN relationships(p) | r.evidence] AS evidence, [r IN relationships(p) | r.source] AS sources
WITH x, y, hops, route, steps, evidence, sources,
     reduce(s = '', t IN route | s + ' > ' + t) + ' / ' + reduce(s = '', t IN steps | s + ' > ' + t) + ' / ' + reduce(s = '', t IN evidence | s + ' > ' + t) + ' / ' + reduce(s = '', t IN sources | s + ' > ' + t) AS k
RETURN x.name AS from_actor, y.name AS to_actor,
       CASE WHEN y:Council THEN y.name ELSE coalesce(y.council, x.council) END AS council, hops, route, steps, evidence, sources
ORDER BY hops, from_actor, to_actor, k
LIMIT 50
