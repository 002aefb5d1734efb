"""Issue 9, session 14: the Pod functions of Kubernetes' validation_test.go at U37 (kubernetes/kubernetes
78e971a4bc0dc76845d7986495607ed6d5b616a7, master of 2026-07-23 after v1.37.0-beta.0; search index id 55854384944) that no
vector held before (../AUDIT.md lists every Pod function and where its vectors are): ports, environment variables (env,
envFrom, fileKeyRef), hugepages, probes, handlers, pull/restart/DNS policies, the pod OS security contexts, resource
requirements, overhead, stop signal, fileKeyRef volumes, resource claims, keyToPath and the nfs/glusterfs/csi sources, and
ephemeral volume templates. Read at offsets 66,000-82,000, 112,000-134,000, 198,000-278,000, 296,000-312,000,
350,000-366,000, 884,000-960,000 and 1,000,000-1,094,996 (README.md, "Session 14"). Each case is the smallest Pod that
reaches the function under test with the same input, created at release 1.37 with its default gates plus the gates it
names (or at the older release it names, where the ≈1.30 copy (kubecraft cca2926a, local mirror) holds the same case and
the option the test passes is what that release's create derives). What each test pins is said per function below; the
rest of each expected entry is validation.go as spec/validation.md cites it (the rule is named in the note), so there the
independent part is upstream's verdict and substring.
"""

import json
import upstream137 as u
from upstream137 import case, contains_case, ctr, not_expressible, pod

N = u.U37 + ' (upstream, not the fork)'
C0 = 'spec.containers[0]'
RELAXED = "a valid environment variable name must consist only of printable ASCII characters other than '='"
STRICT = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit"
SUBDOMAIN = 'a lowercase RFC 1123 subdomain must consist of'
FIELD_PATHS = ('supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", '
               '"spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"')


def env_pod(envs, name="ctr", **spec):
    return pod(containers=[ctr(name, env=envs)], **spec)


def field_ref(path, api="v1"):
    r = {"fieldPath": path}
    if api:
        r["apiVersion"] = api
    return {"fieldRef": r}


def secret_ref(name, key):
    return {"secretKeyRef": {"name": name, "key": key}}


def config_ref(name, key):
    return {"configMapKeyRef": {"name": name, "key": key}}


# --- TestValidatePorts (≈208,000): validateContainerPorts on one container's ports; the test checks that every error has
# the case's type, a field containing F and a detail containing D. -----------------------------------------------------
def ports():
    t = 'TestValidatePorts'
    n = N + '; VAL-020/021; every error must have the pinned type, field and detail substring'

    def p(*ps):
        return pod(containers=[ctr(ports=list(ps))])

    case(t, 'successCase', p({"name": "abc", "containerPort": 80, "hostPort": 80, "protocol": "TCP"},
                             {"name": "easy", "containerPort": 82, "protocol": "TCP"},
                             {"name": "as", "containerPort": 83, "protocol": "UDP"},
                             {"name": "do-re-me", "containerPort": 84, "protocol": "SCTP"},
                             {"containerPort": 85, "protocol": "TCP"}), None, [], note=n)
    case(t, 'nonCanonicalCase', p({"containerPort": 80, "protocol": "TCP"}), None, [], note=n)
    pp = C0 + '.ports[0]'
    for name, port, errs in (
            ('name > 15 characters', {"name": "a" * 16, "containerPort": 80, "protocol": "TCP"},
             [pp + '.name: Invalid value: "%s": must be no more than 15 characters' % ("a" * 16)]),
            ('name contains invalid characters', {"name": "a.b.c", "containerPort": 80, "protocol": "TCP"},
             [pp + '.name: Invalid value: "a.b.c": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']),
            ('name is a number', {"name": "80", "containerPort": 80, "protocol": "TCP"},
             [pp + '.name: Invalid value: "80": must contain at least one letter (a-z)']),
            ('zero container port', {"containerPort": 0, "protocol": "TCP"}, [pp + '.containerPort: Required value']),
            ('invalid container port', {"containerPort": 65536, "protocol": "TCP"},
             [pp + '.containerPort: Invalid value: 65536: must be between 1 and 65535, inclusive']),
            ('invalid host port', {"containerPort": 80, "hostPort": 65536, "protocol": "TCP"},
             [pp + '.hostPort: Invalid value: 65536: must be between 1 and 65535, inclusive']),
            ('invalid protocol case', {"containerPort": 80, "protocol": "tcp"},
             [pp + '.protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"']),
            ('invalid protocol', {"containerPort": 80, "protocol": "ICMP"},
             [pp + '.protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"']),
    ):
        case(t, name, p(port), None, errs, note=n)
    case(t, 'name not unique', p({"name": "abc", "containerPort": 80, "protocol": "TCP"},
                                 {"name": "abc", "containerPort": 81, "protocol": "TCP"}), None,
         [C0 + '.ports[1].name: Duplicate value: "abc"'], note=n)
    not_expressible(t, 'protocol required', 'a create defaults an empty port protocol to TCP (SetDefaults_ContainerPort) '
                                            'before validation, so no created pod has a port without one')


# --- TestRelaxedValidateEnv / TestValidateEnv (≈210,000-238,000): ValidateEnv. Each error case requires that every error's
# Error() text contains expectedError (when it has one); a case without expectedError pins the verdict only. ---------------
ENV_ERRORS = (
    # (name, env var, errors, pinned substring or None)
    ('zero-length name', {"name": ""}, [C0 + '.env[0].name: Required value'], '[0].name: Required value'),
    ('value and valueFrom specified', {"name": "abc", "value": "foo", "valueFrom": field_ref("metadata.name")},
     [C0 + '.env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty'],
     '[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty'),
    ('valueFrom.fieldRef and valueFrom.secretKeyRef specified',
     {"name": "abc", "valueFrom": dict(field_ref("metadata.name"), **secret_ref("a-secret", "a-key"))},
     [C0 + '.env[0].valueFrom: Invalid value: "": may not have more than one field specified at a time'],
     '[0].valueFrom: Invalid value: "": may not have more than one field specified at a time'),
    ('valueFrom.fieldRef and valueFrom.configMapKeyRef set',
     {"name": "some_var_name", "valueFrom": dict(field_ref("metadata.name"), **config_ref("some-config-map", "some-key"))},
     [C0 + '.env[0].valueFrom: Invalid value: "": may not have more than one field specified at a time'],
     '[0].valueFrom: Invalid value: "": may not have more than one field specified at a time'),
    ('valueFrom.fieldRef and valueFrom.secretKeyRef specified #2',
     {"name": "abc", "valueFrom": dict(field_ref("metadata.name"), **dict(secret_ref("a-secret", "a-key"), **config_ref("some-config-map", "some-key")))},
     [C0 + '.env[0].valueFrom: Invalid value: "": may not have more than one field specified at a time'],
     '[0].valueFrom: Invalid value: "": may not have more than one field specified at a time'),
    ('valueFrom.secretKeyRef.name invalid', {"name": "abc", "valueFrom": secret_ref("$%^&*#", "a-key")},
     [C0 + '.env[0].valueFrom.secretKeyRef.name: Invalid value: "$%^&*#": ' + SUBDOMAIN], None),
    ('valueFrom.configMapKeyRef.name invalid', {"name": "abc", "valueFrom": config_ref("$%^&*#", "some-key")},
     [C0 + '.env[0].valueFrom.configMapKeyRef.name: Invalid value: "$%^&*#": ' + SUBDOMAIN], None),
    ('missing FieldPath on ObjectFieldSelector', {"name": "abc", "valueFrom": field_ref("")},
     [C0 + '.env[0].valueFrom.fieldRef.fieldPath: Required value'], '[0].valueFrom.fieldRef.fieldPath: Required value'),
    ('invalid fieldPath', {"name": "abc", "valueFrom": field_ref("metadata.whoops")},
     [C0 + '.env[0].valueFrom.fieldRef.fieldPath: Invalid value: "metadata.whoops": error converting fieldPath: field label not supported: metadata.whoops'],
     '[0].valueFrom.fieldRef.fieldPath: Invalid value: "metadata.whoops": error converting fieldPath'),
    ('metadata.name with subscript', {"name": "labels", "valueFrom": field_ref("metadata.name['key']")},
     [C0 + '.env[0].valueFrom.fieldRef.fieldPath: Invalid value: "metadata.name[\'key\']": error converting fieldPath: field label does not support subscript'],
     '[0].valueFrom.fieldRef.fieldPath: Invalid value: "metadata.name[\'key\']": error converting fieldPath: field label does not support subscript'),
    ('metadata.labels without subscript', {"name": "labels", "valueFrom": field_ref("metadata.labels")},
     [C0 + '.env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.labels": ' + FIELD_PATHS],
     '[0].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.labels": ' + FIELD_PATHS),
    ('metadata.annotations without subscript', {"name": "abc", "valueFrom": field_ref("metadata.annotations")},
     [C0 + '.env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.annotations": ' + FIELD_PATHS],
     '[0].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.annotations": ' + FIELD_PATHS),
    ('metadata.annotations with invalid key', {"name": "abc", "valueFrom": field_ref("metadata.annotations['invalid~key']")},
     [C0 + '.env[0].valueFrom.fieldRef: Invalid value: "invalid~key": name part must consist of'],
     '.env[0].valueFrom.fieldRef: Invalid value: "invalid~key"'),
    ('metadata.labels with invalid key', {"name": "abc", "valueFrom": field_ref("metadata.labels['Www.k8s.io/test']")},
     [C0 + '.env[0].valueFrom.fieldRef: Invalid value: "Www.k8s.io/test": prefix part ' + SUBDOMAIN],
     '.env[0].valueFrom.fieldRef: Invalid value: "Www.k8s.io/test"'),
    ('unsupported fieldPath', {"name": "abc", "valueFrom": field_ref("status.phase")},
     [C0 + '.env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": ' + FIELD_PATHS],
     'valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": ' + FIELD_PATHS),
)

NO_SOURCE = ('valueFrom without a source', {"name": "abc", "valueFrom": {}},
             [C0 + '.env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'],
             '[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef')


def env_error_cases(t, n):
    for name, ev, errs, pinned in ENV_ERRORS:
        if pinned:
            contains_case(t, name, env_pod([ev]), None, errs, pinned, note=n)
        else:
            case(t, name, env_pod([ev]), None, errs, note=n + '; verdict only upstream (no expectedError)')
    name, ev, errs, pinned = NO_SOURCE
    contains_case(t, name, env_pod([ev]), {"EnvFiles": False}, errs, pinned,
                  note=n + '; with EnvFiles off: the test passes PodValidationOptions{} (AllowEnvFilesValidation false), whose '
                           'detail has no `fileKeyRef`; a 1.37 create with EnvFiles on (beta, default on from 1.35) derives the '
                           'option and says "…, `secretKeyRef` or `fileKeyRef`" (VAL-056), which the pinned substring excludes')
    not_expressible(t, 'missing APIVersion on ObjectFieldSelector',
                    'a create defaults an empty fieldRef apiVersion to "v1" (SetDefaults_ObjectFieldSelector) before validation')


def relaxed_env():
    t = 'TestRelaxedValidateEnv'
    n = N + '; option AllowRelaxedEnvironmentVariableValidation, which a 1.37 create derives (the gate is on); VAL-050/051/052/054'
    success = [
        {"name": "!\"#$%&'()", "value": "value"}, {"name": "* +,-./0123456789", "value": "value"},
        {"name": ":;<>?@", "value": "value"}, {"name": "ABCDEFG", "value": "value"},
        {"name": "abcdefghijklmn", "value": "value"}, {"name": "[\\]^_`{}|~", "value": "value"},
        {"name": "!\"#$%&'()", "valueFrom": field_ref("metadata.annotations['key']")},
        {"name": "!\"#$%&'()", "valueFrom": field_ref("metadata.labels['key']")},
        {"name": "* +,-./0123456789", "valueFrom": field_ref("metadata.name")},
        {"name": "* +,-./0123456789", "valueFrom": field_ref("metadata.namespace")},
        {"name": "* +,-./0123456789", "valueFrom": field_ref("metadata.uid")},
        {"name": ":;<>?@", "valueFrom": field_ref("spec.nodeName")},
        {"name": ":;<>?@", "valueFrom": field_ref("spec.serviceAccountName")},
        {"name": ":;<>?@", "valueFrom": field_ref("status.hostIP")},
        {"name": ":;<>?@", "valueFrom": field_ref("status.podIP")},
        {"name": "abcdefghijklmn", "valueFrom": field_ref("status.podIPs")},
        {"name": "abcdefghijklmn", "valueFrom": secret_ref("some-secret", "secret-key")},
        {"name": "!\"#$%&'()", "valueFrom": config_ref("some-config-map", "some-key")},
    ]
    case(t, 'successCase', env_pod(success), None, [], note=n)
    contains_case(t, 'illegal character', env_pod([{"name": "=abc"}]), None,
                  [C0 + '.env[0].name: Invalid value: "=abc": ' + RELAXED], '[0].name: Invalid value: "=abc": ' + RELAXED, note=n)
    env_error_cases(t, n)


def validate_env():
    t = 'TestValidateEnv'
    n = N + '; PodValidationOptions{} (strict names); the error cases use names both rules accept, so a 1.37 create (relaxed) ' \
            'gives the same errors; VAL-050/051/052/054'
    success = [
        {"name": "abc", "value": "value"}, {"name": "ABC", "value": "value"}, {"name": "AbC_123", "value": "value"},
        {"name": "abc", "value": ""}, {"name": "a.b.c", "value": "value"}, {"name": "a-b-c", "value": "value"},
        {"name": "abc", "valueFrom": field_ref("metadata.annotations['key']")},
        {"name": "abc", "valueFrom": field_ref("metadata.labels['key']")},
        {"name": "abc", "valueFrom": field_ref("metadata.name")},
        {"name": "abc", "valueFrom": field_ref("metadata.namespace")},
        {"name": "abc", "valueFrom": field_ref("metadata.uid")},
        {"name": "abc", "valueFrom": field_ref("spec.nodeName")},
        {"name": "abc", "valueFrom": field_ref("spec.serviceAccountName")},
        {"name": "abc", "valueFrom": field_ref("status.hostIP")},
        {"name": "abc", "valueFrom": field_ref("status.podIP")},
        {"name": "abc", "valueFrom": field_ref("status.podIPs")},
        {"name": "secret_value", "valueFrom": secret_ref("some-secret", "secret-key")},
        {"name": "ENV_VAR_1", "valueFrom": config_ref("some-config-map", "some-key")},
    ]
    case(t, 'successCase', env_pod(success), None, [], note=n)
    case(t, 'successCase (strict names, 1.30)', env_pod(success), None, [], releases=('1.30',),
         note=n + '; also at 1.30, where RelaxedEnvironmentVariableValidation is alpha and off, so a create checks the strict '
                  'rule the test passes; the ≈1.30 copy (kubecraft cca2926a) has the same list')
    update_success = [{"name": nm, "value": "value"} for nm in ("!\"#$%&'()", "* +,-./0123456789", ":;<>?@", "ABCDEFG",
                                                               "abcdefghijklmn", "[\\]^_`{}|~")]
    case(t, 'updateSuccessCase', env_pod(update_success), None, [], note=n + '; AllowRelaxedEnvironmentVariableValidation: true')
    for name, nm, quoted in (('invalid name a', "!\"#$%&'()", '"!\\"#$%&\'()"'),
                             ('invalid name b', "* +,-./0123456789", '"* +,-./0123456789"'),
                             ('invalid name c', ":;<>?@", '":;<>?@"'),
                             ('invalid name d', "[\\]^_{}|~", '"[\\\\]^_{}|~"')):
        contains_case(t, 'updateErrorCase: ' + name, env_pod([{"name": nm, "value": "value"}]), None,
                      [C0 + '.env[0].name: Invalid value: ' + quoted + ': ' + STRICT],
                      'env[0].name: Invalid value: ' + quoted + ': a valid environment variable name must consist of',
                      note=n + '; run at 1.30 only: the strict rule the test passes is a create\'s only where '
                               'RelaxedEnvironmentVariableValidation is off (alpha, 1.30-1.31); the ≈1.30 copy (kubecraft '
                               'cca2926a) has the same case and substring; at 1.37 the name is valid (relaxed)')
        u.CASES[-1]["releases"] = ['1.30']
    env_error_cases(t, n)


# --- TestValidateEnvFrom / TestRelaxedValidateEnvFrom (≈238,000-250,000): ValidateEnvFrom; same check as the env tests. -
ENV_FROM_ERRORS = (
    ('zero-length name (configMapRef)', {"configMapRef": {"name": ""}}, [C0 + '.envFrom[0].configMapRef.name: Required value'],
     'envFrom[0].configMapRef.name: Required value'),
    ('invalid name (configMapRef)', {"configMapRef": {"name": "$"}},
     [C0 + '.envFrom[0].configMapRef.name: Invalid value: "$": ' + SUBDOMAIN], 'envFrom[0].configMapRef.name: Invalid value'),
    ('zero-length name (secretRef)', {"secretRef": {"name": ""}}, [C0 + '.envFrom[0].secretRef.name: Required value'],
     'envFrom[0].secretRef.name: Required value'),
    ('invalid name (secretRef)', {"secretRef": {"name": "&"}},
     [C0 + '.envFrom[0].secretRef.name: Invalid value: "&": ' + SUBDOMAIN], 'envFrom[0].secretRef.name: Invalid value'),
    ('no refs', {}, [C0 + '.envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`'],
     'envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`'),
    ('multiple refs', {"secretRef": {"name": "abc"}, "configMapRef": {"name": "abc"}},
     [C0 + '.envFrom: Invalid value: "": may not have more than one field specified at a time'],
     'envFrom: Invalid value: "": may not have more than one field specified at a time'),
    ('invalid secret ref name', {"secretRef": {"name": "$%^&*#"}},
     [C0 + '.envFrom[0].secretRef.name: Invalid value: "$%^&*#": ' + SUBDOMAIN],
     'envFrom[0].secretRef.name: Invalid value: "$%^&*#": a lowercase RFC 1123 subdomain'),
    ('invalid config ref name', {"configMapRef": {"name": "$%^&*#"}},
     [C0 + '.envFrom[0].configMapRef.name: Invalid value: "$%^&*#": ' + SUBDOMAIN],
     'envFrom[0].configMapRef.name: Invalid value: "$%^&*#": a lowercase RFC 1123 subdomain'),
)


def env_from_pod(sources):
    return pod(containers=[ctr(envFrom=sources)])


def env_from():
    t = 'TestValidateEnvFrom'
    n = N + '; PodValidationOptions{} (strict prefixes) unless said; VAL-055 (the two list-level errors are at the list path ' \
            '`envFrom`, as the test pins with `field:`)'
    cm, sec = {"configMapRef": {"name": "abc"}}, {"secretRef": {"name": "abc"}}
    success = [cm, dict(cm, prefix="pre_"), dict(cm, prefix="a.b"), sec, dict(sec, prefix="pre_"), dict(sec, prefix="a.b")]
    case(t, 'successCase', env_from_pod(success), None, [], note=n)
    update_success = [cm, dict(cm, prefix="* +,-./0123456789"), dict(cm, prefix=":;<>?@"), sec,
                      dict(sec, prefix="abcdefghijklmn"), dict(sec, prefix="[\\]^_`{}|~")]
    case(t, 'updateSuccessCase', env_from_pod(update_success), None, [], note=n + '; AllowRelaxedEnvironmentVariableValidation: true')
    for name, prefix, quoted in (('invalid name a', "!\"#$%&'()", '"!\\"#$%&\'()"'),
                                 ('invalid name b', "* +,-./0123456789", '"* +,-./0123456789"'),
                                 ('invalid name c', ":;<>?@", '":;<>?@"'),
                                 ('invalid name d', "[\\]^_{}|~", '"[\\\\]^_{}|~"')):
        contains_case(t, 'updateErrorCase: ' + name, env_from_pod([dict(sec, prefix=prefix)]), None,
                      [C0 + '.envFrom[0].prefix: Invalid value: ' + quoted + ': ' + STRICT],
                      'envFrom[0].prefix: Invalid value: ' + quoted + ': a valid environment variable name must consist of',
                      note=n + '; run at 1.30 only (strict prefixes: RelaxedEnvironmentVariableValidation off); the ≈1.30 copy '
                               '(kubecraft cca2926a) has the same case and substring')
        u.CASES[-1]["releases"] = ['1.30']
    for name, src, errs, pinned in ENV_FROM_ERRORS:
        contains_case(t, name, env_from_pod([src]), None, errs, pinned, note=n)

    t = 'TestRelaxedValidateEnvFrom'
    n = N + '; option AllowRelaxedEnvironmentVariableValidation (a 1.37 create\'s); VAL-055'
    success = [cm, dict(cm, prefix="!\"#$%&'()"), dict(cm, prefix="* +,-./0123456789"), sec, dict(sec, prefix=":;<>?@"),
               dict(sec, prefix="[\\]^_`{}|~")]
    case(t, 'successCase', env_from_pod(success), None, [], note=n)
    contains_case(t, 'invalid prefix', env_from_pod([dict(cm, prefix="=abc")]), None,
                  [C0 + '.envFrom[0].prefix: Invalid value: "=abc": ' + RELAXED],
                  'envFrom[0].prefix: Invalid value: "=abc": ' + RELAXED, note=n)
    for name, src, errs, pinned in ENV_FROM_ERRORS:
        if name.startswith('invalid name (configMapRef)'):
            continue  # not in the relaxed function
        contains_case(t, name, env_from_pod([src]), None, errs, pinned, note=n)


# --- TestValidateEnvVarValueFromFileKeyRef (≈242,000-247,000): validateEnvVarValueFrom with PodValidationOptions{};
# field.ErrorMatcher ByType, ByField, ByOrigin, ByDetailSubstring on the whole list. --------------------------------------
def file_key_ref():
    t = 'TestValidateEnvVarValueFromFileKeyRef'
    n = N + '; EnvFiles (beta, on at 1.37); VAL-056; the pod carries an emptyDir volume "volume-name" so the pod-level ' \
            'validateFileKeyRefVolumes check is satisfied'
    vols = [{"name": "volume-name", "emptyDir": {}}]

    def fk(volume="volume-name", path="path/to/file.env", key="MY_VAR", **extra):
        r = {"volumeName": volume, "path": path, "key": key}
        r.update(extra)
        return {"name": "foo", "valueFrom": {"fileKeyRef": r}}

    def p(ev):
        return pod(containers=[ctr(env=[ev])], volumes=vols)

    e = C0 + '.env[0].valueFrom'
    nf = 'validateFileKeyRefVolumes, a pod-level check the function test does not reach, adds NotFound for the volume the ' \
         'pod does not have'
    for name, ev, errs, extra in (
            ('accept valid file key reference with all required fields', fk(), [], None),
            ('reject file key reference when key field is empty', fk(key=""), [e + '.fileKeyRef.key: Required value'], None),
            ('reject file key reference when key contains invalid characters', fk(key="bad=key"),
             [e + '.fileKeyRef.key: Invalid value: "bad=key": ' + RELAXED], None),
            ('reject when both value and valueFrom.fileKeyRef are specified', dict(fk(), value="some-value"),
             [e + ': Invalid value: "": may not be specified when `value` is not empty'], None),
            ('reject file key reference when volumeName is empty', fk(volume=""),
             [e + '.fileKeyRef.volumeName: Required value', e + '.fileKeyRef.volumeName: Not found: ""'], nf),
            ('reject file key reference when volumeName is invalid', fk(volume="INVALID_NAME!"),
             [e + '.fileKeyRef.volumeName: Invalid value: "INVALID_NAME!": a lowercase RFC 1123 label must consist of',
              e + '.fileKeyRef.volumeName: Not found: "INVALID_NAME!"'], nf),
            ('reject file key reference when path is empty', fk(path=""), [e + '.fileKeyRef.path: Required value'], None),
            ('reject file key reference when path contains backsteps', fk(path="../etc/passwd"),
             [e + '.fileKeyRef.path: Invalid value: "../etc/passwd": must not contain \'..\''], None),
            ('reject file key reference when multiple fields are invalid', fk(volume="!badname", path="../badpath", key="bad=key"),
             [e + '.fileKeyRef.key: Invalid value: "bad=key": ' + RELAXED,
              e + '.fileKeyRef.volumeName: Invalid value: "!badname": a lowercase RFC 1123 label must consist of',
              e + '.fileKeyRef.path: Invalid value: "../badpath": must not contain \'..\'',
              e + '.fileKeyRef.volumeName: Not found: "!badname"'], nf),
            ('accept file key reference with optional true and missing key', fk(key="", optional=True),
             [e + '.fileKeyRef.key: Required value'], None),
    ):
        case(t, name, p(ev), None, errs, note=n + ('; ' + extra if extra else ''))


# --- TestHugePagesIsolation (≈199,000-203,000): ValidatePodCreate, verdict only; TestLocalStorageEnvWithFeatureGate and
# TestHugePagesEnv (≈209,000-210,000): validateEnvVarValueFrom, success only. ---------------------------------------------
def hugepages():
    t = 'TestHugePagesIsolation'
    n = N + '; upstream pins the verdict only; VAL-033/034'

    def hp(name, req, lim):
        return pod(name=name, containers=[ctr(resources={"requests": req, "limits": lim})])

    full = {"cpu": "10", "memory": "10G", "hugepages-2Mi": "1Gi"}
    two = dict(full, **{"hugepages-1Gi": "2Gi"})
    case(t, 'Valid: request hugepages-2Mi', hp("123", full, full), None, [], note=n)
    case(t, 'Valid: request more than one hugepages size', hp("hugepages-shared", two, two), None, [], note=n)
    case(t, 'Valid: request hugepages-1Gi, limit hugepages-2Mi and hugepages-1Gi', hp("hugepages-multiple", two, two), None, [],
         note=n)
    case(t, 'Invalid: not requesting cpu and memory',
         hp("hugepages-requireCpuOrMemory", {"hugepages-2Mi": "1Gi"}, {"hugepages-2Mi": "1Gi"}), None,
         ['metadata.name: Invalid value: "hugepages-requireCpuOrMemory": ' + SUBDOMAIN,
          C0 + '.resources: Forbidden: HugePages require cpu or memory'],
         note=n + '; upstream\'s pod name has upper-case letters, which metadata.name refuses too (VAL-003); the case below '
                  'lower-cases it')
    case(t, 'Invalid: not requesting cpu and memory (name lower-cased)',
         hp("hugepages-requirecpuormemory", {"hugepages-2Mi": "1Gi"}, {"hugepages-2Mi": "1Gi"}), None,
         [C0 + '.resources: Forbidden: HugePages require cpu or memory'], origin='model',
         note=n + '; not an upstream case: the one above with a valid name, so the hugepages rule alone refuses it')
    case(t, 'Invalid: request 1Gi hugepages-2Mi but limit 2Gi',
         hp("hugepages-shared", full, {"cpu": "10", "memory": "10G", "hugepages-2Mi": "2Gi"}), None,
         [C0 + '.resources.requests: Invalid value: "1Gi": must be equal to hugepages-2Mi limit of 2Gi'], note=n)

    for t, items in (('TestLocalStorageEnvWithFeatureGate', (("ephemeral-storage-limits", "limits.ephemeral-storage"),
                                                              ("ephemeral-storage-requests", "requests.ephemeral-storage"))),
                     ('TestHugePagesEnv', (("hugepages-limits", "limits.hugepages-2Mi"),
                                           ("hugepages-requests", "requests.hugepages-2Mi")))):
        for name, res in items:
            ev = {"name": name, "valueFrom": {"resourceFieldRef": {"containerName": "test-container", "resource": res}}}
            case(t, name, pod(containers=[ctr("test-container", env=[ev])]), None, [],
                 note=N + '; success only upstream; VAL-053 (resourceFieldRef); the container is named "test-container" as the '
                          'reference')


# --- TestValidateProbe / Test_validateProbe / TestValidateHandler / TestValidatePullPolicy (≈267,000-278,000) ----------
def probes():
    exec_echo = {"exec": {"command": ["echo"]}}
    fields = ("initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold")
    t = 'TestValidateProbe'
    n = N + '; validateProbe, verdict only upstream; the probe is a readinessProbe (the only kind whose successThreshold ' \
            'may differ from 1); VAL-045'
    case(t, 'nil probe', pod(), None, [], note=n)
    for f in fields:
        case(t, f + ' 10', pod(containers=[ctr(readinessProbe=dict(exec_echo, **{f: 10}))]), None, [], note=n)
    case(t, 'no handler (timeoutSeconds 10, initialDelaySeconds 10)',
         pod(containers=[ctr(readinessProbe={"timeoutSeconds": 10, "initialDelaySeconds": 10})]), None,
         [C0 + '.readinessProbe: Required value: must specify a handler type'], note=n)
    for f in fields:
        case(t, f + ' -10', pod(containers=[ctr(readinessProbe=dict(exec_echo, **{f: -10}))]), None,
             [C0 + '.readinessProbe.' + f + ': Invalid value: -10: must be greater than or equal to 0'], note=n)

    t = 'Test_validateProbe'
    n = N + '; validateProbe; upstream compares the number of errors and each one\'s type and field; VAL-045'
    case(t, '#1 (empty probe)', pod(containers=[ctr(readinessProbe={})]), None,
         [C0 + '.readinessProbe: Required value: must specify a handler type'], note=n + '; as a readinessProbe')
    case(t, '#2 (exec)', pod(containers=[ctr(readinessProbe=exec_echo)]), None, [], note=n + '; as a readinessProbe')
    for i, f in enumerate(fields):
        case(t, '#%d (%s -1)' % (i + 3, f), pod(containers=[ctr(readinessProbe=dict(exec_echo, **{f: -1}))]), None,
             [C0 + '.readinessProbe.' + f + ': Invalid value: -1: must be greater than or equal to 0'], note=n + '; as a readinessProbe')
    for i, v in enumerate((-1, 0)):
        case(t, '#%d (terminationGracePeriodSeconds %d)' % (i + 8, v),
             pod(containers=[ctr(livenessProbe=dict(exec_echo, terminationGracePeriodSeconds=v))]), None,
             [C0 + '.livenessProbe.terminationGracePeriodSeconds: Invalid value: %d: must be greater than 0' % v],
             note=n + '; as a livenessProbe (a readinessProbe may not set terminationGracePeriodSeconds at all)')
    case(t, '#10 (terminationGracePeriodSeconds 1)', pod(containers=[ctr(livenessProbe=dict(exec_echo, terminationGracePeriodSeconds=1))]),
         None, [], note=n + '; as a livenessProbe')

    t = 'TestValidateHandler'
    n = N + '; validateHandler via a readinessProbe, verdict only upstream; VAL-045/046'
    successes = (
        ('exec', exec_echo),
        ('httpGet port 1', {"httpGet": {"path": "/", "port": 1, "host": "", "scheme": "HTTP"}}),
        ('httpGet port 65535 host', {"httpGet": {"path": "/foo", "port": 65535, "host": "host", "scheme": "HTTP"}}),
        ('httpGet named port', {"httpGet": {"path": "/", "port": "port", "scheme": "HTTP"}}),
        ('httpGet Host header', {"httpGet": {"path": "/", "port": "port", "scheme": "HTTP",
                                             "httpHeaders": [{"name": "Host", "value": "foo.example.com"}]}}),
        ('httpGet repeated X-Forwarded-For', {"httpGet": {"path": "/", "port": "port", "scheme": "HTTP",
                                                          "httpHeaders": [{"name": "X-Forwarded-For", "value": "1.2.3.4"},
                                                                          {"name": "X-Forwarded-For", "value": "5.6.7.8"}]}}),
    )
    for name, h in successes:
        case(t, 'success: ' + name, pod(containers=[ctr(readinessProbe=h)]), None, [], note=n)
    r = C0 + '.readinessProbe'
    errors = (
        ('empty handler', {}, [r + ': Required value: must specify a handler type'], None),
        ('exec without command', {"exec": {"command": []}}, [r + '.exec.command: Required value'], None),
        ('httpGet port 0, no path', {"httpGet": {"path": "", "port": 0, "host": ""}},
         [r + '.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive'],
         'a create defaults the empty path to "/" and the scheme to HTTP (SetDefaults_HTTPGetAction), so only the port error '
         'remains (upstream\'s call also reports the path)'),
        ('httpGet port 65536', {"httpGet": {"path": "/foo", "port": 65536, "host": "host"}},
         [r + '.httpGet.port: Invalid value: 65536: must be between 1 and 65535, inclusive'],
         'the empty scheme defaulted to HTTP first'),
        ('httpGet empty named port, no path', {"httpGet": {"path": "", "port": "", "host": ""}},
         [r + '.httpGet.port: Invalid value: "": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
          r + '.httpGet.port: Invalid value: "": must contain at least one letter (a-z)'],
         'the path and scheme defaulted first; IsValidPortName reports each failing rule (VAL-020\'s order)'),
        ('Host: header', {"httpGet": {"path": "/", "port": "port", "scheme": "HTTP",
                                      "httpHeaders": [{"name": "Host:", "value": "foo.example.com"}]}},
         [r + '.httpGet.httpHeaders: Invalid value: "Host:": a valid HTTP header must consist of alphanumeric characters or \'-\''],
         None),
        ('X_Forwarded_For header', {"httpGet": {"path": "/", "port": "port", "scheme": "HTTP",
                                                "httpHeaders": [{"name": "X_Forwarded_For", "value": "foo.example.com"}]}},
         [r + '.httpGet.httpHeaders: Invalid value: "X_Forwarded_For": a valid HTTP header must consist of alphanumeric characters or \'-\''],
         None),
    )
    for name, h, errs, extra in errors:
        case(t, 'error: ' + name, pod(containers=[ctr(readinessProbe=h)]), None, errs, note=n + ('; ' + extra if extra else ''))

    t = 'TestValidatePullPolicy'
    n = N + '; validatePullPolicy, success only upstream (the policy is kept as given); VAL-015'
    for name, c in (('NotPresent1', ctr("abc", image="image:latest", imagePullPolicy="IfNotPresent")),
                    ('NotPresent2', ctr("abc1", image="image", imagePullPolicy="IfNotPresent")),
                    ('Always1', ctr("123", image="image:latest", imagePullPolicy="Always")),
                    ('Always2', ctr("1234", image="image", imagePullPolicy="Always")),
                    ('Never1', ctr("abc-123", image="image:latest", imagePullPolicy="Never")),
                    ('Never2', ctr("abc-1234", image="image", imagePullPolicy="Never"))):
        case(t, name, pod(containers=[c]), None, [], note=n)


# --- TestValidateWindowsPodSecurityContext / TestValidateLinuxPodSecurityContext (≈300,000-303,000): validateWindows /
# validateLinux on a PodSpec; the test pins the first error's type (Forbidden) and a detail substring. A create reaches them
# only for a pod whose spec.os.name is windows / linux (VAL-217/218), so the cases set it. ---------------------------------
def pod_security_context_os():
    for t, os_name, cases in (
            ('TestValidateWindowsPodSecurityContext', 'windows', (
                ('valid SC, windows, no error', {"windowsOptions": {"runAsUserName": "dummy"}}, []),
                ('invalid SC(by SELinuxOptions), windows, error', {"seLinuxOptions": {"role": "dummyRole"}},
                 ['spec.securityContext.seLinuxOptions: Forbidden: cannot be set for a windows pod']),
                ('invalid SC(by SupplementalGroupsPolicy), windows, error', {"supplementalGroupsPolicy": "Strict"},
                 ['spec.securityContext.supplementalGroupsPolicy: Forbidden: cannot be set for a windows pod']))),
            ('TestValidateLinuxPodSecurityContext', 'linux', (
                ('valid SC, linux, no error', {"seLinuxOptions": {"user": "user", "role": "role", "type": "type", "level": "level"},
                                               "runAsUser": 1}, []),
                ('invalid SC, linux, error', {"windowsOptions": {"runAsUserName": "myUser"}},
                 ['spec.securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod'])))):
        for name, sc, errs in cases:
            case(t, name, pod(os={"name": os_name}, securityContext=sc), None, errs,
                 note=N + '; spec.os.name ' + os_name + ' so that a create runs validate' + os_name.capitalize() +
                      '; upstream pins the first error\'s type and detail substring; VAL-217/VAL-218')


# --- TestValidateRestartPolicy / TestValidateDNSPolicy (≈352,000-353,000): verdict only. The empty policies are not
# expressible: a create defaults an empty restartPolicy to Always and dnsPolicy to ClusterFirst (SetDefaults_PodSpec). -
def restart_and_dns_policy():
    t = 'TestValidateRestartPolicy'
    n = N + '; validateRestartPolicy, verdict only upstream; VAL-040'
    for policy in ("Always", "OnFailure", "Never"):
        case(t, policy, pod(restartPolicy=policy), None, [], note=n)
    case(t, 'newpolicy', pod(restartPolicy="newpolicy"), None,
         ['spec.restartPolicy: Unsupported value: "newpolicy": supported values: "Always", "OnFailure", "Never"'], note=n)
    not_expressible(t, '"" (empty)', 'a create defaults an empty restartPolicy to Always (SetDefaults_PodSpec) before validation')
    t = 'TestValidateDNSPolicy'
    n = N + '; validateDNSPolicy, verdict only upstream; VAL-040'
    for policy in ("ClusterFirst", "Default", "ClusterFirstWithHostNet"):
        case(t, policy, pod(dnsPolicy=policy), None, [], note=n)
    case(t, 'None', pod(dnsPolicy="None", dnsConfig={"nameservers": ["1.2.3.4"]}), None, [],
         note=n + '; a pod with dnsPolicy None must also give dnsConfig nameservers (validatePodDNSConfig), which the function '
                  'test does not reach; the case adds one')
    case(t, 'invalid', pod(dnsPolicy="invalid"), None,
         ['spec.dnsPolicy: Unsupported value: "invalid": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
         note=n + '; the values in validateDNSPolicy\'s own order (a slice, not a sorted set)')
    not_expressible(t, '"" (empty)', 'a create defaults an empty dnsPolicy to ClusterFirst (SetDefaults_PodSpec) before validation')


# --- TestValidateResourceRequirements (≈917,000-923,000): ValidateContainerResourceRequirements (a container's resources)
# and validatePodResourceRequirements (spec.resources, PodLevelResources, beta and on at 1.37), PodValidationOptions{};
# verdict only upstream. ------------------------------------------------------------------------------------------------
RR_SUCCESS = (
    ('limits and requests of hugepage resource are equal', 'container',
     {"limits": {"cpu": "10", "hugepages-2Mi": "2Mi"}, "requests": {"cpu": "10", "hugepages-2Mi": "2Mi"}}),
    ('container resource hugepage with cpu or memory', 'container',
     {"limits": {"hugepages-2Mi": "2Mi", "cpu": "10"}, "requests": {"hugepages-2Mi": "2Mi"}}),
    ('container resource hugepage limit without request', 'container', {"limits": {"memory": "2Mi", "hugepages-2Mi": "2Mi"}}),
    ('pod resource hugepages with cpu or memory', 'pod',
     {"limits": {"hugepages-2Mi": "2Mi"}, "requests": {"memory": "2Mi", "hugepages-2Mi": "2Mi"}}),
    ('pod resource hugepages limit without request', 'pod', {"limits": {"memory": "2Mi", "hugepages-2Mi": "2Mi"}}),
    ('limits and requests of memory resource are equal', 'container', {"limits": {"memory": "2Mi"}, "requests": {"memory": "2Mi"}}),
    ('limits and requests of cpu resource are equal', 'container', {"limits": {"cpu": "10"}, "requests": {"cpu": "10"}}),
    ('limits and requests of memory resource are equal (pod)', 'pod', {"limits": {"memory": "2Mi"}, "requests": {"memory": "2Mi"}}),
    ('limits and requests of cpu resource are equal (pod)', 'pod', {"limits": {"cpu": "10"}, "requests": {"cpu": "10"}}),
)
RR_ERRORS = (
    ('container resource hugepage without cpu or memory', 'container',
     {"limits": {"hugepages-2Mi": "2Mi"}, "requests": {"hugepages-2Mi": "2Mi"}}),
    ('container resource hugepage without limit', 'container', {"requests": {"memory": "2Mi", "hugepages-2Mi": "2Mi"}}),
    ('pod resource hugepages without cpu or memory', 'pod', {"limits": {"hugepages-2Mi": "2Mi"}, "requests": {"hugepages-2Mi": "2Mi"}}),
    ('pod resource hugepages request without limit', 'pod', {"requests": {"memory": "2Mi", "hugepages-2Mi": "2Mi"}}),
    ('pod resource with ephemeral-storage', 'pod', {"limits": {"ephemeral-storage": "2Mi"}, "requests": {"ephemeral-storage2Mi": "2Mi"}}),
    ('pod resource with unsupported prefixed resources', 'pod', {"limits": {"kubernetesio/cpu": "2"}, "requests": {"kubernetesio/memory": "2"}}),
    ('pod resource with unsupported native resources', 'pod',
     {"limits": {"kubernetes.io/" + "a" * 63: "2"}, "requests": {"kubernetes.io/" + "a" * 63: "2"}}),
    ('pod resource with unsupported empty native resource name', 'pod', {"limits": {"kubernetes.io/": "2"}, "requests": {"kubernetes.io": "2"}}),
)


RR_ERRORS_EXPECTED = {
    'container resource hugepage without cpu or memory': [C0 + '.resources: Forbidden: HugePages require cpu or memory'],
    'container resource hugepage without limit': [C0 + '.resources.limits: Required value: Limit must be set for non overcommitable resources'],
    'pod resource hugepages without cpu or memory': ['spec.resources: Forbidden: HugePages require cpu or memory'],
    'pod resource hugepages request without limit': ['spec.resources.limits: Required value: Limit must be set for non overcommitable resources'],
    'pod resource with ephemeral-storage': [
        'spec.resources.limits[ephemeral-storage]: Unsupported value: "ephemeral-storage": supported values: "cpu", "hugepages-", "memory"',
        'spec.resources.requests[ephemeral-storage2Mi]: Invalid value: "ephemeral-storage2Mi": must be a standard resource type or fully qualified'],
    'pod resource with unsupported prefixed resources': [
        'spec.resources.limits[kubernetesio/cpu]: Unsupported value: "kubernetesio/cpu": supported values: "cpu", "hugepages-", "memory"',
        'spec.resources.requests[kubernetesio/memory]: Unsupported value: "kubernetesio/memory": supported values: "cpu", "hugepages-", "memory"',
        'spec.resources.limits: Required value: Limit must be set for non overcommitable resources'],
    'pod resource with unsupported native resources': [
        'spec.resources.limits[kubernetes.io/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]: Unsupported value: "kubernetes.io/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": supported values: "cpu", "hugepages-", "memory"',
        'spec.resources.requests[kubernetes.io/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]: Unsupported value: "kubernetes.io/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": supported values: "cpu", "hugepages-", "memory"'],
    'pod resource with unsupported empty native resource name': [
        'spec.resources.limits[kubernetes.io/]: Invalid value: "kubernetes.io/": name part must be non-empty',
        'spec.resources.limits[kubernetes.io/]: Invalid value: "kubernetes.io/": name part must consist of alphanumeric characters',
        'spec.resources.requests[kubernetes.io]: Invalid value: "kubernetes.io": must be a standard resource type or fully qualified'],
}


def rr_pod(where, res):
    if where == 'pod':
        return pod(resources=res)
    return pod(containers=[ctr(resources=res)])


def resource_requirements(errors_by_case):
    t = 'TestValidateResourceRequirements'
    n = N + '; verdict only upstream; a "pod" case puts the requirements in spec.resources (validatePodResourceRequirements), ' \
            'a "container" case in the container; VAL-030…034, VAL-036/037 (pod-level resources)'
    for name, where, res in RR_SUCCESS:
        case(t, name, rr_pod(where, res), None, [], note=n + ('; the requests missing here are filled from the limits by '
                                                              'defaulting (DEF-001/pod-level DEF) first' if 'without request' in name or 'with cpu or memory' in name else ''))
    for name, where, res in RR_ERRORS:
        case(t, name, rr_pod(where, res), None, errors_by_case[name], note=n + '; the error list is validation.go\'s as the '
             'model reads it (verdict pinned upstream)')


def overhead():
    t = 'TestValidateOverhead'
    n = N + ' (≈885,000; the same function as in the ≈1.30 copy, kubecraft cca2926a); validateOverhead, verdict only; VAL-035'
    for release, value in (('1.37', '"my.org"'), ('1.30', 'my.org')):
        case(t, 'Invalid Overhead Resources' + ('' if release == '1.37' else ' (1.30)'), pod(overhead={"my.org": "10m"}), None, [
            'spec.overhead.limits[my.org]: Invalid value: %s: must be a standard resource type or fully qualified' % value,
            'spec.overhead.limits[my.org]: Invalid value: %s: must be a standard resource for containers' % value],
             releases=(release,), note=n + '; a pod without runtimeClassName: validation refuses it before the RuntimeClass '
                                           'plugin\'s Validate (ADM-013); the resource name prints bare before 1.34, quoted '
                                           'from 1.34 (VAL-030)')
    # The success case: a created pod may carry an overhead only beside a RuntimeClass defining the same one (the
    # RuntimeClass admission plugin, ADM-013/018), so the case gives the harness that class (session 14b; listed as not
    # expressible before the harness took objects).
    overhead_list = {"cpu": "10", "memory": "10G"}
    for release in ('1.37', '1.30'):
        case(t, 'Valid Overhead for CPU + Memory' + ('' if release == '1.37' else ' (1.30)'),
             pod(overhead=overhead_list, runtimeClassName='overhead-class'), None, [], releases=(release,),
             note=n + '; the pod names RuntimeClass overhead-class, given to the create with overhead.podFixed equal to '
                      'the pod\'s (ADM-013/018: any other class overhead, or none, refuses the pod)')
        u.CASES[-1]["runtimeClasses"] = [{"name": "overhead-class", "handler": "handler", "podFixed": overhead_list}]


# --- TestValidateStopSignal (≈1,036,000): validateStopSignal at the root path; the test compares the first error's whole
# Error() text. The signal sits at a container's lifecycle.stopSignal (ContainerStopSignals, alpha: on for the case). ----
def stop_signal():
    t = 'TestValidateStopSignal'
    n = N + '; ContainerStopSignals on; the root path is the container\'s lifecycle.stopSignal; VAL-048'
    path = C0 + '.lifecycle.stopSignal'
    for name, os_name, signal, errs in (
            ('Empty spec.os.name', None, 'SIGTERM', [path + ': Forbidden: may not be set for containers with empty `spec.os.name`']),
            ('Invalid signal passed to windows pod', 'windows', 'SIGHUP',
             [path + ': Unsupported value: "SIGHUP": supported values: "SIGKILL", "SIGTERM"']),
            ('Valid signal passed to windows pod', 'windows', 'SIGKILL', []),
            ('Valid signal passed to linux pod', 'linux', 'SIGHUP', [])):
        extra = {"os": {"name": os_name}} if os_name else {}
        case(t, name, pod(containers=[ctr(lifecycle={"stopSignal": signal})], **extra), {"ContainerStopSignals": True}, errs, note=n)


# --- TestValidateFileKeyRefVolume (≈1,038,000-1,056,000): validateFileKeyRefVolumes on a PodSpec; field.ErrorMatcher ByType,
# ByField, ByOrigin, ByDetailSubstring (the bad value is not compared). Upstream's containers have no name or image (the
# function reads only env); here each is a full container. --------------------------------------------------------------
def file_key_ref_volume():
    t = 'TestValidateFileKeyRefVolume'
    n = N + '; EnvFiles (beta, on at 1.37); VAL-056 (validateFileKeyRefVolumes, the last check of ValidatePodSpec)'

    def fk_env(name, volume, path):
        return {"name": name, "valueFrom": {"fileKeyRef": {"volumeName": volume, "path": path, "key": name}}}

    host = lambda name, path: {"name": name, "hostPath": {"path": path, "type": "Directory"}}
    empty = lambda name, **e: dict({"name": name, "emptyDir": e})
    e0 = C0 + '.env[0].valueFrom.fileKeyRef.volumeName'
    emptydir = 'referenced volume must be of type emptyDir'
    db = fk_env("DATABASE_URL", "config-volume", "database.env")
    for name, containers, volumes, errs in (
            ('should pass when no FileKeyRef environment variables are used',
             [ctr(env=[{"name": "STATIC_VAR", "value": "static_value"}])], [host("some-volume", "/tmp/data")], []),
            ('should pass when FileKeyRef references a valid emptyDir volume', [ctr(env=[db])], [empty("config-volume")], []),
            ('should pass when FileKeyRef references emptyDir volume with memory medium',
             [ctr(env=[fk_env("CACHE_CONFIG", "cache-volume", "cache.env")])], [empty("cache-volume", medium="Memory")], []),
            ('should pass when FileKeyRef references emptyDir volume and other volume types exist', [ctr(env=[db])],
             [empty("config-volume"), host("other-volume", "/tmp/data")], []),
            ('should fail when FileKeyRef references a non-existent volume',
             [ctr(env=[fk_env("DATABASE_URL", "non-existent-volume", "database.env")])], [empty("config-volume")],
             [e0 + ': Not found: "non-existent-volume"']),
            ('should fail when FileKeyRef references a hostPath volume', [ctr(env=[db])], [host("config-volume", "/tmp/config")],
             [e0 + ': Invalid value: "config-volume": ' + emptydir]),
            ('should fail when FileKeyRef references a secret volume', [ctr(env=[fk_env("API_KEY", "secret-volume", "api.env")])],
             [{"name": "secret-volume", "secret": {"secretName": "my-secret"}}], [e0 + ': Invalid value: "secret-volume": ' + emptydir]),
            ('should fail when FileKeyRef references a configMap volume',
             [ctr(env=[fk_env("CONFIG_VALUE", "configmap-volume", "config.env")])],
             [{"name": "configmap-volume", "configMap": {"name": "my-config"}}], [e0 + ': Invalid value: "configmap-volume": ' + emptydir]),
            ('should fail when FileKeyRef references a persistentVolumeClaim volume',
             [ctr(env=[fk_env("DATA_PATH", "pvc-volume", "data.env")])],
             [{"name": "pvc-volume", "persistentVolumeClaim": {"claimName": "my-pvc"}}], [e0 + ': Invalid value: "pvc-volume": ' + emptydir]),
            ('should fail when FileKeyRef references multiple non-emptyDir volumes',
             [ctr(env=[fk_env("DATABASE_URL", "host-volume", "database.env"), fk_env("API_KEY", "configmap-volume", "api.env")])],
             [host("host-volume", "/tmp/config"), {"name": "configmap-volume", "configMap": {"name": "my-config"}}],
             [e0 + ': Invalid value: "host-volume": ' + emptydir,
              C0 + '.env[1].valueFrom.fileKeyRef.volumeName: Invalid value: "configmap-volume": ' + emptydir]),
            ('should fail when FileKeyRef references non-existent volume in multiple containers',
             [ctr("c1", env=[fk_env("DATABASE_URL", "non-existent-volume", "database.env")]),
              ctr("c2", env=[fk_env("API_KEY", "another-missing-volume", "api.env")])], [empty("config-volume")],
             [e0 + ': Not found: "non-existent-volume"',
              'spec.containers[1].env[0].valueFrom.fileKeyRef.volumeName: Not found: "another-missing-volume"']),
    ):
        case(t, name, pod(containers=containers, volumes=volumes), None, errs,
             note=n + ('; upstream\'s containers are unnamed; here "c1", "c2"' if 'multiple containers' in name else ''))
    init_env = [fk_env("DATABASE_URL", "init-config-volume", "init-database.env")]
    init_env[0]["name"] = "INIT_DATABASE_URL"
    case(t, 'should pass when FileKeyRef in initContainers references a valid emptyDir volume',
         pod(initContainers=[ctr("init", env=init_env)], volumes=[empty("init-config-volume")]), None, [],
         note=n + '; the pod also has the regular container a create requires')
    case(t, 'should fail when FileKeyRef in initContainers references a hostPath volume',
         pod(initContainers=[ctr("init", env=init_env)], volumes=[host("init-config-volume", "/tmp/init")]), None,
         ['spec.initContainers[0].env[0].valueFrom.fileKeyRef.volumeName: Invalid value: "init-config-volume": ' + emptydir],
         note=n + '; the pod also has the regular container a create requires')
    for name in ('should pass when FileKeyRef in ephemeralContainers references a valid emptyDir volume',
                 'should fail when FileKeyRef in ephemeralContainers references a hostPath volume'):
        not_expressible(t, name, 'ephemeral containers cannot be set on create (VAL-016)')


# --- TestValidateDynamicResourceAllocation (≈953,000-959,000): ValidatePodSpec with meta {name: some-pod} (the failure cases
# named "static pod …" add the mirror-pod annotation) and PodValidationOptions{}; verdict only upstream. The 1.31+ claim
# form (resourceClaimName / resourceClaimTemplateName on the pod claim). DynamicResourceAllocation is GA and on at 1.37. ----
def dra():
    t = 'TestValidateDynamicResourceAllocation'
    n = N + '; verdict only upstream; the error list is validation.go\'s as the model reads it (VAL-6xx resource claims, ' \
            'VAL-004 mirror pods)'

    def claims(names):
        return {"claims": [dict({"name": c[0]}, **({"request": c[1]} if len(c) > 1 else {})) for c in names]}

    def dpod(ctr_claims=None, pod_claims=(), init=False, static=False):
        c = ctr("ctr-init" if init else "ctr", resources=claims(ctr_claims)) if ctr_claims is not None else None
        spec = {"resourceClaims": list(pod_claims)} if pod_claims else {}
        if init:
            spec["initContainers"] = [c]
        elif c:
            spec["containers"] = [c]
        p = pod(name="some-pod", **spec)
        if static:
            p["metadata"]["annotations"] = {"kubernetes.io/config.mirror": "True"}
            p["spec"]["nodeName"] = "node"
        return p

    ref = lambda name, claim="some-claim": {"name": name, "resourceClaimName": claim}
    tmpl = lambda name, t_name="some-claim-template": {"name": name, "resourceClaimTemplateName": t_name}
    for name, p in (
            ('resource claim reference', dpod([("my-claim-reference",)], [ref("my-claim-reference")])),
            ('resource claim template', dpod([("my-claim-template",)], [tmpl("my-claim-template")])),
            ('multiple claims', dpod([("my-claim",), ("another-claim",)], [ref("my-claim"), ref("another-claim")])),
            ('multiple claims with requests', dpod([("my-claim", "req-0"), ("another-claim", "req-0")], [ref("my-claim"), ref("another-claim")])),
            ('single claim with requests', dpod([("my-claim", "req-0"), ("my-claim", "req-1")], [ref("my-claim")])),
            ('init container', dpod([("my-claim",)], [ref("my-claim")], init=True)),
    ):
        case(t, 'u37: ' + name, p, None, [], note=n + ('; the pod also has the regular container MakePod gives it' if 'init' in name else ''))
    for name, p in (
            ('static pod with resource claim reference', dpod([("my-claim-reference",)], [ref("my-claim-reference")], static=True)),
            ('static pod with resource claim template', dpod([("my-claim-template",)], [tmpl("my-claim-template")], static=True)),
            ('pod claim name with prefix', dpod(None, [ref("../my-claim")])),
            ('pod claim name with path', dpod(None, [ref("my/claim")])),
            ('pod claim name empty', dpod(None, [ref("")])),
            ('duplicate pod claim entries', dpod(None, [ref("my-claim"), ref("my-claim")])),
            ('resource claim source empty', dpod(None, [{"name": "my-claim"}])),
            ('resource claim reference and template', dpod([("my-claim",)], [dict(ref("my-claim"), resourceClaimTemplateName="some-claim-template")])),
            ('claim not found', dpod([("no-such-claim",)], [ref("my-claim")])),
            ('claim name empty', dpod([("",)], [ref("my-claim")])),
            ('pod claim name duplicates', dpod([("my-claim",), ("my-claim",)], [ref("my-claim")])),
            ('pod claim name duplicates without and with request', dpod([("my-claim",), ("my-claim", "req-0")], [ref("my-claim")])),
            ('pod claim name duplicates with and without request', dpod([("my-claim", "req-0"), ("my-claim",)], [ref("my-claim")])),
            ('pod claim name duplicates with requests', dpod([("my-claim", "req-0"), ("my-claim", "req-0")], [ref("my-claim")])),
            ('bad request name', dpod([("my-claim", "*$@%^")], [ref("my-claim")])),
            ('no claims defined', dpod([("my-claim",)])),
            ('duplicate pod claim name', dpod([("my-claim",)], [ref("my-claim"), ref("my-claim")])),
            ('invalid claim template name', dpod([("my-claim-template",)], [tmpl("my-claim-template", ".foo_bar")])),
            ('invalid claim reference name', dpod([("my-claim-reference",)], [ref("my-claim-reference", ".foo_bar")])),
    ):
        case(t, 'u37: ' + name, p, None, DRA_ERRORS.get(name, ['?']),
             note=n + ('; the mirror-pod annotation of the test\'s meta, with a nodeName so that the annotation itself is '
                       'valid (VAL-004)' if name.startswith('static') else ''))
    not_expressible(t, "u37: ephemeral container don't support resource requirements",
                    'ephemeral containers cannot be set on create (VAL-016)')


# --- TestValidateKeyToPath, TestValidateNFSVolumeSource, TestValidateGlusterfs, TestValidateCSIVolumeSource
# (≈115,000-123,000): single volume-source functions, each written as a pod volume (`spec.volumes[0].…`). KeyToPath: the
# test requires exactly one error and pins its type; the others pin the first error's type and field suffix (NFS: and a
# detail substring). The rest of each entry is validation.go as the model reads it (VAL-6xx volume sources). ------------
def volume_sources():
    v = 'spec.volumes[0]'

    def vpod(volume):
        return pod(volumes=[volume])

    t = 'TestValidateKeyToPath'
    n = N + '; validateKeyToPath via a configMap volume\'s items; exactly one error, type pinned'
    items = v + '.configMap.items[0]'
    for i, (kp, errs) in enumerate((
            ({"key": "k", "path": "p"}, []),
            ({"key": "k", "path": "p/p/p/p"}, []),
            ({"key": "k", "path": "p/..p/p../p..p"}, []),
            ({"key": "k", "path": "p", "mode": 0o644}, []),
            ({"key": "", "path": "p"}, [items + '.key: Required value']),
            ({"key": "k", "path": ""}, [items + '.path: Required value']),
            ({"key": "k", "path": "..p"}, [items + '.path: Invalid value: "..p": must not start with \'..\'']),
            ({"key": "k", "path": "../p"}, [items + '.path: Invalid value: "../p": must not contain \'..\'']),
            ({"key": "k", "path": "p/../p"}, [items + '.path: Invalid value: "p/../p": must not contain \'..\'']),
            ({"key": "k", "path": "p/.."}, [items + '.path: Invalid value: "p/..": must not contain \'..\'']),
            ({"key": "k", "path": "p", "mode": 0o1000}, [items + '.mode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive']),
            ({"key": "k", "path": "p", "mode": -1}, [items + '.mode: Invalid value: -1: must be a number between 0 and 0777 (octal), both inclusive']),
    )):
        case(t, '#%d (%s)' % (i + 1, json_brief(kp)), vpod({"name": "cm", "configMap": {"name": "cm", "items": [kp]}}), None, errs, note=n)

    t = 'TestValidateNFSVolumeSource'
    n = N + '; validateNFSVolumeSource via an nfs volume'
    # "missing path": validateNFSVolumeSource has no else between Required and the absolute-path check, so an empty path
    # gets both (v1.35.4 copy, openshift-kni 4495d2058, local mirror); upstream pins the first.
    for name, nfs, errs in (
            ('missing server', {"server": "", "path": "/tmp"}, [v + '.nfs.server: Required value']),
            ('missing path', {"server": "my-server", "path": ""},
             [v + '.nfs.path: Required value', v + '.nfs.path: Invalid value: "": must be an absolute path']),
            ('abs path', {"server": "my-server", "path": "tmp"}, [v + '.nfs.path: Invalid value: "tmp": must be an absolute path'])):
        case(t, name, vpod({"name": "nfs", "nfs": nfs}), None, errs, note=n)

    t = 'TestValidateGlusterfs'
    n = N + '; validateGlusterfsVolumeSource via a glusterfs volume'
    for name, gfs, errs in (
            ('missing endpointname', {"endpoints": "", "path": "/tmp"}, [v + '.glusterfs.endpoints: Required value']),
            ('missing path', {"endpoints": "my-endpoint", "path": ""}, [v + '.glusterfs.path: Required value']),
            ('missing endpointname and path', {"endpoints": "", "path": ""},
             [v + '.glusterfs.endpoints: Required value', v + '.glusterfs.path: Required value'])):
        case(t, name, vpod({"name": "gfs", "glusterfs": gfs}), None, errs, note=n)

    t = 'TestValidateCSIVolumeSource'
    n = N + '; validateCSIVolumeSource via a csi volume'
    d = v + '.csi.driver'
    for name, csi, errs in (
            ('all required fields ok', {"driver": "test-driver"}, []),
            ('missing driver name', {"driver": ""}, [d + ': Required value']),
            ('driver name: ok no punctuations', {"driver": "comgooglestoragecsigcepd"}, []),
            ('driver name: ok dot only', {"driver": "io.kubernetes.storage.csi.flex"}, []),
            ('driver name: ok dash only', {"driver": "io-kubernetes-storage-csi-flex"}, []),
            ('driver name: invalid underscore', {"driver": "io_kubernetes_storage_csi_flex"},
             [d + ': Invalid value: "io_kubernetes_storage_csi_flex": ' + SUBDOMAIN]),
            ('driver name: invalid dot underscores', {"driver": "io.kubernetes.storage_csi.flex"},
             [d + ': Invalid value: "io.kubernetes.storage_csi.flex": ' + SUBDOMAIN]),
            ('driver name: ok beginning with number', {"driver": "2io.kubernetes.storage-csi.flex"}, []),
            ('driver name: ok ending with number', {"driver": "io.kubernetes.storage-csi.flex2"}, []),
            ('driver name: invalid dot dash underscores', {"driver": "io.kubernetes-storage.csi_flex"},
             [d + ': Invalid value: "io.kubernetes-storage.csi_flex": ' + SUBDOMAIN]),
            ('driver name: ok length 1', {"driver": "a"}, []),
            ('driver name: invalid length > 63', {"driver": "g" * 65}, [d + ': Too long: ']),
            ('driver name: invalid start char', {"driver": "_comgooglestoragecsigcepd"},
             [d + ': Invalid value: "_comgooglestoragecsigcepd": ' + SUBDOMAIN]),
            ('driver name: invalid end char', {"driver": "comgooglestoragecsigcepd/"},
             [d + ': Invalid value: "comgooglestoragecsigcepd/": ' + SUBDOMAIN]),
            ('driver name: invalid separators', {"driver": "com/google/storage/csi~gcepd"},
             [d + ': Invalid value: "com/google/storage/csi~gcepd": ' + SUBDOMAIN]),
            ('valid nodePublishSecretRef', {"driver": "com.google.gcepd", "nodePublishSecretRef": {"name": "foobar"}}, []),
            ('nodePublishSecretRef: invalid name missing', {"driver": "com.google.gcepd", "nodePublishSecretRef": {"name": ""}},
             [v + '.csi.nodePublishSecretRef.name: Required value'])):
        case(t, name, vpod({"name": "csi", "csi": csi}), None, errs,
             note=n + ('; ValidateCSIDriverName returns right after Required from 1.35 (v1.35.0, v1.35.4, U37 validation.go at '
                       '55928668520 offset 74,000), so no subdomain error follows (model fix, VAL-625)' if name == 'missing driver name' else ''))
    case(t, 'missing driver name (1.30)', vpod({"name": "csi", "csi": {"driver": ""}}), None,
         [d + ': Required value', d + ': Invalid value: "": ' + SUBDOMAIN], releases=('1.30', '1.34'),
         note='the same case in the ≈1.30 copy (kubecraft cca2926a, local mirror); before 1.35 ValidateCSIDriverName has no '
              'early return (v1.32.5, v1.33.3, v1.34.1 copies, openshift-kni), so the empty name also fails the subdomain '
              'check; upstream pins the first error (VAL-625)')


def json_brief(kp):
    return ', '.join('%s %s' % (k, oct(x) if k == 'mode' and x >= 0 else repr(x)) for k, x in kp.items())


# --- TestAlphaLocalStorageCapacityIsolation (≈203,000): validateVolumeSource of an emptyDir with sizeLimit 5 and
# ValidateContainerResourceRequirements of an ephemeral-storage limit NewMilliQuantity(40000) (= 40); success only. ------
def local_storage_capacity_isolation():
    t = 'TestAlphaLocalStorageCapacityIsolation'
    n = N + '; success only upstream; VAL-6xx emptyDir sizeLimit, VAL-030/031'
    case(t, 'emptyDir sizeLimit', pod(volumes=[{"name": "tmpvol", "emptyDir": {"sizeLimit": "5"}}]), None, [], note=n)
    case(t, 'container ephemeral-storage limit', pod(containers=[ctr(resources={"limits": {"ephemeral-storage": "40"}})]), None, [],
         note=n + '; the quantity 40000m written in its canonical form 40')


# --- TestValidateEphemeralVolume = testValidatePVC(t, ephemeral=true) (≈70,000-82,000): each scenario's claim metadata and
# spec become the volumeClaimTemplate of an ephemeral volume "foo" (ValidateVolumes with no pod meta, options{}); verdict
# only. In a create the pod name is known, so the generated PVC name "pod-foo" is checked too (valid here). The error
# lists are validation.go's as the model reads it (VAL-632/633); upstream pins the verdict. ------------------------------
def ephemeral_volume():
    t = 'TestValidateEphemeralVolume'
    n = N + '; testValidatePVC(ephemeral=true), verdict only upstream; VAL-632/633'
    good_spec = {"selector": {"matchExpressions": [{"key": "key2", "operator": "Exists"}]},
                 "accessModes": ["ReadWriteOnce", "ReadOnlyMany"], "resources": {"requests": {"storage": "10G"}},
                 "storageClassName": "valid", "volumeMode": "Filesystem"}
    sel = {"matchExpressions": [{"key": "key2", "operator": "Exists"}]}
    rwo_rox = ["ReadWriteOnce", "ReadOnlyMany"]

    def req(q, res="storage"):
        return {"requests": {res: q}}

    scenarios = (
        ('good-claim', {}, good_spec, False),
        ('missing-name', {}, good_spec, False),
        ('missing-namespace', {}, good_spec, False),
        ('with-generate-name', {"generateName": "pvc-"}, good_spec, True),
        ('with-uid', {"uid": "ac051fac-2ead-46d9-b8b4-4e0fbeb7455d"}, good_spec, True),
        ('with-resource-version', {"resourceVersion": "1"}, good_spec, True),
        ('with-generation', {"generation": 100}, good_spec, True),
        ('with-creation-timestamp', {"creationTimestamp": "2026-07-23T10:00:00Z"}, good_spec, True),
        ('with-deletion-grace-period-seconds', {"deletionGracePeriodSeconds": 10}, good_spec, True),
        ('with-owner-references', {"ownerReferences": [{"apiVersion": "v1", "kind": "pod", "name": "foo",
                                                        "uid": "ac051fac-2ead-46d9-b8b4-4e0fbeb7455d"}]}, good_spec, True),
        ('with-finalizers', {"finalizers": ["example.com/foo"]}, good_spec, True),
        ('with-managed-fields', {"managedFields": [{"fieldsType": "FieldsV1", "operation": "Apply", "apiVersion": "apps/v1",
                                                    "manager": "foo"}]}, good_spec, True),
        ('with-good-labels', {"labels": {"apps.kubernetes.io/name": "test"}}, good_spec, False),
        ('with-bad-labels', {"labels": {"hello-world": "hyphen not allowed"}}, good_spec, True),
        ('with-good-annotations', {"labels": {"foo": "bar"}}, good_spec, False),
        ('with-bad-annotations', {"labels": {"hello-world": "hyphen not allowed"}}, good_spec, True),
        ('with-read-write-once-pod', {}, {"accessModes": ["ReadWriteOncePod"], "resources": req("10G")}, False),
        ('with-read-write-once-pod-and-others', {}, {"accessModes": ["ReadWriteOncePod", "ReadWriteMany"], "resources": req("10G")}, True),
        ('invalid-claim-zero-capacity', {}, {"selector": sel, "accessModes": rwo_rox, "resources": req("0G"), "storageClassName": "valid"}, True),
        ('invalid-label-selector', {}, {"selector": {"matchExpressions": [{"key": "key2", "operator": "InvalidOp", "values": ["value1", "value2"]}]},
                                        "accessModes": rwo_rox, "resources": req("10G")}, True),
        ('invalid-accessmode', {}, {"accessModes": ["fakemode"], "resources": req("10G")}, True),
        ('no-access-modes', {}, {"resources": req("10G")}, True),
        ('no-resource-requests', {}, {"accessModes": ["ReadWriteOnce"]}, True),
        ('invalid-resource-requests', {}, {"accessModes": ["ReadWriteOnce"], "resources": req("10G", "memory")}, True),
        ('negative-storage-request', {}, {"selector": sel, "accessModes": rwo_rox, "resources": req("-10G")}, True),
        ('zero-storage-request', {}, {"selector": sel, "accessModes": rwo_rox, "resources": req("0G")}, True),
        ('invalid-storage-class-name', {}, {"selector": sel, "accessModes": rwo_rox, "resources": req("10G"), "storageClassName": "-invalid-"}, True),
        ('invalid-volume-mode', {}, {"accessModes": rwo_rox, "resources": req("10G"), "volumeMode": "fakeVolumeMode"}, True),
        ('mismatch-data-source-and-ref', {}, {"accessModes": ["ReadWriteOnce"], "resources": req("10G"),
                                              "dataSource": {"kind": "PersistentVolumeClaim", "name": "pvc1"},
                                              "dataSourceRef": {"kind": "PersistentVolumeClaim", "name": "pvc2"}}, True),
        ('invalid-apigroup-in-data-source', {}, {"accessModes": ["ReadWriteOnce"], "resources": req("10G"),
                                                 "dataSource": {"apiGroup": "^invalid", "kind": "Foo", "name": "foo1"}}, True),
        ('invalid-apigroup-in-data-source-ref', {}, {"accessModes": ["ReadWriteOnce"], "resources": req("10G"),
                                                     "dataSourceRef": {"apiGroup": "^invalid", "kind": "Foo", "name": "foo1"}}, True),
        ('invalid-volume-attributes-class-name', {}, {"selector": sel, "accessModes": rwo_rox, "resources": req("10G"),
                                                      "volumeAttributesClassName": "-invalid-"}, True),
    )
    for name, meta, spec, fails in scenarios:
        template = {"spec": spec}
        if meta:
            template["metadata"] = meta
        p = pod(volumes=[{"name": "foo", "ephemeral": {"volumeClaimTemplate": template}}])
        errs = EPHEMERAL_ERRORS.get(name, ['?']) if fails else []
        extra = '; the creation timestamp is a fixed time (upstream: metav1.Now())' if name == 'with-creation-timestamp' else ''
        if name in ('missing-name', 'missing-namespace'):
            extra = '; for an ephemeral template the good claim already has neither name nor namespace, so this is the good claim'
        case(t, name, p, None, errs, note=n + extra)


# --- TestValidatePodDNSConfig (≈353,000-362,000): the two legacy-IP cases U37 added (StrictIPCIDRValidation set to
# !legacyIPs by the test); the function's other cases are cases.json vectors that already run at 1.37. Verdict only. ----
def dns_config_legacy_ips():
    t = 'TestValidatePodDNSConfig'
    n = N + '; validatePodDNSConfig, verdict only upstream; VAL-332 (nameserver IPs)'
    p = pod(dnsConfig={"nameservers": ["001.002.003.004"]})
    case(t, 'u37: valid legacy IP nameserver with legacy IP validation', p, {"StrictIPCIDRValidation": False}, [], note=n)
    case(t, 'u37: invalid legacy IP nameserver with strict IP validation', p, {"StrictIPCIDRValidation": True},
         ['spec.dnsConfig.nameservers[0]: Invalid value: "001.002.003.004": must not have leading 0s'], note=n)



# --- TestValidatePodDNSConfigWithRelaxedSearchDomain (≈966,000, between TestValidateSleepAction and
# TestValidateContainerStatusNoAllocatedResourcesStatus; found in session 16's re-read of the early ranges, not listed
# before): validatePodDNSConfig(dnsConfig, nil, nil, PodValidationOptions{}) on one search each. At U37 the relaxed check
# has no option (RelaxedDNSSearchValidation was removed locked on, PROF-002), so the empty options still accept '_' and a
# lone '.'. As a create: the search list in spec.dnsConfig of a ClusterFirst pod (the policy a create defaults to).
# Verdict only upstream; each failing list is VAL-330 at 1.37: one trailing '.' trimmed, the rest checked by
# IsDNS1123SubdomainWithUnderscore, one error with the trimmed value. ------------------------------------------------
RELAXED_SEARCH_MSG = ("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', "
                      "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation "
                      "is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')")


def dns_config_relaxed_search_domain():
    t = 'TestValidatePodDNSConfigWithRelaxedSearchDomain'
    n = N + '; validatePodDNSConfig with no options, verdict only upstream; VAL-330 (the list: one trailing dot trimmed, the rest IsDNS1123SubdomainWithUnderscore)'
    rows = [
        ('beginswith underscore, contains underscore', '_sip._tcp.abc_d.example.com', None),
        ('contains underscore', 'abc_d.example.com', None),
        ('is dot', '.', None),
        ('two dots', '..', '.'),
        ('underscore and dot', '_.', '_'),
        ('dash and dot', '-.', '-'),
        ('two underscore and dot', '__.', '__'),
        ('dot and two underscore', '.__', '.__'),
        ('dot and underscore', '._', '._'),
        ('lot of underscores', '____________', '____________'),
        ('a regular name', 'example.com', None),
        ('unicode character', '\u2603.example.com', '\u2603.example.com'),
    ]
    for name, search, bad in rows:
        errs = [] if bad is None else ['spec.dnsConfig.searches[0]: Invalid value: ' + json.dumps(bad, ensure_ascii=False)
                                       + ': ' + RELAXED_SEARCH_MSG]
        case(t, name, pod(dnsConfig={"searches": [search]}), None, errs, note=n)


EPHEMERAL_ERRORS = {
    'invalid-accessmode': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: Unsupported value: "fakemode": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"'],
    'invalid-apigroup-in-data-source': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.dataSource.apiGroup: Invalid value: "^invalid": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')'],
    'invalid-apigroup-in-data-source-ref': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.dataSourceRef.apiGroup: Invalid value: "^invalid": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')'],
    'invalid-claim-zero-capacity': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]: Invalid value: "0": must be greater than zero'],
    'invalid-label-selector': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.selector.matchExpressions[0].operator: Invalid value: "InvalidOp": not a valid selector operator'],
    'invalid-resource-requests': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]: Required value'],
    'invalid-storage-class-name': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.storageClassName: Invalid value: "-invalid-": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')'],
    'invalid-volume-attributes-class-name': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.volumeAttributesClassName: Invalid value: "-invalid-": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')'],
    'invalid-volume-mode': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.volumeMode: Unsupported value: "fakeVolumeMode": supported values: "Block", "Filesystem"'],
    'mismatch-data-source-and-ref': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec: Invalid value: {}: must match dataSourceRef'],
    'negative-storage-request': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]: Invalid value: "-10G": must be greater than zero'],
    'no-access-modes': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: Required value: at least 1 access mode is required'],
    'no-resource-requests': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]: Required value'],
    'with-bad-annotations': ['spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.labels: Invalid value: "hyphen not allowed": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')'],
    'with-bad-labels': ['spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.labels: Invalid value: "hyphen not allowed": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')'],
    'with-creation-timestamp': ['spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.creationTimestamp: Forbidden: cannot be set'],
    'with-deletion-grace-period-seconds': ['spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.deletionGracePeriodSeconds: Forbidden: cannot be set'],
    'with-finalizers': ['spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.finalizers: Forbidden: cannot be set'],
    'with-generate-name': ['spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.generateName: Forbidden: cannot be set'],
    'with-generation': ['spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.generation: Forbidden: cannot be set'],
    'with-managed-fields': ['spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.managedFields: Forbidden: cannot be set'],
    'with-owner-references': ['spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.ownerReferences: Forbidden: cannot be set'],
    'with-read-write-once-pod-and-others': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes'],
    'with-resource-version': ['spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.resourceVersion: Forbidden: cannot be set'],
    'with-uid': ['spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.uID: Forbidden: cannot be set'],
    'zero-storage-request': ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]: Invalid value: "0": must be greater than zero'],
}


DRA_ERRORS = {
    'bad request name': ['spec.containers[0].resources.claims[0].request: Invalid value: "*$@%^": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')'],
    'claim name empty': ['spec.containers[0].resources.claims[0]: Required value'],
    'claim not found': ['spec.containers[0].resources.claims[0]: Not found: "no-such-claim": must be one of the names in pod.spec.resourceClaims: my-claim'],
    'duplicate pod claim entries': ['spec.resourceClaims[1].name: Duplicate value: "my-claim"'],
    'duplicate pod claim name': ['spec.resourceClaims[1].name: Duplicate value: "my-claim"'],
    'invalid claim reference name': ['spec.resourceClaims[0].resourceClaimName: Invalid value: ".foo_bar": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')'],
    'invalid claim template name': ['spec.resourceClaims[0].resourceClaimTemplateName: Invalid value: ".foo_bar": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')'],
    'no claims defined': ['spec.containers[0].resources.claims[0]: Not found: "my-claim": must be one of the names in pod.spec.resourceClaims which is empty'],
    'pod claim name duplicates': ['spec.containers[0].resources.claims[1]: Duplicate value: "my-claim"'],
    'pod claim name duplicates with and without request': ['spec.containers[0].resources.claims[1]: Duplicate value: "my-claim"'],
    'pod claim name duplicates with requests': ['spec.containers[0].resources.claims[1]: Duplicate value: "my-claim/req-0"'],
    'pod claim name duplicates without and with request': ['spec.containers[0].resources.claims[1]: Duplicate value: "my-claim"'],
    'pod claim name empty': ['spec.resourceClaims[0].name: Required value'],
    'pod claim name with path': ['spec.resourceClaims[0].name: Invalid value: "my/claim": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')'],
    'pod claim name with prefix': ['spec.resourceClaims[0].name: Invalid value: "../my-claim": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')'],
    'resource claim reference and template': ['spec.resourceClaims[0]: Invalid value: {"Name":"my-claim","ResourceClaimName":"some-claim","ResourceClaimTemplateName":"some-claim-template"}: at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified'],
    'resource claim source empty': ['spec.resourceClaims[0]: Invalid value: {"Name":"my-claim","ResourceClaimName":null,"ResourceClaimTemplateName":null}: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`'],
    'static pod with resource claim reference': [': Forbidden: static pods do not support resource claims'],
    'static pod with resource claim template': [': Forbidden: static pods do not support resource claims'],
}


def build():
    ports()
    relaxed_env()
    validate_env()
    env_from()
    file_key_ref()
    hugepages()
    probes()
    pod_security_context_os()
    restart_and_dns_policy()
    resource_requirements(RR_ERRORS_EXPECTED)
    overhead()
    stop_signal()
    file_key_ref_volume()
    dra()
    volume_sources()
    local_storage_capacity_isolation()
    ephemeral_volume()
    dns_config_legacy_ips()
    dns_config_relaxed_search_domain()
