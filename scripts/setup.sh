#!/usr/bin/env bash
# Install councilgraph into ./.venv (idempotent). Sourced by demo.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python3 -m venv .venv >/dev/null 2>&1 || python3 -m venv .venv
extra="${1:-}"
stamp=".venv/.installed${extra:+-$extra}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".${extra:+[$extra]}"
  touch "$stamp"
fi
# Byte-compile the package: an editable install leaves that to the first run, and where bytecode is not
# written (PYTHONDONTWRITEBYTECODE, a read-only checkout) every start would compile cli.py and the rest again
# (~20 ms of the 150 ms start-up budget). Only changed files are compiled.
.venv/bin/python -m compileall -q councilgraph >/dev/null
