#!/usr/bin/env bash
# Regenerates vectors.json from inputs.json with oracle/main.go: sigs.k8s.io/json (the API server's JSON decoder, a fork
# of encoding/json) at COMMIT (recorded in the file) decodes each value into a Secret's data or a ConfigMap's binaryData.
# COMMIT is bc3834ca7abd, the version apimachinery requires for Kubernetes 1.28-1.31 (spec/api.md SCHEMA-009 lists the
# versions); the newer ones need Go 1.20+ (reflect.Value.Grow, SetZero), and their array()/literalStore paths for a
# []byte are the same in meaning (spec/admission.md ADM-019).
# Needs Debian's golang-go (Go 1.19 was used; GOPATH mode, nothing is downloaded by Go), git and python3:
#   apt-get install golang-go git python3
# SIGS_JSON_GIT names a local clone or bare mirror of https://github.com/kubernetes-sigs/json; unset, the script clones
# it into a temporary directory. The tests read vectors.json and need none of this.
set -euo pipefail
cd "$(dirname "$0")"
COMMIT=bc3834ca7abd3a90f03ef00a27ad80cb892f9c21
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
git_dir=${SIGS_JSON_GIT:-}
if [ -z "$git_dir" ]; then
  git clone --quiet --bare https://github.com/kubernetes-sigs/json "$out/json.git"
  git_dir="$out/json.git"
fi
mkdir -p "$out/gopath/src/sigs.k8s.io/json"
# The package's own files at the commit, tests left out.
git --git-dir="$git_dir" archive "$COMMIT" | tar -x -C "$out/gopath/src/sigs.k8s.io/json" --exclude='*_test.go'
(cd oracle && GOPATH="$out/gopath" GO111MODULE=off GOFLAGS= go build -o "$out/oracle" .)
python3 -c 'import json; print(json.dumps([{k: v for k, v in c.items() if k != "why"} for c in json.load(open("inputs.json"))]))' \
  | "$out/oracle" > "$out/results.json"
python3 - "$(go version)" "$COMMIT" "$out/results.json" <<'PY'
import json, sys
go, commit, path = sys.argv[1:]
inputs = json.load(open("inputs.json", encoding="utf-8"))
results = json.load(open(path, encoding="utf-8"))
assert len(results) == len(inputs)
head = {"oracle": "oracle/main.go", "go": go,
        "json": {"source": "https://github.com/kubernetes-sigs/json", "commit": commit}}
with open("vectors.json", "w", encoding="utf-8") as f:
    f.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "results": [\n')
    f.write(",\n".join(json.dumps(r, ensure_ascii=False) for r in results))
    f.write("\n]}\n")
PY
