#!/usr/bin/env bash
# Builds the baseline the benchmarks compare this build with, where KubernetesClient has no counterpart:
# the model (PodConformance.Model.dll, Release) at COMMIT, into artifacts/perf-baseline/ with a COMMIT file.
#
#   bash .ci/perf-baseline.sh [COMMIT]      # default: bc7cb67, the build before issue 12's simulator work
#
# The benchmarks' *_Baseline rows load that assembly beside a second copy of the workloads
# (tests/PodConformance.Benchmarks.Workloads), so both rows run the same compiled code in the same process and
# BenchmarkDotNet run; only the model differs. Idempotent: an existing build of the same commit is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

commit=$(git rev-parse --short "${1:-bc7cb67}")
out=artifacts/perf-baseline
if [ -f "$out/COMMIT" ] && [ "$(cat "$out/COMMIT")" = "$commit" ] && [ -f "$out/PodConformance.Model.dll" ]; then
  echo "perf-baseline: $out already holds $commit"
  exit 0
fi

src=$(mktemp -d)
trap 'rm -rf "$src"' EXIT
git archive "$commit" | tar -x -C "$src"
dotnet build -c Release -nologo -v q "$src/src/PodConformance.Model/PodConformance.Model.csproj" -o "$src/out" >/dev/null
rm -rf "$out"
mkdir -p "$out"
cp "$src/out/PodConformance.Model.dll" "$out/"
echo "$commit" > "$out/COMMIT"
echo "perf-baseline: $out holds PodConformance.Model.dll of $commit"
