#!/usr/bin/env python3
"""Every text up to N characters over a small alphabet, through a quantity adapter and through podconf's model:
prints, per kind of divergence, the smallest texts (fewest characters, then ordinal) with what the library said.
Shrinking finds *a* small input per failure; this finds the smallest ones, for the `Smallest input` column of
golden/client-node/divergences.md and golden/python-kubernetes/divergences.md.

    tests/examples/smallest-divergences.py [--length 3] [--alphabet '015.+-eEkKmMin x_'] -- ADAPTER-ARGV...
    e.g. tests/examples/smallest-divergences.py -- node tests/examples/client-node-adapter/adapter.mjs

Run from the repository root. PODCONF names the podconf command (default: dotnet
src/PodConformance.Cli/bin/Debug/net10.0/podconf.dll). Standard library only.
"""

import argparse
import itertools
import json
import os
import shlex
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--length", type=int, default=3)
    parser.add_argument("--alphabet", default="015.+-eEkKmMin x_")
    parser.add_argument("--show", type=int, default=12)
    parser.add_argument("adapter", nargs="+")
    args = parser.parse_args()
    texts = [""] + ["".join(t) for n in range(1, args.length + 1) for t in itertools.product(args.alphabet, repeat=n)]

    podconf = shlex.split(os.environ.get("PODCONF", "dotnet src/PodConformance.Cli/bin/Debug/net10.0/podconf.dll"))
    go = subprocess.run(podconf + ["quantity", "-o", "tsv", "-f", "-"], input="\n".join(texts) + "\n",
                        capture_output=True, text=True, check=False).stdout.split("\n")[:len(texts)]
    if len(go) != len(texts):
        sys.exit("podconf quantity answered %d of %d texts" % (len(go), len(texts)))

    requests = [json.dumps({"type": "hello", "protocol": "podconf.adapter/v1", "client": "smallest-divergences"})]
    requests += [json.dumps({"type": "run", "id": i + 1, "profile": {"kubernetesVersion": "1.37", "featureGates": {}},
                             "case": {"kind": "quantity", "input": t}}) for i, t in enumerate(texts)]
    requests.append(json.dumps({"type": "bye"}))
    out = subprocess.run(args.adapter, input="\n".join(requests) + "\n", capture_output=True, text=True, check=False).stdout
    answers = {}
    for line in out.splitlines():
        m = json.loads(line)
        if m.get("type") == "observation":
            answers[m["id"]] = m["observation"]["quantity"]
        elif m.get("type") == "error" and "id" in m:
            answers[m["id"]] = {"adapter-error": m["message"]}

    kinds = {}
    for i, text in enumerate(texts):
        cells = go[i].split("\t")
        go_ok = cells[1] == "ok"
        q = answers.get(i + 1, {"adapter-error": "no answer"})
        said = q.get("adapter-error") or q.get("x-result") or q.get("x-error") or ""
        if "adapter-error" in q:
            kind = "adapter error"
        elif q["ok"] != go_ok:
            kind = "accepts what Go rejects" if q["ok"] else "rejects what Go accepts"
        elif go_ok and "value" in q and q["value"] != int(cells[6]):
            kind = "value differs"
        elif go_ok and "milliValue" in q and q["milliValue"] != int(cells[5]):
            kind = "milliValue differs"
        else:
            continue
        kinds.setdefault(kind, []).append((text, said))
    print("%d texts up to %d characters over %r" % (len(texts), args.length, args.alphabet))
    for kind, found in kinds.items():
        found.sort(key=lambda p: (len(p[0]), p[0]))
        print("%s: %d" % (kind, len(found)))
        for text, said in found[:args.show]:
            print("    %-8s %s" % (json.dumps(text), said))


if __name__ == "__main__":
    main()
