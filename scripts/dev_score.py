"""Extract the seed documents without a store and score them: a fast loop for rule work."""

import json
import subprocess
import sys
from pathlib import Path

from councilgraph.extract.pipeline import extract
from councilgraph.graph.export import GraphData, to_json
from councilgraph.loaders import discover, load

seeds = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")
graphs = [extract(load(p, m)) for p, m in discover([seeds])]
out = Path("/tmp/dev_out.json")
out.write_text(json.dumps(to_json(GraphData.of(graphs)), ensure_ascii=False))
subprocess.run([sys.executable, "../shared/tools/score.py", "--gold", "../shared/gold", "--export", str(out), *sys.argv[2:]])
