// name: connection-via-mentions
// params: a (part of the first actor's name); b (part of the second actor's name)
// answers: How are two actors connected through any fact, "both named in one item" (MENTIONS) included? Each shortest route, every step with its type, evidence and source.
MATCH (x:Person:Role:Council:Body:Organisation) WHERE x.search CONTAINS $a
MATCH (y:Person:Role:Council:Body:Organisation) WHERE y.search CONTAINS $b AND x.id <> y.id
MATCH p = (x)-[:HOLDS|ROLE_IN|PART_OF|REPORTS_TO|APPOINTED|INSPECTED|OWNS|REQUESTED|RESOLVED|MOVED|SECONDED|MENTIONS|INTRODUCED|AUTHORED|ARISES_FROM|HAS_ITEM|HELD|ATTENDED* ALL SHORTEST 1..6]-(y)
WITH x, y, length(p) AS hops, properties(nodes(p), 'name') AS route, properties(rels(p), '_LABEL') AS steps,
     properties(rels(p), 'evidence') AS evidence, properties(rels(p), 'source') AS sources
WITH x, y, hops, route, steps, evidence, sources,
     ' > ' + list_to_string(' > ', route) + ' / ' + ' > ' + list_to_string(' > ', steps) + ' / ' + ' > ' + list_to_string(' > ', evidence) + ' / ' + ' > ' + list_to_string(' > ', sources) AS k
RETURN x.name AS from_actor, y.name AS to_actor,
       CASE WHEN label(y) = 'Council' THEN y.name ELSE coalesce(y.council, x.council) END AS council, hops, route, steps, evidence, sources
ORDER BY hops, from_actor, to_actor, k
LIMIT 50
