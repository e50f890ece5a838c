// name: connection
// params: a (part of the first actor's name); b (part of the second actor's name)
// answers: How are two actors connected, and in how many steps?
MATCH (x) WHERE lower(x.name) CONTAINS lower($a)
MATCH (y) WHERE lower(y.name) CONTAINS lower($b) AND x <> y
MATCH p = shortestPath((x)-[*..6]-(y))
RETURN x.name AS from_actor, y.name AS to_actor, min(length(p)) AS hops
ORDER BY hops, from_actor, to_actor
