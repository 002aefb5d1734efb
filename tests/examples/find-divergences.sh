#!/usr/bin/env bash
# Surveys an adapter's quantity divergences with `podconf run` alone: runs the quantity properties once per seed and
# prints each distinct shrunk counterexample (property, input, what differs), first seen first. A property run stops
# at its first failing case and shrinks it, so one seed finds one divergence per property; many seeds find the
# others. Used for golden/client-node/divergences.md and golden/python-kubernetes/divergences.md.
#
#   tests/examples/find-divergences.sh ADAPTER [FIRST_SEED [LAST_SEED [COUNT]]]
#   e.g. tests/examples/find-divergences.sh "process:node tests/examples/client-node-adapter/adapter.mjs" 1 40
#
# PODCONF names the podconf command (default: dotnet src/PodConformance.Cli/bin/Debug/net10.0/podconf.dll, build it
# first). Run from the repository root. Needs python3 (to read the JSON reports).
set -euo pipefail
cd "$(dirname "$0")/../.."
adapter=${1:?usage: $0 ADAPTER [FIRST_SEED [LAST_SEED [COUNT]]]}
first=${2:-1}
last=${3:-20}
count=${4:-100}
read -r -a podconf <<< "${PODCONF:-dotnet src/PodConformance.Cli/bin/Debug/net10.0/podconf.dll}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for seed in $(seq "$first" "$last"); do
  "${podconf[@]}" run --adapter "$adapter" --rules 'P-QTY-*' --seed "$seed" --count "$count" --report "$out/$seed.json" >/dev/null 2>&1 || true
done
python3 - "$out" "$first" "$last" <<'PY'
import json, os, sys
out, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
seen = {}
for seed in range(first, last + 1):
    path = os.path.join(out, "%d.json" % seed)
    if not os.path.exists(path):
        print("seed %d: no report (podconf failed to run)" % seed)
        continue
    for r in json.load(open(path))["results"]:
        c = r.get("counterexample")
        if not c:
            continue
        key = (r["id"], c["shrunk"])
        if key not in seen:
            seen[key] = (seed, c["detail"], " / ".join(c["expected"]), " / ".join(c["actual"]))
for (prop, shrunk), (seed, detail, expected, actual) in seen.items():
    print("%s seed %d: %s -- %s\n    model: %s\n    adapter: %s" % (prop, seed, shrunk.strip(), detail, expected, actual))
PY
