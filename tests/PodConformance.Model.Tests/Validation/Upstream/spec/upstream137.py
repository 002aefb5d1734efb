"""The 1.37 part of the upstream vectors (README.md, "1.37 cases"): Kubernetes' pkg/apis/core/validation/validation_test.go
as stored in the fork MikeZappa87/kubernetes at commit 50b500bcc862923961072fc8597251f8cc534abd (a fork copy of a
development tree at or past 1.37 — it has the 1.37 fields and also the ML-DSA key types merged in September 2026 — so the
cases run at release 1.37 on the assumption that their functions did not change after it; see the README). The file (1,130,467 characters) is not on this machine: it was read
page by page through the project's search index (read_file, id 70294223193) and its cases are transcribed here by hand,
each under the test function and case name it has upstream (unnamed cases are numbered in source order, `#1`, `#2`, …).

Pods: each case is the smallest Pod a user would `kubectl create` that reaches the function under test with the same
input; where the upstream test calls a single validation function (validateHandler, ValidateVolumeMounts, …) the input is
put where the Pod create path calls it, and the field path moves under `spec.`. Expected errors are prefixes of the full
error text (`<field>: <Type>…`): the type and path always (what the upstream test pins or, for a verdict-only test, what
validation.go at the same commit returns), the detail where upstream pins it or where the validation.go copy at the same
commit was read (spec/validation.md names the rule).
"""

import json

COMMIT = '50b500bcc862923961072fc8597251f8cc534abd'
REPOSITORY = 'MikeZappa87/kubernetes'
TEST_PATH = 'pkg/apis/core/validation/validation_test.go'

CASES = []
NOT_EXPRESSIBLE = []

CTR = {"name": "ctr", "image": "image", "imagePullPolicy": "IfNotPresent", "terminationMessagePolicy": "File"}


def ctr(name="ctr", **extra):
    c = dict(CTR, name=name)
    c.update(extra)
    return c


def pod(spec=None, name="pod", **extra):
    s = {"containers": [ctr()], "restartPolicy": "Always", "dnsPolicy": "ClusterFirst"}
    s.update(spec or {})
    s.update(extra)
    return {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name, "namespace": "ns"}, "spec": s}


def case(test, name, p, gates=None, errors=(), origin='upstream', note=None, releases=('1.37',)):
    cid = test + '/' + name
    assert origin == 'upstream' or note, 'a model case needs a note naming its source: ' + cid
    CASES.append({
        "id": cid, "test": test, "origin": origin, "releases": list(releases), "gates": gates or {},
        "pod": p, "errors": list(errors), "contains": None, "note": note,
    })


def not_expressible(test, name, why):
    NOT_EXPRESSIBLE.append({"id": test + '/' + name, "why": why})


def probe_pod(handler, gates, probe='readinessProbe'):
    return pod(containers=[ctr(**{probe: handler})])


# --- TestValidateHTTPGetActionProtocol (offset ≈277,000): H2CContainerProbe on; validateHandler of a probe handler ------
def http_get_protocol():
    t = 'TestValidateHTTPGetActionProtocol'
    g = {"H2CContainerProbe": True}
    rp = 'spec.containers[0].readinessProbe.httpGet'
    success = [
        {"path": "/", "port": 80, "scheme": "HTTP", "protocol": "HTTP1"},
        {"path": "/", "port": 80, "scheme": "HTTP", "protocol": "HTTP2"},
        {"path": "/health", "port": 8080, "scheme": "HTTPS", "protocol": "HTTP1"},
        {"path": "/", "port": 80, "scheme": "HTTP"},
    ]
    for i, h in enumerate(success, 1):
        case(t, 'success #%d' % i, probe_pod({"httpGet": h}, g), g)
    # Upstream pins the verdict only; the errors are validateHTTPGetAction's at the same commit (VAL-707).
    case(t, 'unsupported protocol value', probe_pod({"httpGet": {"path": "/", "port": 80, "scheme": "HTTP", "protocol": "SPDY"}}, g), g,
         [rp + '.protocol: Unsupported value: "SPDY": supported values: "HTTP1", "HTTP2"'])
    case(t, 'HTTPS combined with HTTP2 is not supported', probe_pod({"httpGet": {"path": "/", "port": 443, "scheme": "HTTPS", "protocol": "HTTP2"}}, g), g,
         [rp + '.protocol: Invalid value: "HTTP2": is only supported with HTTP (H2C)'])
    case(t, 'HTTP2 with host set is rejected', probe_pod({"httpGet": {"path": "/", "port": 80, "scheme": "HTTP", "host": "example.com", "protocol": "HTTP2"}}, g), g,
         [rp + '.host: Invalid value: "example.com": must be empty when `protocol` is "HTTP2"'])


# --- TestValidateGRPCAction (offset ≈279,000): validateHandler(commonHandler{GRPC}, nil, "probe") --------------------------
def grpc_action():
    t = 'TestValidateGRPCAction'
    g = {"GRPCContainerProbeTLS": True}
    for name, mode in (('mode TLS allowed', 'TLS'), ('mode Plaintext allowed', 'Plaintext'), ('nil mode passes', None)):
        h = {"port": 8443}
        if mode:
            h["mode"] = mode
        case(t, name, probe_pod({"grpc": h}, g), g)
    # The test compares the whole Error() text at path probe.grpc.mode.
    case(t, 'unsupported mode rejected', probe_pod({"grpc": {"port": 8443, "mode": "Verify"}}, g), g,
         ['spec.containers[0].readinessProbe.grpc.mode: Unsupported value: "Verify": supported values: "Plaintext", "TLS"'])


# --- TestValidateVolumeMounts (offset ≈254,500): the cases that changed since the ≈1.33 copy (../volumes) -----------------
def volume_mounts():
    t = 'TestValidateVolumeMounts'
    image_vol = {"name": "image-volume", "image": {"reference": "quay.io/my/artifact:v1", "pullPolicy": "IfNotPresent"}}
    # successCase gained two image-volume mounts with subPath and subPathExpr: 1.36+ has no image-volume subPath check.
    case(t, 'success case: image volume mounts with subPath and subPathExpr', pod(volumes=[image_vol], containers=[ctr(volumeMounts=[
        {"name": "image-volume", "mountPath": "/image-volume"},
        {"name": "image-volume", "mountPath": "/image-volume-1", "subPath": "foo"},
        {"name": "image-volume", "mountPath": "/image-volume-2", "subPathExpr": "$(POD_NAME)"}])]),
         note='only the image-volume part of successCase (the rest is the ≈1.33 case of ../volumes); upstream validates the '
              'mounts with PodValidationOptions{} and an empty container')
    # Verdict only upstream; the one error is ValidateVolumeMounts' subPath check at the same commit (unindexed path, VAL-640).
    case(t, 'subPath for image volume sources should be relative', pod(volumes=[image_vol], containers=[ctr(volumeMounts=[
        {"name": "image-volume", "mountPath": "/image-volume-err-1", "subPath": "/foo"}])]),
         errors=['spec.containers[0].volumeMounts.subPath: Invalid value: "/foo": must be a relative path'])
    not_expressible(t, 'subPathExpr not allowed for image volume sources (≈1.33 case)',
                    'not a 1.37 case: removed from the test with the image-volume subPath/subPathExpr check (the 1.37 '
                    'successCase mounts an image volume with subPathExpr)')


# --- TestValidateBindMountOptions (offset ≈263,000): ValidateVolumeMounts of one mount, volumes foo (emptyDir) and image ---
def bind_mount_options():
    t = 'TestValidateBindMountOptions'
    g = {"VolumeBindMountOptions": True}
    vols = [{"name": "foo", "emptyDir": {}}, {"name": "image", "image": {"reference": "busybox:latest"}}]
    m = 'spec.containers[0].volumeMounts[0]'
    sup = 'supported values: "nodev", "noexec", "nosuid"'

    def bp(name, opts, vol="foo", path="/foo"):
        mount = {"name": vol, "mountPath": path}
        if opts is not None:
            mount["bindMountOptions"] = opts
        return pod(volumes=vols, containers=[ctr(volumeMounts=[mount])])

    case(t, 'valid single option', bp('', ["noexec"]), g)
    case(t, 'valid multiple options', bp('', ["noexec", "nodev", "nosuid"]), g)
    case(t, 'empty options', bp('', []), g)
    case(t, 'nil options', bp('', None), g)
    # Verdict only upstream; the errors are validateBindMountOptions / ValidateVolumeMounts at the same commit (VAL-706).
    case(t, 'invalid option', bp('', ["rw"]), g, [m + '.bindMountOptions[0]: Unsupported value: "rw": ' + sup])
    case(t, 'mix of valid and invalid', bp('', ["noexec", "sync"]), g, [m + '.bindMountOptions[1]: Unsupported value: "sync": ' + sup])
    case(t, 'duplicate option', bp('', ["noexec", "noexec"]), g, [m + '.bindMountOptions[1]: Duplicate value: "noexec"'])
    case(t, 'duplicate invalid option', bp('', ["rw", "rw"]), g, [
        m + '.bindMountOptions[0]: Unsupported value: "rw": ' + sup,
        m + '.bindMountOptions[1]: Unsupported value: "rw": ' + sup,
        m + '.bindMountOptions[1]: Duplicate value: "rw"'])
    case(t, 'bind mount options with image volume', bp('', ["noexec"], vol="image", path="/img"), g,
         [m + '.bindMountOptions: Invalid value: ["noexec"]: bindMountOptions may not be used with image volumes'])


# --- TestValidateResizePolicy (offset ≈284,000): validateResizePolicy(list, "field", podRestartPolicy), errors pinned -------
def resize_policy():
    t = 'TestValidateResizePolicy'
    f = 'spec.containers[0].resizePolicy'
    never = "must be 'NotRequired' when pod `restartPolicy` is 'Never'"
    pol = 'supported values: "NotRequired", "RestartContainer"'

    def rp(policies, restart='Always'):
        return pod(containers=[ctr(resizePolicy=[{"resourceName": r, "restartPolicy": p} for r, p in policies])], restartPolicy=restart)

    cases = [
        ('ValidCPUandMemoryPolicies', [('cpu', 'NotRequired'), ('memory', 'RestartContainer')], 'Always', []),
        ('ValidCPUPolicy', [('cpu', 'RestartContainer')], 'Always', []),
        ('ValidMemoryPolicy', [('memory', 'NotRequired')], 'Always', []),
        ('NoPolicy', [], 'Always', []),
        ('ValidCPUandInvalidMemoryPolicy', [('cpu', 'NotRequired'), ('memory', 'Restarrrt')], 'Always',
         [f + ': Unsupported value: "Restarrrt": ' + pol]),
        ('ValidMemoryandInvalidCPUPolicy', [('cpu', 'RestartNotRequirrred'), ('memory', 'RestartContainer')], 'Always',
         [f + ': Unsupported value: "RestartNotRequirrred": ' + pol]),
        ('InvalidResourceNameValidPolicy', [('cpuuu', 'NotRequired')], 'Always',
         [f + ': Unsupported value: "cpuuu": supported values: "cpu", "memory"']),
        ('ValidResourceNameMissingPolicy', [('memory', '')], 'Always', [f + ': Required value']),
        ('RepeatedPolicies', [('cpu', 'NotRequired'), ('memory', 'RestartContainer'), ('cpu', 'RestartContainer')], 'Always',
         [f + '[2]: Duplicate value: "cpu"']),
        ('InvalidCPUPolicyWithPodRestartPolicy', [('cpu', 'NotRequired'), ('memory', 'RestartContainer')], 'Never',
         [f + ': Invalid value: "RestartContainer": ' + never]),
        ('InvalidMemoryPolicyWithPodRestartPolicy', [('cpu', 'RestartContainer'), ('memory', 'NotRequired')], 'Never',
         [f + ': Invalid value: "RestartContainer": ' + never]),
        ('InvalidMemoryCPUPolicyWithPodRestartPolicy', [('cpu', 'RestartContainer'), ('memory', 'RestartContainer')], 'Never',
         [f + ': Invalid value: "RestartContainer": ' + never] * 2),
        ('ValidMemoryCPUPolicyWithPodRestartPolicy', [('cpu', 'NotRequired'), ('memory', 'NotRequired')], 'Never', []),
    ]
    for name, policies, restart, errors in cases:
        case(t, name, rp(policies, restart), None, errors)


# --- TestValidateVolumes (table from offset ≈139,000): the cases new since the ≈1.33 copy (../volumes) ------------------
# Each case is one volume (here spec.volumes[0], with a plain container); upstream pins the type, the field path (matched
# as a suffix) and sometimes a detail substring. The AtomicWriteVolumeUserFields cases need the gate (alpha, off in 1.37):
# without it the create strategy drops the fields (DEF-409) before validation. The detail of the user-field errors is
# validateUserField's at the same commit (IsValidUserID; VAL-709).
USER_RANGE = 'must be between 0 and 2147483647, inclusive'
AW = {"AtomicWriteVolumeUserFields": True}


def vol_pod(volume):
    v = {"name": volume.pop("__name", "vol")}
    v.update(volume)
    return pod(volumes=[v])


def vcase(name, volume, errors=(), gates=None, note=None, vname="vol"):
    volume = dict(volume, __name=vname)
    case('TestValidateVolumes', name, vol_pod(volume), gates, errors, note=note)


def volumes_user_fields_secret():
    v = 'spec.volumes[0]'
    vcase('valid Secret with defaultUser', {"secret": {"secretName": "my-secret", "defaultUser": 1001}}, gates=AW, vname="secret")
    vcase('valid Secret with projection and user', {"secret": {"secretName": "my-secret", "items": [
        {"key": "key", "path": "filename", "user": 1001}]}}, gates=AW, vname="secret")
    vcase('secret with invalid positive defaultUser', {"secret": {"secretName": "s", "defaultUser": 2147483648}},
          [v + '.secret.defaultUser: Invalid value: 2147483648: ' + USER_RANGE], AW, vname="secret")
    vcase('secret with invalid negative defaultUser', {"secret": {"secretName": "s", "defaultUser": -1}},
          [v + '.secret.defaultUser: Invalid value: -1: ' + USER_RANGE], AW, vname="secret")
    vcase('secret with projection and invalid positive user', {"secret": {"secretName": "my-secret", "items": [
        {"key": "key", "path": "filename", "user": 2147483648}]}},
          [v + '.secret.items[0].user: Invalid value: 2147483648: ' + USER_RANGE], AW, vname="secret")

    vcase('secret with projection and invalid negative user', {"secret": {"secretName": "my-secret", "items": [
        {"key": "key", "path": "filename", "user": -1}]}},
          [v + '.secret.items[0].user: Invalid value: -1: ' + USER_RANGE], AW, vname="secret")


def volumes_user_fields_configmap():
    v = 'spec.volumes[0]'
    vcase('valid ConfigMap with defaultUser', {"configMap": {"name": "my-cfgmap", "defaultUser": 1001}}, gates=AW, vname="cfgmap")
    vcase('valid ConfigMap with projection and user', {"configMap": {"name": "my-cfgmap", "items": [
        {"key": "key", "path": "filename", "user": 1001}]}}, gates=AW, vname="cfgmap")
    for sign, n in (('positive', 2147483648), ('negative', -1)):
        vcase('configmap with invalid %s defaultUser' % sign, {"configMap": {"name": "c", "defaultUser": n}},
              [v + '.configMap.defaultUser: Invalid value: %d: ' % n + USER_RANGE], AW, vname="cfgmap")
    for sign, n in (('positive', 2147483648), ('negative', -1)):
        vcase('configMap with projection and invalid %s user' % sign, {"configMap": {"name": "my-cfgmap", "items": [
            {"key": "key", "path": "filename", "user": n}]}},
              [v + '.configMap.items[0].user: Invalid value: %d: ' % n + USER_RANGE], AW, vname="cfgmap")


def volumes_user_fields_downward_api():
    v = 'spec.volumes[0]'
    item = {"path": "path", "fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.labels"}}
    vcase('downapi valid defaultUser', {"downwardAPI": {"defaultUser": 1001}}, gates=AW, vname="downapi")
    vcase('downapi valid item user', {"downwardAPI": {"items": [dict(item, user=1001)]}}, gates=AW, vname="downapi")
    for sign, n in (('positive', 2147483648), ('negative', -1)):
        # The file's errors are reported at the volume's unindexed downwardAPI path (VAL-709), as upstream's field says.
        vcase('downapi invalid %s item user' % sign, {"downwardAPI": {"items": [dict(item, user=n)]}},
              [v + '.downwardAPI.user: Invalid value: %d: ' % n + USER_RANGE], AW, vname="downapi")
    for sign, n in (('positive', 2147483648), ('negative', -1)):
        vcase('downapi invalid %s defaultUser' % sign, {"downwardAPI": {"defaultUser": n}},
              [v + '.downwardAPI.defaultUser: Invalid value: %d: ' % n + USER_RANGE], AW, vname="downapi")


def volumes_user_fields_projected():
    v = 'spec.volumes[0].projected'
    sec = [{"secret": {"name": "foo"}}]
    # The three defaultMode cases stand in the table at 78e971a4 (upstream, session 9) just before the user cases; the
    # ≈1.33 copy of ../volumes has none. Upstream pins type and field; the detail is fileModeErrorMsg (VAL-626).
    vcase('ProjectedVolumeSource valid defaultMode', {"projected": {"sources": sec, "defaultMode": 0o644}}, vname="projected-volume")
    for sign, n in (('positive', 0o1000), ('negative', -1)):
        vcase('ProjectedVolumeSource invalid %s defaultMode' % sign, {"projected": {"sources": sec, "defaultMode": n}},
              [v + '.defaultMode: Invalid value: %d: must be a number between 0 and 0777 (octal), both inclusive' % n],
              vname="projected-volume")
    vcase('ProjectedVolumeSource valid defaultUser', {"projected": {"sources": sec, "defaultUser": 1001}}, gates=AW, vname="projected-volume")
    for sign, n in (('positive', 2147483648), ('negative', -1)):
        vcase('ProjectedVolumeSource invalid %s defaultUser' % sign, {"projected": {"sources": sec, "defaultUser": n}},
              [v + '.defaultUser: Invalid value: %d: ' % n + USER_RANGE], AW, vname="projected-volume")

    def sat(user):
        return {"projected": {"sources": [{"serviceAccountToken": {"audience": "foo-audience", "expirationSeconds": 6000, "path": "foo-path", "user": user}}]}}

    def ctb(user):
        return {"projected": {"sources": [{"clusterTrustBundle": {"path": "foo-path", "name": "foo", "user": user}}]}}

    def pcert(user):
        return {"projected": {"sources": [{"podCertificate": {"signerName": "example.com/foo", "keyType": "ED25519",
                                                              "credentialBundlePath": "credbundle.pem", "user": user}}]}}

    ctb_g = dict(AW, ClusterTrustBundleProjection=True)
    pc_g = dict(AW, PodCertificateRequest=True)
    dup = 'upstream names this case "ProjectedVolumeSource ServiceAccountToken invalid negative user" (a copy of the name ' \
          'of the serviceAccountToken case); the id adds the projection to keep ids unique'
    vcase('ProjectedVolumeSource ServiceAccountToken valid user', sat(1001), gates=AW, vname="projected-volume")
    for sign, n in (('positive', 2147483648), ('negative', -1)):
        vcase('ProjectedVolumeSource ServiceAccountToken invalid %s user' % sign, sat(n),
              [v + '.sources[0].serviceAccountToken.user: Invalid value: %d: ' % n + USER_RANGE], AW, vname="projected-volume")
    vcase('ProjectedVolumeSource ClusterTrustBundle valid user', ctb(1001), gates=ctb_g, vname="projected-volume")
    vcase('ProjectedVolumeSource ClusterTrustBundle invalid positive user', ctb(2147483648),
          [v + '.sources[0].clusterTrustBundle.user: Invalid value: 2147483648: ' + USER_RANGE], ctb_g, vname="projected-volume")
    vcase('ProjectedVolumeSource ServiceAccountToken invalid negative user (clusterTrustBundle)', ctb(-1),
          [v + '.sources[0].clusterTrustBundle.user: Invalid value: -1: ' + USER_RANGE], ctb_g, note=dup, vname="projected-volume")
    vcase('ProjectedVolumeSource PodCertificate valid user', pcert(1001), gates=pc_g, vname="projected-volume")
    vcase('ProjectedVolumeSource PodCertificate invalid positive user', pcert(2147483648),
          [v + '.sources[0].podCertificate.user: Invalid value: 2147483648: ' + USER_RANGE], pc_g, vname="projected-volume")
    vcase('ProjectedVolumeSource ServiceAccountToken invalid negative user (podCertificate)', pcert(-1),
          [v + '.sources[0].podCertificate.user: Invalid value: -1: ' + USER_RANGE], pc_g, note=dup, vname="projected-volume")


# --- TestValidateEmptyDirVolumeMode (offset ≈200,000): validateVolumeSource of an emptyDir with mode; verdict only --------
def empty_dir_mode():
    t = 'TestValidateEmptyDirVolumeMode'
    g = {"EmptyDirVolumeMode": True}
    msg = 'must be a number between 0 and 01777 (octal), both inclusive'
    for name, mode, err in (('nil mode (unset)', None, False), ('valid mode 0', 0, False), ('valid mode 0750', 0o750, False),
                            ('valid mode 0777', 0o777, False), ('valid mode 01000 (sticky only)', 0o1000, False),
                            ('valid mode 01777 (max)', 0o1777, False), ('invalid mode negative', -1, True),
                            ('invalid mode 02000', 0o2000, True)):
        ed = {} if mode is None else {"mode": mode}
        # The error is validateVolumeSource's at the same commit (emptyDirModeErrorMsg, VAL-601); JSON has no octal.
        errors = ['spec.volumes[0].emptyDir.mode: Invalid value: %d: %s' % (mode, msg)] if err else []
        case(t, name, pod(volumes=[{"name": "test-vol", "emptyDir": ed}]), g, errors)


# --- TestValidatePod (successCases end ≈410,000; ValidatePodCreate with PodValidationOptions{}): cases new since ≈1.30 ---
# Upstream's options are all off; a manifest needs the gate that keeps the field (the create strategy drops it otherwise).
def validate_pod_success():
    t = 'TestValidatePod'

    def proj(name, source, gates):
        case(t, name, pod(volumes=[{"name": "projected-volume", "projected": {"sources": [source]}}], name="valid-extended"), gates)

    ctb = {"ClusterTrustBundleProjection": True}
    proj('valid ClusterTrustBundlePEM projected volume referring to a CTB by name', {"clusterTrustBundle": {"path": "foo-path", "name": "foo"}}, ctb)
    proj('valid ClusterTrustBundlePEM projected volume referring to a CTB by signer name', {"clusterTrustBundle": {
        "path": "foo-path", "signerName": "example.com/foo", "labelSelector": {"matchLabels": {"version": "live"}}}}, ctb)
    pc = {"PodCertificateRequest": True}
    base = {"signerName": "example.com/foo", "keyType": "ED25519"}
    for name, extra in (('valid PodCertificate projected volume source, minimal', {"credentialBundlePath": "credbundle.pem"}),
                        ('valid PodCertificate projected volume source, explicit max expiration',
                         {"maxExpirationSeconds": 3600, "credentialBundlePath": "credbundle.pem"}),
                        ('valid PodCertificate projected volume source, separate key/cert',
                         {"maxExpirationSeconds": 3600, "keyPath": "key.pem", "certificateChainPath": "certificates.pem"}),
                        ('valid PodCertificate projected volume source, user config is not nil',
                         {"maxExpirationSeconds": 3600, "keyPath": "key.pem", "certificateChainPath": "certificates.pem",
                          "userAnnotations": {"test.domain/attribute": "test-value"}})):
        proj(name, {"podCertificate": dict(base, **extra)}, pc)
    for name, os_name in (('Pod with valid StopSignal and valid OS', 'linux'), ('Pod with valid StopSignal and valid OS (Windows)', 'windows')):
        case(t, name, pod(os={"name": os_name}, containers=[ctr("test-container", lifecycle={"stopSignal": "SIGTERM"})], name="test-pod"),
             {"ContainerStopSignals": True})


def contains_case(test, name, p, gates, errors, contains, note=None):
    case(test, name, p, gates, errors, note=note)
    CASES[-1]["contains"] = contains


# --- TestValidatePod errorCases (≈450,000-470,000): the podCertificate and stopSignal cases. Upstream pins a substring of
# the aggregate error (kept in `contains`); the error list (type and path; the full text where pinned) is the model's
# reading of validateProjectionSources / validateStopSignal (VAL-631, VAL-048), checked here against upstream's substring.
def validate_pod_errors():
    t = 'TestValidatePod'
    pc = {"PodCertificateRequest": True}
    src = 'spec.volumes[0].projected.sources[0].podCertificate'

    def pcp(name, fields, errors, contains):
        p = pod(volumes=[{"name": "projected-volume", "projected": {"sources": [{"podCertificate": fields}]}}], name="pod1")
        contains_case(t, name, p, pc, errors, contains)

    keys = 'supported values: "RSA3072", "RSA4096", "ECDSAP256", "ECDSAP384", "ECDSAP521", "ED25519"'
    pcp('PodCertificate projected volume with no signer name', {"keyType": "ED25519", "credentialBundlePath": "credbundle.pem"},
        [src + '.signerName: Required value'], 'Required value')
    pcp('PodCertificate projected volume with bad signer name',
        {"signerName": "example.com/foo/invalid", "keyType": "ED25519", "credentialBundlePath": "credbundle.pem"},
        [src + '.signerName: Invalid value: "example.com/foo/invalid": must be a fully qualified domain and path of the form'],
        'must be a fully qualified domain and path of the form')
    pcp('PodCertificate projected volume with bad key type',
        {"signerName": "example.com/foo", "keyType": "BAD", "credentialBundlePath": "credbundle.pem"},
        [src + '.keyType: Unsupported value: "BAD": ' + keys], 'Unsupported value: "BAD"')
    pcp('PodCertificate projected volume with no paths', {"signerName": "example.com/foo", "keyType": "ED25519"},
        [src + ': Required value: specify at least one of credentialBundlePath, keyPath, and certificateChainPath'],
        'Required value: specify at least one of credentialBundlePath, keyPath, and certificateChainPath')
    pcp('PodCertificate projected volume with conflicting paths',
        {"signerName": "example.com/foo", "keyType": "ED25519", "keyPath": "same.pem", "certificateChainPath": "same.pem"},
        ['spec.volumes[0].projected: Invalid value: "same.pem": conflicting duplicate paths'], 'conflicting duplicate paths')
    # The three bad-path cases set no keyType: the empty key type is an error of its own before the paths.
    for name, fields, fld, val in (
            ('PodCertificate projected volume with bad cred bundle path', {"credentialBundlePath": "/absolute.pem"}, 'credentialBundlePath', '/absolute.pem'),
            ('PodCertificate projected volume with bad key path', {"keyPath": "/absolute.pem", "certificateChainPath": "certificates.pem"}, 'keyPath', '/absolute.pem'),
            ('PodCertificate projected volume with bad certificates path', {"keyPath": "key.pem", "certificateChainPath": "/certificates.pem"}, 'certificateChainPath', '/certificates.pem')):
        pcp(name, dict({"signerName": "example.com/foo"}, **fields),
            [src + '.keyType: Unsupported value: "": ' + keys, src + '.%s: Invalid value: "%s": must be a relative path' % (fld, val)],
            'must be a relative path')
    ok = {"signerName": "example.com/foo", "keyType": "ED25519", "keyPath": "key.pem", "certificateChainPath": "certificates.pem"}
    pcp('PodCertificate projected volume with bad user annotations, invalid key', dict(ok, userAnnotations={"only/one/slash": "bar"}),
        [src + '.userAnnotations: Invalid value: "only/one/slash": '],
        "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix")
    long_key = 'a' * 254 + '/foo'
    pcp('PodCertificate projected volume with bad user annotations, too long key prefix size', dict(ok, userAnnotations={long_key: "bar"}),
        [src + '.userAnnotations: Invalid value: "%s": prefix part must be no more than 253 bytes' % long_key],
        'prefix part must be no more than 253 bytes')
    pcp('PodCertificate projected volume with bad user annotations, too long total key/value size',
        dict(ok, userAnnotations={"domain/a": "d" * 262144}),
        [src + '.userAnnotations: Too long: may not be more than 262144 bytes'], 'may not be more than 262144 bytes')

    for op in ('Lt', 'Gt'):
        contains_case(t, 'numeric operator %s requires feature gate (gate disabled)' % op,
                      pod(tolerations=[{"key": "node.kubernetes.io/sla", "operator": op, "value": "950", "effect": "NoSchedule"}]),
                      {"TaintTolerationComparisonOperators": False},
                      ['spec.tolerations[0].operator: Unsupported value: "%s": supported values: "Equal", "Exists", "Lt", "Gt"' % op],
                      'Unsupported value: "%s"' % op)

    ss = {"ContainerStopSignals": True}
    contains_case(t, 'Pod with a StopSignal without `spec.os.name`',
                  pod(containers=[ctr("test-container", lifecycle={"stopSignal": "SIGTERM"})], name="test-pod"), ss,
                  ['spec.containers[0].lifecycle.stopSignal: Forbidden: may not be set for containers with empty `spec.os.name`'],
                  'spec.containers[0].lifecycle.stopSignal: Forbidden: may not be set for containers with empty `spec.os.name`')
    contains_case(t, 'Pod with a StopSignal not supported by OS',
                  pod(os={"name": "windows"}, containers=[ctr("test-container", lifecycle={"stopSignal": "SIGHUP"})], name="test-pod"), ss,
                  ['spec.containers[0].lifecycle.stopSignal: Unsupported value: "SIGHUP": supported values: "SIGKILL", "SIGTERM"'],
                  'spec.containers[0].lifecycle.stopSignal: Unsupported value: "SIGHUP": supported values: "SIGKILL", "SIGTERM"')


# --- TestValidatePodSpec (≈376,000-392,000): ValidatePodSpec with ResourceIsPod and PodLevelResourcesEnabled -----------
# Cases already in cases.json for 1.37 (host aliases, priority/runtime class names) are not repeated.
def validate_pod_spec():
    t = 'TestValidatePodSpec'
    res = {"limits": {"cpu": "100m", "memory": "200Mi"}}
    success = [
        ('populate basic fields, leave defaults for most', {}),
        ('populate all fields', {"initContainers": [ctr("ictr")], "volumes": [{"name": "vol", "emptyDir": {}}],
                                 "nodeSelector": {"key": "value"}, "nodeName": "foobar", "activeDeadlineSeconds": 2147483647,
                                 "serviceAccountName": "acct"}),
        ('populate HostNetwork', {"containers": [ctr(ports=[{"hostPort": 8080, "containerPort": 8080, "protocol": "TCP"}])], "hostNetwork": True}),
        ('populate RunAsUser SupplementalGroups FSGroup with minID 0', {"securityContext": {"supplementalGroups": [0], "runAsUser": 0, "fsGroup": 0}}),
        ('populate RunAsUser SupplementalGroups FSGroup with maxID 2147483647',
         {"securityContext": {"supplementalGroups": [2147483647], "runAsUser": 2147483647, "fsGroup": 2147483647}}),
        ('populate HostIPC', {"hostIPC": True}),
        ('populate HostPID', {"hostPID": True}),
        ('populate Affinity', {"affinity": {"nodeAffinity": {
            "requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [{
                "matchExpressions": [{"key": "key2", "operator": "In", "values": ["value1", "value2"]}],
                "matchFields": [{"key": "metadata.name", "operator": "In", "values": ["host1"]}]}]},
            "preferredDuringSchedulingIgnoredDuringExecution": [{"weight": 10, "preference": {
                "matchExpressions": [{"key": "foo", "operator": "In", "values": ["bar"]}]}}]}}}),
        ('populate ShareProcessNamespace', {"shareProcessNamespace": True}),
        ('HostPID with ShareProcessNamespace disabled', {"hostPID": True, "shareProcessNamespace": False}),
        ('populate FSGroupChangePolicy', {"securityContext": {"fsGroupChangePolicy": "Always"}}),
        ('resources resize policy for containers', {"containers": [ctr(resizePolicy=[{"resourceName": "cpu", "restartPolicy": "NotRequired"}])]}),
        ('populate SupplementalGroupsPolicy', {"securityContext": {"supplementalGroupsPolicy": "Strict"}}),
        ('populate PodLevelResources without OS', {"resources": res, "containers": [ctr("container")]}),
        ('populate PodLevelResources with valid OS', {"resources": res, "containers": [ctr("container")], "os": {"name": "linux"}}),
    ]
    for name, spec in success:
        case(t, name, pod(spec))
    case(t, 'populate Overhead', pod({"overhead": {}}),
         errors=('pods "pod" is forbidden: pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead',),
         note='upstream calls ValidatePodSpec only (no errors); a create of this manifest passes validation and is then '
              'refused by the RuntimeClass admission plugin: validateOverhead with no RuntimeClass refuses a non-nil '
              'overhead, even {} (ADM-013, plugin/pkg/admission/runtimeclass/admission.go vendored at v1.35.0 in '
              'rancher/support-bundle-kit 1efdd22c2)')
    # legacyValidationCases: emulation 1.37 with StrictIPCIDRValidation off, and PodLevelResourcesEnabled false (the
    # option follows the PodLevelResources gate; with it off the create strategy drops spec.resources).
    case(t, 'populate HostAliases with legacy IP with legacy validation',
         pod({"hostAliases": [{"ip": "012.034.056.078", "hostnames": ["host1", "host2"]}]}), {"StrictIPCIDRValidation": False})
    case(t, 'populate PodLevelResources without OS using legacy validation', pod({"resources": res, "containers": [ctr("container")]}),
         {"PodLevelResources": False})
    case(t, 'populate PodLevelResources with valid OS using legacy validation',
         pod({"resources": res, "containers": [ctr("container")], "os": {"name": "linux"}}), {"PodLevelResources": False})
    # failureCases: only these two pin errors (ErrorMatcher by type, field, origin and detail substring); the others
    # check nothing (upstream skips the comparison when expectedErrors is empty) and are listed as not written.
    case(t, 'ShareProcessNamespace and HostPID both set', pod({"hostPID": True, "shareProcessNamespace": True}), None,
         ['spec.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled'],
         note='pinned at field.shareProcessNamespace, also in the upstream test file at 78e971a4 (TestValidatePodSpec there = '
              'this function as transcribed: success, legacy and failure cases); the internal-PodSpec move is upstream 1.37: '
              'kubernetes validation.go at 78e971a4bc0dc76845d7986495607ed6d5b616a7 (master of 2026-07-23, after '
              'v1.37.0-beta.0) calls validateShareProcessNamespace(spec, fldPath) right after the pod security context '
              '(spec/validation.md VAL-202)')
    case(t, 'bad OS for PodLevelResources hides bad cpu limit',
         pod({"resources": res, "containers": [ctr("container", resources={"limits": {"cpu": "200m", "memory": "200Mi"}})],
              "os": {"name": "windows"}}), None, ['spec.resources: Forbidden: may not be set for a windows pod'])
    not_expressible(t, 'the other failureCases (bad volume, no containers, bad container, …, bad invalid SupplementalGroupsPolicy)',
                    'not a vector: the test compares errors only when expectedErrors is set, which these cases leave empty, '
                    'so upstream pins neither their verdict nor their errors')


# --- TestValidateInitContainers (≈340,000-358,000): validateInitContainers with a regular container "app" -----------------
def init_containers():
    t = 'TestValidateInitContainers'
    app = ctr("app", image="nginx")

    def ip(*inits, gates=None):
        return pod(containers=[app], initContainers=list(inits))

    # successCase (one call with AllowSidecarResizePolicy and AllowExistingRestartContainerForNonSidecarInitContainer):
    # the two resize-policy entries new since ≈1.30 that a create can carry.
    case(t, 'success: container-4-allowed-resize-policy',
         ip(ctr("container-4-allowed-resize-policy", resizePolicy=[{"resourceName": "cpu", "restartPolicy": "NotRequired"}])))
    case(t, 'success: restartcontainer-policy-allowed-if-sidecar',
         ip(ctr("restartcontainer-policy-allowed-if-sidecar", image="nginx", restartPolicy="Always",
                resizePolicy=[{"resourceName": "cpu", "restartPolicy": "RestartContainer"}])))
    not_expressible(t, 'success: restartcontainer-policy-allowed-if-already-exists',
                    'passes only with the option AllowExistingRestartContainerForNonSidecarInitContainer, which (as its name '
                    'says) exempts pods that already have such an entry; a create of the same container is rejected (see '
                    '"RestartContainer policy forbidden for non-sidecar init container")')
    # errorCases run with PodValidationOptions{}: without the ContainerRestartRules option an init container may only say
    # Always. A 1.37 create takes the option from the ContainerRestartRules gate (beta, on), and with the gate off the
    # create strategy's dropContainerRestartRules removes every init-container restartPolicy but Always first (pkg/api/pod
    # util.go, spec/admission.md ADM-088), so the pod is valid either way. Until session 10 these four ran here with the
    # gate off through a harness that skipped PrepareForCreate; run through the whole create they are not expressible
    # (1.33, before the gate, runs them: older_copies()).
    not_expressible(t, 'Not supported RestartPolicy: OnFailure / Never / invalid / empty (1.34-1.37)',
                    'with ContainerRestartRules on (1.35+ default) OnFailure and Never are allowed and "invalid"/"" get '
                    'validateContainerRestartPolicy\'s error instead; with it off (1.34 default) the create strategy drops '
                    'the init container\'s non-Always restartPolicy before validation (dropContainerRestartRules, ADM-088), '
                    'so the create is valid')
    case(t, 'RestartContainer policy forbidden for non-sidecar init container',
         ip(ctr("standard-init-no-restart", resizePolicy=[{"resourceName": "cpu", "restartPolicy": "RestartContainer"}])), None,
         ['spec.initContainers[0].resizePolicy[0].restartPolicy: Invalid value: "RestartContainer": must not be set to '
          "'RestartContainer' for non-sidecar initContainers"],
         note='upstream also expects Invalid initContainers[0].resizePolicy ("must not be set for init containers"): its '
              'options leave AllowSidecarResizePolicy off, which a 1.37 create never does (InPlacePodVerticalScaling is GA); '
              'the second error, the 1.36+ rule, is the one a create gets')
    not_expressible(t, 'Not supported ResizePolicy: invalid',
                    'the error (resizePolicy "must not be set for init containers") needs AllowSidecarResizePolicy off; on a '
                    '1.37 create it follows InPlacePodVerticalScaling, GA and locked on, so the init container\'s '
                    'resizePolicy is accepted (the same case in the 1.33-1.36 copies: the gate is beta and on in 1.33-1.34, '
                    'and with it off the create strategy drops resizePolicy, ADM-087; GA from 1.35)')
    not_expressible('TestValidateContainers', 'Forbidden RestartPolicy: Always / OnFailure / Never / invalid / empty (1.34-1.37)',
                    'a regular container\'s restartPolicy is forbidden only without the ContainerRestartRules option; a create '
                    'derives it from the gate, and with the gate off the create strategy drops the field first '
                    '(dropContainerRestartRules, ADM-088); they run at 1.33, before the gate (older_copies)')


# --- TestValidatePodSchedulingGroup (≈1,124,000): ValidatePodSpec with PodValidationOptions{}; failures verdict only -----
# A manifest needs GenericWorkload (beta, off in 1.37), else the create strategy drops spec.schedulingGroup (DEF-300).
# The errors are validateSchedulingGroup's (VAL-705: fork copies FA, FJ; the detail of a bad name is NameIsDNSSubdomain's).
def scheduling_group():
    t = 'TestValidatePodSchedulingGroup'
    g = {"GenericWorkload": True}
    f = 'spec.schedulingGroup.podGroupName'
    case(t, 'correct', pod(schedulingGroup={"podGroupName": "group"}), g)
    case(t, 'nil pod group name', pod(schedulingGroup={}), g, [f + ': Invalid value: null: must specify one of: `podGroupName`'])
    case(t, 'empty pod group name', pod(schedulingGroup={"podGroupName": ""}), g, [f + ': Invalid value: "": a lowercase RFC 1123 subdomain'])
    case(t, 'incorrect pod group name', pod(schedulingGroup={"podGroupName": ".podGroup"}), g,
         [f + ': Invalid value: ".podGroup": a lowercase RFC 1123 subdomain'])
    case(t, 'too long pod group name', pod(schedulingGroup={"podGroupName": "w" * 254}), g,
         [f + ': Invalid value: "%s": must be no more than 253 characters' % ('w' * 254)])


# --- TestNumericTolerationsWithFeatureGate (≈1,111,000-1,118,000): ValidateTolerations of one toleration with the option
# AllowTaintTolerationComparisonOperators = the gate; upstream pins a substring of the aggregate error (kept in contains).
def numeric_tolerations():
    t = 'TestNumericTolerationsWithFeatureGate'
    on = {"TaintTolerationComparisonOperators": True}
    off = {"TaintTolerationComparisonOperators": False}
    canon = 'must be a valid decimal integer in canonical form'
    rows = [
        ('Gt operator with valid numeric value and feature gate enabled', 'node.kubernetes.io/sla', 'Gt', '950', on, None),
        ('Lt operator with valid numeric value and feature gate enabled', 'node.kubernetes.io/sla', 'Lt', '800', on, None),
        ('Gt operator with negative numeric value and feature gate enabled', 'test-key', 'Gt', '-100', on, None),
        ('Gt operator with non-numeric value and feature gate enabled', 'node.kubernetes.io/sla', 'Gt', 'high', on, canon),
        ('Gt operator with leading zeros and feature gate enabled (invalid - strict validation)', 'node.kubernetes.io/sla', 'Gt', '0950', on, canon),
        ("Gt operator with value '0' and feature gate enabled (valid)", 'test-key', 'Gt', '0', on, None),
        ('Gt operator with decimal value and feature gate enabled', 'node.kubernetes.io/sla', 'Gt', '95.5', on, canon),
        ('Gt operator with just minus sign and feature gate enabled', 'test-key', 'Gt', '-', on, canon),
        ('Gt operator with plus sign and feature gate enabled (invalid - strict validation)', 'test-key', 'Gt', '+100', on, canon),
        ('Gt operator with space in value and feature gate enabled', 'test-key', 'Gt', '95 0', on, canon),
        ('Gt operator with empty value and feature gate enabled', 'test-key', 'Gt', '', on, 'must be non-empty'),
        ('Gt operator with max int64 value and feature gate enabled', 'test-key', 'Gt', '9223372036854775807', on, None),
        ('Gt operator with overflow value and feature gate enabled', 'test-key', 'Gt', '9223372036854775808', on,
         'strconv.ParseInt: parsing "9223372036854775808": value out of range'),
    ]
    for name, key, op, value, gates, detail in rows:
        p = pod(tolerations=[{"key": key, "operator": op, "value": value, "effect": "NoSchedule"}])
        if detail is None:
            case(t, name, p, gates)
        else:
            text = 'spec.tolerations[0].value: Invalid value: "%s": %s' % (value, detail)
            errors = [text]
            # ValidateTolerations (FM, the same commit) also reports strconv.ParseInt's error for a value it cannot parse
            # (VAL-311); "0950" and "+100" parse, the overflow case is that error alone.
            if detail != canon or value not in ('0950', '+100'):
                if 'strconv' not in detail:
                    errors.append('spec.tolerations[0].value: Invalid value: "%s": strconv.ParseInt: parsing "%s": invalid syntax' % (value, value))
            contains_case(t, name, p, gates, errors, text[len('spec.'):])
    contains_case(t, 'Lt operator with feature gate disabled',
                  pod(tolerations=[{"key": "node.kubernetes.io/sla", "operator": "Lt", "value": "950", "effect": "NoSchedule"}]), off,
                  ['spec.tolerations[0].operator: Unsupported value: "Lt": supported values: "Equal", "Exists", "Lt", "Gt"'], 'Unsupported value')
    not_expressible('TestValidateContainerStateTransition / TestValidateInitContainerStateTransition', 'all cases',
                    'they validate container status transitions of a pod status update (restart rules, RestartAllContainers), '
                    'not a create')


# --- TestValidateContainerRestartPolicy (≈1,090,000-1,100,000): validateContainers / validateInitContainers with
# AllowContainerRestartPolicyRules (the ContainerRestartRules gate, beta and on in 1.37) and, where the case sets it,
# AllowRestartAllContainers (RestartAllContainersOnContainerExits, beta and on). Errors pinned by type, field and bad value.
def container_restart_policy():
    t = 'TestValidateContainerRestartPolicy'
    rule = lambda action="Restart", op="In", values=(42,): {"action": action, "exitCodes": {"operator": op, "values": list(values)}}

    def cp(policy=None, rules=None):
        c = ctr("name")
        if policy is not None:
            c["restartPolicy"] = policy
        if rules is not None:
            c["restartPolicyRules"] = rules
        return pod(containers=[c])

    for name, policy, rules in (('no-restart-policy-and-rules', None, None), ('restart-policy-always', 'Always', None),
                                ('restart-policy-never', 'Never', None), ('restart-policy-on-failure', 'OnFailure', None),
                                ('restart-policy-rules', 'Never', [rule()]),
                                ('restart-all-containers', 'Never', [rule("RestartAllContainers")])):
        case(t, name, cp(policy, rules))
    c0 = 'spec.containers[0]'
    errors = [
        ('invalid container restart policy', 'invalid', None, [c0 + '.restartPolicy: Unsupported value: "invalid"']),
        ('empty container restart policy', '', None, [c0 + '.restartPolicy: Unsupported value: ""']),
        ('missing container restart policy when restart rules are specified', None, [rule()], [c0 + '.restartPolicy: Required value']),
        ('invalid action', 'Never', [rule("invalid")], [c0 + '.restartPolicyRules[0].action: Unsupported value: "invalid"']),
        ('empty action', 'Never', [rule("")], [c0 + '.restartPolicyRules[0].action: Unsupported value: ""']),
        ('empty ExitCodes', 'Never', [{"action": "Restart"}], [c0 + '.restartPolicyRules[0].exitCodes: Required value']),
        ('invalid ExitCodes Operator', 'Never', [rule(op="invalid")], [c0 + '.restartPolicyRules[0].exitCodes.operator: Unsupported value: "invalid"']),
        ('empty ExitCodes Operator', 'Never', [rule(op="")], [c0 + '.restartPolicyRules[0].exitCodes.operator: Unsupported value: ""']),
        ('restart-policy-rules with too many exit codes', 'Never', [rule(values=[0] * 256)], [c0 + '.restartPolicyRules[0].exitCodes.values: Too many: 256']),
        ('restart-policy-rules with too many rules', 'Never', [rule()] * 21, [c0 + '.restartPolicyRules: Too many: 21']),
    ]
    for name, policy, rules, expected in errors:
        case(t, name, cp(policy, rules), None, expected)

    # The init-container cases (validateInitContainers with the case's options; the pod needs a regular container).
    def ip(policy, rules):
        c = ctr("name")
        if policy is not None:
            c["restartPolicy"] = policy
        if rules is not None:
            c["restartPolicyRules"] = rules
        return pod(initContainers=[c])

    rac = [rule("RestartAllContainers", values=(1,))]
    case(t, 'sidecar containers without restart policy rules', ip('Always', None))
    case(t, 'restart policy rules are supported with restart policy Always with option', ip('Always', rac))
    case(t, 'restart policy rules are not supported with restart policy Always without option', ip('Always', rac),
         {"RestartAllContainersOnContainerExits": False}, ['spec.initContainers[0].restartPolicyRules: Forbidden'],
         note='the option AllowRestartAllContainers follows the RestartAllContainersOnContainerExits gate, so the case runs with it off')
    case(t, 'restart policy rules are not supported if no restart policy is set', ip(None, rac), None,
         ['spec.initContainers[0].restartPolicy: Required value'])


# --- TestValidateHostUsers (≈950,000): validateHostUsers(spec, "spec", opts); verdict only. UserNamespacesSupport is GA
# in 1.37. The errors are validateHostUsers' as spec/validation.md VAL-215 reads it (≈1.33-1.35 copies; the detail text
# of 1.34+).
def host_users():
    t = 'TestValidateHostUsers'
    hp = {"path": "/data"}
    note_hp = 'upstream\'s hostPath has no path, itself an error on create; the manifest uses /data (as ../security)'
    case(t, 'empty', pod())
    case(t, 'hostUsers unset', pod(securityContext={}))
    case(t, 'hostUsers=false', pod(hostUsers=False))
    case(t, 'hostUsers=true', pod(hostUsers=True))
    case(t, 'hostUsers=false & volumes', pod(hostUsers=False, volumes=[
        {"name": "configmap", "configMap": {"name": "configmap"}}, {"name": "secret", "secret": {"secretName": "secret"}},
        {"name": "downward-api", "downwardAPI": {}}, {"name": "proj", "projected": {}}, {"name": "empty-dir", "emptyDir": {}}]))
    case(t, 'hostUsers=false - stateful volume', pod(hostUsers=False, volumes=[{"name": "host-path", "hostPath": hp}]), note=note_hp)
    case(t, 'hostUsers=true - stateful volume', pod(hostUsers=True, volumes=[{"name": "host-path", "hostPath": hp}]), note=note_hp)
    detail = 'when `hostUsers` is false'
    case(t, 'hostUsers=false & HostNetwork', pod(hostUsers=False, hostNetwork=True), None, ['spec.hostNetwork: Forbidden: ' + detail])
    case(t, 'hostUsers=false & HostPID', pod(hostUsers=False, hostPID=True), None, ['spec.HostPID: Forbidden: ' + detail])
    case(t, 'hostUsers=false & HostIPC', pod(hostUsers=False, hostIPC=True), None, ['spec.HostIPC: Forbidden: ' + detail])
    pvc = [{"name": "test-volume", "persistentVolumeClaim": {"claimName": "claim"}}]
    dev = [{"name": "test-volume", "devicePath": "/dev/test-device"}]
    note_dev = 'upstream\'s device names no volume; the manifest adds a persistentVolumeClaim volume "test-volume" so the device itself is valid'
    case(t, 'hostUsers=false & container volumeDevice', pod(hostUsers=False, volumes=pvc, containers=[ctr("test-container", volumeDevices=dev)]),
         None, ['spec.containers[0].volumeDevices: Forbidden: ' + detail], note=note_dev)
    case(t, 'hostUsers=false & initContainer volumeDevice', pod(hostUsers=False, volumes=pvc, initContainers=[ctr("test-container", volumeDevices=dev)]),
         None, ['spec.initContainers[0].volumeDevices: Forbidden: ' + detail], note=note_dev)
    not_expressible(t, 'hostUsers=false & ephemeralContainer volumeDevice', 'ephemeral containers cannot be set on create (VAL-016)')
    not_expressible(t, 'opts: Allow... & hostUsers=false & container / initContainer / ephemeralContainer volumeDevice',
                    'AllowUserNamespacesWithVolumeDevices is for updates of objects that already have the configuration; '
                    'a create never sets it')


# --- TestValidatePodHostName (≈956,000): validatePodHostName(spec, "spec"), ErrorMatcher by type, field, origin and detail
# substring. HostnameOverride is beta and on in 1.37.
def pod_host_name():
    t = 'TestValidatePodHostName'
    f = 'spec.hostnameOverride'
    rows = [
        ('Set HostnameOverride, but empty string', {"hostnameOverride": ""}, [f + ': Invalid value: "": a lowercase RFC 1123 subdomain']),
        ('Set HostnameOverride, less than 64 characters', {"hostnameOverride": "a"}, []),
        ('HostnameOverride is set should not error', {"hostnameOverride": "custom-host"}, []),
        ('Set HostnameOverride, equal 64 characters', {"hostnameOverride": "a" * 64}, []),
        ('Set HostnameOverride, but longer than 64 characters', {"hostnameOverride": "a" * 65}, [f + ': Too long: may not be more than 64 bytes']),
        ('Set HostnameOverride, but not RFC 1123 DNS subdomain should error', {"hostnameOverride": "Not-RFC1123"},
         [f + ': Invalid value: "Not-RFC1123": a lowercase RFC 1123 subdomain']),
        ('SetHostnameAsFQDN=true and HostnameOverride is set should error', {"setHostnameAsFQDN": True, "hostnameOverride": "custom-host"},
         [f + ': Forbidden: may not be specified when setHostnameAsFQDN is true']),
        ('SetHostnameAsFQDN=false and HostnameOverride is set should not error', {"setHostnameAsFQDN": False, "hostnameOverride": "custom-host"}, []),
        ('HostNetwork=true and HostnameOverride is set should error', {"hostNetwork": True, "hostnameOverride": "custom-host"},
         [f + ': Forbidden: may not be specified when hostNetwork is true']),
        ('HostNetwork=false and HostnameOverride is set should not error', {"hostNetwork": False, "hostnameOverride": "custom-host"}, []),
    ]
    for name, spec, errors in rows:
        case(t, name, pod(spec), None, errors)


# --- Upstream 1.37 (session 9, vt137c): TestValidateContainers / TestValidateInitContainers in kubernetes/kubernetes ----
# validation_test.go at 78e971a4bc0dc76845d7986495607ed6d5b616a7 (master of 2026-07-23, after v1.37.0-beta.0; search index
# id 55854384944): TestValidateContainers at offsets ≈303,000-333,000, TestValidateInitContainers ≈333,000-350,000.
# Both call the function with PodValidationOptions{} and a linux pod OS. TestValidateContainers compares type and field
# (cmp.Diff ignoring BadValue, Detail, Origin); TestValidateInitContainers also the value (ignoring Detail). Entries are
# therefore `<field>: <Type>` prefixes (plus the value for init containers). A manifest is defaulted before validation:
# cases whose input defaulting changes (empty httpGet path/scheme, empty terminationMessagePolicy, limits copied to
# requests) are listed as not expressible.
U37 = 'kubernetes/kubernetes validation_test.go at 78e971a4bc0dc76845d7986495607ed6d5b616a7'


def u37_containers():
    t = 'TestValidateContainers'
    n = U37 + ' (upstream, not the fork)'
    tcp80 = {"tcpSocket": {"port": 80}}

    def c1(**extra):
        return pod(containers=[ctr(**extra)])

    success = [
        ctr("abc"), ctr("123"), ctr("abc-123"),
        ctr("life-123", lifecycle={"preStop": {"exec": {"command": ["ls", "-l"]}}}),
        ctr("resources-test", resources={"limits": {"cpu": "10", "memory": "10G", "my.org/resource": "10"}}),
        ctr("resources-test-with-request-and-limit", resources={"requests": {"cpu": "10", "memory": "10G"}, "limits": {"cpu": "10", "memory": "10G"}}),
        ctr("resources-request-limit-simple", resources={"requests": {"cpu": "8"}, "limits": {"cpu": "10"}}),
        ctr("resources-request-limit-edge", resources={"requests": {"cpu": "10", "memory": "10G", "my.org/resource": "10"},
                                                        "limits": {"cpu": "10", "memory": "10G", "my.org/resource": "10"}}),
        ctr("resources-request-limit-partials", resources={"requests": {"cpu": "9.5", "memory": "10G"}, "limits": {"cpu": "10", "my.org/resource": "10"}}),
        ctr("resources-request", resources={"requests": {"cpu": "9.5", "memory": "10G"}}),
        ctr("resources-resize-policy", resizePolicy=[{"resourceName": "cpu", "restartPolicy": "NotRequired"},
                                                     {"resourceName": "memory", "restartPolicy": "RestartContainer"}]),
        ctr("same-host-port-different-protocol", ports=[{"containerPort": 80, "hostPort": 80, "protocol": "TCP"},
                                                        {"containerPort": 80, "hostPort": 80, "protocol": "UDP"}]),
        ctr("fallback-to-logs-termination-message", terminationMessagePolicy="FallbackToLogsOnError"),
        ctr("file-termination-message"),
        ctr("env-from-source", envFrom=[{"configMapRef": {"name": "test"}}]),
        ctr("live-123", livenessProbe=dict(tcp80, successThreshold=1)),
        ctr("startup-123", startupProbe=dict(tcp80, successThreshold=1)),
        ctr("resize-policy-cpu", resizePolicy=[{"resourceName": "cpu", "restartPolicy": "NotRequired"}]),
        ctr("resize-policy-mem", resizePolicy=[{"resourceName": "memory", "restartPolicy": "RestartContainer"}]),
        ctr("resize-policy-cpu-and-mem", resizePolicy=[{"resourceName": "memory", "restartPolicy": "NotRequired"},
                                                       {"resourceName": "cpu", "restartPolicy": "RestartContainer"}]),
        ctr("container-with-stopsignal-lifecycle", lifecycle={"stopSignal": "SIGTERM"}),
    ]
    case(t, 'successCase', pod(containers=success, os={"name": "linux"}), None, [], note=n + '; the pod OS linux of the test is '
         'spec.os; the two whitespace-image containers ("def", "ghi") and "abc-1234" (fakeValidSecurityContext) are left out, '
         'see notExpressible')
    not_expressible(t, 'successCase: "def" (image " "), "ghi" (image " some  ")',
                    'kept by upstream for pod templates; a Pod create also runs the pod-only image check (leading/trailing '
                    'whitespace), so the same container is an error there')
    not_expressible(t, 'successCase: "abc-1234" and error "privilege disabled"',
                    'depend on the API server\'s --allow-privileged (capabilities.Initialize in the test); the model assumes '
                    'privileged containers are allowed (spec/validation.md VAL-213 area), and fakeValidSecurityContext\'s body '
                    'was not read at 78e971a4')

    c = 'spec.containers[0]'
    errs = [
        ('zero-length name', c1(name=""), [c + '.name: Required value']),
        ('zero-length-image', c1(name="abc", image=""), [c + '.image: Required value']),
        ('name > 63 characters', c1(name="a" * 64), [c + '.name: Invalid value']),
        ('name not a DNS label', c1(name="a.b.c"), [c + '.name: Invalid value']),
        ('name not unique', pod(containers=[ctr("abc"), ctr("abc")]), ['spec.containers[1].name: Duplicate value']),
        ('host port not unique', pod(containers=[ctr("abc", ports=[{"containerPort": 80, "hostPort": 80, "protocol": "TCP"}]),
                                                  ctr("def", ports=[{"containerPort": 81, "hostPort": 80, "protocol": "TCP"}])]),
         ['spec.containers[1].ports[0].hostPort: Duplicate value']),
        ('unknown volume name', c1(name="abc", volumeMounts=[{"name": "anything", "mountPath": "/foo"}]),
         [c + '.volumeMounts[0].name: Not found']),
        ('invalid lifecycle, no exec command.', c1(name="life-123", lifecycle={"preStop": {"exec": {}}}),
         [c + '.lifecycle.preStop.exec.command: Required value']),
        ('invalid lifecycle, no http port.', c1(name="life-123", lifecycle={"preStop": {"httpGet": {"path": "/", "port": 0, "scheme": "HTTP"}}}),
         [c + '.lifecycle.preStop.httpGet.port: Invalid value']),
        ('invalid lifecycle, no tcp socket port.', c1(name="life-123", lifecycle={"preStop": {"tcpSocket": {"port": 0}}}),
         [c + '.lifecycle.preStop.tcpSocket.port: Invalid value']),
        ('invalid lifecycle, zero tcp socket port.', c1(name="life-123", lifecycle={"preStop": {"tcpSocket": {"port": 0}}}),
         [c + '.lifecycle.preStop.tcpSocket.port: Invalid value']),
        ('invalid lifecycle, no action.', c1(name="life-123", lifecycle={"preStop": {}}), [c + '.lifecycle.preStop: Required value']),
        ('invalid readiness probe, terminationGracePeriodSeconds set.',
         c1(name="life-123", readinessProbe=dict(tcp80, terminationGracePeriodSeconds=10)),
         [c + '.readinessProbe.terminationGracePeriodSeconds: Invalid value']),
        ('invalid liveness probe, no tcp socket port.', c1(name="live-123", livenessProbe={"tcpSocket": {"port": 0}, "successThreshold": 1}),
         [c + '.livenessProbe.tcpSocket.port: Invalid value']),
        ('invalid liveness probe, no action.', c1(name="live-123", livenessProbe={"successThreshold": 1}),
         [c + '.livenessProbe: Required value']),
        ('invalid liveness probe, successThreshold != 1', c1(name="live-123", livenessProbe=dict(tcp80, successThreshold=2)),
         [c + '.livenessProbe.successThreshold: Invalid value']),
        ('invalid startup probe, successThreshold != 1', c1(name="startup-123", startupProbe=dict(tcp80, successThreshold=2)),
         [c + '.startupProbe.successThreshold: Invalid value']),
    ]
    neg = dict(tcp80, initialDelaySeconds=-1, timeoutSeconds=-1, periodSeconds=-1, successThreshold=-1, failureThreshold=-1,
               terminationGracePeriodSeconds=-1)
    for probe, name in (('livenessProbe', 'live-123'), ('readinessProbe', 'ready-123'), ('startupProbe', 'startup-123')):
        p = c + '.' + probe + '.'
        fields = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold',
                  'terminationGracePeriodSeconds', 'terminationGracePeriodSeconds' if probe == 'readinessProbe' else 'successThreshold']
        errs.append(('invalid %s probe, negative numbers' % probe.replace('Probe', ''), c1(name=name, **{probe: dict(neg)}),
                     [p + f + ': Invalid value' for f in fields]))
    errs += [
        ('invalid message termination policy', c1(name="life-123", terminationMessagePolicy="Unknown"),
         [c + '.terminationMessagePolicy: Unsupported value']),
        ('Resource Requests CPU invalid', c1(name="abc-123", resources={"requests": {"cpu": "-10", "memory": "0"}}),
         [c + '.resources.requests[cpu]: Invalid value']),
        ('Request limit simple invalid', c1(name="abc-123", resources={"limits": {"cpu": "5", "memory": "3"}, "requests": {"cpu": "6", "memory": "3"}}),
         [c + '.resources.requests: Invalid value']),
        ('CPU request limit multiple invalid', c1(name="abc-123", resources={"limits": {"cpu": "5", "memory": "3"}, "requests": {"cpu": "6", "memory": "3"}}),
         [c + '.resources.requests: Invalid value']),
        ('Memory request limit multiple invalid', c1(name="abc-123", resources={"limits": {"cpu": "5", "memory": "3"}, "requests": {"cpu": "5", "memory": "4"}}),
         [c + '.resources.requests: Invalid value']),
        ('Invalid env from', c1(name="env-from-source", envFrom=[{"configMapRef": {"name": "$%^&*#"}}]),
         [c + '.envFrom[0].configMapRef.name: Invalid value']),
        ('Unsupported resize policy for memory', c1(name="resize-policy-mem-invalid", resizePolicy=[{"resourceName": "memory", "restartPolicy": "RestartContainerrrr"}]),
         [c + '.resizePolicy: Unsupported value']),
        ('Unsupported resize policy for CPU', c1(name="resize-policy-cpu-invalid", resizePolicy=[{"resourceName": "cpu", "restartPolicy": "RestartNotRequired"}]),
         [c + '.resizePolicy: Unsupported value']),
    ]
    # The ≈1.30 copy of the test (kubecraft cca2926a, ../spec cases.json's source, local mirror) has the same error cases with
    # the same fields, so those whose input a 1.30 create keeps run at 1.30 too (resizePolicy needs InPlacePodVerticalScaling,
    # alpha and off in 1.30: the create strategy drops it). "ev!1" is expressible at 1.30: RelaxedEnvironmentVariableValidation
    # is alpha and off there.
    errs.append(('invalid env var name', c1(name="abc", env=[{"name": "ev!1"}]), [c + '.env[0].name: Invalid value']))
    for name, p, e in errs:
        p["spec"]["os"] = {"name": "linux"}
        if name == 'invalid env var name':
            case(t, name, p, None, e, note=n + '; run at 1.30 only (see notExpressible for 1.37)', releases=('1.30',))
        elif 'resize policy' in name:
            case(t, name, p, None, e, note=n)
        else:
            case(t, name, p, None, e, note=n + '; same case and fields in the ≈1.30 copy (kubecraft cca2926a)', releases=('1.30', '1.37'))
    not_expressible(t, 'zero-length image (second copy)', 'the same input as "zero-length-image"; run once')
    not_expressible(t, 'invalid env var name ("ev!1") at 1.34-1.37',
                    'PodValidationOptions{} leaves AllowRelaxedEnvironmentVariableValidation off; a create takes it from '
                    'the RelaxedEnvironmentVariableValidation gate, GA and locked on from 1.34, which accepts "ev!1" (it runs '
                    'at 1.30 and, with the gate off, at 1.33)')
    for name, why in (('invalid lifecycle, no http path.', 'SetDefaults_HTTPGetAction sets an empty path to "/"'),
                      ('invalid lifecycle, no http scheme.', 'SetDefaults_HTTPGetAction sets an empty scheme to HTTP'),
                      ('empty message termination policy', 'SetDefaults_Container sets an empty terminationMessagePolicy to File'),
                      ('invalid compute resource / Resource CPU invalid / Resource Memory invalid / Invalid storage limit request',
                       'limits only: SetDefaults_Pod copies the limits to the requests, so a create also reports the requests')):
        not_expressible(t, name, 'defaulting changes the input before validation: ' + why)


def u37_init_containers():
    t = 'TestValidateInitContainers'
    n = U37 + ' (upstream, not the fork)'
    app = ctr("app", image="nginx")
    tcp80 = {"tcpSocket": {"port": 80}}
    i = 'spec.initContainers[0]'

    def ip(*inits):
        return pod(containers=[app], initContainers=list(inits), os={"name": "linux"})

    case(t, 'u37: successCase (without the option-only container)', ip(
        ctr("container-1-same-host-port-different-protocol", ports=[{"containerPort": 80, "hostPort": 80, "protocol": "TCP"},
                                                                    {"containerPort": 80, "hostPort": 80, "protocol": "UDP"}]),
        ctr("container-2-same-host-port-different-protocol", ports=[{"containerPort": 80, "hostPort": 80, "protocol": "TCP"},
                                                                    {"containerPort": 80, "hostPort": 80, "protocol": "UDP"}]),
        ctr("container-3-restart-always-with-lifecycle-hook-and-probes", restartPolicy="Always",
            lifecycle={"postStart": {"exec": {"command": ["echo", "post start"]}}, "preStop": {"exec": {"command": ["echo", "pre stop"]}}},
            livenessProbe=dict(tcp80, successThreshold=1), readinessProbe=dict(tcp80), startupProbe=dict(tcp80, successThreshold=1)),
        ctr("container-4-allowed-resize-policy", resizePolicy=[{"resourceName": "cpu", "restartPolicy": "NotRequired"}]),
        ctr("restartcontainer-policy-allowed-if-sidecar", image="nginx", restartPolicy="Always",
            resizePolicy=[{"resourceName": "cpu", "restartPolicy": "RestartContainer"}])), None, [],
        note=n + '; upstream validates the init containers in one call, with the regular container "app"; '
             '"restartcontainer-policy-allowed-if-already-exists" needs an update-only option (listed)')
    ctr_dbg = dict(name="debug")
    errs = [
        ('empty name', ip(ctr("")), [i + '.name: Required value']),
        ('name collision with regular container', ip(ctr("app")), [i + '.name: Duplicate value: "app"']),
        ('invalid termination message policy', ip(ctr("init", terminationMessagePolicy="Unknown")),
         [i + '.terminationMessagePolicy: Unsupported value: "Unknown"']),
        ('duplicate names', ip(ctr("init"), ctr("init")), ['spec.initContainers[1].name: Duplicate value: "init"']),
        ('duplicate ports', ip(ctr("abc", ports=[{"containerPort": 8080, "hostPort": 8080, "protocol": "TCP"}] * 2)),
         [i + '.ports[1].hostPort: Duplicate value: "TCP//8080"']),
        ('uses disallowed field: Lifecycle', ip(ctr(lifecycle={"preStop": {"exec": {"command": ["ls", "-l"]}}}, **ctr_dbg)),
         [i + '.lifecycle: Forbidden']),
        ('uses disallowed field: LivenessProbe', ip(ctr(livenessProbe=dict(tcp80, successThreshold=1), **ctr_dbg)),
         [i + '.livenessProbe: Forbidden']),
        ('uses disallowed field: ReadinessProbe', ip(ctr(readinessProbe=dict(tcp80), **ctr_dbg)), [i + '.readinessProbe: Forbidden']),
        ('Container uses disallowed field: StartupProbe', ip(ctr(startupProbe=dict(tcp80, successThreshold=1), **ctr_dbg)),
         [i + '.startupProbe: Forbidden']),
        ('Disallowed field with other errors should only return a single Forbidden', ip(ctr(startupProbe=dict(
            tcp80, initialDelaySeconds=-1, timeoutSeconds=-1, periodSeconds=-1, successThreshold=-1, failureThreshold=-1,
            terminationGracePeriodSeconds=-1), **ctr_dbg)), [i + '.startupProbe: Forbidden']),
        ('invalid startup probe in restartable container, successThreshold != 1',
         ip(ctr("restartable-init", restartPolicy="Always", startupProbe=dict(tcp80, successThreshold=2))),
         [i + '.startupProbe.successThreshold: Invalid value: 2']),
        ('invalid readiness probe, terminationGracePeriodSeconds set.',
         ip(ctr("life-123", restartPolicy="Always", readinessProbe=dict(tcp80, terminationGracePeriodSeconds=10))),
         [i + '.readinessProbe.terminationGracePeriodSeconds: Invalid value: 10']),
        ('invalid liveness probe, successThreshold != 1',
         ip(ctr("live-123", restartPolicy="Always", livenessProbe=dict(tcp80, successThreshold=2))),
         [i + '.livenessProbe.successThreshold: Invalid value: 2']),
        ('invalid lifecycle, no exec command.', ip(ctr("life-123", restartPolicy="Always", lifecycle={"preStop": {"exec": {}}})),
         [i + '.lifecycle.preStop.exec.command: Required value']),
        ('invalid lifecycle, no http port.',
         ip(ctr("life-123", restartPolicy="Always", lifecycle={"preStop": {"httpGet": {"path": "/", "port": 0, "scheme": "HTTP"}}})),
         [i + '.lifecycle.preStop.httpGet.port: Invalid value: 0']),
        ('invalid lifecycle, no tcp socket port.', ip(ctr("life-123", restartPolicy="Always", lifecycle={"preStop": {"tcpSocket": {"port": 0}}})),
         [i + '.lifecycle.preStop.tcpSocket.port: Invalid value: 0']),
        ('invalid lifecycle, zero tcp socket port.', ip(ctr("life-123", restartPolicy="Always", lifecycle={"preStop": {"tcpSocket": {"port": 0}}})),
         [i + '.lifecycle.preStop.tcpSocket.port: Invalid value: 0']),
        ('invalid lifecycle, no action.', ip(ctr("life-123", restartPolicy="Always", lifecycle={"preStop": {}})),
         [i + '.lifecycle.preStop: Required value']),
    ]
    for name, p, e in errs:
        case(t, 'u37: ' + name, p, None, e, note=n)
    for name, why in (('invalid lifecycle, no http path.', 'SetDefaults_HTTPGetAction sets an empty path to "/"'),
                      ('invalid lifecycle, no http scheme.', 'SetDefaults_HTTPGetAction sets an empty scheme to HTTP')):
        not_expressible(t, name, 'defaulting changes the input before validation: ' + why)


# --- Session 10 (val7): the rest of TestValidatePod's errorCases at U37 (offsets 400,000-464,000; its header with
# validPVCTemplate, longPodName and longVolName at ≈384,000). The cases already vectors elsewhere (cases.json: affinity,
# tolerations, matchLabelKeys; here: podCertificate, Lt/Gt, stopSignal; ../containers: mirror pod, deletion cost;
# ../security: seccomp, AppArmor) are not repeated. Upstream pins a substring of the aggregate error (`contains`); the
# error list is the model's, read against that substring and the rule named in the note.
def u37_validate_pod_rest():
    t = 'TestValidatePod'
    n = U37 + ' (upstream)'

    def cc(name, p, errors, contains, gates=None, note=None):
        contains_case(t, name, p, gates, errors, contains, note=n + ('; ' + note if note else ''))

    cc('bad name', pod(name=""), ['metadata.name: Required value: name or generateName is required'], 'metadata.name')
    cc('image whitespace', pod(containers=[ctr("ctr", image=" ")]),
       ['spec.containers[0].image: Invalid value: " ": must not have leading or trailing whitespace'], 'spec.containers[0].image')
    cc('image leading and trailing whitespace', pod(containers=[ctr("ctr", image=" something ")]),
       ['spec.containers[0].image: Invalid value: " something ": must not have leading or trailing whitespace'],
       'spec.containers[0].image')
    cc('bad spec', pod(containers=[{}]), ['spec.containers[0].name: Required value', 'spec.containers[0].image: Required value'],
       'spec.containers[0].name', note='an empty container; defaulting fills imagePullPolicy and terminationMessagePolicy')
    cc('bad label', dict(pod(), metadata={"name": "pod", "namespace": "ns", "labels": {"NoUppercaseOrSpecialCharsLike=Equals": "bar"}}),
       ['metadata.labels: Invalid value: "NoUppercaseOrSpecialCharsLike=Equals"'], 'NoUppercaseOrSpecialCharsLike=Equals')

    def res(req, lim, init=False):
        r = {}
        if req:
            r["requests"] = req
        if lim:
            r["limits"] = lim
        c = ctr("invalid", resources=r)
        return pod(initContainers=[c]) if init else pod(containers=[c])

    c0, i0 = 'spec.containers[0].resources', 'spec.initContainers[0].resources'
    cc('invalid extended resource name in container request', res({"invalid-name": "2"}, {"invalid-name": "2"}), [
        c0 + '.limits[invalid-name]: Invalid value: "invalid-name": must be a standard resource type or fully qualified',
        c0 + '.limits[invalid-name]: Invalid value: "invalid-name": must be a standard resource for containers',
        c0 + '.requests[invalid-name]: Invalid value: "invalid-name": must be a standard resource type or fully qualified',
        c0 + '.requests[invalid-name]: Invalid value: "invalid-name": must be a standard resource for containers'],
       'must be a standard resource for containers', note='VAL-030, limits before requests')
    cc('invalid extended resource requirement: request must be == limit', res({"example.com/a": "2"}, {"example.com/a": "1"}),
       [c0 + '.requests: Invalid value: "2": must be equal to example.com/a limit of 1'], 'must be equal to example.com/a', note='VAL-033')
    cc('invalid extended resource requirement without limit', res({"example.com/a": "2"}, None),
       [c0 + '.limits: Required value: Limit must be set for non overcommitable resources'], 'Limit must be set', note='VAL-033')
    cc('invalid fractional extended resource in container request', res({"example.com/a": "500m"}, None),
       [c0 + '.requests[example.com/a]: Invalid value: "500m": must be an integer',
        c0 + '.limits: Required value: Limit must be set for non overcommitable resources'], 'must be an integer', note='VAL-031, VAL-033')
    cc('invalid fractional extended resource in init container request', res({"example.com/a": "500m"}, None, init=True),
       [i0 + '.requests[example.com/a]: Invalid value: "500m": must be an integer',
        i0 + '.limits: Required value: Limit must be set for non overcommitable resources'], 'must be an integer', note='VAL-031, VAL-033')
    cc('invalid fractional extended resource in container limit', res({"example.com/a": "5"}, {"example.com/a": "2.5"}),
       [c0 + '.limits[example.com/a]: Invalid value: "2500m": must be an integer',
        c0 + '.requests: Invalid value: "5": must be equal to example.com/a limit of 2500m'], 'must be an integer',
       note='VAL-031, VAL-033; the value is Quantity.String(), canonical for 2.5')
    cc('invalid fractional extended resource in init container limit', res({"example.com/a": "2.5"}, {"example.com/a": "2.5"}, init=True),
       [i0 + '.limits[example.com/a]: Invalid value: "2500m": must be an integer',
        i0 + '.requests[example.com/a]: Invalid value: "2500m": must be an integer'], 'must be an integer', note='VAL-031')

    def sat(exp):
        src = {"audience": "foo-audience", "path": "foo-path"}
        if exp is not None:
            src["expirationSeconds"] = exp
        return pod(serviceAccountName="default", volumes=[{"name": "projected-volume", "projected": {"sources": [{"serviceAccountToken": src}]}}])

    cc('serviceaccount token projected volume with expiration too short', sat(300),
       ['spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes'],
       'may not specify a duration less than 10 minutes')
    cc('serviceaccount token projected volume with expiration too long', sat(1 << 33),
       ['spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 8589934592: may not specify a duration larger than 2^32 seconds'],
       'may not specify a duration larger than 2^32 seconds')
    not_expressible(t, 'serviceaccount token projected volume with no serviceaccount name specified',
                    'the ServiceAccount admission plugin sets an empty serviceAccountName to "default" before validation '
                    '(spec/admission.md), so a create never has a token projection without a service account name')
    not_expressible(t, 'serviceaccount token projected volume with no expiration specified',
                    'defaulting sets an unset expirationSeconds to 3600 (SetDefaults_ServiceAccountTokenProjection) before validation')
    not_expressible(t, 'bad namespace',
                    'a manifest without a namespace is sent to the request\'s namespace (kubectl: the context\'s, else '
                    '"default"; spec/admission.md ADM-002), so a create never validates an empty namespace')

    ctbg = {"ClusterTrustBundleProjection": True}
    cs = 'spec.volumes[0].projected.sources[0].clusterTrustBundle'  # VAL-630; the struct value printed as VAL-201 (json.Marshal)

    def ctb(fields):
        return pod(name="valid-extended", volumes=[{"name": "projected-volume", "projected": {"sources": [{"clusterTrustBundle": dict({"path": "foo-path"}, **fields)}]}}])

    cc('ClusterTrustBundlePEM projected volume using both byName and bySigner',
       ctb({"signerName": "example.com/foo", "labelSelector": {"matchLabels": {"version": "live"}}, "name": "foo"}),
       [cs + ': Invalid value: {"Name":"foo","SignerName":"example.com/foo","LabelSelector":{"matchLabels":{"version":"live"}},'
        '"Optional":null,"Path":"foo-path","User":null}: only one of name and signerName may be used'],
       'only one of name and signerName may be used', ctbg)
    cc('ClusterTrustBundlePEM projected volume byName with no name', ctb({"name": ""}),
       [cs + '.name: Required value: must be a valid object name', cs + '.name: Invalid value: "": not a valid clustertrustbundlename: '],
       'must be a valid object name', ctbg)
    cc('ClusterTrustBundlePEM projected volume bySigner with no signer name',
       ctb({"signerName": "", "labelSelector": {"matchLabels": {"foo": "bar"}}}),
       [cs + '.signerName: Required value: must be a valid signer name', cs + '.signerName: Required value'], 'must be a valid signer name', ctbg)
    cc('ClusterTrustBundlePEM projected volume bySigner with invalid signer name', ctb({"signerName": "example.com/foo/invalid"}),
       [cs + '.signerName: Invalid value: "example.com/foo/invalid": must be a fully qualified domain and path of the form \'example.com/signer-name\''],
       'must be a fully qualified domain and path of the form', ctbg)

    template = {"spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "10G"}}}}
    long_pod, long_vol = 'a' * 200, 'b' * 60
    full = ('spec.volumes[1].name: Invalid value: "%s": PVC name "%s-%s": must be no more than 253 characters'
            % (long_vol, long_pod, long_vol))
    cc('final PVC name for ephemeral volume must be valid', pod(name=long_pod, volumes=[
        {"name": "pvc", "persistentVolumeClaim": {"claimName": "my-pvc"}},
        {"name": long_vol, "ephemeral": {"volumeClaimTemplate": template}}]), [full], full)
    full = ('spec.volumes[0].persistentVolumeClaim.claimName: Invalid value: "123-ephemeral-volume": must not reference a '
            'PVC that gets created for an ephemeral volume')
    cc('PersistentVolumeClaimVolumeSource must not reference a generated PVC', pod(name="123", volumes=[
        {"name": "pvc-volume", "persistentVolumeClaim": {"claimName": "123-ephemeral-volume"}},
        {"name": "ephemeral-volume", "ephemeral": {"volumeClaimTemplate": template}}]), [full], full)
    full = ('spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]: '
            'Invalid value: "-1": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', '
            'and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used '
            'for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')')
    cc('invalid required node affinity, value of NodeSelectorRequirement should be a valid label value', pod(affinity={"nodeAffinity": {
        "requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [{"matchExpressions": [
            {"key": "foo", "operator": "In", "values": ["-1"]}]}]}}}), [full], full)


# --- Session 10 (val7): TestValidateContainers / TestValidateInitContainers in copies of releases 1.33-1.36 ---------------
# The test file at four more commits, read through the search index (offsets of the two functions in each):
COPIES = {
    '1.33': 'kubernetes/kubernetes 000f26050b9be6fb3d79fae95e06b47fc96128cd (≈1.33 development: AllowSidecarResizePolicy, no '
            'OS parameter in validateContainers yet, no stop-signal container; index id 6710343065, 270,000-334,000)',
    '1.34': 'kubernetes/kubernetes 9adc49ffd42a89f7505fb80a902dd00c10238dd6 (#133046, master 2025-07-24, before '
            'v1.34.0-rc.0; k8s.io/api Kubernetes-commit trailer; index id 7296329709, 280,000-344,000)',
    '1.35': 'kubernetes/kubernetes 462ee14a36f7f3f11b03bf7cb072351740271443 (#134345, master 2025-11-11, before '
            'v1.35.0-rc.0; k8s.io/api Kubernetes-commit trailer; index id 3845570200, 290,000-338,000)',
    '1.36': 'fork AIAgentSandox/kubernetes 64149d1201ab96736d5aa902df411d40a3f6f714 (1.36-era fork copy, as VAL-044; '
            'index id 65819109402, 284,000-348,000)',
}
OLDER = ('1.33', '1.34', '1.35', '1.36')
K130 = 'the ≈1.30 copy (kubecraft cca2926a, local mirror) has the same case with the same expected fields and values'


def _find(cid):
    for c in CASES:
        if c['id'] == cid:
            return c
    raise KeyError(cid)


def _also(cid, releases, why):
    """Runs an existing case at more releases: the copies named hold the same case with the same expected fields."""
    c = _find(cid)
    c['releases'] = sorted(set(c['releases']) | set(releases), key=lambda r: int(r.split('.')[1]))
    c['note'] = (c['note'] + '; ' if c['note'] else '') + why


def _copies(releases):
    return 'same case and fields in ' + '; '.join(r + ': ' + COPIES[r].split(' (')[0] for r in releases)


def older_copies():
    """TestValidateContainers has the same error cases, with the same expected fields, in all four copies and in U37;
    its successCase differs only at ≈1.33 (no stop-signal container). TestValidateInitContainers is U37's in the 1.36
    copy; the 1.33-1.35 copies run the success and error cases with pod restartPolicy Never (PodRestartPolicy is set
    to Never for the success call and reused by the error loop), list four init containers as successCase (no
    RestartContainer entries) and lack the 1.36 case "RestartContainer policy forbidden for non-sidecar init container"."""
    t = 'TestValidateContainers'
    for c in [c for c in CASES if c['test'] == t and c['origin'] == 'upstream']:
        name = c['id'][len(t) + 1:]
        if name == 'successCase':
            _also(c['id'], ('1.34', '1.35', '1.36'), _copies(('1.34', '1.35', '1.36')))
        elif name == 'invalid env var name':
            continue
        else:
            # resizePolicy: InPlacePodVerticalScaling is beta and on from 1.33, so the create keeps it.
            _also(c['id'], OLDER, _copies(OLDER) + ' (≈1.33 calls validateContainers without the pod OS; no case here '
                                                   'reads it)')
    success = _find(t + '/successCase')['pod']
    p133 = json.loads(json.dumps(success))
    p133['spec']['containers'] = [x for x in p133['spec']['containers'] if x['name'] != 'container-with-stopsignal-lifecycle']
    case(t, 'successCase (≈1.33 form)', p133, None, [], releases=('1.33',),
         note=COPIES['1.33'] + ': the successCase without "container-with-stopsignal-lifecycle" (added with the '
              'stop-signal merge); the same whitespace-image, abc-1234 containers left out as for 1.37')
    ev = json.loads(json.dumps(_find(t + '/invalid env var name')['pod']))
    case(t, 'invalid env var name (gate off)', ev, {"RelaxedEnvironmentVariableValidation": False},
         ['spec.containers[0].env[0].name: Invalid value'], releases=('1.33',),
         note=_copies(('1.33',)) + '; PodValidationOptions{} leaves the relaxed env-name option off, which a create '
              'derives from RelaxedEnvironmentVariableValidation (beta, on in 1.33, may be turned off; GA and locked '
              'from 1.34, so not expressible at 1.34-1.37)')
    for policy in ('Always', 'OnFailure', 'Never', 'invalid', ''):
        p = pod(containers=[ctr("foo", restartPolicy=policy)], os={"name": "linux"})
        case(t, 'Forbidden RestartPolicy: ' + (policy or 'empty'), p, None, ['spec.containers[0].restartPolicy: Forbidden'],
             releases=('1.30', '1.33'),
             note=_copies(('1.33',)) + ' (and 1.34-1.36, U37); ' + K130 + '; a create reaches it only up to 1.33: from 1.34 the '
                  'option follows ContainerRestartRules, and with the gate off the create strategy drops a regular '
                  'container\'s restartPolicy first (DEF-300)')

    t = 'TestValidateInitContainers'
    for c in [c for c in CASES if c['test'] == t]:
        _also(c['id'], ('1.36',), _copies(('1.36',)))
    app = ctr("app", image="nginx")
    tcp80 = {"tcpSocket": {"port": 80}}

    def never(*inits):
        return pod(containers=[app], initContainers=list(inits), restartPolicy="Never")

    r3 = ('1.33', '1.34', '1.35')
    case(t, '1.33-1.35: successCase', never(
        ctr("container-1-same-host-port-different-protocol", ports=[{"containerPort": 80, "hostPort": 80, "protocol": "TCP"},
                                                                    {"containerPort": 80, "hostPort": 80, "protocol": "UDP"}]),
        ctr("container-2-same-host-port-different-protocol", ports=[{"containerPort": 80, "hostPort": 80, "protocol": "TCP"},
                                                                    {"containerPort": 80, "hostPort": 80, "protocol": "UDP"}]),
        ctr("container-3-restart-always-with-lifecycle-hook-and-probes", restartPolicy="Always",
            lifecycle={"postStart": {"exec": {"command": ["echo", "post start"]}}, "preStop": {"exec": {"command": ["echo", "pre stop"]}}},
            livenessProbe=dict(tcp80, successThreshold=1), readinessProbe=dict(tcp80), startupProbe=dict(tcp80, successThreshold=1)),
        ctr("container-4-allowed-resize-policy", resizePolicy=[{"resourceName": "cpu", "restartPolicy": "NotRequired"}])),
        None, [], releases=r3,
        note=_copies(r3) + '; pod restartPolicy Never, AllowSidecarResizePolicy (InPlacePodVerticalScaling, on from 1.33)')
    for c in [c for c in CASES if c['id'].startswith(t + '/u37: ') and c['errors']]:
        name = c['id'][len(t + '/u37: '):]
        p = json.loads(json.dumps(c['pod']))
        p['spec']['restartPolicy'] = 'Never'
        del p['spec']['os']
        case(t, '1.33-1.35: ' + name, p, None, c['errors'], releases=('1.30',) + r3,
             note=_copies(r3) + '; as U37\'s case with pod restartPolicy Never (the copies\' PodRestartPolicy) and no pod OS; '
                  + K130)
    for policy in ('OnFailure', 'Never', 'invalid', ''):
        name = 'Not supported RestartPolicy: ' + (policy or 'empty')
        errs = ['spec.initContainers[0].restartPolicy: Unsupported value: "%s": supported values: "Always"' % policy]
        case(t, '1.33: ' + name, never(ctr("init", restartPolicy=policy)), None, errs, releases=('1.30', '1.33'),
             note=_copies(('1.33',)) + '; 1.33 has no ContainerRestartRules gate: init containers may only say Always; ' + K130)


# --- Functions read whose cases are not creates (listed so the data says why they are absent) -------------------------
def not_creates():
    for test, why in (
            ('TestValidateEphemeralContainers', 'ephemeral containers cannot be set on create (VAL-016); the function is '
                                                'reached only through the ephemeralcontainers subresource'),
            ('TestValidatePodUpdate / TestValidatePodResize / TestValidatePodStatusUpdate', 'updates of an existing pod, '
                                                'which podconf does not model'),
            ('TestValidateContainerStatusAllocatedResourcesStatus / TestPodIPsValidation / TestHostIPsValidation',
             'pod status, written by the kubelet, not part of a create'),
            ('TestValidateBasicResource', 'tests validateBasicResource on bare quantities (its callers in this file are '
                                          'PVC and quota validation); not a Pod field path'),
            ('TestValidateSELinuxChangePolicy (allowOnlyRecursive: true)', 'the option is set only for updates of pods '
                                          'that already use it; the other cases are the ≈1.33 security vectors'),
    ):
        not_expressible(test, 'all cases', why)
    not_expressible('TestValidatePod', 'negative terminationGracePeriodSeconds',
                    'upstream calls ValidatePodCreate on an undefaulted pod; through the API server SetDefaults_Pod first '
                    'sets a negative terminationGracePeriodSeconds to 1 (kubernetes defaults.go at 95a48423, upstream 1.37-era; '
                    'also this tree\'s TestSetDefaultPodTerminationGracePeriodSeconds), so a create with -1 is valid at 1.37 '
                    '(the model answers valid, but does not store 1: spec/validation.md "1.37 source")')


def build():
    http_get_protocol()
    grpc_action()
    volume_mounts()
    bind_mount_options()
    resize_policy()
    volumes_user_fields_secret()
    volumes_user_fields_configmap()
    volumes_user_fields_downward_api()
    volumes_user_fields_projected()
    empty_dir_mode()
    validate_pod_success()
    validate_pod_errors()
    validate_pod_spec()
    init_containers()
    scheduling_group()
    numeric_tolerations()
    container_restart_policy()
    host_users()
    pod_host_name()
    u37_containers()
    u37_init_containers()
    older_copies()
    u37_validate_pod_rest()
    import upstream137_fields
    upstream137_fields.build()
    import upstream137_podres
    upstream137_podres.build()
    not_creates()
    ids = [c['id'] for c in CASES]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    return {
        "source": {"repository": REPOSITORY + " (fork copy of kubernetes/kubernetes)", "commit": COMMIT, "path": TEST_PATH,
                   "kubernetesRelease": "development tree at or past 1.37 (fork copy; has ML-DSA key types, kubernetes PR #142108, September 2026); cases run at 1.37",
                   "readVia": "search index read_file, id 70294223193 (1,130,467 characters), pages listed in README.md"},
        "olderCopies": {"functions": "TestValidateContainers, TestValidateInitContainers (older_copies())", "copies": COPIES},
        "generator": "generate.py (this directory), module upstream137.py",
        "cases": CASES, "notExpressible": NOT_EXPRESSIBLE,
    }
