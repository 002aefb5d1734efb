#!/usr/bin/env bash
# Regenerates vectors.json from inputs.json with apimachinery's pkg/api/resource as the oracle (oracle/main.go), built
# once per tag in TAGS from the kubernetes/apimachinery git history; each run records its tag and commit.
# Needs Debian's golang-go (Go 1.19 was used), golang-gopkg-inf.v0-dev and golang-github-gogo-protobuf-dev (GOPATH mode,
# nothing is downloaded by Go), git and python3:
#   apt-get install golang-go golang-gopkg-inf.v0-dev golang-github-gogo-protobuf-dev
# APIMACHINERY_GIT names a local clone or bare mirror of https://github.com/kubernetes/apimachinery; unset, the script
# clones it (blobless) into a temporary directory. The tests read vectors.json and need none of this.
set -euo pipefail
cd "$(dirname "$0")"
TAGS=(v0.28.0 v0.30.0)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
git_dir=${APIMACHINERY_GIT:-}
if [ -z "$git_dir" ]; then
  git clone --quiet --bare --filter=blob:none https://github.com/kubernetes/apimachinery "$out/apimachinery.git"
  git_dir="$out/apimachinery.git"
fi
runs=()
for tag in "${TAGS[@]}"; do
  commit=$(git --git-dir="$git_dir" rev-parse "$tag^{commit}")
  gopath="$out/$tag"
  mkdir -p "$gopath/src/k8s.io/apimachinery"
  # The package's own files at the tag, tests left out (they import more than the package does).
  git --git-dir="$git_dir" archive "$commit" pkg/api/resource | tar -x -C "$gopath/src/k8s.io/apimachinery" --exclude='*_test.go'
  (cd oracle && GOPATH="$gopath:/usr/share/gocode" GO111MODULE=off GOFLAGS= go build -o "$out/oracle-$tag" .)
  python3 -c 'import json,sys; print(json.dumps([c["text"] for c in json.load(open("inputs.json"))]))' \
    | "$out/oracle-$tag" > "$out/results-$tag.json"
  runs+=("$tag" "$commit" "$out/results-$tag.json")
done
python3 - "$(go version)" "${runs[@]}" <<'PY'
import json, sys
go, rest = sys.argv[1], sys.argv[2:]
inputs = json.load(open("inputs.json", encoding="utf-8"))
lines = ['{"oracle": "oracle/main.go", "source": "https://github.com/kubernetes/apimachinery pkg/api/resource", "go": '
         + json.dumps(go) + ', "runs": [']
for i in range(0, len(rest), 3):
    tag, commit, path = rest[i:i + 3]
    results = json.load(open(path, encoding="utf-8"))
    assert [r["text"] for r in results] == [c["text"] for c in inputs]
    lines.append('{"tag": ' + json.dumps(tag) + ', "commit": ' + json.dumps(commit) + ', "results": [')
    lines.append(",\n".join(json.dumps(r, ensure_ascii=False) for r in results))
    lines.append("]}" + ("," if i + 3 < len(rest) else ""))
lines.append("]}")
with open("vectors.json", "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
PY
