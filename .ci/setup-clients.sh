#!/usr/bin/env bash
# Installs the two Kubernetes client libraries whose quantity functions the example adapters in tests/examples/ put
# behind the process protocol (spec/adapter-protocol.md; golden/client-node/, golden/python-kubernetes/), idempotently:
#   1. Debian's python3-kubernetes (the official Python client, `kubernetes.utils.parse_quantity`) for the system
#      Python /usr/bin/python3, only when its kubernetes/utils/quantity.py is not there;
#   2. @kubernetes/client-node at the version package-lock.json pins, with `npm ci` in
#      tests/examples/client-node-adapter, only when node_modules does not already hold that version.
# Bounded (each step under `timeout`), and never fatal for CI: a step that fails prints why, and the tests that need
# it skip with the reason (ClientLibraries in tests/PodConformance.Adapters.Process.Tests/Support/Tools.cs checks the
# same things). Exits 0 when both libraries are usable, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
say() { echo "setup-clients: $*" >&2; }

python=/usr/bin/python3
# The adapter loads kubernetes/utils/quantity.py on its own (importing the package loads the whole API client).
has_python_client() {
  [ -x "$python" ] && "$python" -c 'import importlib.util, os, sys
s = importlib.util.find_spec("kubernetes")
sys.exit(0 if s and s.submodule_search_locations and os.path.isfile(os.path.join(list(s.submodule_search_locations)[0], "utils", "quantity.py")) else 1)' >/dev/null 2>&1
}
if ! has_python_client; then
  if [ "$(id -u)" != 0 ]; then
    say "python3-kubernetes is missing and this is not root: cannot install (as root: apt-get install python3-kubernetes)"
    status=1
  else
    say "installing python3-kubernetes"
    export DEBIAN_FRONTEND=noninteractive
    timeout 300 apt-get install -y -qq --no-install-recommends python3-kubernetes >/dev/null 2>&1 \
      || { timeout 120 apt-get update -qq >/dev/null 2>&1 && timeout 300 apt-get install -y -qq --no-install-recommends python3-kubernetes >/dev/null 2>&1; } \
      || say "apt-get could not install python3-kubernetes (no package source reachable?)"
    has_python_client || { say "python3-kubernetes is still not importable by $python"; status=1; }
  fi
fi

dir=tests/examples/client-node-adapter
want=$(sed -n 's/.*"@kubernetes\/client-node": *"\([^"]*\)".*/\1/p' "$dir/package.json" | head -n 1)
has_node_client() {
  [ -f "$dir/node_modules/@kubernetes/client-node/package.json" ] \
    && grep -q "\"version\": *\"$want\"" "$dir/node_modules/@kubernetes/client-node/package.json"
}
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  say "node or npm is not on PATH: the client-node adapter's tests will be skipped"
  status=1
elif ! has_node_client; then
  say "installing @kubernetes/client-node $want (npm ci)"
  (cd "$dir" && timeout 600 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null 2>&1) \
    || say "npm ci failed in $dir (npm registry unreachable?)"
  has_node_client || { say "@kubernetes/client-node $want is still not installed in $dir/node_modules"; status=1; }
fi
exit $status
