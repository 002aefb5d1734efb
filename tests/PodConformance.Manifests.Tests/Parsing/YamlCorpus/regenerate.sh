#!/usr/bin/env bash
# Regenerates cases.json from inputs.py with go-yaml v2 as the oracle. Needs Debian's golang-go and
# golang-gopkg-yaml.v2-dev (go-yaml v2.4.0: apt-get install golang-go golang-gopkg-yaml.v2-dev); the tests do not.
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd oracle && GOPATH=/usr/share/gocode GO111MODULE=off GOFLAGS= go build -o "$out/oracle" .)
python3 - "$out/oracle" <<'PY'
import json, subprocess, sys
sys.path.insert(0, '.')
from inputs import CASES
texts = [t for _, t in CASES]
results = json.loads(subprocess.run([sys.argv[1]], input=json.dumps(texts).encode(), capture_output=True, check=True).stdout)
cases = []
for (name, text), r in zip(CASES, results):
    case = {"name": name, "yaml": text, "docs": r["docs"]}
    if "error" in r:
        case["error"] = r["error"]
    cases.append(case)
with open("cases.json", "w", encoding="utf-8") as f:
    f.write("[\n" + ",\n".join(json.dumps(c, ensure_ascii=False) for c in cases) + "\n]\n")
PY
