#!/usr/bin/env python3
"""Feature-gate data for the model, from copies of Kubernetes' own source.

Commands (standard library only; nothing is downloaded):

  extract  --sources-dir DIR [--api-repo PATH] [--out spec/gates/feature-gates.json]
      Reads the copies listed in spec/gates/sources.json (each a text file in DIR holding that copy of
      kube_features.go or a same-shaped file; a copy may be trimmed to its const and map blocks) and writes
      one row per gate and release 1.28-1.37 with the copy it came from. With --api-repo (a clone of
      kubernetes/api with its release tags), gates that k8s.io/api names in `+featureGate=` tags at 1.36/1.37
      but that no copy lists are added as "api-tag" rows (see RULES below).

  table    [--data spec/gates/feature-gates.json] [--names src/.../FeatureGateNames.cs] [--spec spec/profiles.md]
           [--effects spec/gates/pod-create-effects.json]
      Rewrites the generated gate table in spec/profiles.md (between the gates:begin/gates:end markers)
      from the committed data and the gate names the model wires (FeatureGateNames.cs). Needs no sources.
      tests/PodConformance.Model.Tests/Profiles/SpecGateTableTests.cs renders the same table and fails
      when the spec has drifted.

  refine   --mirrors DIR [--data spec/gates/feature-gates.json]
      Applies sources.json's releaseCopies (released Kubernetes files vendored by other projects, read with
      `git show commit:path` from DIR/<owner+name>/repo) to data made from the other copies; extract does the same
      as its last step (needs --mirrors then). Rules: the docstring of refine() and spec/gates/README.md.

  selftest
      Runs the parser, the merge and refine on small synthetic inputs.

RULES (how the rows for a release R are chosen; spec/profiles.md PROF-004 repeats them):
  Existence: a gate exists in R when first(g) <= R < absentFrom(g), where first(g) is the earliest of
  (a) the release of any copy that lists it and (b) the version of its first versioned row other than an
  emulation-only "1.0" row; absentFrom(g) is the release of the first copy of scope "all" that is newer
  than every copy listing the gate (so a gate is kept until a later full copy lacks it). A release copy
  (kind "release") of R that lacks a kube-owned gate makes it absent in R.
  State: the first of
    1 release-copy   a release copy of R that lists the gate;
    2 later-record   a versioned copy newer than R: its row in force at R (latest Version <= R whose
                     MinCompatibilityVersion, inherited from the previous row when unset, is <= R-1);
    3 dev-copy       a versioned copy of R itself;
    4 later-dev      an unversioned copy newer than R (its single row: the state during that later cycle);
    5 carried        the newest older copy (its row in force at R).
  Rows of basis 4, 5 and api-tag are unverified for R and the table marks them with '?'.
"""

import argparse
import json
import os
import re
import subprocess
import sys

RELEASES = [(1, m) for m in range(28, 38)]
STAGES = {"Alpha": "Alpha", "ALPHA": "Alpha", "Beta": "Beta", "BETA": "Beta", "GA": "GA",
          "Deprecated": "Deprecated", "DEPRECATED": "Deprecated"}
VERIFIED_BASES = {"release-copy", "later-record", "dev-copy"}


# ----------------------------------------------------------------------------------------------- parsing

def strip_comments(text):
    """Drops // comments (the files hold no string containing //)."""
    return "\n".join(line.split("//", 1)[0] for line in text.splitlines())


CONST_RE = re.compile(r'^\s*(\w+)\s+(?:featuregate\.)?Feature\s*=\s*"([^"]+)"', re.M)
CONST_CALL_RE = re.compile(r'^\s*(\w+)\s*=\s*(?:featuregate\.)?Feature\("([^"]+)"\)', re.M)
MAP_RE = re.compile(r'map\[(?:featuregate\.)?Feature\](?:featuregate\.)?(VersionedSpecs|FeatureSpec)\s*\{')
DEPS_RE = re.compile(r'map\[(?:featuregate\.)?Feature\]\[\](?:featuregate\.)?Feature\s*\{')
VERSION_RE = re.compile(r'Version:\s*version\.(?:MustParse\("(\d+)\.(\d+)"\)|MajorMinor\((\d+),\s*(\d+)\))')
MINCOMPAT_RE = re.compile(r'MinCompatibilityVersion:\s*version\.MustParse\("(\d+)\.(\d+)"\)')
DEFAULT_RE = re.compile(r'\bDefault:\s*(true|false)')
LOCK_RE = re.compile(r'\bLockToDefault:\s*(true|false)')
STAGE_RE = re.compile(r'\bPreRelease:\s*(?:featuregate\.)?(\w+)')
FEATURE_CONV_RE = re.compile(r'^(?:featuregate\.)?Feature\(\s*([\w.]+)\s*\)$')


def consts(text):
    found = {}
    for rx in (CONST_RE, CONST_CALL_RE):
        for m in rx.finditer(text):
            found[m.group(1)] = m.group(2)
    return found


def matching_brace(text, open_index):
    depth = 0
    for i in range(open_index, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    raise ValueError("unbalanced braces")


def top_level_entries(body):
    """Splits 'Key: {...},' entries of a map literal body (braces balanced)."""
    i, out = 0, []
    while True:
        m = re.compile(r'\s*([\w.]+)\s*:\s*\{').match(body, i)
        if not m:
            if body[i:].strip(" \t\r\n,"):
                raise ValueError("cannot parse map entry near: " + body[i:i + 80])
            return out
        open_index = m.end() - 1
        close = matching_brace(body, open_index)
        out.append((m.group(1), body[open_index + 1:close]))
        i = close + 1
        while i < len(body) and body[i] in " \t\r\n,":
            i += 1


def parse_row(text):
    stage = STAGE_RE.search(text)
    default = DEFAULT_RE.search(text)
    if not stage or not default or stage.group(1) not in STAGES:
        raise ValueError("row without Default/PreRelease: " + text.strip())
    version = VERSION_RE.search(text)
    mc = MINCOMPAT_RE.search(text)
    lock = LOCK_RE.search(text)
    v = None
    if version:
        v = (int(version.group(1) or version.group(3)), int(version.group(2) or version.group(4)))
    return {"version": v, "stage": STAGES[stage.group(1)], "default": default.group(1) == "true",
            "locked": bool(lock and lock.group(1) == "true"),
            "minCompat": (int(mc.group(1)), int(mc.group(2))) if mc else None}


def parse_copy(text, shared_consts):
    """Returns ({gate name: {'key': key, 'rows': [...], 'versioned': bool}}, {gate: [deps]})."""
    text = strip_comments(text)
    names = dict(shared_consts)
    names.update(consts(text))

    def resolve(key):
        wrapped = FEATURE_CONV_RE.match(key)  # featuregate.Feature(clientfeatures.AtomicFIFO)
        if wrapped:
            key = wrapped.group(1)
        ident = key.rsplit(".", 1)[-1]
        return names.get(ident, ident)

    gates, deps = {}, {}
    for m in MAP_RE.finditer(text):
        close = matching_brace(text, m.end() - 1)
        if text[m.end():close].lstrip().startswith("return"):
            continue  # a func returning the map (func featureGates() map[...]VersionedSpecs { return map[...]{...} })
        for key, inner in top_level_entries(text[m.end():close]):
            name = resolve(key)
            if inner.lstrip().startswith("{"):
                rows = [parse_row(r) for _, r in brace_groups(inner)]
                versioned = True
            else:
                rows = [parse_row(inner)]
                versioned = m.group(1) == "VersionedSpecs"
            entry = {"key": key, "rows": rows, "versioned": versioned}
            if name in gates and gates[name] != entry:
                raise ValueError("gate listed twice with different rows: " + name)
            gates[name] = entry
    for m in DEPS_RE.finditer(text):
        close = matching_brace(text, m.end() - 1)
        for key, inner in top_level_entries(text[m.end():close]):
            listed = [resolve(x.strip()) for x in inner.split(",") if x.strip()]
            if listed:
                deps[resolve(key)] = sorted(set(listed))
    return gates, deps


def brace_groups(text):
    i, out = 0, []
    while True:
        j = text.find("{", i)
        if j < 0:
            return out
        k = matching_brace(text, j)
        out.append((j, text[j + 1:k]))
        i = k + 1


# ----------------------------------------------------------------------------------------------- merging

def vkey(s):
    major, minor = s.split(".")
    return int(major), int(minor)


def vstr(v):
    return "%d.%d" % v


def row_at(rows, release):
    """featureSpecAtEmulationAndMinCompatVersion with minCompat = release - 1 (the default)."""
    min_compat = (release[0], release[1] - 1)
    inherited, effective = None, []
    for i, r in enumerate(rows):
        mc = r["minCompat"] if r["minCompat"] is not None else (inherited if i > 0 else None)
        inherited = mc
        effective.append((r, mc))
    for r, mc in reversed(effective):
        v = r["version"] or (0, 0)
        if v > release:
            continue
        if mc is not None and min_compat < mc:
            continue
        return r
    return None


def owner_of(key):
    return key.split(".", 1)[0] if "." in key else "kube"


def merge(copies, parsed):
    """copies: list of source dicts (with 'rel' tuple); parsed: id -> (gates, deps)."""
    names = sorted({g for cid in parsed for g in parsed[cid][0]})
    out, conflicts = [], []
    for g in names:
        listing = [c for c in copies if g in parsed[c["id"]][0]]
        newest = max(listing, key=lambda c: c["rel"])
        owner = newest["scope"] if newest["scope"] in ("logs", "special") else owner_of(parsed[newest["id"]][0][g]["key"])
        first = min(c["rel"] for c in listing)
        for c in listing:
            e = parsed[c["id"]][0][g]
            if e["versioned"]:
                real = [r["version"] for r in e["rows"] if r["version"] not in ((1, 0),)]
                real = [v if v is not None else (0, 0) for v in real]
                if real:
                    first = min(first, min(real))
        last = max(c["rel"] for c in listing)
        # A kube_features.go copy says nothing about gates registered elsewhere (logging gates, AllAlpha/AllBeta).
        later_full = [c["rel"] for c in copies if c["scope"] == "all" and c["rel"] > last and owner not in ("logs", "special")]
        absent_from = min(later_full) if later_full else None
        rows = []
        for rel in RELEASES:
            if rel < first or (absent_from is not None and rel >= absent_from):
                continue
            rc = [c for c in copies if c["kind"] == "release" and c["rel"] == rel and c["scope"] == "all"]
            if rc and owner == "kube" and all(g not in parsed[c["id"]][0] for c in rc):
                continue
            state = choose(g, rel, copies, parsed)
            if state is None:
                continue
            rows.append(dict(state, release=vstr(rel)))
            others = disagreeing(g, rel, copies, parsed, state)
            if others:
                conflicts.append({"gate": g, "release": vstr(rel), "chosen": state["source"], "others": others})
        if rows:
            out.append({"name": g, "owner": owner, "rows": rows,
                        "absentFrom": vstr(absent_from) if absent_from and absent_from <= RELEASES[-1] else None})
    return out, conflicts


def disagreeing(g, rel, copies, parsed, chosen):
    """Copies of R or newer (versioned ones, and release copies of R) whose state at R differs from the choice."""
    def key(r):
        return cell(dict(r, basis="release-copy"))

    out = []
    for c in sorted(copies, key=lambda c: c["rel"]):
        e = parsed[c["id"]][0].get(g)
        if not e or c["id"] == chosen["source"] or c["rel"] < rel:
            continue
        if e["versioned"]:
            r = row_at(e["rows"], rel)
        elif c["kind"] == "release" and c["rel"] == rel:
            r = e["rows"][-1]
        else:
            continue
        if r and key(r) != key(chosen):
            out.append(c["id"] + ":" + key(r))
    return out


def choose(g, rel, copies, parsed):
    def entry(c):
        return parsed[c["id"]][0].get(g)

    ordered = sorted(copies, key=lambda c: c["rel"])
    for c in ordered:  # 1 release copy of R
        e = entry(c)
        if e and c["kind"] == "release" and c["rel"] == rel:
            return state_of(e["rows"][-1] if not e["versioned"] else row_at(e["rows"], rel), c, "release-copy")
    for c in ordered:  # 2 versioned copy newer than R
        e = entry(c)
        if e and e["versioned"] and c["rel"] > rel:
            r = row_at(e["rows"], rel)
            if r:
                return state_of(r, c, "later-record")
    for c in ordered:  # 3 versioned copy of R
        e = entry(c)
        if e and e["versioned"] and c["rel"] == rel:
            r = row_at(e["rows"], rel)
            if r:
                return state_of(r, c, "dev-copy")
    for c in ordered:  # 4 unversioned copy newer than (or of) R
        e = entry(c)
        if e and not e["versioned"] and c["rel"] >= rel:
            return state_of(e["rows"][-1], c, "later-dev")
    for c in reversed(ordered):  # 5 carried from an older copy
        e = entry(c)
        if e and c["rel"] < rel:
            r = row_at(e["rows"], rel) if e["versioned"] else e["rows"][-1]
            if r:
                return state_of(r, c, "carried")
    return None


def state_of(r, c, basis):
    return {"stage": r["stage"], "default": r["default"], "locked": r["locked"], "source": c["id"], "basis": basis}


ROW_FIELDS = ["since", "stage", "default", "locked", "source", "basis"]


def dump(data):
    """One line per gate, per source, per conflict and per dependency: small, and a change diffs as one line."""
    def one(x):
        return json.dumps(x, separators=(",", ":"), ensure_ascii=True)

    parts = []
    for key, value in data.items():
        if key == "gates":
            value = [dict({k: v for k, v in g.items() if k != "rows"},
                          rows=[[r[f] for f in ROW_FIELDS] for r in g["rows"]]) for g in value]
        if isinstance(value, list):
            inner = ",\n".join("  " + one(v) for v in value)
            parts.append(one(key) + ": [\n" + inner + "\n ]" if value else one(key) + ": []")
        else:
            parts.append(one(key) + ": " + one(value))
    return "{\n " + ",\n ".join(parts) + "\n}\n"


def load_data(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    for g in data["gates"]:
        g["rows"] = [dict(zip(ROW_FIELDS, r)) for r in g["rows"]]
    return data


def compress(gate):
    """Keeps a row only where the state or its provenance changes (a release uses the latest row <= it)."""
    kept = []
    for r in gate["rows"]:
        cur = {k: r[k] for k in ("stage", "default", "locked", "source", "basis")}
        if kept and {k: kept[-1][k] for k in cur} == cur and vkey(r["release"]) == (1, vkey(kept[-1]["_last"])[1] + 1):
            kept[-1]["_last"] = r["release"]
            continue
        kept.append(dict(cur, since=r["release"], _last=r["release"]))
    for k in kept:
        del k["_last"]
    gate["rows"] = kept
    return gate


# ----------------------------------------------------------------------------------------------- api tags

def api_tags(api_repo):
    """+featureGate= names per release in k8s.io/api (1.36: v0.36.0; 1.37: v0.37.0-beta.0 and master)."""
    refs = {"1.36": ["v0.36.0"], "1.37": ["v0.37.0-beta.0", "master"]}
    older = ["v0.%d.0" % m for m in range(28, 36)]
    result, stale = {}, set()

    def names(ref):
        out = subprocess.run(["git", "-C", api_repo, "grep", "-h", "-oE", r"\+featureGate=[A-Za-z0-9]+", ref, "--", "*.go"],
                             capture_output=True, text=True, check=True).stdout
        return {line.split("=", 1)[1] for line in out.split()}

    for ref in older:
        stale |= names(ref)
    for rel, rs in refs.items():
        result[rel] = sorted(set().union(*(names(r) for r in rs)))
    commits = {r: subprocess.run(["git", "-C", api_repo, "rev-parse", r], capture_output=True, text=True,
                                 check=True).stdout.strip() for rs in refs.values() for r in rs}
    return result, stale, commits


# ----------------------------------------------------------------------------------------------- commands

def load_sources(path):
    with open(path, encoding="utf-8") as f:
        src = json.load(f)
    for c in src["copies"] + src.get("releaseCopies", []):
        c["rel"] = vkey(c["release"])
    return src


def extract(args):
    here = os.path.dirname(os.path.abspath(__file__))
    src = load_sources(os.path.join(here, "sources.json"))
    with open(os.path.join(args.sources_dir, src["constSource"]["file"]), encoding="utf-8") as f:
        shared = consts(strip_comments(f.read()))
    aliases = {a["const"]: a["name"] for a in src.get("constAliases", [])}
    shared.update(aliases)
    parsed = {}
    for c in src["copies"]:
        with open(os.path.join(args.sources_dir, c["file"]), encoding="utf-8") as f:
            parsed[c["id"]] = parse_copy(f.read(), shared)
    gates, conflicts = merge(src["copies"], parsed)
    known = {g["name"] for g in gates}
    api = None
    if args.api_repo:
        tags, stale, commits = api_tags(args.api_repo)
        api = {"repo": "kubernetes/api", "refs": commits, "added": []}
        for rel in ("1.36", "1.37"):
            for name in tags[rel]:
                if name in known and not any(g["name"] == name and g.get("apiTagOnly") for g in gates):
                    continue
                if name in stale:
                    continue
                g = next((x for x in gates if x["name"] == name), None)
                if g is None:
                    g = {"name": name, "owner": "kube", "rows": [], "absentFrom": None, "apiTagOnly": True}
                    gates.append(g)
                g["rows"].append({"stage": "Alpha", "default": False, "locked": False, "source": "api-tag",
                                  "basis": "api-tag", "release": rel})
                api["added"].append(name + "@" + rel)
        for g in gates:
            if g.get("apiTagOnly"):
                rels = [vkey(r["release"]) for r in g["rows"]]
                nxt = max(rels)[1] + 1
                g["absentFrom"] = "1.%d" % nxt if nxt <= RELEASES[-1][1] else None
                del g["apiTagOnly"]
    for extra in src.get("secondaryGates", []):
        if extra["name"] in {g["name"] for g in gates}:
            raise ValueError("secondary gate now listed by a copy; drop it from sources.json: " + extra["name"])
        rel = vkey(extra["release"])
        gates.append({"name": extra["name"], "owner": "kube", "absentFrom": None, "rows": [
            {"stage": extra["stage"], "default": extra["default"], "locked": False, "source": "secondary",
             "basis": "secondary", "release": vstr(r)} for r in RELEASES if r >= rel]})
    for corr in src.get("corrections", []):
        g = next((x for x in gates if x["name"] == corr["name"]), None)
        if g is None:
            raise ValueError("correction for a gate no copy lists: " + corr["name"])
        apply_correction(g, corr)
    gates.sort(key=lambda g: g["name"])
    deps = merge_dependencies(src["copies"], parsed)
    data = {
        "generatedBy": "spec/gates/extract_feature_gates.py extract",
        "rowFields": ROW_FIELDS,
        "releases": [vstr(r) for r in RELEASES],
        "sources": [{k: v for k, v in c.items() if k not in ("rel", "file")} for c in src["copies"]],
        "secondaryGates": src.get("secondaryGates", []),
        "corrections": src.get("corrections", []),
        "apiTags": api,
        "dependencies": deps,
        "dependenciesNote": "defaultKubernetesFeatureGateDependencies / AddDependencies appear between the 1.33 copy (none) and the 1.36 copy; the model applies the first dependency copy's entries from 1.35 (unverified for 1.35). A later dependency copy's entry for a gate the earlier copies do not list applies from 1.35 too (unverified before that copy's release); one that changes or drops a gate's dependencies applies from that copy's release, and the entry it replaces gets 'until' (the first release it no longer applies to).",
        "conflicts": conflicts,
        "gates": [compress(g) for g in gates],
    }
    if src.get("releaseCopies"):
        if not args.mirrors:
            raise ValueError("sources.json lists release copies: give --mirrors")
        rc = parse_release_copies(src, args.mirrors, aliases)
        changes = refine(data, src, {k: v[0] for k, v in rc.items()})
        apply_release_dependencies(data, src, rc)
        check_dependencies(data, src, rc)
        write_refined(data, src, changes, args.out)
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n") as f:
            f.write(dump(data))
    print("%d gates, %d dependency entries -> %s" % (len(data["gates"]), len(deps), args.out))


def merge_dependencies(copies, parsed):
    """Dependency entries from every copy with a dependency map, oldest copy first (see dependenciesNote)."""
    dep_copies = sorted([c for c in copies if parsed[c["id"]][1]], key=lambda c: c["rel"])
    out, open_entry, seen = [], {}, set()
    for i, c in enumerate(dep_copies):
        gates, deps = parsed[c["id"]]
        rel = vstr(c["rel"])
        for gate, on in sorted(deps.items()):
            cur = open_entry.get(gate)
            if cur is not None and cur["dependsOn"] == on:
                continue
            since = "1.35" if i == 0 or gate not in seen else rel
            if cur is not None:
                cur["until"] = rel
            entry = {"gate": gate, "dependsOn": on, "since": since, "source": c["id"]}
            out.append(entry)
            open_entry[gate] = entry
        for gate, cur in list(open_entry.items()):
            if gate not in deps and gate in gates:  # still registered, now without dependencies
                cur["until"] = rel
                del open_entry[gate]
        seen |= set(gates)
    out.sort(key=lambda d: (d["gate"], vkey(d["since"])))
    return out


# ----------------------------------------------------------------------------------------------- release copies

BASIS_RANK = {"release-copy": 0, "later-record": 1, "dev-copy": 2, "later-dev": 3, "carried": 4}


def read_release_copy(c, mirrors):
    """The text of a release copy (sources.json releaseCopies) and its consts file: `git show commit:path` in the
    mirror of the repository that vendors it (mirrors/<owner+name>/repo)."""
    repo = os.path.join(mirrors, c["mirror"], "repo")

    def show(path):
        return subprocess.run(["git", "-C", repo, "show", c["commit"] + ":" + path], capture_output=True, text=True,
                              check=True).stdout

    text = show(c["path"])
    return text, (consts(strip_comments(show(c["constPath"]))) if c.get("constPath") else {})


def parse_release_copies(src, mirrors, aliases):
    parsed = {}
    for c in src.get("releaseCopies", []):
        text, extra = read_release_copy(c, mirrors)
        parsed[c["id"]] = parse_copy(text, dict(aliases, **extra))
    return parsed


def rc_row(entry, rel):
    return row_at(entry["rows"], rel) if entry["versioned"] else entry["rows"][-1]


def candidate(entry, c, rel):
    """The (rank, state) a release copy offers for release rel under the PROF-004 rules, or None."""
    if c["rel"] == rel:
        r, basis, order = rc_row(entry, rel), "release-copy", 0
    elif c["rel"] > rel:
        r = row_at(entry["rows"], rel) if entry["versioned"] else entry["rows"][-1]
        basis = "later-record" if entry["versioned"] else "later-dev"
        order = c["rel"][1]  # the oldest copy newer than rel wins
    else:
        r, basis, order = rc_row(entry, rel), "carried", -c["rel"][1]  # the newest older copy wins
    if r is None:
        return None
    return (BASIS_RANK[basis], order, 0), state_of(r, c, basis)


def rank_of(row, rels):
    """The rank of a row already in the data; a copy of the same release ranks after a release copy (the 1)."""
    if row["basis"] not in BASIS_RANK:
        return (9, 0, 0)  # api-tag, secondary: rows for gates no copy lists
    rel = rels.get(row["source"], (0, 0))
    order = {"later-record": rel[1], "later-dev": rel[1], "carried": -rel[1]}.get(row["basis"], 0)
    return BASIS_RANK[row["basis"]], order, 1


def refine(data, src, rc_parsed):
    """Applies the release copies (sources.json releaseCopies) to data made from the other copies, by the rules of
    PROF-004 (see README "Release copies"):
      - a release R with a release copy: a gate that copy lists takes its state there (basis release-copy); a gate
        it does not list is absent in R if the copies of R cover its owner (kube: a pkg/features copy;
        genericfeatures: a k8s.io/apiserver copy of R, since before 1.33 kube_features.go does not relist them all);
      - a release without one: a release copy competes with the row already there by the same rules as any copy
        (later-record, later-dev, carried); a gate the data lacks there exists only if copies list it both before
        and after (a gate is not re-created from a versioned history, which may predate it);
      - a gate named by a Go identifier that a release copy resolves to another string is renamed (constAliases).
    Returns the list of changed cells (gate, release, before, after) and records it in the data."""
    rcs = src.get("releaseCopies", [])
    rels = {c["id"]: vkey(c["release"]) for c in src["copies"] + rcs}
    by_rel = {}
    for c in rcs:
        by_rel.setdefault(c["rel"], []).append(c)
    for alias in src.get("constAliases", []):
        g = next((x for x in data["gates"] if x["name"] == alias["const"]), None)
        if g is not None:
            if any(x["name"] == alias["name"] for x in data["gates"]):
                raise ValueError("alias target already in the data: " + alias["name"])
            g["name"] = alias["name"]
    gates = {g["name"]: expand(g) for g in data["gates"]}
    for c in rcs:
        for name, e in rc_parsed[c["id"]].items():
            if name not in gates:
                owner = c["scope"] if c["scope"] in ("genericfeatures", "logs") else owner_of(e["key"])
                gates[name] = {"name": name, "owner": owner, "absentFrom": None, "rows": []}
    changes, conflicts = [], []
    old_conflicts = {(x["gate"], x["release"]): x for x in data["conflicts"]}
    for name in sorted(gates):
        g = gates[name]
        old = {r["release"]: r for r in g["rows"]}
        listing = [c for c in rcs if name in rc_parsed[c["id"]]]
        new = {}
        for rel in RELEASES:
            cur = old.get(vstr(rel))
            here = by_rel.get(rel, [])
            if here:
                lists = [c for c in here if name in rc_parsed[c["id"]]]
                covered = covers(here, g["owner"])
                if lists:
                    row = state_of(rc_row(rc_parsed[lists[0]["id"]][name], rel), lists[0], "release-copy")
                    for other in lists[1:]:
                        r = rc_row(rc_parsed[other["id"]][name], rel)
                        if cell(dict(r, basis="release-copy")) != cell(row):
                            conflicts.append({"gate": name, "release": vstr(rel), "chosen": row["source"],
                                              "others": [other["id"] + ":" + cell(dict(r, basis="release-copy"))]})
                elif covered:
                    row = None
                else:
                    row = cur
            else:
                row = cur
                if row is None:
                    if any(c["rel"] < rel for c in listing) and any(c["rel"] > rel for c in listing):
                        row = best([candidate(rc_parsed[c["id"]][name], c, rel) for c in listing])
                elif row["basis"] == "carried" and newer_absence(name, g, rel, rels[row["source"]], by_rel, rc_parsed):
                    row = None
                else:
                    offers = [candidate(rc_parsed[c["id"]][name], c, rel) for c in listing]
                    mine = best(offers)
                    if mine is not None and mine_rank(offers) < rank_of(row, rels):
                        row = mine
            if row is not None:
                new[vstr(rel)] = dict(row, release=vstr(rel))
            before = (cur["source"] + ":" + cell(cur)) if cur else "-"
            after = (row["source"] + ":" + cell(row)) if row else "-"
            if cell(cur).rstrip("?") != cell(row).rstrip("?"):  # the answer changes, not only its provenance
                changes.append({"gate": name, "release": vstr(rel), "before": before, "after": after})
            if before != after:
                oc = old_conflicts.pop((name, vstr(rel)), None)
                if oc is not None and row is not None:
                    others = ([before] if cur and cell(cur).rstrip("?") != cell(row).rstrip("?") else []) + \
                             [o for o in oc["others"] if o.split(":", 1)[1].rstrip("?") != cell(row).rstrip("?")]
                    if others:
                        conflicts.append({"gate": name, "release": vstr(rel), "chosen": row["source"], "others": others})
        present = [vkey(r) for r in new]
        if not present:
            del gates[name]
            continue
        first, last = min(present), max(present)
        if len(present) != last[1] - first[1] + 1:
            raise ValueError("release copies leave a gap in %s: %s" % (name, sorted(new)))
        g["rows"] = [new[vstr(r)] for r in RELEASES if vstr(r) in new]
        g["absentFrom"] = vstr((1, last[1] + 1)) if last < RELEASES[-1] else None
    data["conflicts"] = sorted(list(old_conflicts.values()) + conflicts, key=lambda x: (x["gate"], vkey(x["release"])))
    data["gates"] = [compress(gates[n]) for n in sorted(gates)]
    return changes


def dependencies_at(data, rel):
    out = {}
    for e in data["dependencies"]:
        if vkey(e["since"]) <= rel and ("until" not in e or vkey(e["until"]) > rel):
            out[e["gate"]] = e["dependsOn"]
    return out


def present_at(data, rel):
    return {g["name"] for g in data["gates"] if (g["absentFrom"] is None or vkey(g["absentFrom"]) > rel)
            and any(vkey(r["since"]) <= rel for r in g["rows"])}


def apply_release_dependencies(data, src, parsed):
    """A release copy's dependency map states the dependencies of its release: for every gate that exists there and
    whose entry in the data (the dev copies' merge) says otherwise, the entry covering that release ends there
    ('until') and one from the copy takes its place from that release up to where the old one ended. Returns the
    changes as (gate, release, before, after)."""
    changes = []
    for c in sorted(src.get("releaseCopies", []), key=lambda c: c["rel"]):
        deps = parsed[c["id"]][1]
        if not deps:
            continue
        rel, present = c["rel"], present_at(data, c["rel"])
        for gate in sorted((set(deps) | set(dependencies_at(data, rel))) & present):
            want = deps.get(gate)
            cur = next((e for e in data["dependencies"] if e["gate"] == gate and vkey(e["since"]) <= rel
                        and ("until" not in e or vkey(e["until"]) > rel)), None)
            if (cur["dependsOn"] if cur else None) == want:
                continue
            end = cur.get("until") if cur else next(
                (e["since"] for e in sorted(data["dependencies"], key=lambda e: vkey(e["since"]))
                 if e["gate"] == gate and vkey(e["since"]) > rel), None)
            if cur is not None:
                if vkey(cur["since"]) < rel:
                    cur["until"] = vstr(rel)
                else:
                    data["dependencies"].remove(cur)
            if want:
                entry = {"gate": gate, "dependsOn": want, "since": vstr(rel), "source": c["id"]}
                if end is not None:
                    entry["until"] = end
                data["dependencies"].append(entry)
            changes.append((gate, vstr(rel), cur["dependsOn"] if cur else None, want))
    data["dependencies"].sort(key=lambda d: (d["gate"], vkey(d["since"])))
    return changes


def check_dependencies(data, src, parsed):
    """A release copy with a dependency map must agree with the data's entries at its release for every gate that
    exists there (entries of gates absent there are never checked: PROF-005)."""
    for c in src.get("releaseCopies", []):
        deps = parsed[c["id"]][1]
        if not deps:
            continue
        have, present = dependencies_at(data, c["rel"]), present_at(data, c["rel"])
        for gate in sorted((set(deps) | set(have)) & present):
            if deps.get(gate) != have.get(gate):
                raise ValueError("%s: dependencies of %s at %s are %s, the data has %s"
                                 % (c["id"], gate, c["release"], deps.get(gate), have.get(gate)))


def covers(release_copies, owner):
    """Whether copies of one release list every gate of this owner: kube (pkg/features), genericfeatures
    (k8s.io/apiserver's own file: kube_features.go relists them all only from 1.33 on) and logs (component-base)."""
    scope = {"kube": "all", "genericfeatures": "genericfeatures", "logs": "logs"}.get(owner)
    return scope is not None and any(c["scope"] == scope for c in release_copies)


def best(offers):
    offers = [o for o in offers if o is not None]
    return min(offers, key=lambda o: o[0])[1] if offers else None


def mine_rank(offers):
    return min(o[0] for o in offers if o is not None)


def newer_absence(name, g, rel, source_rel, by_rel, rc_parsed):
    """A row carried from a copy older than a release copy that covers the gate's owner and lacks it: absent."""
    for r, cs in by_rel.items():
        if source_rel < r < rel:
            if covers(cs, g["owner"]) and not any(name in rc_parsed[c["id"]] for c in cs):
                return True
    return False


def refine_command(args):
    """Applies the release copies to the committed data (the other copies are not needed). With --add, the data
    already has every release copy applied but the named ones (new in sources.json): refine is applied again with all
    of them (re-applying the ones the data already has changes nothing: refine keeps a row a copy does not outrank),
    and the cells that change are appended to the data's releaseCopyChanges."""
    here = os.path.dirname(os.path.abspath(__file__))
    src = load_sources(os.path.join(here, "sources.json"))
    data = load_data(args.data)
    added = [x for x in (args.add or "").split(",") if x]
    previous = data.get("releaseCopyChanges")
    if added:
        have = [c["id"] for c in data.get("releaseCopies") or []]
        want = [c["id"] for c in src.get("releaseCopies", []) if c["id"] not in added]
        if previous is None or have != want:
            raise ValueError("--add needs data refined with every other release copy of sources.json: it has %s" % have)
    elif previous is not None:
        raise ValueError("the data already has the release copies applied; run extract first (or refine --add NEW)")
    aliases = {a["const"]: a["name"] for a in src.get("constAliases", [])}
    parsed = parse_release_copies(src, args.mirrors, aliases)
    changes = refine(data, src, {k: v[0] for k, v in parsed.items()})
    dep_changes = apply_release_dependencies(data, src, parsed)
    check_dependencies(data, src, parsed)
    write_refined(data, src, (previous or []) + changes, args.data)
    print("%d release copies applied, %d cells changed, %d dependency lists changed -> %s"
          % (len(src.get("releaseCopies", [])), len(changes), len(dep_changes), args.data))
    for gate, rel, before, after in dep_changes:
        print("  dependencies of %s at %s: %s -> %s" % (gate, rel, before, after))


def write_refined(data, src, changes, path):
    data["sources"] = [{k: v for k, v in c.items() if k not in ("rel", "file")} for c in src["copies"]]
    data["releaseCopies"] = [{k: v for k, v in c.items() if k != "rel"} for c in src.get("releaseCopies", [])]
    data["constAliases"] = src.get("constAliases", [])
    data["releaseCopyChanges"] = changes
    order = ["generatedBy", "rowFields", "releases", "sources", "releaseCopies", "constAliases", "secondaryGates",
             "corrections", "apiTags", "dependencies", "dependenciesNote", "conflicts", "releaseCopyChanges", "gates"]
    ordered = {k: data[k] for k in order if k in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(dump(ordered))


# ----------------------------------------------------------------------------------------------- corrections

def apply_correction(gate, corr):
    """A release's state known from a later record (a CHANGELOG entry) where every copy read predates the change:
    the rows from corr["release"] on take its stage and default, with basis "secondary" (unverified, PROF-004)."""
    start = vkey(corr["release"])
    keep = [r for r in gate["rows"] if vkey(r["release"]) < start]
    gate["rows"] = keep + [{"stage": corr["stage"], "default": corr["default"], "locked": False, "source": "secondary",
                            "basis": "secondary", "release": vstr(r)} for r in RELEASES if r >= start]


def expand(gate):
    """The compressed rows of feature-gates.json back to one row per release (up to absentFrom)."""
    rows = []
    for r in RELEASES:
        if gate["absentFrom"] is not None and r >= vkey(gate["absentFrom"]):
            break
        cur = None
        for row in gate["rows"]:
            if vkey(row["since"]) <= r:
                cur = row
        if cur is not None:
            rows.append({k: cur[k] for k in ("stage", "default", "locked", "source", "basis")} | {"release": vstr(r)})
    gate["rows"] = rows
    return gate


def correct(args):
    """Applies sources.json's corrections to the committed data without the copies (extract applies them too)."""
    here = os.path.dirname(os.path.abspath(__file__))
    src = load_sources(os.path.join(here, "sources.json"))
    data = load_data(args.data)
    for corr in src.get("corrections", []):
        g = next((x for x in data["gates"] if x["name"] == corr["name"]), None)
        if g is None:
            raise ValueError("correction for a gate the data does not list: " + corr["name"])
        apply_correction(expand(g), corr)
        compress(g)
    data["corrections"] = src.get("corrections", [])
    ordered = {}
    for k, v in data.items():
        ordered[k] = v
        if k == "secondaryGates" and "corrections" not in ordered:
            ordered["corrections"] = data["corrections"]
    with open(args.data, "w", encoding="utf-8", newline="\n") as f:
        f.write(dump(ordered))
    print("%d corrections applied -> %s" % (len(data["corrections"]), args.data))


# ----------------------------------------------------------------------------------------------- table

def cell(row):
    if row is None:
        return "-"
    s = {"Alpha": "A", "Beta": "B", "GA": "G", "Deprecated": "D"}[row["stage"]] + ("1" if row["default"] else "0")
    if row["locked"]:
        s += "L"
    if row["basis"] not in VERIFIED_BASES:
        s += "?"
    return s


def render_table(data, wired, notes=None):
    lines = ["| gate | " + " | ".join(data["releases"]) + " | model |",
             "|---|" + "---|" * len(data["releases"]) + "---|"]
    for g in data["gates"]:
        cells = []
        for rel in data["releases"]:
            row = None
            if g["absentFrom"] is None or vkey(rel) < vkey(g["absentFrom"]):
                for r in g["rows"]:
                    if vkey(r["since"]) <= vkey(rel):
                        row = r
            cells.append(cell(row))
        model = "wired" if g["name"] in wired else (notes or {}).get(g["name"], "no modelled effect yet")
        lines.append("| " + g["name"] + " | " + " | ".join(cells) + " | " + model + " |")
    return "\n".join(lines) + "\n"


def wired_names(path):
    with open(path, encoding="utf-8") as f:
        return set(re.findall(r'public const string (\w+) = nameof\(\1\);', f.read()))


def pod_create_notes(path):
    """pod-create-effects.json: the model column of a gate read to have no effect on a Pod create."""
    with open(path, encoding="utf-8") as f:
        return {g["name"]: g["model"] for g in json.load(f)["gates"]}


def table(args):
    data = load_data(args.data)
    body = render_table(data, wired_names(args.names), pod_create_notes(args.effects))
    with open(args.spec, encoding="utf-8") as f:
        spec = f.read()
    begin, end = "<!-- gates:begin -->\n", "<!-- gates:end -->"
    a, b = spec.index(begin) + len(begin), spec.index(end)
    with open(args.spec, "w", encoding="utf-8", newline="\n") as f:
        f.write(spec[:a] + body + spec[b:])
    print("table of %d gates written to %s" % (len(data["gates"]), args.spec))


# ----------------------------------------------------------------------------------------------- selftest

def selftest(_args):
    text = '''
    const (
        Foo featuregate.Feature = "Foo"
        Bar featuregate.Feature = "BarString" // renamed
    )
    var m = map[featuregate.Feature]featuregate.VersionedSpecs{
        Foo: {
            {Version: version.MustParse("1.1"), Default: false, PreRelease: featuregate.Alpha},
            {Version: version.MustParse("1.3"), Default: true, PreRelease: featuregate.Beta}, // note
            {Version: version.MustParse("1.3"), Default: false, PreRelease: featuregate.Beta, MinCompatibilityVersion: version.MustParse("1.3")},
        },
        pkg.Bar: {
            {Version: version.MustParse("1.0"), Default: true, PreRelease: featuregate.GA},
            {Version: version.MustParse("1.2"), Default: false, PreRelease: featuregate.Deprecated, LockToDefault: true},
        },
    }
    var d = map[featuregate.Feature][]featuregate.Feature{
        Foo: {},
        pkg.Bar: {Foo, Foo},
    }
    '''
    gates, deps = parse_copy(text, {})
    assert set(gates) == {"Foo", "BarString"}, gates
    assert gates["BarString"]["rows"][1] == {"version": (1, 2), "stage": "Deprecated", "default": False,
                                             "locked": True, "minCompat": None}
    assert deps == {"BarString": ["Foo"]}, deps
    foo = gates["Foo"]["rows"]
    assert row_at(foo, (1, 0)) is None
    assert row_at(foo, (1, 2))["stage"] == "Alpha"
    assert row_at(foo, (1, 3))["default"] is True  # the MinCompatibility row needs min-compat 1.3
    assert row_at(foo, (1, 4))["default"] is False  # ... which 1.4 has (1.4 - 1)
    old = parse_copy('var x = map[featuregate.Feature]featuregate.FeatureSpec{\n Foo: {Default: true, PreRelease: featuregate.Beta},\n}', {})[0]
    assert old["Foo"]["rows"][0]["version"] is None and not old["Foo"]["versioned"]
    g = {"name": "Foo", "absentFrom": None, "rows": [{"since": "1.35", "stage": "Alpha", "default": False, "locked": False,
                                                       "source": "C136", "basis": "later-record"}]}
    apply_correction(expand(g), {"name": "Foo", "release": "1.36", "stage": "Beta", "default": True})
    compress(g)
    assert [(r["since"], r["stage"], r["default"], r["basis"]) for r in g["rows"]] == [
        ("1.35", "Alpha", False, "later-record"), ("1.36", "Beta", True, "secondary")], g["rows"]
    # featuregate.Feature(pkg.X) in a dependency list names X; a later copy's changed list ends the earlier entry.
    older = parse_copy('var m = map[featuregate.Feature]featuregate.VersionedSpecs{\n Foo: {{Version: version.MustParse("1.35"), '
                       'Default: false, PreRelease: featuregate.Alpha}},\n Bar: {{Version: version.MustParse("1.35"), Default: false, '
                       'PreRelease: featuregate.Alpha}},\n}\nvar d = map[featuregate.Feature][]featuregate.Feature{\n Foo: {Bar},\n}', {})
    newer = parse_copy('var m = map[featuregate.Feature]featuregate.VersionedSpecs{\n Foo: {{Version: version.MustParse("1.35"), '
                       'Default: false, PreRelease: featuregate.Alpha}},\n Baz: {{Version: version.MustParse("1.36"), Default: false, '
                       'PreRelease: featuregate.Alpha}},\n}\nvar d = map[featuregate.Feature][]featuregate.Feature{\n'
                       ' Foo: {Bar, featuregate.Feature(clientfeatures.Qux)},\n Baz: {Foo},\n}', {})
    assert newer[1]["Foo"] == ["Bar", "Qux"], newer[1]
    merged = merge_dependencies([{"id": "O", "rel": (1, 36)}, {"id": "N", "rel": (1, 37)}], {"O": older, "N": newer})
    assert merged == [
        {"gate": "Baz", "dependsOn": ["Foo"], "since": "1.35", "source": "N"},
        {"gate": "Foo", "dependsOn": ["Bar"], "since": "1.35", "source": "O", "until": "1.37"},
        {"gate": "Foo", "dependsOn": ["Bar", "Qux"], "since": "1.37", "source": "N"}], merged
    selftest_refine()
    print("selftest ok")


def selftest_refine():
    """refine: release copies fix rows, remove gates they lack, add gates they list, rename aliased identifiers."""
    def gate(name, owner, absent, *rows):
        return {"name": name, "owner": owner, "absentFrom": absent,
                "rows": [dict(zip(ROW_FIELDS, r)) for r in rows]}

    data = {"conflicts": [], "gates": [
        gate("Carried", "kube", "1.36", ["1.33", "GA", True, True, "A133", "dev-copy"],
             ["1.34", "GA", True, True, "A133", "carried"]),
        gate("Late", "kube", None, ["1.36", "Beta", True, False, "H137", "later-record"]),
        gate("Early", "kube", None, ["1.33", "Beta", False, False, "C136", "later-record"]),
        gate("Generic", "genericfeatures", None, ["1.33", "Beta", True, False, "C136", "later-record"]),
        gate("OldIdentGate", "kube", "1.30", ["1.28", "Deprecated", False, True, "E128", "release-copy"],
             ["1.29", "Deprecated", False, True, "E128", "carried"])]}
    src = {"copies": [{"id": "A133", "release": "1.33"}, {"id": "C136", "release": "1.36"},
                      {"id": "E128", "release": "1.28"}, {"id": "H137", "release": "1.37"}],
           "releaseCopies": [{"id": "G127", "release": "1.27", "rel": (1, 27), "scope": "genericfeatures"},
                             {"id": "K129", "release": "1.29", "rel": (1, 29), "scope": "all"},
                             {"id": "K134", "release": "1.34", "rel": (1, 34), "scope": "all"},
                             {"id": "K135", "release": "1.35", "rel": (1, 35), "scope": "all"}],
           "constAliases": [{"const": "OldIdentGate", "name": "OldIdent"}]}

    def listed(**gates):
        return {n: {"key": n, "versioned": False, "rows": [{"version": None, "stage": st, "default": d, "locked": lk,
                                                           "minCompat": None}]} for n, (st, d, lk) in gates.items()}

    rc = {"G127": listed(Between=("Beta", True, False)),
          "K129": listed(OldIdent=("Deprecated", False, True), Between=("GA", True, True)),
          "K134": listed(Carried=("GA", True, True), Early=("Beta", False, False)),
          "K135": listed(Late=("Beta", True, False), Early=("Beta", True, False), Api=("Alpha", False, False))}
    changes = refine(data, src, rc)
    got = {g["name"]: (g["absentFrom"], [(r["since"], r["stage"], r["default"], r["source"], r["basis"]) for r in g["rows"]])
           for g in data["gates"]}
    assert got["Carried"] == ("1.35", [("1.33", "GA", True, "A133", "dev-copy"), ("1.34", "GA", True, "K134", "release-copy")]), got
    assert got["Late"] == (None, [("1.35", "Beta", True, "K135", "release-copy"), ("1.36", "Beta", True, "H137", "later-record")]), got
    assert got["Early"][1][1:] == [("1.34", "Beta", False, "K134", "release-copy"), ("1.35", "Beta", True, "K135", "release-copy"),
                                   ("1.36", "Beta", False, "C136", "later-record")], got
    assert got["Generic"] == (None, [("1.33", "Beta", True, "C136", "later-record")]), got  # no apiserver copy: kept
    assert got["OldIdent"] == ("1.30", [("1.28", "Deprecated", False, "E128", "release-copy"),
                                        ("1.29", "Deprecated", False, "K129", "release-copy")]), got
    assert got["Api"] == ("1.36", [("1.35", "Alpha", False, "K135", "release-copy")]), got
    assert "OldIdentGate" not in got
    # listed by copies before and after 1.28 (none of 1.28 covers its owner): exists there, unverified (later-dev)
    assert got["Between"] == ("1.30", [("1.28", "GA", True, "K129", "later-dev"), ("1.29", "GA", True, "K129", "release-copy")]), got
    assert {(c["gate"], c["release"], c["after"]) for c in changes} == {
        ("Carried", "1.35", "-"), ("Late", "1.35", "K135:B1"), ("Early", "1.35", "K135:B1"), ("Api", "1.35", "K135:A0"),
        ("Between", "1.28", "K129:G1L?"), ("Between", "1.29", "K129:G1L")}, changes
    # a release copy that lists a gate the data has only two releases later leaves a gap: an error, not a guess
    gap = {"conflicts": [], "gates": [gate("Gap", "kube", None, ["1.36", "Beta", True, False, "H137", "later-record"])]}
    try:
        refine(gap, src, {"G127": {}, "K129": {}, "K134": listed(Gap=("Alpha", False, False)), "K135": {}})
    except ValueError as e:
        assert "gap in Gap" in str(e), e
    else:
        raise AssertionError("a gap must be an error")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("extract")
    e.add_argument("--sources-dir", required=True)
    e.add_argument("--api-repo")
    e.add_argument("--mirrors", help="directory holding <owner+name>/repo git mirrors (for sources.json releaseCopies)")
    e.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "feature-gates.json"))
    t = sub.add_parser("table")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    t.add_argument("--data", default=os.path.join(root, "spec", "gates", "feature-gates.json"))
    t.add_argument("--names", default=os.path.join(root, "src", "PodConformance.Model", "Profiles", "FeatureGateNames.cs"))
    t.add_argument("--spec", default=os.path.join(root, "spec", "profiles.md"))
    t.add_argument("--effects", default=os.path.join(root, "spec", "gates", "pod-create-effects.json"))
    sub.add_parser("selftest")
    rf = sub.add_parser("refine")
    rf.add_argument("--data", default=os.path.join(root, "spec", "gates", "feature-gates.json"))
    rf.add_argument("--mirrors", required=True, help="directory holding <owner+name>/repo git mirrors")
    rf.add_argument("--add", help="comma-separated ids of release copies new in sources.json, applied to refined data")
    c = sub.add_parser("correct")
    c.add_argument("--data", default=os.path.join(root, "spec", "gates", "feature-gates.json"))
    args = p.parse_args()
    {"extract": extract, "table": table, "selftest": selftest, "correct": correct, "refine": refine_command}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
