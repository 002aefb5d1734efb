"""Issue 9, session 14 (second helper): Pod create-path functions of Kubernetes' validation_test.go at U37 (kubernetes/kubernetes
78e971a4bc0dc76845d7986495607ed6d5b616a7, master of 2026-07-23 after v1.37.0-beta.0; search index id 55854384944) found in
the ranges the first audit had not read (0-78,500, 82,000-112,000, 464,000-813,000, 850,000-896,500; ../AUDIT.md):
TestValidatePodResources (~734,000), TestValidatePodResourceConsistency (~738,000), TestValidatePodResourceNames
(~748,000) -- pod-level `spec.resources` (PodLevelResources, on by default at 1.37) -- and four PersistentVolumeClaimSpec
functions a pod reaches through an ephemeral volume's claim template: TestAlphaVolumePVCDataSource, TestAnyDataSource,
TestCrossNamespaceSource and TestVolumeAttributesClass (~862,000-875,000); plus the ~1.30 copy's
TestValidateDownwardAPIHostIPs and TestPVCVolumeMode (the latter also at U37 ~201,500, session 15). Each case is the smallest Pod that reaches the function under test with the same input,
created at release 1.37 (the ~1.30 cases at 1.29 and 1.30, or 1.30). What each test pins is said per function; the rest of each
expected entry is validation.go as spec/validation.md cites it (the rule is named in the note).
"""

import upstream137 as u
from upstream137 import case, ctr, pod

N = u.U37 + ' (upstream, not the fork)'
RES = 'spec.resources'


# --- TestValidatePodResources (~734,000): validatePodResources(spec, {"resource-claim"}, "spec", opts) on
# podtest.MakePodSpec with pod-level resources, the OS and a pod claim named "resource-claim". The test compares the error
# count and (type, field, origin, detail substring) of each expected error. A create needs the pod claim to name a source
# (VAL-340 refuses a claim with neither), so the claim gets `resourceClaimName: resource-claim`; the test's validator sees
# no claim source at all, which this function does not read. ---------------------------------------------------------------
def pod_resources():
    t = 'TestValidatePodResources'
    n = N + ' (~734,000); type, field and detail substring pinned upstream; VAL-036, VAL-342; the pod claim names a ' \
            'ResourceClaim (a create needs a source, VAL-340; validatePodResources does not read it)'
    full = {"requests": {"cpu": "10", "memory": "10Mi"},
            "limits": {"cpu": "20", "memory": "20Mi", "hugepages-2Mi": "100Mi"}}
    claims = [{"name": "resource-claim", "resourceClaimName": "resource-claim"}]
    for name, os_name, res, errs in (
            ('supported os', 'linux', full, []),
            ('unsupported os', 'windows', full, [RES + ': Forbidden: may not be set for a windows pod']),
            ('unsupported resource claims at pod level resources', 'linux', dict(full, claims=[{"name": "resource-claim"}]),
             [RES + '.claims: Forbidden: claims may not be set for Resources at pod-level']),
    ):
        case(t, name, pod(resources=res, os={"name": os_name}, resourceClaims=claims), None, errs, note=n)


# --- TestValidatePodResourceConsistency (~738,000): validatePodResourceConsistency(spec, "resources") on a spec holding
# only pod-level resources and unnamed containers. The test pins the error count and a substring per expected error. Here
# the path is spec.resources and the containers are named c0, c1. Defaulting runs before validation on a create: every
# container request missing is copied from its limit (DEF-001), and at 1.37 (PodLevelResourcesFixDefaulting on) a missing
# pod-level request is the containers' aggregate request, else the pod limit (DEF-003), so where a case sets pod limits
# only, the create validates the requests the defaulting wrote, not the empty requests of the function call (noted). --------
def pod_resource_consistency():
    t = 'TestValidatePodResourceConsistency'
    n = N + ' (~738,000); error count and detail substrings pinned upstream; VAL-037'

    def cp(pod_res, *ctr_res):
        return pod(resources=pod_res, containers=[ctr('c%d' % i, resources=r) for i, r in enumerate(ctr_res)])

    def rq(cpu, mem, **more):
        d = {"cpu": cpu, "memory": mem}
        d.update(more)
        return d

    hp = 'hugepages-2Mi'
    req_ge = 'must be greater than or equal to aggregate container requests of '
    lim_ge = 'must be greater than or equal to aggregate container limits of '
    rows = (
        ('aggregate container requests less than pod requests',
         {"requests": rq("10", "10Mi")}, ({"requests": rq("5", "5Mi")}, {"requests": rq("4", "3Mi")}), [], ''),
        ('aggregate container requests equal to pod requests',
         {"requests": rq("10", "10Mi")}, ({"requests": rq("5", "5Mi")}, {"requests": rq("5", "5Mi")}), [], ''),
        ('aggregate container requests greater than pod requests',
         {"requests": rq("10", "10Mi")}, ({"requests": rq("6", "5Mi")}, {"requests": rq("8", "7Mi")}),
         [RES + '.requests[cpu]: Invalid value: "10": ' + req_ge + '14',
          RES + '.requests[memory]: Invalid value: "10Mi": ' + req_ge + '12Mi'],
         '; upstream walks the pod requests map, so its order is Go\'s map order; the list holds the model\'s (sorted) order'),
        ('container requests with resources unsupported at pod-level',
         {"requests": rq("10", "10Mi")},
         ({"requests": rq("6", "5Mi", storage="10Gi")}, {"requests": rq("4", "3Mi", storage="5Gi")}),
         ['spec.containers[0].resources.requests[storage]: Invalid value: "storage": must be a standard resource for containers',
          'spec.containers[1].resources.requests[storage]: Invalid value: "storage": must be a standard resource for containers'],
         '; a create also runs the container checks, which refuse `storage` in a container (VAL-030); the consistency '
         'check itself adds nothing, as upstream pins'),
        ('aggregate container limits less than pod limits',
         {"limits": rq("10", "10Mi", **{hp: "10Mi"})},
         ({"limits": rq("5", "5Mi", **{hp: "4Mi"})}, {"limits": rq("4", "3Mi", **{hp: "4Mi"})}), [],
         '; pod-level requests are defaulted from the containers\' requests (DEF-003)'),
        ('aggregate container limits equal to pod limits',
         {"limits": rq("10", "10Mi", **{hp: "8Mi"})},
         ({"limits": rq("5", "5Mi", **{hp: "4Mi"})}, {"limits": rq("5", "5Mi", **{hp: "4Mi"})}), [],
         '; pod-level requests are defaulted from the containers\' requests (DEF-003)'),
        ('aggregate container limits greater than pod limits',
         {"limits": rq("10", "10Mi")}, ({"limits": rq("5", "5Mi")}, {"limits": rq("6", "9Mi")}),
         [RES + '.requests: Invalid value: "11": must be less than or equal to cpu limit of 10',
          RES + '.requests: Invalid value: "14Mi": must be less than or equal to memory limit of 10Mi'],
         '; upstream pins no error: the function sees no requests. A create copies each container limit to its request '
         '(DEF-001) and the pod-level requests default to the containers\' aggregate requests, 11 and 14Mi (DEF-003, '
         'defaultPodRequests\' first loop), which exceed the pod limits (VAL-032 at pod level); the consistency check '
         'itself adds nothing, as upstream pins'),
        ('hugepage aggregate container limits greater than pod limits',
         {"limits": {"cpu": "10", hp: "4Mi"}}, ({"limits": {"cpu": "6", hp: "4Mi"}}, {"limits": {"cpu": "6", hp: "4Mi"}}),
         [RES + '.requests: Invalid value: "12": must be less than or equal to cpu limit of 10',
          RES + '.requests[hugepages-2Mi]: Invalid value: "4Mi": ' + req_ge + '8Mi',
          RES + '.limits[hugepages-2Mi]: Invalid value: "4Mi": ' + lim_ge + '8Mi'],
         '; upstream pins the last error only. The other two are the create\'s defaulting: container requests copied '
         'from the limits (DEF-001), the pod cpu request the containers\' aggregate 12 (DEF-003) above the pod limit '
         '(VAL-032), the pod hugepages request the pod limit 4Mi (DEF-003\'s second loop; hugepages are not '
         'overcommittable), below the containers\' 8Mi (VAL-037)'),
        ('individual container limits greater than pod limits',
         {"limits": rq("10", "10Mi", **{hp: "2Mi"})}, ({"limits": rq("11", "12Mi", **{hp: "4Mi"})},),
         [RES + '.requests: Invalid value: "11": must be less than or equal to cpu limit of 10',
          RES + '.requests: Invalid value: "12Mi": must be less than or equal to memory limit of 10Mi',
          RES + '.requests[hugepages-2Mi]: Invalid value: "2Mi": ' + req_ge + '4Mi',
          RES + '.limits[hugepages-2Mi]: Invalid value: "2Mi": ' + lim_ge + '4Mi',
          RES + '.containers[0][cpu].limits: Invalid value: "11": must be less than or equal to pod limits of 10',
          RES + '.containers[0][hugepages-2Mi].limits: Invalid value: "4Mi": must be less than or equal to pod limits of 2Mi',
          RES + '.containers[0][memory].limits: Invalid value: "12Mi": must be less than or equal to pod limits of 10Mi'],
         '; upstream pins the last four (one "aggregate container limits", three "less than or equal to pod limits", '
         'by substring and count). The first three are the create\'s defaulting as in the cases above (DEF-001, DEF-003; '
         'VAL-032, VAL-037). Upstream walks the container\'s limits map, so the order of the last three is Go\'s map '
         'order there; the list holds the model\'s (sorted) order'),
    )
    for name, pod_res, ctr_res, errs, extra in rows:
        case(t, name, cp(pod_res, *ctr_res), None, errs, note=n + extra)


# --- TestValidatePodResourceNames (~748,000): validatePodResourceName(name, "field"), verdict only (pass/fail per name).
# Each name is a key of spec.resources.requests with the quantity "1" (a hugepages name: its page size, request and limit,
# VAL-033/034). The error lists are validation.go's as the model reads it (VAL-036: qualified/standard name, then supported
# at pod level). ------------------------------------------------------------------------------------------------------------
POD_RESOURCE_NAMES = (
    ("memory", False), ("cpu", False), ("storage", True), ("hugepages-2Mi", False), ("hugepages-1Gi", False),
    ("requests.cpu", True), ("requests.memory", True), ("requests.storage", True), ("limits.cpu", True),
    ("limits.memory", True), ("limits.storage", True), ("network", True), ("disk", True), ("", True), (".", True),
    ("..", True), ("my.favorite.app.co/12345", True), ("my.favorite.app.co/_12345", True),
    ("my.favorite.app.co/12345_", True), ("kubernetes.io/..", True), ("kubernetes.io/" + "a" * 64, True),
    ("kubernetes.io/cpu", True), ("kubernetes.io/memory", True), ("kubernetes.io//", True), ("kubernetes.io", True),
    ("kubernetes.io/will/not/work/", True),
)


def pod_resource_names(errors_by_name):
    t = 'TestValidatePodResourceNames'
    n = N + ' (~748,000); verdict only upstream (validatePodResourceName); the error list is validation.go\'s as the ' \
            'model reads it; VAL-036'
    for name, fails in POD_RESOURCE_NAMES:
        if name.startswith('hugepages-'):
            size = name[len('hugepages-'):]
            res = {"requests": {name: size, "cpu": "1"}, "limits": {name: size, "cpu": "1"}}
        else:
            res = {"requests": {name: "1"}}
        errs = errors_by_name.get(name, ['?']) if fails else []
        case(t, 'input %r' % name, pod(resources=res), None, errs,
             note=n + ('; the hugepages size is requested and limited at its page size, with a cpu request and limit '
                       '(VAL-033/034)' if name.startswith('hugepages-') else ''))


RN = RES + '.requests[%s]: Invalid value: "%s": '
UNSUPPORTED = RES + '.requests[%s]: Unsupported value: "%s": supported values: "cpu", "hugepages-", "memory"'
QUALIFIED = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
LABEL_KEY = "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
NOT_STANDARD = 'must be a standard resource type or fully qualified'
NO_LIMIT = RES + '.limits: Required value: Limit must be set for non overcommitable resources'


def _rn(name, detail):
    return (RN % (name, name)) + detail


def _unsupported(name):
    return UNSUPPORTED % (name, name)


# The model's error lists for the failing names, each read against VAL-036 (a qualified name; an unprefixed name must be
# standard; then supported at pod level: cpu, memory, hugepages-*), VAL-003 (the 1.35+ "bytes" wording) and VAL-033 (a
# non-native name is not overcommittable, so a request needs a limit: the pod-level requirements go through the same
# validateResourceRequirements as a container's, with validatePodResourceName as the name check).
POD_RESOURCE_NAME_ERRORS = {
    "storage": [_unsupported("storage")],
    "requests.cpu": [_unsupported("requests.cpu")],
    "requests.memory": [_unsupported("requests.memory")],
    "requests.storage": [_unsupported("requests.storage")],
    "limits.cpu": [_unsupported("limits.cpu")],
    "limits.memory": [_unsupported("limits.memory")],
    "limits.storage": [_rn("limits.storage", NOT_STANDARD)],
    "network": [_rn("network", NOT_STANDARD)],
    "disk": [_rn("disk", NOT_STANDARD)],
    "": [_rn("", "name part must be non-empty"), _rn("", QUALIFIED)],
    ".": [_rn(".", QUALIFIED)],
    "..": [_rn("..", QUALIFIED)],
    "my.favorite.app.co/12345": [_unsupported("my.favorite.app.co/12345"), NO_LIMIT],
    "my.favorite.app.co/_12345": [_rn("my.favorite.app.co/_12345", QUALIFIED), NO_LIMIT],
    "my.favorite.app.co/12345_": [_rn("my.favorite.app.co/12345_", QUALIFIED), NO_LIMIT],
    "kubernetes.io/..": [_rn("kubernetes.io/..", QUALIFIED)],
    "kubernetes.io/" + "a" * 64: [_rn("kubernetes.io/" + "a" * 64, "name part must be no more than 63 bytes")],
    "kubernetes.io/cpu": [_unsupported("kubernetes.io/cpu")],
    "kubernetes.io/memory": [_unsupported("kubernetes.io/memory")],
    "kubernetes.io//": [_rn("kubernetes.io//", LABEL_KEY)],
    "kubernetes.io": [_rn("kubernetes.io", NOT_STANDARD)],
    "kubernetes.io/will/not/work/": [_rn("kubernetes.io/will/not/work/", LABEL_KEY)],
}


# --- TestCrossNamespaceSource (~868,000): ValidatePersistentVolumeClaimSpec with CrossNamespaceVolumeDataSource on and
# empty options, verdict only. The claim spec is an ephemeral volume's claim template (ValidateVolumes reaches the same
# function for it, VAL-633). --------------------------------------------------------------------------------------------------
def xns_spec(api_group, kind, namespace, name, with_data_source):
    ref = {"kind": kind, "name": name}
    if api_group is not None:
        ref["apiGroup"] = api_group
    if namespace is not None:
        ref["namespace"] = namespace
    spec = {"accessModes": ["ReadOnlyMany"], "resources": {"requests": {"storage": "10G"}}, "storageClassName": "csi-plugin",
            "dataSourceRef": ref}
    if with_data_source:
        ds = {"kind": kind, "name": name}
        if api_group is not None:
            ds["apiGroup"] = api_group
        spec["dataSource"] = ds
    return spec


def ephemeral_pod(spec):
    return pod(volumes=[{"name": "foo", "ephemeral": {"volumeClaimTemplate": {"spec": spec}}}])


def cross_namespace_source(errors_by_case):
    t = 'TestCrossNamespaceSource'
    n = N + ' (~868,000); CrossNamespaceVolumeDataSource on (alpha); verdict only upstream; the claim spec is an ephemeral ' \
            'volume\'s claim template; VAL-633'
    snap, snap_kind, pvc_kind = 'snapshot.storage.k8s.io', 'VolumeSnapshot', 'PersistentVolumeClaim'
    g = {"CrossNamespaceVolumeDataSource": True}
    for name, spec, fails in (
            ('Feature gate enabled and valid xns DataSourceRef specified', xns_spec(snap, snap_kind, 'ns1', 'snapshot1', False), False),
            ('Feature gate enabled and xns DataSourceRef with PVC source specified', xns_spec('', pvc_kind, 'ns1', 'snapshot1', False), False),
            ('Feature gate enabled and xns DataSourceRef with unsupported source specified',
             xns_spec('unsupported.example.com', 'UnsupportedKind', 'ns1', 'snapshot1', False), False),
            ('Feature gate enabled and xns DataSourceRef with nil apiGroup', xns_spec(None, 'UnsupportedKind', 'ns1', 'snapshot1', False), True),
            ('Feature gate enabled and xns DataSourceRef with invalid namespace specified', xns_spec(snap, snap_kind, 'a*b', 'snapshot1', False), True),
            ('Feature gate enabled and xns DataSourceRef with nil namespace specified', xns_spec(snap, snap_kind, None, 'snapshot1', False), False),
            ('Feature gate enabled and xns DataSourceRef with empty namespace specified', xns_spec(snap, snap_kind, '', 'snapshot1', False), False),
            ('Feature gate enabled and both xns DataSourceRef and DataSource specified', xns_spec(snap, snap_kind, 'ns1', 'snapshot1', True), True),
    ):
        errs = errors_by_case.get(name, ['?']) if fails else []
        case(t, name, ephemeral_pod(spec), g, errs, note=n)


TPL = 'spec.volumes[0].ephemeral.volumeClaimTemplate.spec'
# The model's error lists (VAL-633: validateDataSourceRef's default-apiGroup kind check at the reference; the namespace a
# DNS label; dataSourceRef.namespace beside dataSource at the spec, whose bad value is a *field.Path printed `{}`, VAL-201).
XNS_ERRORS = {
    'Feature gate enabled and xns DataSourceRef with nil apiGroup':
        [TPL + '.dataSourceRef: Invalid value: "UnsupportedKind": must be \'PersistentVolumeClaim\' when referencing the default apiGroup'],
    'Feature gate enabled and xns DataSourceRef with invalid namespace specified':
        [TPL + '.dataSourceRef.namespace: Invalid value: "a*b": a lowercase RFC 1123 label must consist of lower case '
               'alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or '
               '\'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')'],
    'Feature gate enabled and both xns DataSourceRef and DataSource specified':
        [TPL + ': Invalid value: {}: may not be specified when dataSourceRef.namespace is specified'],
}


# --- TestVolumeAttributesClass (~872,000): ValidatePersistentVolumeClaimSpec with EnableVolumeAttributesClass, verdict
# only; as an ephemeral volume's claim template (a create derives the option from the gate, on at 1.37). ------------------
def volume_attributes_class():
    t = 'TestVolumeAttributesClass'
    n = N + ' (~872,000); verdict only upstream; the claim spec is an ephemeral volume\'s claim template; VAL-633'
    base = {"accessModes": ["ReadOnlyMany"], "resources": {"requests": {"storage": "10G"}}, "storageClassName": "csi-plugin"}
    for name, vac, errs in (
            ('Feature gate enabled and valid no volumeAttributesClassName specified', None, []),
            ('Feature gate enabled and an empty volumeAttributesClassName specified', '', []),
            ('Feature gate enabled and valid volumeAttributesClassName specified', 'foo', []),
            ('Feature gate enabled and invalid volumeAttributesClassName specified', '-invalid-',
             ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.volumeAttributesClassName: Invalid value: "-invalid-": '
              'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must '
              'start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is '
              '\'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')']),
    ):
        spec = dict(base)
        if vac is not None:
            spec["volumeAttributesClassName"] = vac
        case(t, name, ephemeral_pod(spec), None, errs, note=n)


# --- TestAlphaVolumePVCDataSource (~862,000) and TestAnyDataSource (testAnyDataSource, ~864,000):
# ValidatePersistentVolumeClaimSpec with empty options on testDataSourceInSpec's claim (ReadOnlyMany, 10G, class
# csi-plugin, a dataSource with a non-nil apiGroup), verdict only. testAnyDataSource runs the same six claims with the
# dataSource alone (twice: (true, false) is listed twice) and with the reference moved to dataSourceRef alone; the first is
# TestAlphaVolumePVCDataSource's input, so only the dataSourceRef run is a separate vector. As ephemeral claim templates. --
DS_ROWS = (
    ('test create from valid snapshot source', 'test_snapshot', 'VolumeSnapshot', 'snapshot.storage.k8s.io', False),
    ('test create from valid pvc source', 'test_pvc', 'PersistentVolumeClaim', '', False),
    ('test missing name in snapshot datasource should fail', '', 'VolumeSnapshot', 'snapshot.storage.k8s.io', True),
    ('test missing kind in snapshot datasource should fail', 'test_snapshot', '', 'snapshot.storage.k8s.io', True),
    ('test create from valid generic custom resource source', 'test_generic', 'Generic', 'generic.storage.k8s.io', False),
    ('test invalid datasource should fail', 'test_pod', 'Pod', '', True),
)


def data_sources(errors_by_case):
    for t, field in (('TestAlphaVolumePVCDataSource', 'dataSource'), ('TestAnyDataSource', 'dataSourceRef')):
        n = N + ' (~862,000-866,000); verdict only upstream; the claim spec is an ephemeral volume\'s claim template; ' \
                'the error list is validation.go\'s as the model reads it (validateDataSource / validateDataSourceRef); VAL-633'
        if t == 'TestAnyDataSource':
            n += '; testAnyDataSource\'s dataSourceRef-only run (its dataSource-only runs are TestAlphaVolumePVCDataSource\'s input)'
        for name, ds_name, kind, group, fails in DS_ROWS:
            spec = {"accessModes": ["ReadOnlyMany"], "resources": {"requests": {"storage": "10G"}},
                    "storageClassName": "csi-plugin", field: {"apiGroup": group, "kind": kind, "name": ds_name}}
            errs = errors_by_case.get((field, name), ['?']) if fails else []
            case(t, name, ephemeral_pod(spec), None, errs, note=n)


DS_ERRORS = {}
for _f in ('dataSource', 'dataSourceRef'):
    DS_ERRORS[(_f, 'test missing name in snapshot datasource should fail')] = [TPL + '.' + _f + '.name: Required value']
    DS_ERRORS[(_f, 'test missing kind in snapshot datasource should fail')] = [TPL + '.' + _f + '.kind: Required value']
    DS_ERRORS[(_f, 'test invalid datasource should fail')] = [
        TPL + '.' + _f + ': Invalid value: "Pod": must be \'PersistentVolumeClaim\' when referencing the default apiGroup']


# --- TestValidateDownwardAPIHostIPs: in the ~1.30 copy only (kubecraft cca2926a, local mirror, line 25762; U37 has no
# such function). validateDownwardAPIHostIPs on an env fieldRef with PodHostIPs on (AllowHostIPsField); two success
# cases. Run at 1.29 (beta, on) and 1.30 (GA), where a create derives AllowHostIPsField from the gate. -----------------------
def downward_api_host_ips():
    t = 'TestValidateDownwardAPIHostIPs'
    n = 'kubernetes validation_test.go as copied in kubecraft cca2926a (~1.30, local mirror; not in U37); PodHostIPs on; ' \
        'the field selector is a container env fieldRef; VAL-052'
    for name, path in (('has no hostIPs field, featuregate enabled', 'status.hostIP'),
                       ('has hostIPs field, featuregate enabled', 'status.hostIPs')):
        p = pod(containers=[ctr(env=[{"name": "HOST_IP", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": path}}}])])
        case(t, name, p, None, [], note=n, releases=('1.29', '1.30'))


# --- TestPVCVolumeMode: in the ~1.30 copy (kubecraft cca2926a, local mirror, line 5543) and, session 15, in U37 at
# ~201,500 (between TestHugePagesIsolation and TestPVVolumeMode; read at 199,500-215,500): the same five cases, the same
# createTestVolModePVC helper and the same verdict-only checks. ValidatePersistentVolumeClaim on createTestVolModePVC
# (ReadWriteOnce, 10G, class valid-storage-class, the volumeMode given), verdict only. As an ephemeral claim template, whose
# metadata may not carry the claim's name and namespace (VAL-632), so they are left out; the spec check is the same
# ValidatePersistentVolumeClaimSpec. Run at 1.30 and 1.37. --------------------------------------------------------------
def pvc_volume_mode(errors_by_case):
    t = 'TestPVCVolumeMode'
    n = 'kubernetes validation_test.go as copied in kubecraft cca2926a (~1.30, local mirror) and at U37 (78e971a4, ~201,500: ' \
        'the same cases and helper); verdict only upstream; the claim (without its name and namespace) is an ephemeral ' \
        'volume\'s claim template; the error list is the model\'s; VAL-633'
    for name, mode, fails in (('valid block value', 'Block', False), ('valid filesystem value', 'Filesystem', False),
                              ('valid nil value', None, False), ('invalid value', 'fake', True), ('empty value', '', True)):
        spec = {"resources": {"requests": {"storage": "10G"}}, "accessModes": ["ReadWriteOnce"],
                "storageClassName": "valid-storage-class"}
        if mode is not None:
            spec["volumeMode"] = mode
        errs = errors_by_case.get(name, ['?']) if fails else []
        case(t, name, ephemeral_pod(spec), None, errs, note=n, releases=('1.30', '1.37'))


PVC_VOLUME_MODE_ERRORS = {
    # validateVolumeMode's NotSupported (the named string printed Go-quoted before 1.34, VAL-201: the same text here).
    'invalid value': [TPL + '.volumeMode: Unsupported value: "fake": supported values: "Block", "Filesystem"'],
    'empty value': [TPL + '.volumeMode: Unsupported value: "": supported values: "Block", "Filesystem"'],
}


def build():
    pod_resources()
    pod_resource_consistency()
    pod_resource_names(POD_RESOURCE_NAME_ERRORS)
    cross_namespace_source(XNS_ERRORS)
    volume_attributes_class()
    data_sources(DS_ERRORS)
    downward_api_host_ips()
    pvc_volume_mode(PVC_VOLUME_MODE_ERRORS)
