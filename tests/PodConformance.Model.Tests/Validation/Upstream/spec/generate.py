#!/usr/bin/env python3
"""Builds cases.json: Kubernetes' pod validation test cases for scheduling, DNS, naming and claim fields, as user
manifests with the releases/gates they need and the errors expected (see README.md).

Run from this directory:  python3 generate.py [path/to/validation_test.go]
It also writes cases-1.37.json from upstream137.py (the 1.37 cases, hand-transcribed from a fork copy; see README.md).
The default input is the copy of kubernetes pkg/apis/core/validation/validation_test.go in the public repository
3Xpl0it3r/kubecraft at commit cca2926a83a37bcdfd655c6f1d6fe39056698ec3 (a snapshot of kubernetes ≈ v1.30), read with
`git show cca2926:pkg/apis/core/validation/validation_test.go` from its fetched mirror. CI never runs this script.

Upstream cases are taken from the Go literals of TestValidatePod (converted by golit.py) or transcribed by hand from the
other test functions (named in each case). Cases whose `origin` is "model" are not upstream tests: they pin behaviour
of releases the ≈1.30 test file predates, written from validation.go of the release named in the case.
"""
import json
import os
import subprocess
import sys

from golit import convert
import upstream137

MIRROR = '/work/.mirror/3Xpl0it3r+kubecraft/repo'

# field.Error prints a bad value that is not a plain string/int/bool with Go's %#v up to apimachinery v0.33 and with
# json.Marshal from v0.34 (spec/validation.md VAL-201); cases whose text shows such a value are split at 1.34.
GO_FMT_UNTIL, JSON_SINCE = '1.33', '1.34'


def go_slice(items):
    return '[]string{' + ', '.join(json.dumps(x) for x in items) + '}'


def json_slice(items):
    return json.dumps(items, separators=(',', ':'))
COMMIT = 'cca2926a83a37bcdfd655c6f1d6fe39056698ec3'
TEST_PATH = 'pkg/apis/core/validation/validation_test.go'

ALL = ['1.%d' % m for m in range(28, 38)]


def rel(spec):
    """'1.31+' / '1.28-1.30' / '1.35' -> list of releases."""
    if spec.endswith('+'):
        lo = int(spec[2:-1])
        return [r for r in ALL if int(r[2:]) >= lo]
    if '-' in spec:
        a, b = spec.split('-')
        return [r for r in ALL if int(a[2:]) <= int(r[2:]) <= int(b[2:])]
    return [spec]


CTR = {"name": "ctr", "image": "image", "imagePullPolicy": "IfNotPresent", "terminationMessagePolicy": "File"}


def base_spec(**extra):
    s = {"containers": [dict(CTR)], "restartPolicy": "Always", "dnsPolicy": "ClusterFirst"}
    s.update(extra)
    return s


def pod(spec, name="123", namespace="ns", labels=None, annotations=None):
    meta = {"name": name, "namespace": namespace}
    if labels:
        meta["labels"] = labels
    if annotations:
        meta["annotations"] = annotations
    return {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec}


CASES = []
NOT_EXPRESSIBLE = []


def case(test, name, p, releases='1.28+', gates=None, errors=(), contains=None, origin='upstream', note=None, variant=None):
    cid = test + '/' + name + ('' if variant is None else ' [' + variant + ']')
    assert origin == 'upstream' or note, 'a model case needs a note naming its source: ' + cid
    CASES.append({
        "id": cid, "test": test, "origin": origin,
        "releases": rel(releases), "gates": gates or {},
        "pod": p, "errors": list(errors), "contains": contains, "note": note,
    })


def not_expressible(test, name, why):
    NOT_EXPRESSIBLE.append({"id": test + '/' + name, "why": why})


# --- texts (apimachinery, pinned where the upstream tests pin them) -------------------------------------------------
NAME_PART = ("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
             "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
             "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")
SUBDOMAIN = ("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
             "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
             "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")
LABEL = ("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end "
         "with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
         "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')")
IP_OLD = 'must be valid IP address'
IP_NEW = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'


# --- TestValidatePod: converted from the Go literals ------------------------------------------------------------------
def go_cases(text, func_start, block_var, names):
    """Converts named entries of a `block_var := map[string]...{` literal inside the function at func_start."""
    start = text.index(block_var, func_start)
    out = {}
    for name in names:
        key = '\t\t' + json.dumps(name) + ': '
        i = text.index(key, start)
        j = i + len(key)
        depth = 0
        k = j
        while True:
            c = text[k]
            if c == '"':
                k += 1
                while text[k] != '"':
                    k += 2 if text[k] == '\\' else 1
            elif c == '`':
                k = text.index('`', k + 1)
            elif c in '{(':
                depth += 1
            elif c in '})':
                depth -= 1
                if depth == 0:
                    break
            k += 1
        out[name] = convert(text[j:k + 1], {}, FUNCS)
    return out


def valid_pod_spec(aff=None):
    return base_spec(**({"affinity": aff} if aff else {}))


def extend_tol(spec, tols):
    return {"containers": spec["containers"], "restartPolicy": spec["restartPolicy"], "dnsPolicy": spec["dnsPolicy"], "tolerations": tols}


FUNCS = {'validPodSpec': valid_pod_spec, 'extendPodSpecwithTolerations': extend_tol}


def as_manifest(core_pod):
    p = {"apiVersion": "v1", "kind": "Pod"}
    p.update(core_pod)
    return p


def test_validate_pod(text):
    fn = text.index('func TestValidatePod(t *testing.T) {')
    success = [
        ("basic fields", '1.28+', None),
        ("just about everything", '1.28+', None),
        ("serialized node affinity requirements", '1.28+', None),
        ("serialized node affinity requirements, II", '1.28+', None),
        ("serialized pod affinity in affinity requirements in annotations", '1.28+', None),
        ("serialized pod anti affinity with different Label Operators in affinity requirements in annotations", '1.28+', None),
        ("populate forgiveness tolerations with exists operator in annotations.", '1.28+', None),
        ("populate forgiveness tolerations with equal operator in annotations.", '1.28+', None),
        ("populate tolerations equal operator in annotations.", '1.28+', None),
        ("populate tolerations exists operator in annotations.", '1.28+', None),
        ("empty key with Exists operator is OK for toleration, empty toleration key means match all taint keys.", '1.28+', None),
        ("empty operator is OK for toleration, defaults to Equal.", '1.28+', None),
        ("empty effect is OK for toleration, empty toleration effect means match all taint effects.", '1.28+', None),
        ("negative tolerationSeconds is OK for toleration.", '1.28+', None),
        ("MatchLabelKeys/MismatchLabelKeys in required PodAffinity", '1.29+', {"MatchLabelKeysInPodAffinity": True}),
        ("MatchLabelKeys/MismatchLabelKeys in preferred PodAffinity", '1.29+', {"MatchLabelKeysInPodAffinity": True}),
        ("MatchLabelKeys/MismatchLabelKeys in required PodAntiAffinity", '1.29+', {"MatchLabelKeysInPodAffinity": True}),
        ("MatchLabelKeys/MismatchLabelKeys in preferred PodAntiAffinity", '1.29+', {"MatchLabelKeysInPodAffinity": True}),
        ("LabelSelector can have the same key as MismatchLabelKeys", '1.29+', {"MatchLabelKeysInPodAffinity": True}),
    ]
    got = go_cases(text, fn, 'successCases := map[string]core.Pod{', [s[0] for s in success])
    for name, releases, gates in success:
        case('TestValidatePod', name, as_manifest(got[name]), releases, gates)

    na = 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]'
    pa_soft = 'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm'
    pa_hard = 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]'
    paa_soft = 'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm'
    paa_hard = 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]'

    def empty_topology_key(t):
        return [t + '.topologyKey: Required value: can not be empty',
                t + '.topologyKey: Invalid value: "": name part must be non-empty',
                t + '.topologyKey: Invalid value: "": ' + NAME_PART]

    mlk = {"MatchLabelKeysInPodAffinity": True}
    errors = [
        ("invalid node selector requirement in node affinity, operator can't be null", '1.28+', None,
         [na + '.matchExpressions[0].operator: Invalid value: "": not a valid selector operator']),
        ("invalid node selector requirement in node affinity, key is invalid", '1.28+', None,
         [na + '.matchExpressions[0].key: Invalid value: "invalid key ___@#": ' + NAME_PART]),
        ("invalid node field selector requirement in node affinity, more values for field selector", '1.28+', None,
         [na + ".matchFields[0].values: Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector"]),
        ("invalid node field selector requirement in node affinity, invalid operator", '1.28+', None,
         [na + '.matchFields[0].operator: Invalid value: "Exists": not a valid selector operator']),
        ("invalid node field selector requirement in node affinity, invalid key", '1.28+', None,
         [na + '.matchFields[0].key: Invalid value: "metadata.namespace": not a valid field selector key']),
        ("invalid preferredSchedulingTerm in node affinity, weight should be in range 1-100", '1.28+', None,
         ['spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 199: must be in the range 1-100']),
        ("invalid requiredDuringSchedulingIgnoredDuringExecution node selector, nodeSelectorTerms must have at least one term", '1.28+', None,
         ['spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term']),
        ("invalid weight in preferredDuringSchedulingIgnoredDuringExecution in pod affinity annotations, weight should be in range 1-100", '1.28+', None,
         ['spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 109: must be in the range 1-100']),
        ("invalid labelSelector in preferredDuringSchedulingIgnoredDuringExecution in podaffinity annotations, values should be empty if the operator is Exists", '1.28+', None,
         [paa_soft + ".labelSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"]),
        ("invalid namespaceSelector in preferredDuringSchedulingIgnoredDuringExecution in podaffinity, In operator must include Values", '1.28+', None,
         [paa_soft + ".namespaceSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]),
        ("invalid namespaceSelector in preferredDuringSchedulingIgnoredDuringExecution in podaffinity, Exists operator can not have values", '1.28+', None,
         [paa_soft + ".namespaceSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"]),
        ("invalid name space in preferredDuringSchedulingIgnoredDuringExecution in podaffinity annotations, namespace should be valid", '1.28+', None,
         [pa_soft + '.namespace: Invalid value: "INVALID_NAMESPACE": ' + LABEL]),
        ("invalid hard pod affinity, empty topologyKey is not allowed for hard pod affinity", '1.28+', None, empty_topology_key(pa_hard)),
        ("invalid hard pod anti-affinity, empty topologyKey is not allowed for hard pod anti-affinity", '1.28+', None, empty_topology_key(paa_hard)),
        ("invalid soft pod affinity, empty topologyKey is not allowed for soft pod affinity", '1.28+', None, empty_topology_key(pa_soft)),
        ("invalid soft pod anti-affinity, empty topologyKey is not allowed for soft pod anti-affinity", '1.28+', None, empty_topology_key(paa_soft)),
        ("invalid soft pod affinity, key in MatchLabelKeys isn't correctly defined", '1.29+', mlk,
         [pa_soft + '.matchLabelKeys[0]: Invalid value: "/simple": prefix part must be non-empty']),
        ("invalid hard pod affinity, key in MatchLabelKeys isn't correctly defined", '1.29+', mlk,
         [pa_hard + '.matchLabelKeys[0]: Invalid value: "/simple": prefix part must be non-empty']),
        ("invalid soft pod anti-affinity, key in MatchLabelKeys isn't correctly defined", '1.29+', mlk,
         [paa_soft + '.matchLabelKeys[0]: Invalid value: "/simple": prefix part must be non-empty']),
        ("invalid hard pod anti-affinity, key in MatchLabelKeys isn't correctly defined", '1.29+', mlk,
         [paa_hard + '.matchLabelKeys[0]: Invalid value: "/simple": prefix part must be non-empty']),
        ("invalid soft pod affinity, key in MismatchLabelKeys isn't correctly defined", '1.29+', mlk,
         [pa_soft + '.mismatchLabelKeys[0]: Invalid value: "/simple": prefix part must be non-empty']),
        ("invalid hard pod affinity, key in MismatchLabelKeys isn't correctly defined", '1.29+', mlk,
         [pa_hard + '.mismatchLabelKeys[0]: Invalid value: "/simple": prefix part must be non-empty']),
        ("invalid soft pod anti-affinity, key in MismatchLabelKeys isn't correctly defined", '1.29+', mlk,
         [paa_soft + '.mismatchLabelKeys[0]: Invalid value: "/simple": prefix part must be non-empty']),
        ("invalid hard pod anti-affinity, key in MismatchLabelKeys isn't correctly defined", '1.29+', mlk,
         [paa_hard + '.mismatchLabelKeys[0]: Invalid value: "/simple": prefix part must be non-empty']),
        ("invalid soft pod affinity, key exists in both matchLabelKeys and labelSelector", '1.29+', mlk,
         [pa_soft + '[0]: Invalid value: "key": exists in both matchLabelKeys and labelSelector']),
        ("invalid hard pod affinity, key exists in both matchLabelKeys and labelSelector", '1.29+', mlk,
         [pa_hard + '[0]: Invalid value: "key": exists in both matchLabelKeys and labelSelector']),
        ("invalid soft pod anti-affinity, key exists in both matchLabelKeys and labelSelector", '1.29+', mlk,
         [paa_soft + '[0]: Invalid value: "key": exists in both matchLabelKeys and labelSelector']),
        ("invalid hard pod anti-affinity, key exists in both matchLabelKeys and labelSelector", '1.29+', mlk,
         [paa_hard + '[0]: Invalid value: "key": exists in both matchLabelKeys and labelSelector']),
        ("invalid soft pod affinity, key exists in both MatchLabelKeys and MismatchLabelKeys", '1.29+', mlk,
         [pa_soft + '.matchLabelKeys[0]: Invalid value: "samekey": exists in both matchLabelKeys and mismatchLabelKeys']),
        ("invalid hard pod affinity, key exists in both MatchLabelKeys and MismatchLabelKeys", '1.29+', mlk,
         [pa_hard + '.matchLabelKeys[0]: Invalid value: "samekey": exists in both matchLabelKeys and mismatchLabelKeys']),
        ("invalid soft pod anti-affinity, key exists in both MatchLabelKeys and MismatchLabelKeys", '1.29+', mlk,
         [paa_soft + '.matchLabelKeys[0]: Invalid value: "samekey": exists in both matchLabelKeys and mismatchLabelKeys']),
        ("invalid hard pod anti-affinity, key exists in both MatchLabelKeys and MismatchLabelKeys", '1.29+', mlk,
         [paa_hard + '.matchLabelKeys[0]: Invalid value: "samekey": exists in both matchLabelKeys and mismatchLabelKeys']),
        ("invalid toleration key", '1.28+', None,
         ['spec.tolerations[0].key: Invalid value: "nospecialchars^=@": ' + NAME_PART]),
        ("invalid toleration operator", '1.28+', None,
         ['spec.tolerations[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"']),
        ("operator must be 'Exists' when `key` is empty", '1.28+', None,
         ['spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"']),
        ("effect must be 'NoExecute' when `TolerationSeconds` is set", '1.28+', None,
         ["spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"]),
    ]
    exists_value = "value must be empty when `operator` is 'Exists'"
    names = [e[0] for e in errors] + [exists_value]
    got = go_cases(text, fn, 'errorCases := map[string]struct {', names)
    for name, releases, gates, expected in errors:
        c = got[name]
        p = as_manifest(c['spec'])
        note = None
        if 'exists in both matchLabelKeys and labelSelector' in name:
            # The Go case feeds the selector as the create strategy leaves it: its first expression is the one
            # "created from MatchLabelKeys". A user writes the selector without it; DEF-301 appends it from the label.
            term = p['spec']['affinity']
            for kind in ('podAffinity', 'podAntiAffinity'):
                for lst in ('requiredDuringSchedulingIgnoredDuringExecution', 'preferredDuringSchedulingIgnoredDuringExecution'):
                    for t in term.get(kind, {}).get(lst, []):
                        t = t.get('podAffinityTerm', t)
                        t['labelSelector']['matchExpressions'] = t['labelSelector']['matchExpressions'][1:]
            note = ('manifest = the Go case without the selector requirement the create strategy adds (key In [value1]); '
                    'the strategy appends it after the user\'s NotIn, so the duplicate is seen at the same index')
        case('TestValidatePod', name, p, releases, gates, expected, contains=c['expectedError'], note=note)

    # Exists with a value: the bad value printed changed in 1.32 (the whole toleration before).
    c = got[exists_value]
    p = as_manifest(c['spec'])
    case('TestValidatePod', exists_value, p, '1.32+', None,
         ['spec.tolerations[0].operator: Invalid value: "bar": ' + exists_value], contains=c['expectedError'], variant='1.32+')
    case('TestValidatePod', exists_value, p, '1.28-1.31', None,
         ['spec.tolerations[0].operator: Invalid value: core.Toleration{Key:"foo", Operator:"Exists", Value:"bar", Effect:"NoSchedule", TolerationSeconds:(*int64)(nil)}: ' + exists_value],
         contains=c['expectedError'], variant='1.28-1.31')


# --- TestValidatePodSpec (hand-transcribed: the cases are built with podtest helpers / plain literals) -------------------
def test_validate_pod_spec():
    t = 'TestValidatePodSpec'
    vol = [{"name": "vol", "emptyDir": {}}]
    case(t, 'populate all fields', pod(base_spec(initContainers=[dict(CTR, name="ictr")], volumes=vol, nodeSelector={"key": "value"},
                                                 nodeName="foobar", activeDeadlineSeconds=2147483647, serviceAccountName="acct")))
    case(t, 'populate Affinity', pod(base_spec(affinity={"nodeAffinity": {
        "requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [{
            "matchExpressions": [{"key": "key2", "operator": "In", "values": ["value1", "value2"]}],
            "matchFields": [{"key": "metadata.name", "operator": "In", "values": ["host1"]}]}]},
        "preferredDuringSchedulingIgnoredDuringExecution": [{"weight": 10, "preference": {
            "matchExpressions": [{"key": "foo", "operator": "In", "values": ["bar"]}]}}]}})))
    case(t, 'populate HostAliases', pod(base_spec(hostAliases=[{"ip": "12.34.56.78", "hostnames": ["host1", "host2"]}])))
    case(t, 'populate HostAliases with `foo.bar` hostnames', pod(base_spec(hostAliases=[{"ip": "12.34.56.78", "hostnames": ["host1.foo", "host2.bar"]}])))
    case(t, 'populate HostAliases with HostNetwork', pod(base_spec(hostNetwork=True, hostAliases=[{"ip": "12.34.56.78", "hostnames": ["host1.foo", "host2.bar"]}])))
    case(t, 'populate PriorityClassName', pod(base_spec(priorityClassName="valid-name")))
    case(t, 'populate RuntimeClassName', pod(base_spec(runtimeClassName="valid-sandbox")))

    case(t, 'bad service account name', pod(base_spec(serviceAccountName="invalidName")), errors=[
        'spec.serviceAccountName: Invalid value: "invalidName": ' + SUBDOMAIN])
    case(t, 'with hostAliases with invalid IP', pod(base_spec(hostAliases=[{"ip": "999.999.999.999", "hostnames": ["host1", "host2"]}])),
         '1.30+', errors=['spec.hostAliases[0].ip: Invalid value: "999.999.999.999": ' + IP_NEW], variant='1.30+')
    case(t, 'with hostAliases with invalid IP', pod(base_spec(hostAliases=[{"ip": "999.999.999.999", "hostnames": ["host1", "host2"]}])),
         '1.28-1.29', errors=['spec.hostAliases.ip: Invalid value: "999.999.999.999": ' + IP_OLD], variant='1.28-1.29')
    case(t, 'with hostAliases with invalid hostname', pod(base_spec(hostAliases=[{"ip": "12.34.56.78", "hostnames": ["@#$^#@#$"]}])),
         '1.30+', errors=['spec.hostAliases[0].hostnames[0]: Invalid value: "@#$^#@#$": ' + SUBDOMAIN], variant='1.30+')
    case(t, 'with hostAliases with invalid hostname', pod(base_spec(hostAliases=[{"ip": "12.34.56.78", "hostnames": ["@#$^#@#$"]}])),
         '1.28-1.29', errors=['spec.hostAliases.hostnames: Invalid value: "@#$^#@#$": ' + SUBDOMAIN], variant='1.28-1.29')
    case(t, 'bad-active-deadline-seconds', pod(base_spec(volumes=vol, nodeSelector={"key": "value"}, nodeName="foobar", activeDeadlineSeconds=0)),
         errors=['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'])
    case(t, 'active-deadline-seconds-too-large', pod(base_spec(volumes=vol, nodeSelector={"key": "value"}, nodeName="foobar", activeDeadlineSeconds=2147483648)),
         errors=['spec.activeDeadlineSeconds: Invalid value: 2147483648: must be between 1 and 2147483647, inclusive'])
    case(t, 'bad nodeName', pod(base_spec(volumes=vol, nodeName="node name")), errors=[
        'spec.nodeName: Invalid value: "node name": ' + SUBDOMAIN])
    case(t, 'bad PriorityClassName', pod(base_spec(volumes=vol, priorityClassName="InvalidName")), errors=[
        'spec.priorityClassName: Invalid value: "InvalidName": ' + SUBDOMAIN])
    case(t, 'bad RuntimeClassName', pod(base_spec(runtimeClassName="invalid/sandbox")), errors=[
        'spec.runtimeClassName: Invalid value: "invalid/sandbox": ' + SUBDOMAIN])


# --- TestValidatePodDNSConfig (hand-transcribed; the function is called with dnsPolicy ClusterFirst unless given) ----------
def test_dns_config():
    t = 'TestValidatePodDNSConfig'

    def dns(name, cfg, policy='ClusterFirst', errors=(), releases='1.28+', gates=None, variant=None, origin='upstream', note=None):
        spec = base_spec(dnsPolicy=policy)
        if cfg is not None:
            spec['dnsConfig'] = cfg
        case(t, name, pod(spec), releases, gates, errors, variant=variant, origin=origin, note=note)

    a = lambda n: 'a' * n
    legacy6 = ["custom", "mydomain.com", "local", "cluster.local", "svc.cluster.local", "default.svc.cluster.local."]
    dns('valid: empty DNSConfig', {})
    dns('valid: 1 option', {"options": [{"name": "ndots", "value": "2"}]})
    dns('valid: 1 nameserver', {"nameservers": ["127.0.0.1"]})
    dns('valid: DNSNone with 1 nameserver', {"nameservers": ["127.0.0.1"]}, policy='None')
    dns('valid: 1 search path', {"searches": ["custom"]})
    dns('valid: 1 search path with trailing period', {"searches": ["custom."]})
    dns('valid: 3 nameservers and 6 search paths(legacy)', {"nameservers": ["127.0.0.1", "10.0.0.10", "8.8.8.8"], "searches": legacy6})
    dns('valid: 3 nameservers and 32 search paths', {"nameservers": ["127.0.0.1", "10.0.0.10", "8.8.8.8"], "searches": legacy6 + [str(i) for i in range(7, 33)]})
    dns('valid: 256 characters in search path list(legacy)', {"searches": [a(1)] + [a(50)] * 5})
    dns('valid: 2048 characters in search path list', {"searches": [a(64)] + [a(63)] * 31})
    dns('valid: ipv6 nameserver', {"nameservers": ["FE80::0202:B3FF:FE1E:8329"]})
    ns4 = ["127.0.0.1", "10.0.0.10", "8.8.8.8", "1.2.3.4"]
    for rel, render in (('1.28-' + GO_FMT_UNTIL, go_slice), (JSON_SINCE + '+', json_slice)):
        dns('invalid: 4 nameservers', {"nameservers": ns4}, releases=rel, variant=rel, errors=[
            'spec.dnsConfig.nameservers: Invalid value: ' + render(ns4) + ': must not have more than 3 nameservers'])
    dns('valid: 7 search paths', {"searches": ["custom", "mydomain.com", "local", "cluster.local", "svc.cluster.local", "default.svc.cluster.local", "exceeded"]})
    s33 = legacy6 + [str(i) for i in range(7, 34)]
    for rel, render in (('1.28-' + GO_FMT_UNTIL, go_slice), (JSON_SINCE + '+', json_slice)):
        dns('invalid: 33 search paths', {"searches": s33}, releases=rel, variant=rel, errors=[
            'spec.dnsConfig.searches: Invalid value: ' + render(s33) + ': must not have more than 32 search paths'])
    dns('valid: 257 characters in search path list', {"searches": [a(2)] + [a(50)] * 5})
    s2049 = [a(65)] + [a(63)] * 31
    for rel, render in (('1.28-' + GO_FMT_UNTIL, go_slice), (JSON_SINCE + '+', json_slice)):
        dns('invalid: 2049 characters in search path list', {"searches": s2049}, releases=rel, variant=rel, errors=[
            'spec.dnsConfig.searches: Invalid value: ' + render(s2049) + ': must not have more than 2048 characters (including spaces) in the search list'])
    dns('invalid search path', {"searches": ["custom?"]}, releases='1.28-1.32', variant='strict, 1.28-1.32',
        errors=['spec.dnsConfig.searches[0]: Invalid value: "custom?": ' + SUBDOMAIN])
    dns('invalid search path', {"searches": ["custom?"]}, releases='1.33+', variant='relaxed, 1.33+', errors=[
        'spec.dnsConfig.searches[0]: Invalid value: "custom?": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'_\', \'-\' or \'.\''],
        note='upstream calls validatePodDNSConfig with empty options (strict); a 1.33+ API server has RelaxedDNSSearchValidation on, so the message names \'_\'')
    dns('invalid nameserver', {"nameservers": ["invalid"]}, releases='1.30+', variant='1.30+', errors=[
        'spec.dnsConfig.nameservers[0]: Invalid value: "invalid": ' + IP_NEW])
    dns('invalid nameserver', {"nameservers": ["invalid"]}, releases='1.28-1.29', variant='1.28-1.29', errors=[
        'spec.dnsConfig.nameservers[0]: Invalid value: "invalid": ' + IP_OLD])
    dns('invalid empty option name', {"options": [{"value": "2"}]}, errors=['spec.dnsConfig.options[0]: Required value: must not be empty'])
    dns('invalid: DNSNone with 0 nameserver', {"searches": ["custom"]}, policy='None', errors=[
        'spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None'])
    # The create path of a manifest, not of validatePodDNSConfig alone: dnsPolicy None without any dnsConfig.
    dns('DNSNone without dnsConfig', None, policy='None', origin='model', errors=[
        'spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None'],
        note='validatePodDNSConfig (1.28-1.35): the first early return')
    # RelaxedDNSSearchValidation (1.32 alpha, 1.33 beta/on, 1.34 GA): "." and '_' accepted.
    relaxed = {"searches": [".", "_sip._tcp.example.com", "x_y.example.com."]}
    dns('relaxed search paths, gate on', relaxed, releases='1.33+', origin='model', variant='1.33+',
        note='validatePodDNSConfig 1.33-1.35, IsDNS1123SubdomainWithUnderscore (apimachinery v0.33+)')
    dns('relaxed search paths, gate off', relaxed, releases='1.32', origin='model', errors=[
        'spec.dnsConfig.searches[0]: Invalid value: "": ' + SUBDOMAIN,
        'spec.dnsConfig.searches[1]: Invalid value: "_sip._tcp.example.com": ' + SUBDOMAIN,
        'spec.dnsConfig.searches[2]: Invalid value: "x_y.example.com": ' + SUBDOMAIN],
        note='validatePodDNSConfig 1.32 with RelaxedDNSSearchValidation off (alpha): strict subdomains, one trailing dot trimmed')
    dns('relaxed search path, still no upper case', {"searches": ["Bad_Name"]}, releases='1.34+', origin='model', errors=[
        'spec.dnsConfig.searches[0]: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'_\', \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*\')'],
        note='IsDNS1123SubdomainWithUnderscore message (apimachinery v0.34.0)')
    dns('leading zeros in a nameserver, strict IP validation', {"nameservers": ["010.0.0.1", "::ffff:1.2.3.4"]}, releases='1.33+',
        gates={"StrictIPCIDRValidation": True}, origin='model', errors=[
            'spec.dnsConfig.nameservers[0]: Invalid value: "010.0.0.1": must not have leading 0s',
            'spec.dnsConfig.nameservers[1]: Invalid value: "::ffff:1.2.3.4": must not be an IPv4-mapped IPv6 address'],
        note='IsValidIPForLegacyField (apimachinery v0.33+ ip.go) with StrictIPCIDRValidation on')
    dns('leading zeros in a nameserver, sloppy IP validation', {"nameservers": ["010.0.0.1", "::ffff:1.2.3.4"]}, origin='model',
        releases='1.28-1.35',
        note='ParseIPSloppy accepts both (k8s.io/utils forked net.ParseIP); StrictIPCIDRValidation is off by default before 1.36')
    dns('leading zeros in a nameserver, sloppy IP validation', {"nameservers": ["010.0.0.1", "::ffff:1.2.3.4"]}, origin='model',
        releases='1.36+', gates={"StrictIPCIDRValidation": False}, variant='gate off, 1.36+',
        note='StrictIPCIDRValidation is Beta, on by default from 1.36 (spec/gates G137)')


def test_readiness_and_gates():
    t = 'TestValidatePodReadinessGates'
    case(t, 'one readiness gate', pod(base_spec(readinessGates=[{"conditionType": "example.com/condition"}])))
    case(t, 'two readiness gates', pod(base_spec(readinessGates=[{"conditionType": "example.com/condition1"}, {"conditionType": "example.com/condition2"}])))
    case(t, 'invalid condition type', pod(base_spec(readinessGates=[{"conditionType": "invalid/condition/type"}])), '1.28-1.34', errors=[
        'spec.readinessGates[0].conditionType: Invalid value: "invalid/condition/type": a qualified name must consist of'], variant='1.28-1.34')
    case(t, 'invalid condition type', pod(base_spec(readinessGates=[{"conditionType": "invalid/condition/type"}])), '1.35+', errors=[
        'spec.readinessGates[0].conditionType: Invalid value: "invalid/condition/type": a valid label key must consist of'], variant='1.35+',
        note='apimachinery v0.35.0 content.IsLabelKey wording')

    t = 'TestValidateSchedulingGates'
    sg = lambda *names: pod(base_spec(schedulingGates=[{"name": n} for n in names]))
    case(t, 'empty string in gates', sg('foo', ''), errors=[
        'spec.schedulingGates[1]: Invalid value: "": name part must be non-empty',
        'spec.schedulingGates[1]: Invalid value: "": ' + NAME_PART])
    case(t, 'legal gates', sg('foo', 'bar'))
    case(t, 'illegal gates', sg('foo', '\nbar'), errors=['spec.schedulingGates[1]: Invalid value: "\\nbar": ' + NAME_PART])
    case(t, 'duplicated gates (single duplication)', sg('foo', 'bar', 'bar'), errors=['spec.schedulingGates[2]: Duplicate value: "bar"'])
    case(t, 'duplicated gates (multiple duplications)', sg('foo', 'bar', 'foo', 'baz', 'foo', 'bar'), errors=[
        'spec.schedulingGates[2]: Duplicate value: "foo"', 'spec.schedulingGates[4]: Duplicate value: "foo"', 'spec.schedulingGates[5]: Duplicate value: "bar"'])

    t = 'TestValidatePodCreateWithSchedulingGates'
    ess = {"containers": [{"name": "con", "image": "pause", "imagePullPolicy": "IfNotPresent", "terminationMessagePolicy": "File"}],
           "restartPolicy": "Always", "dnsPolicy": "ClusterFirst"}
    case(t, 'create a Pod with nodeName and schedulingGates, feature enabled',
         pod(dict(ess, nodeName="node", schedulingGates=[{"name": "foo"}]), name="pod"),
         errors=['spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared'])
    case(t, 'create a Pod with schedulingGates, feature enabled', pod(dict(ess, schedulingGates=[{"name": "foo"}]), name="pod"))
    case(t, 'schedulingGates with the feature gate off', pod(dict(ess, nodeName="node", schedulingGates=[{"name": "-bad"}]), name="pod"),
         '1.28-1.29', {"PodSchedulingReadiness": False}, origin='model',
         note='dropDisabledFields drops schedulingGates while PodSchedulingReadiness is off (1.28-1.29): nothing left to reject')


# --- TestValidateTopologySpreadConstraints (hand-transcribed; errors pinned upstream, paths moved under spec.topologySpreadConstraints) -----
def test_topology_spread():
    t = 'TestValidateTopologySpreadConstraints'
    f = 'spec.topologySpreadConstraints[0]'

    def tsc(name, constraints, errors=(), releases='1.28+', gates=None, origin='upstream', variant=None, labels=None, note=None):
        case(t, name, pod(base_spec(topologySpreadConstraints=constraints), labels=labels), releases, gates, errors, origin=origin, variant=variant, note=note)

    ok = {"maxSkew": 1, "topologyKey": "k8s.io/zone", "whenUnsatisfiable": "DoNotSchedule"}
    tsc('all required fields ok', [dict(ok, minDomains=3)])
    tsc('missing MaxSkew', [dict(ok, maxSkew=0)], ['%s.maxSkew: Invalid value: 0: must be greater than zero' % f])
    tsc('negative MaxSkew', [dict(ok, maxSkew=-1)], ['%s.maxSkew: Invalid value: -1: must be greater than zero' % f])
    tsc('can use MinDomains with ScheduleAnyway, when MinDomains = nil', [dict(ok, whenUnsatisfiable="ScheduleAnyway")])
    tsc('negative minDomains is invalid', [dict(ok, minDomains=-1)], ['%s.minDomains: Invalid value: -1: must be greater than zero' % f])
    tsc('cannot use non-nil MinDomains with ScheduleAnyway', [dict(ok, whenUnsatisfiable="ScheduleAnyway", minDomains=10)],
        ['%s.minDomains: Invalid value: 10: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway' % f])
    tsc('use negative MinDomains with ScheduleAnyway(invalid)', [dict(ok, whenUnsatisfiable="ScheduleAnyway", minDomains=-1)],
        ['%s.minDomains: Invalid value: -1: must be greater than zero' % f,
         '%s.minDomains: Invalid value: -1: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway' % f])
    tsc('missing TopologyKey', [dict(ok, topologyKey="")], ['%s.topologyKey: Required value: can not be empty' % f])
    tsc('missing scheduling mode', [{"maxSkew": 1, "topologyKey": "k8s.io/zone"}],
        ['%s.whenUnsatisfiable: Unsupported value: "": supported values: "DoNotSchedule", "ScheduleAnyway"' % f])
    tsc('unsupported scheduling mode', [dict(ok, whenUnsatisfiable="N/A")],
        ['%s.whenUnsatisfiable: Unsupported value: "N/A": supported values: "DoNotSchedule", "ScheduleAnyway"' % f])
    tsc('multiple constraints ok with all required fields', [ok, dict(ok, maxSkew=2, topologyKey="k8s.io/node", whenUnsatisfiable="ScheduleAnyway")])
    tsc('multiple constraints missing TopologyKey on partial ones', [{"maxSkew": 1, "whenUnsatisfiable": "ScheduleAnyway"}, dict(ok, maxSkew=2)],
        ['%s.topologyKey: Required value: can not be empty' % f])
    tsc('duplicate constraints', [ok, dict(ok, maxSkew=2)], ['%s.{topologyKey, whenUnsatisfiable}: Duplicate value: "{k8s.io/zone, DoNotSchedule}"' % f])
    tsc('supported policy name set on NodeAffinityPolicy and NodeTaintsPolicy', [dict(ok, nodeAffinityPolicy="Honor", nodeTaintsPolicy="Ignore")])
    tsc('unsupported policy name set on NodeAffinityPolicy', [dict(ok, nodeAffinityPolicy="Unknown", nodeTaintsPolicy="Honor")],
        ['%s.nodeAffinityPolicy: Unsupported value: "Unknown": supported values: "Honor", "Ignore"' % f])
    tsc('unsupported policy name set on NodeTaintsPolicy', [dict(ok, nodeAffinityPolicy="Ignore", nodeTaintsPolicy="Unknown")],
        ['%s.nodeTaintsPolicy: Unsupported value: "Unknown": supported values: "Honor", "Ignore"' % f])
    sel = {"matchExpressions": [{"key": "foo", "operator": "NotIn", "values": ["value1", "value2"]}]}
    tsc('key in MatchLabelKeys isn\'t correctly defined', [dict(ok, labelSelector={}, matchLabelKeys=["/simple"])],
        ['%s.matchLabelKeys[0]: Invalid value: "/simple": prefix part must be non-empty' % f])
    tsc('key exists in both matchLabelKeys and labelSelector', [dict(ok, labelSelector=sel, matchLabelKeys=["foo"])],
        ['%s.matchLabelKeys[0]: Invalid value: "foo": exists in both matchLabelKeys and labelSelector' % f], releases='1.28-1.33', variant='legacy, 1.28-1.33')
    tsc('key exists in both matchLabelKeys and labelSelector', [dict(ok, labelSelector=sel, matchLabelKeys=["foo"])],
        ['%s.matchLabelKeys[0]: Invalid value: "foo": exists in both matchLabelKeys and labelSelector' % f], releases='1.34+',
        gates={"MatchLabelKeysInPodTopologySpreadSelectorMerge": False}, variant='legacy, merge gate off')
    tsc('key in MatchLabelKeys is forbidden to be specified when labelSelector is not set', [dict(ok, matchLabelKeys=["foo"])],
        ['%s.matchLabelKeys: Forbidden: must not be specified when labelSelector is not set' % f])
    tsc('invalid matchLabels set on labelSelector when AllowInvalidTopologySpreadConstraintLabelSelector is false',
        [dict(ok, labelSelector={"matchLabels": {"NoUppercaseOrSpecialCharsLike=Equals": "foo"}})],
        ['%s.labelSelector.matchLabels: Invalid value: "NoUppercaseOrSpecialCharsLike=Equals": %s' % (f, NAME_PART)])
    not_expressible(t, 'invalid matchLabels set on labelSelector when AllowInvalidTopologySpreadConstraintLabelSelector is true',
                    'the option is only set for an update of a pod that already has the invalid selector; a create never has it')
    tsc('valid matchLabels set on labelSelector when AllowInvalidTopologySpreadConstraintLabelSelector is false',
        [dict(ok, labelSelector={"matchLabels": {"foo": "foo"}})])

    # 1.34+ with MatchLabelKeysInPodTopologySpreadSelectorMerge (beta, on): the create strategy merges, validation checks
    # the merged selector (ValidateMatchLabelKeysAndMismatchLabelKeys).
    tsc('merged: key in matchLabelKeys and labelSelector, pod has the label', [dict(ok, labelSelector=sel, matchLabelKeys=["foo"])],
        ['%s[0]: Invalid value: "foo": exists in both matchLabelKeys and labelSelector' % f], releases='1.34+', origin='model',
        labels={"foo": "value1"}, note='strategy.go mutateTopologySpreadConstraints + validation.go 1.34/1.35 (merged selector; error at the constraint path + [i])')
    tsc('merged: key in matchLabelKeys and labelSelector, pod lacks the label', [dict(ok, labelSelector=sel, matchLabelKeys=["foo"])],
        releases='1.34+', origin='model', note='nothing is merged when the pod lacks the label, so no key is named twice')
    tsc('merged: matchLabelKeys merged into the selector', [dict(ok, labelSelector={"matchLabels": {"app": "web"}}, matchLabelKeys=["pod-template-hash"])],
        releases='1.28+', origin='model', labels={"app": "web", "pod-template-hash": "abc"},
        note='valid everywhere; from 1.34 the stored selector gains {pod-template-hash In [abc]} (DEF-302)')


# --- TestValidateDynamicResourceAllocation (≈1.30: the `source` form) and the 1.31+ form --------------------------------
def test_dra():
    t = 'TestValidateDynamicResourceAllocation'
    dra = {"DynamicResourceAllocation": True}
    src = {"resourceClaimName": "some-claim"}

    def claims_pod(claims, ctr_claims=None, init=None, name="some-pod"):
        c = dict(CTR)
        if ctr_claims is not None:
            c["resources"] = {"claims": [{"name": n} for n in ctr_claims]}
        spec = {"containers": [c], "restartPolicy": "Always", "dnsPolicy": "ClusterFirst", "resourceClaims": claims}
        if init is not None:
            spec["initContainers"] = init
        return pod(spec, name=name)

    def old(name, p, errors=(), note=None):
        case(t, name, p, '1.28-1.30', dra, errors, note=note, origin='model' if note and note.startswith('not in the upstream') else 'upstream')

    old('resource claim template', claims_pod([{"name": "my-claim-template", "source": {"resourceClaimTemplateName": "some-claim-template"}}], ["my-claim-template"]))
    old('resource claim reference', claims_pod([{"name": "my-claim-reference", "source": src}], ["my-claim-reference"]))
    old('multiple claims', claims_pod([{"name": "my-claim", "source": src}, {"name": "another-claim", "source": src}], ["my-claim", "another-claim"]))
    old('init container', claims_pod([{"name": "my-claim", "source": src}], ["my-claim"],
                                     init=[dict(CTR, name="ctr-init", resources={"claims": [{"name": "my-claim"}]})]))
    old('pod claim name with prefix', claims_pod([{"name": "../my-claim", "source": src}]), [
        'spec.resourceClaims[0].name: Invalid value: "../my-claim": ' + LABEL])
    old('pod claim name with path', claims_pod([{"name": "my/claim", "source": src}]), [
        'spec.resourceClaims[0].name: Invalid value: "my/claim": ' + LABEL])
    old('pod claim name empty', claims_pod([{"name": "", "source": src}]), ['spec.resourceClaims[0].name: Required value'])
    old('duplicate pod claim entries', claims_pod([{"name": "my-claim", "source": src}, {"name": "my-claim", "source": src}]), [
        'spec.resourceClaims[1].name: Duplicate value: "my-claim"'])
    old('resource claim source empty', claims_pod([{"name": "my-claim", "source": {}}], ["my-claim"]), [
        'spec.resourceClaims[0].source: Invalid value: core.ClaimSource{ResourceClaimName:(*string)(nil), ResourceClaimTemplateName:(*string)(nil)}: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`'])
    # %#v prints the two non-nil pointers as addresses, which no model can reproduce: the entry stops before them and
    # the detail is pinned through `contains`.
    case(t, 'resource claim reference and template', claims_pod([{"name": "my-claim", "source": {"resourceClaimName": "some-claim", "resourceClaimTemplateName": "some-claim-template"}}], ["my-claim"]),
         '1.28-1.30', dra, ['spec.resourceClaims[0].source: Invalid value: core.ClaimSource{ResourceClaimName:(*string)(0x'],
         contains='at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified')
    old('claim not found', claims_pod([{"name": "my-claim", "source": src}], ["no-such-claim"]), [
        'spec.containers[0].resources.claims[0]: Not found: "no-such-claim": must be one of the names in pod.spec.resourceClaims: my-claim'])
    old('claim name empty', claims_pod([{"name": "my-claim", "source": src}], [""]), ['spec.containers[0].resources.claims[0]: Required value'])
    old('pod claim name duplicates', claims_pod([{"name": "my-claim", "source": src}], ["my-claim", "my-claim"]), [
        'spec.containers[0].resources.claims[1]: Duplicate value: "my-claim"'])
    old('no claims defined', claims_pod(None, ["my-claim"]), [
        'spec.containers[0].resources.claims[0]: Not found: "my-claim": must be one of the names in pod.spec.resourceClaims which is empty'])
    old('duplicate pod claim name', claims_pod([{"name": "my-claim", "source": src}, {"name": "my-claim", "source": src}], ["my-claim"]), [
        'spec.resourceClaims[1].name: Duplicate value: "my-claim"'])
    old('invalid claim template name', claims_pod([{"name": "my-claim-template", "source": {"resourceClaimTemplateName": ".foo_bar"}}], ["my-claim-template"]), [
        'spec.resourceClaims[0].source.resourceClaimTemplateName: Invalid value: ".foo_bar": ' + SUBDOMAIN])
    old('invalid claim reference name', claims_pod([{"name": "my-claim-reference", "source": {"resourceClaimName": ".foo_bar"}}], ["my-claim-reference"]), [
        'spec.resourceClaims[0].source.resourceClaimName: Invalid value: ".foo_bar": ' + SUBDOMAIN])
    not_expressible(t, 'ephemeral container don\'t support resource requirements',
                    'ephemeral containers cannot be set on create (ValidatePodCreate); the case validates a pod spec, not a create')
    old('generated-claim-name (template claim, pod some-pod)',
        claims_pod([{"name": "my-claim-template", "source": {"resourceClaimTemplateName": "some-claim-template"}}], ["my-claim-template"]),
        note='one of the three valid combinations of the subtest; the failing one (pod ".dot.com") is not expressible')
    old('final claim name too long', claims_pod([{"name": "c", "source": {"resourceClaimTemplateName": "t"}}], ["c"], name="a" * 252), [
        'spec.resourceClaims[0].name: Invalid value: "' + 'a' * 252 + '-c": final ResourceClaim name: must be no more than 253 characters'],
        note='not in the upstream table: the final-name check of validatePodResourceClaim (1.28-1.30) with a valid pod name')
    not_expressible(t, 'generated-claim-name (.dot.com)', 'the pod name ".dot.com" fails metadata.name validation first, so the final-claim-name error cannot be isolated')
    for claims_name in ('gated off (1.28-1.33 default)',):
        case(t, 'claims dropped while DynamicResourceAllocation is off', claims_pod([{"name": "Bad_Claim", "source": {}}], ["nope"]),
             '1.28-1.30', {"DynamicResourceAllocation": False}, origin='model', variant='1.28-1.30',
             note='dropDisabledDynamicResourceAllocationFields: spec.resourceClaims and resources.claims are dropped, so nothing is rejected')

    # 1.31+ (direct resourceClaimName / resourceClaimTemplateName), written from validation.go v1.31.0-v1.35.4.
    def new(name, claims, ctr_claims=None, errors=(), releases='1.31+', gates=None, annotations=None, note='validatePodResourceClaim / validateResourceClaimNames, validation.go v1.31.0-v1.35.4'):
        p = claims_pod(claims, ctr_claims)
        if annotations:
            p['metadata']['annotations'] = annotations
            if 'kubernetes.io/config.mirror' in annotations:
                # ValidatePodSpecificAnnotations: a mirror pod must name its node (VAL-004), or that error comes first.
                p['spec']['nodeName'] = 'node-1'
        case(t, name, p, releases, dict(dra, **(gates or {})), errors, origin='model', note=note)

    new('1.31+: claim template', [{"name": "my-claim", "resourceClaimTemplateName": "some-claim-template"}], ["my-claim"])
    note31 = 'validatePodResourceClaim, validation.go v1.31.0-v1.35.4; the bad value printed by release (VAL-201)'
    neither = claims_pod([{"name": "my-claim"}], ["my-claim"])
    case(t, '1.31+: neither name', neither, '1.31-' + GO_FMT_UNTIL, dra, [
        'spec.resourceClaims[0]: Invalid value: core.PodResourceClaim{Name:"my-claim", ResourceClaimName:(*string)(nil), ResourceClaimTemplateName:(*string)(nil)}: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`'],
        origin='model', note=note31, variant='1.31-' + GO_FMT_UNTIL)
    case(t, '1.31+: neither name', neither, JSON_SINCE + '+', dra, [
        'spec.resourceClaims[0]: Invalid value: {"Name":"my-claim","ResourceClaimName":null,"ResourceClaimTemplateName":null}: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`'],
        origin='model', note=note31, variant=JSON_SINCE + '+')
    both = claims_pod([{"name": "my-claim", "resourceClaimName": "a", "resourceClaimTemplateName": "b"}], None)
    case(t, '1.31+: both names', both, '1.31-' + GO_FMT_UNTIL, dra, [
        'spec.resourceClaims[0]: Invalid value: core.PodResourceClaim{Name:"my-claim", ResourceClaimName:(*string)(0x'],
        contains='at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified', origin='model',
        note=note31 + '; %#v prints the pointers as addresses, so the entry stops before them', variant='1.31-' + GO_FMT_UNTIL)
    case(t, '1.31+: both names', both, JSON_SINCE + '+', dra, [
        'spec.resourceClaims[0]: Invalid value: {"Name":"my-claim","ResourceClaimName":"a","ResourceClaimTemplateName":"b"}: at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified'],
        origin='model', note=note31, variant=JSON_SINCE + '+')
    new('1.31+: request references', [{"name": "gpu", "resourceClaimName": "gpus"}], None)
    p = claims_pod([{"name": "gpu", "resourceClaimName": "gpus"}])
    p['spec']['containers'][0]['resources'] = {"claims": [{"name": "gpu", "request": "a"}, {"name": "gpu", "request": "a"}, {"name": "gpu"}, {"name": "gpu", "request": "Bad_Req"}]}
    case(t, '1.31+: requests: exact repeat, whole claim after a request, bad request', p, '1.31+', dra, [
        'spec.containers[0].resources.claims[1]: Duplicate value: "gpu/a"',
        'spec.containers[0].resources.claims[2]: Duplicate value: "gpu"',
        'spec.containers[0].resources.claims[3]: Duplicate value: "gpu"'], origin='model',
        note='validateResourceClaimNames 1.31-1.35: after the whole claim "gpu" is listed, any later entry of it is a Duplicate of the name before its request is looked at')
    new('static pod claims', [{"name": "my-claim", "resourceClaimName": "some-claim"}, {"name": "other", "resourceClaimName": "x"}], None, [
        ': Forbidden: static pods do not support resource claims', ': Forbidden: static pods do not support resource claims'],
        releases='1.32+', annotations={"kubernetes.io/config.mirror": "x"},
        note='validatePodResourceClaim 1.33-1.35 (and v1.32.6+, backport #131875): the error is at the root path (printed empty), once per claim')


# --- Model cases for rules the ≈1.30 test file predates or does not isolate (written from validation.go) ----------------
def model_cases():
    t = 'model'

    def m(name, spec_extra, errors=(), releases='1.28+', gates=None, labels=None, note='validation.go v1.28.0-v1.35.4 (spec/validation.md)', variant=None):
        case(t, name, pod(base_spec(**spec_extra), labels=labels), releases, gates, errors, origin='model', note=note, variant=variant)

    # Tolerations with Lt/Gt (1.35: TaintTolerationComparisonOperators, alpha).
    gt = {"tolerations": [{"key": "node.kubernetes.io/capacity", "operator": "Gt", "value": "100", "effect": "NoSchedule"}]}
    m('numeric toleration, gate off', gt, ['spec.tolerations[0].operator: Unsupported value: "Gt": supported values: "Equal", "Exists", "Lt", "Gt"'],
      '1.35+', note='ValidateTolerations 1.35: Lt/Gt without AllowTaintTolerationComparisonOperators (the gate, on create)')
    m('numeric toleration, gate on', gt, releases='1.35+', gates={"TaintTolerationComparisonOperators": True},
      note='ValidateTolerations 1.35 with the gate on: value "100" is a canonical decimal int64')
    m('numeric toleration before 1.35', gt, ['spec.tolerations[0].operator: Unsupported value: "Gt": supported values: "Equal", "Exists"'], '1.28-1.34',
      note='ValidateTolerations 1.28-1.34: only Equal and Exists exist')
    m('numeric toleration values', {"tolerations": [
        {"key": "a", "operator": "Lt", "value": "07"}, {"key": "b", "operator": "Gt", "value": "99999999999999999999"},
        {"key": "c", "operator": "Gt", "value": ""}, {"key": "d", "operator": "Lt", "value": "-5"}]}, [
        'spec.tolerations[0].value: Invalid value: "07": must be a valid decimal integer in canonical form',
        'spec.tolerations[1].value: Invalid value: "99999999999999999999": strconv.ParseInt: parsing "99999999999999999999": value out of range',
        'spec.tolerations[2].value: Invalid value: "": must be non-empty',
        'spec.tolerations[2].value: Invalid value: "": strconv.ParseInt: parsing "": invalid syntax'],
      '1.35+', {"TaintTolerationComparisonOperators": True}, note='content.IsDecimalInteger (apimachinery v0.35.0) then strconv.ParseInt')
    m('bogus toleration operator', {"tolerations": [{"key": "k", "operator": "Bogus", "effect": "Sometimes"}]}, [
        'spec.tolerations[0].operator: Unsupported value: "Bogus": supported values: "Equal", "Exists"',
        'spec.tolerations[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"'])
    m('equal toleration with an invalid value', {"tolerations": [{"key": "k", "value": "a b"}]}, [
        'spec.tolerations[0].operator: Invalid value: "a b": a valid label must be an empty string'])

    # Required node affinity values are label values from 1.33.
    bad_values = {"affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
        {"matchExpressions": [{"key": "zone", "operator": "In", "values": ["a b"]}]}]},
        "preferredDuringSchedulingIgnoredDuringExecution": [{"weight": 1, "preference": {"matchExpressions": [
            {"key": "zone", "operator": "In", "values": ["c d"]}]}}]}}}
    m('required node affinity value not a label value', bad_values, [
        'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]: Invalid value: "a b": a valid label must be an empty string'],
      '1.33+', note='validateNodeAffinity 1.33-1.35 passes AllowInvalidLabelValueInRequiredNodeAffinity (false on create); preferred terms never check')
    m('required node affinity value not a label value, before 1.33', bad_values, releases='1.28-1.32',
      note='1.32 passed a literal true, earlier releases had no value check')
    m('node affinity Gt with two values', {"affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
        {"matchExpressions": [{"key": "cores", "operator": "Gt", "values": ["1", "2"]}]}]}}}}, [
        "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'"])

    # matchLabelKeys dropped while the gate is off (1.29-1.30 default).
    m('pod affinity matchLabelKeys dropped while the gate is off', {"affinity": {"podAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
        {"topologyKey": "zone", "matchLabelKeys": ["/bad"]}]}}}, releases='1.29-1.30',
      note='dropDisabledMatchLabelKeysFieldInPodAffinity (MatchLabelKeysInPodAffinity alpha, off)')
    m('matchLabelKeys without a selector', {"affinity": {"podAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
        {"topologyKey": "zone", "matchLabelKeys": ["app"], "mismatchLabelKeys": ["tier"]}]}}}, [
        'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys: Forbidden: must not be specified when labelSelector is not set',
        'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].mismatchLabelKeys: Forbidden: must not be specified when labelSelector is not set'],
      '1.31+', labels={"app": "web"}, note='validateLabelKeys: Forbidden once per list')
    m('label selector operator and values', {"affinity": {"podAntiAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
        {"topologyKey": "zone", "labelSelector": {"matchLabels": {"app": "a b"}, "matchExpressions": [{"key": "tier", "operator": "Equals", "values": ["x y"]}]}}]}}}, [
        'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels: Invalid value: "a b": a valid label must be an empty string',
        'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
        'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].values[0]: Invalid value: "x y": a valid label must be an empty string'],
      note='apimachinery ValidateLabelSelector / ValidateLabelSelectorRequirement')

    # nodeSelector: both key and value errors at spec.nodeSelector.
    m('nodeSelector key and value', {"nodeSelector": {"-k": "v v"}}, [
        'spec.nodeSelector: Invalid value: "-k": ' + NAME_PART,
        'spec.nodeSelector: Invalid value: "v v": a valid label must be an empty string'],
      note='apimachinery ValidateLabels reports values at the map path, not at the key')

    # Names.
    m('hostname and subdomain', {"hostname": "Host_1", "subdomain": "a.b"}, [
        'spec.hostname: Invalid value: "Host_1": ' + LABEL, 'spec.subdomain: Invalid value: "a.b": must not contain dots'], '1.33+',
      note='IsDNS1123Label; "must not contain dots" for a valid subdomain (VAL-012)')
    # A create never reaches validation's preemptionPolicy check (`Unsupported value: "Sometimes": supported values:
    # "PreemptLowerPriority", "Never"`, `Required value` for ""): the Priority admission plugin runs first, computes
    # PreemptLowerPriority (no class, no global default) and refuses any other value the pod names (spec/admission.md
    # ADM-044). The validation texts are the validator's own tests (ValidationRules VAL-034 area).
    adm = 'Priority admission plugin (spec/admission.md ADM-040, ADM-044; plugin/pkg/admission/priority admission.go)'
    m('preemption policy', {"preemptionPolicy": "Sometimes"}, [
        'pods "123" is forbidden: the string value of PreemptionPolicy (Sometimes) must not be provided in pod spec; '
        'priority admission controller computed PreemptLowerPriority from the given PriorityClass name'], note=adm)
    m('preemption policy empty', {"preemptionPolicy": ""}, [
        'pods "123" is forbidden: the string value of PreemptionPolicy () must not be provided in pod spec; '
        'priority admission controller computed PreemptLowerPriority from the given PriorityClass name'], note=adm)
    m('runtime class name empty', {"runtimeClassName": ""}, ['spec.runtimeClassName: Invalid value: "": ' + SUBDOMAIN])
    m('hostnameOverride with hostNetwork and FQDN', {"hostnameOverride": "Bad_Name", "hostNetwork": True, "setHostnameAsFQDN": True}, [
        'spec.hostnameOverride: Forbidden: may not be specified when setHostnameAsFQDN is true',
        'spec.hostnameOverride: Forbidden: may not be specified when hostNetwork is true',
        'spec.hostnameOverride: Invalid value: "Bad_Name": ' + SUBDOMAIN], '1.35+', note='validatePodHostName 1.34-1.35 (HostnameOverride beta/on from 1.35)')
    m('hostnameOverride dropped while the gate is off', {"hostnameOverride": "Bad_Name"}, releases='1.34', note='HostnameOverride alpha, off in 1.34: dropped')
    m('hostnameOverride too long', {"hostnameOverride": "a" * 65}, ['spec.hostnameOverride: Too long: may not be more than 64 bytes'], '1.35+')
    m('workloadRef', {"workloadRef": {"name": "W", "podGroup": "g.1"}}, [
        'spec.workloadRef.name: Invalid value: "W": ' + SUBDOMAIN, 'spec.workloadRef.podGroup: Invalid value: "g.1": must not contain dots'],
      '1.35', {"GenericWorkload": True}, note='validateWorkloadReference 1.35')

    # Host aliases with an IPv6 address and hostNetwork, readiness of hostNetwork.
    m('host alias ipv6', {"hostAliases": [{"ip": "2001:db8::1", "hostnames": ["a.example.com"]}]})
    m('host alias ipv4 with leading zeros (sloppy)', {"hostAliases": [{"ip": "010.001.002.003"}]}, releases='1.28-1.35',
      note='ParseIPSloppy ignores leading zeros; StrictIPCIDRValidation is off by default before 1.36 (on from 1.36: spec/gates G137)')


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else None
    if path:
        text = open(path, encoding='utf-8').read()
        src = {"path": TEST_PATH, "file": os.path.abspath(path)}
    else:
        text = subprocess.run(['git', '-C', MIRROR, 'show', COMMIT + ':' + TEST_PATH], check=True, capture_output=True, text=True).stdout
        src = {"repository": "3Xpl0it3r/kubecraft (a copy of kubernetes/kubernetes)", "commit": COMMIT, "path": TEST_PATH, "kubernetesRelease": "≈1.30"}
    test_validate_pod(text)
    test_validate_pod_spec()
    test_dns_config()
    test_readiness_and_gates()
    test_topology_spread()
    test_dra()
    model_cases()
    ids = [c['id'] for c in CASES]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    out = {"source": src, "generator": "generate.py (this directory)", "cases": CASES, "notExpressible": NOT_EXPRESSIBLE}
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cases.json'), 'w', encoding='utf-8') as fh:
        json.dump(out, fh, indent=1, ensure_ascii=False)
        fh.write('\n')
    print('%d cases (%d upstream, %d model), %d not expressible' % (
        len(CASES), sum(c['origin'] == 'upstream' for c in CASES), sum(c['origin'] == 'model' for c in CASES), len(NOT_EXPRESSIBLE)))
    # The 1.37 cases (upstream137.py, transcribed from a fork copy of the 1.37-development test file) go to their own file.
    out137 = upstream137.build()
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cases-1.37.json'), 'w', encoding='utf-8') as fh:
        json.dump(out137, fh, indent=1, ensure_ascii=False)
        fh.write('\n')
    print('1.37: %d cases (%d upstream, %d model), %d not expressible' % (
        len(out137['cases']), sum(c['origin'] == 'upstream' for c in out137['cases']),
        sum(c['origin'] == 'model' for c in out137['cases']), len(out137['notExpressible'])))


if __name__ == '__main__':
    main()
