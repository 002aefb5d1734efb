#!/usr/bin/env bash
# Regenerates vectors.json from inputs.json with oracle/main.go: sigs.k8s.io/yaml's YAMLToJSON and go-yaml v2 (the
# Debian packages' versions, recorded in the file) for the JSON text of a YAML number, and apimachinery's
# pkg/api/resource at TAG (tag and commit recorded) for what ParseQuantity makes of that text.
# Needs Debian's golang-go (Go 1.19 was used), golang-k8s-sigs-yaml-dev (1.3.0, kubectl 1.28's version),
# golang-gopkg-yaml.v2-dev (2.4.0), golang-gopkg-inf.v0-dev and golang-github-gogo-protobuf-dev (GOPATH mode, nothing
# is downloaded by Go), git, dpkg-query and python3:
#   apt-get install golang-go golang-k8s-sigs-yaml-dev golang-gopkg-yaml.v2-dev golang-gopkg-inf.v0-dev golang-github-gogo-protobuf-dev
# APIMACHINERY_GIT names a local clone or bare mirror of https://github.com/kubernetes/apimachinery; unset, the script
# clones it (blobless) into a temporary directory. The tests read vectors.json and need none of this.
set -euo pipefail
cd "$(dirname "$0")"
TAG=v0.28.0
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
git_dir=${APIMACHINERY_GIT:-}
if [ -z "$git_dir" ]; then
  git clone --quiet --bare --filter=blob:none https://github.com/kubernetes/apimachinery "$out/apimachinery.git"
  git_dir="$out/apimachinery.git"
fi
commit=$(git --git-dir="$git_dir" rev-parse "$TAG^{commit}")
mkdir -p "$out/gopath/src/k8s.io/apimachinery"
# The package's own files at the tag, tests left out (they import more than the package does).
git --git-dir="$git_dir" archive "$commit" pkg/api/resource | tar -x -C "$out/gopath/src/k8s.io/apimachinery" --exclude='*_test.go'
(cd oracle && GOPATH="$out/gopath:/usr/share/gocode" GO111MODULE=off GOFLAGS= go build -o "$out/oracle" .)
python3 -c 'import json; print(json.dumps([{k: v for k, v in c.items() if k != "why"} for c in json.load(open("inputs.json"))]))' \
  | "$out/oracle" > "$out/results.json"
packages=$(dpkg-query -W -f='${Package} ${Version}; ' golang-k8s-sigs-yaml-dev golang-gopkg-yaml.v2-dev)
python3 - "$(go version)" "$packages" "$TAG" "$commit" "$out/results.json" <<'PY'
import json, sys
go, packages, tag, commit, path = sys.argv[1:]
inputs = json.load(open("inputs.json", encoding="utf-8"))
results = json.load(open(path, encoding="utf-8"))
assert len(results) == len(inputs)
head = {"oracle": "oracle/main.go", "go": go, "yaml": packages.rstrip("; "),
        "apimachinery": {"source": "https://github.com/kubernetes/apimachinery pkg/api/resource", "tag": tag, "commit": commit}}
with open("vectors.json", "w", encoding="utf-8") as f:
    f.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "results": [\n')
    f.write(",\n".join(json.dumps(r, ensure_ascii=False) for r in results))
    f.write("\n]}\n")
PY
