#!/usr/bin/env bash
# The whole test suite on a fresh machine: install (with test extras and Debian's chromium),
# start a real Neo4j 5 Community server with docker/neo4j-local.sh, run every test, stop Neo4j.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh dev
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "test.sh: could not install chromium; the browser test will fail" >&2
  else
    echo "test.sh: chromium is missing (sudo apt-get install chromium); the browser test will fail" >&2
  fi
fi
export NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-7687}" NEO4J_HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
export COUNCILGRAPH_TEST_NEO4J="bolt://127.0.0.1:$NEO4J_BOLT_PORT"
export COUNCILGRAPH_TEST_BROWSER="http://127.0.0.1:$NEO4J_HTTP_PORT/browser/"
started=0
if ! bash docker/neo4j-local.sh status >/dev/null 2>&1; then
  bash docker/neo4j-local.sh start
  started=1
fi
# A second, small server with a password, for the tests of a refused login.
auth_env=(NEO4J_HOME_DIR="$PWD/.neo4j-local-auth" NEO4J_BOLT_PORT=7688 NEO4J_HTTP_PORT=7475 NEO4J_HEAP=512m
          NEO4J_PASSWORD=councilgraph-test)
env "${auth_env[@]}" bash docker/neo4j-local.sh start
export COUNCILGRAPH_TEST_NEO4J_AUTH="bolt://127.0.0.1:7688" COUNCILGRAPH_TEST_NEO4J_PASSWORD=councilgraph-test
cleanup() {
  env "${auth_env[@]}" bash docker/neo4j-local.sh stop || true
  if [ "$started" = 1 ]; then bash docker/neo4j-local.sh stop || true; fi
}
trap cleanup EXIT
.venv/bin/ruff check councilgraph tests scripts
.venv/bin/python -m pytest "$@"
