#!/usr/bin/env bash
# Run Neo4j 5.26 Community on 127.0.0.1 without Docker: the jars come from Maven Central
# through docker/neo4j-local/pom.xml (cached in ~/.m2, so a second start downloads nothing).
#
#   docker/neo4j-local.sh start    fetch if needed, start, wait until Bolt and HTTP answer
#   docker/neo4j-local.sh stop     stop the server started by this script
#   docker/neo4j-local.sh status   say whether it runs
#
# Settings (environment): NEO4J_HOME_DIR (default .neo4j-local), NEO4J_BOLT_PORT (7687),
# NEO4J_HTTP_PORT (7474), NEO4J_HEAP (2g), NEO4J_PASSWORD (auth on when set, with this password
# for user neo4j on first start; default: auth off, loopback only).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(realpath -m "${NEO4J_HOME_DIR:-$here/../.neo4j-local}")"
bolt="${NEO4J_BOLT_PORT:-7687}"
http="${NEO4J_HTTP_PORT:-7474}"
heap="${NEO4J_HEAP:-2g}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

fetch() {
  if [ ! -f "$home/lib/.complete" ]; then
    echo "neo4j-local: resolving Neo4j Community from Maven Central (cached in ~/.m2)" >&2
    mkdir -p "$home/lib"
    mvn -q -B -f "$here/neo4j-local/pom.xml" dependency:copy-dependencies \
        -DoutputDirectory="$home/lib" >&2
    # APOC: procedures are found in plugins/, its extension (ApocConfig) on the class path.
    mkdir -p "$home/plugins"
    cp "$home"/lib/apoc-core-*.jar "$home"/lib/apoc-common-*.jar "$home/plugins/"
    touch "$home/lib/.complete"
  fi
}

configure() {
  mkdir -p "$home/conf" "$home/data" "$home/logs" "$home/plugins" "$home/run"
  local auth=false
  [ -n "${NEO4J_PASSWORD:-}" ] && auth=true
  cat > "$home/conf/neo4j.conf" <<CONF
server.default_listen_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:$bolt
server.bolt.advertised_address=127.0.0.1:$bolt
server.http.listen_address=127.0.0.1:$http
server.http.advertised_address=127.0.0.1:$http
server.https.enabled=false
dbms.security.auth_enabled=$auth
server.memory.heap.initial_size=512m
server.memory.heap.max_size=$heap
server.memory.pagecache.size=256m
server.directories.data=$home/data
server.directories.logs=$home/logs
server.directories.plugins=$home/plugins
server.directories.run=$home/run
dbms.security.procedures.unrestricted=apoc.*
# LOAD CSV may not read the server's files (councilgraph's cypher refuses LOAD CSV too).
dbms.security.allow_csv_import_from_file_urls=false
db.tx_log.rotation.retention_policy=1 files
CONF
}

up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  if [ -f "$home/run/pid" ] && kill -0 "$(cat "$home/run/pid")" 2>/dev/null; then
    echo "neo4j-local: already running (pid $(cat "$home/run/pid"))" >&2; return 0
  fi
  for port in "$bolt" "$http"; do
    if up "$port"; then
      echo "neo4j-local: port $port on 127.0.0.1 is already in use (another Neo4j?); set NEO4J_BOLT_PORT/NEO4J_HTTP_PORT" >&2
      return 1
    fi
  done
  fetch; configure
  if [ -n "${NEO4J_PASSWORD:-}" ] && [ ! -f "$home/data/dbms/auth.ini" ]; then
    NEO4J_HOME="$home" NEO4J_CONF="$home/conf" "$java" -cp "$home/lib/*" \
      org.neo4j.server.startup.Neo4jAdminCommand dbms set-initial-password \
      "$NEO4J_PASSWORD" >/dev/null
  fi
  NEO4J_HOME="$home" NEO4J_CONF="$home/conf" nohup "$java" -Xmx"$heap" -cp "$home/lib/*" \
    org.neo4j.server.CommunityEntryPoint --home-dir="$home" --config-dir="$home/conf" \
    --console-mode > "$home/logs/console.log" 2>&1 &
  echo $! > "$home/run/pid"
  for _ in $(seq 1 180); do
    if up "$bolt" && up "$http"; then
      echo "neo4j-local: up — Bolt bolt://127.0.0.1:$bolt, Browser http://127.0.0.1:$http/browser/" >&2
      return 0
    fi
    kill -0 "$(cat "$home/run/pid")" 2>/dev/null || break
    sleep 1
  done
  echo "neo4j-local: did not start; last lines of $home/logs/console.log:" >&2
  tail -n 20 "$home/logs/console.log" >&2
  return 1
}

stop() {
  if [ -f "$home/run/pid" ]; then
    local pid; pid="$(cat "$home/run/pid")"
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$home/run/pid"
    echo "neo4j-local: stopped" >&2
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if [ -f "$home/run/pid" ] && kill -0 "$(cat "$home/run/pid")" 2>/dev/null; then echo running; else echo stopped; exit 3; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
