#!/usr/bin/env bash
# The main job on a fresh machine: install, ingest the seed minutes into the embedded store,
# and ask who owns an action.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
seeds="${1:-../shared/seeds}"
default_question="course on understanding children's data"
question="${2:-$default_question}"
.venv/bin/councilgraph --store councilgraph.db ingest "$seeds"
.venv/bin/councilgraph --store councilgraph.db who-owns "$question"
