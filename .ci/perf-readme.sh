#!/usr/bin/env bash
# Regenerates the README's benchmark tables from BenchmarkDotNet's GitHub-markdown reports.
#
#   bash .ci/perf-readme.sh [ARTIFACTS_DIR]
#
# With ARTIFACTS_DIR (a BenchmarkDotNet --artifacts folder, or its results/ folder), each
# *-report-github.md found there is first copied to spec/guides/benchmarks/ under the same name: those
# committed files are the run the README quotes. Then every README block
#   <!-- perf: spec/guides/benchmarks/NAME-report-github.md -->
#   ...
#   <!-- /perf -->
# is replaced by the table of that file (its lines starting with '|'), verbatim. Nothing else in the README
# changes. The test ReadmePerformanceTests fails when a block and its file disagree, so the README's figures
# are always the committed run's.
set -euo pipefail
cd "$(dirname "$0")/.."

store=spec/guides/benchmarks
if [ $# -ge 1 ]; then
  src=$1
  [ -d "$src/results" ] && src=$src/results
  mkdir -p "$store"
  found=0
  for f in "$src"/*-report-github.md; do
    [ -e "$f" ] || continue
    cp "$f" "$store/$(basename "$f")"
    found=$((found + 1))
  done
  [ "$found" -gt 0 ] || { echo "perf-readme: no *-report-github.md in $src" >&2; exit 2; }
fi

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
awk '
  /^<!-- perf: .* -->$/ {
    print
    file = $3
    if ((getline line < file) < 0) { print "perf-readme: cannot read " file > "/dev/stderr"; exit 2 }
    do { if (line ~ /^\|/) print line } while ((getline line < file) > 0)
    close(file)
    skipping = 1
    next
  }
  /^<!-- \/perf -->$/ { skipping = 0 }
  !skipping { print }
' README.md > "$tmp"
cp "$tmp" README.md
echo "perf-readme: README.md tables regenerated from $store"
