"""Upstream warning vectors (README.md): Kubernetes' TestWarnings (pkg/api/pod/warnings_test.go) turned into Pod
manifests. Run `python3 generate.py` to rewrite warnings.cases next to this file; CI never runs it.

Source: kubernetes/kubernetes pkg/api/pod/warnings_test.go at 04669c5d644c554a4c46f8778e33fd79c4859989 (68,297
characters, read whole through the project's search index, read_file, in session 10). It lies between 1.32 and 1.33:
it has the duplicate-port-name cases (warnings.go gained that check in 1.33) but the gitRepo text without the 1.33
GitRepoVolumeDriver wording. Each case below is transcribed by hand under its upstream name; `expected` is upstream's
list verbatim (upstream compares it as a set, plus its length).

Upstream calls GetWarningsForPod on a hand-built object. A manifest adds what the object lacks to be a valid pod where
that cannot change a warning (a container image, an operator, a maxSkew, accessModes); `direct` cases are run the
way upstream runs them (PodWarnings.ForPod on the pod as read, no defaulting), `create` cases also through the whole
create (PodCreate.Run), where the recorder sends a repeated text once. A case whose object no valid pod can carry
(an empty valueFrom, a volume named "Test", a repeated hostPort, overhead without a RuntimeClass) is `direct` only.
"""

import os

COMMIT = '04669c5d644c554a4c46f8778e33fd79c4859989'
CASES = []


def case(name, spec, expected, via='direct, create', release='1.33', also='1.34, 1.35', gates=None, note=None, annotations=None):
    CASES.append(dict(name=name, spec=spec, expected=expected, via=via, release=release, also=also, gates=gates, note=note,
                      annotations=annotations))


C = "  containers:\n  - name: c\n    image: image\n"


def vol(source):
    return C + "  volumes:\n  - name: s\n    " + source + "\n"


case('photon', vol('photonPersistentDisk: {pdID: disk}'), ['spec.volumes[0].photonPersistentDisk: deprecated in v1.11, non-functional in v1.16+'])
case('gitRepo', vol('gitRepo: {repository: https://example.com/r.git}'), ['spec.volumes[0].gitRepo: deprecated in v1.11'], release='1.32', also='',
     note='the test file predates the 1.33 GitRepoVolumeDriver wording; 1.32 has the plain text')
case('scaleIO', vol('scaleIO: {gateway: gw, system: sys, volumeName: v, secretRef: {name: s}}'), ['spec.volumes[0].scaleIO: deprecated in v1.16, non-functional in v1.22+'])
case('flocker', vol('flocker: {datasetName: d}'), ['spec.volumes[0].flocker: deprecated in v1.22, non-functional in v1.25+'])
case('storageOS', vol('storageos: {volumeName: v}'), ['spec.volumes[0].storageOS: deprecated in v1.22, non-functional in v1.25+'])
case('quobyte', vol('quobyte: {registry: "registry:7861", volume: v}'), ['spec.volumes[0].quobyte: deprecated in v1.22, non-functional in v1.25+'])
case('glusterfs', vol('glusterfs: {endpoints: ep, path: p}'), ['spec.volumes[0].glusterfs: deprecated in v1.25, non-functional in v1.26+'])
case('CephFS', vol('cephfs: {monitors: [m]}'), ['spec.volumes[0].cephfs: deprecated in v1.28, non-functional in v1.31+'])
case('rbd', vol('rbd: {monitors: [m], image: i}'), ['spec.volumes[0].rbd: deprecated in v1.28, non-functional in v1.31+'])


def named_vol(name, source):
    return C + "  volumes:\n  - name: " + name + "\n    " + source + "\n"


case('overlapping paths in a configmap volume',
     named_vol('Test', 'configMap:\n      name: foo\n      items:\n      - {key: foo, path: test}\n      - {key: bar, path: test}'),
     ['volume "Test" (ConfigMap "foo"): overlapping paths: "test" with "test"'], via='direct', note='the volume name "Test" is not a DNS label')
case('overlapping paths in a configmap volume - try to mount dir path into a file',
     named_vol('Test', 'configMap:\n      name: foo\n      items:\n      - {key: foo, path: test}\n      - {key: bar, path: test/app}'),
     ['volume "Test" (ConfigMap "foo"): overlapping paths: "test/app" with "test"'], via='direct', note='the volume name "Test" is not a DNS label')
case('overlapping paths in a configmap volume - try to mount file into a dir path',
     named_vol('Test', 'configMap:\n      name: foo\n      items:\n      - {key: bar, path: test/app}\n      - {key: foo, path: test}'),
     ['volume "Test" (ConfigMap "foo"): overlapping paths: "test" with "test/app"'], via='direct', note='the volume name "Test" is not a DNS label')
case('overlapping paths in a secret volume',
     named_vol('Test', 'secret:\n      secretName: foo\n      items:\n      - {key: foo, path: test}\n      - {key: bar, path: test}'),
     ['volume "Test" (Secret "foo"): overlapping paths: "test" with "test"'], via='direct', note='the volume name "Test" is not a DNS label')
case('overlapping paths in a downward api volume',
     named_vol('Test', 'downwardAPI:\n      items:\n      - {fieldRef: {apiVersion: v1, fieldPath: metadata.name}, path: test}\n      - {fieldRef: {apiVersion: v1, fieldPath: metadata.labels}, path: test}'),
     ['volume "Test" (DownwardAPI): overlapping paths: "test" with "test"'], via='direct', note='the volume name "Test" is not a DNS label')


def projected(*sources):
    return named_vol('foo', 'projected:\n      sources:\n' + ''.join('      - ' + s + '\n' for s in sources).rstrip('\n'))


CM_TEST = 'configMap: {name: Test, items: [{key: foo, path: %s}]}'
EQUAL_PATHS = 'validation refuses equal paths in one projected volume ("conflicting duplicate paths")'
case('overlapping paths in projected volume - service account and config',
     projected(CM_TEST % 'test', 'serviceAccountToken: {path: test}'),
     ['volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (ConfigMap "Test")'], via='direct', note=EQUAL_PATHS)
case('overlapping paths in projected volume volume: service account dir and config file',
     projected(CM_TEST % 'test', 'serviceAccountToken: {path: test/file}'),
     ['volume "foo" (Projected): overlapping paths: "test/file" (ServiceAccountToken) with "test" (ConfigMap "Test")'])
case('overlapping paths in projected volume - service account file and config dir',
     projected(CM_TEST % 'test/file', 'serviceAccountToken: {path: test}'),
     ['volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test/file" (ConfigMap "Test")'])
case('overlapping paths in projected volume - service account and secret',
     projected('secret: {name: Test, items: [{key: foo, path: test}]}', 'serviceAccountToken: {path: test}'),
     ['volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (Secret "Test")'], via='direct', note=EQUAL_PATHS)
case('overlapping paths in projected volume - service account and downward api',
     projected('downwardAPI: {items: [{fieldRef: {apiVersion: v1, fieldPath: metadata.name}, path: test}]}', 'serviceAccountToken: {path: test}'),
     ['volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (DownwardAPI)'], via='direct', note=EQUAL_PATHS)
CTB_NOTE = 'clusterTrustBundle sources are dropped on create while ClusterTrustBundleProjection is off (1.33 default)'
case('overlapping paths in projected volume - service account and cluster trust bundle',
     projected('clusterTrustBundle: {name: Test, path: test}', 'serviceAccountToken: {path: test}'),
     ['volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (ClusterTrustBundle "Test")'], via='direct', note=CTB_NOTE)
case('overlapping paths in projected volume - service account and cluster trust bundle with signer name',
     projected('clusterTrustBundle: {signerName: Test, path: test}', 'serviceAccountToken: {path: test}'),
     ['volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (ClusterTrustBundle "Test")'], via='direct', note=CTB_NOTE)
case('overlapping paths in projected volume - secret and config map',
     projected('secret: {name: TestSecret, items: [{key: mykey, path: test}]}', 'configMap: {name: TestConfigMap, items: [{key: mykey, path: test/test1}]}'),
     ['volume "foo" (Projected): overlapping paths: "test/test1" (ConfigMap "TestConfigMap") with "test" (Secret "TestSecret")'])
case('overlapping paths in projected volume - config map and downward api',
     projected('secret: {name: TestSecret, items: [{key: mykey, path: test}]}', 'downwardAPI: {items: [{fieldRef: {apiVersion: v1, fieldPath: metadata.name}, path: test/test2}]}'),
     ['volume "foo" (Projected): overlapping paths: "test/test2" (DownwardAPI) with "test" (Secret "TestSecret")'])
case('overlapping paths in projected volume - downward api and cluster thrust bundle api',
     projected('downwardAPI: {items: [{fieldRef: {apiVersion: v1, fieldPath: metadata.name}, path: test/test2}]}', 'clusterTrustBundle: {name: Test, path: test}'),
     ['volume "foo" (Projected): overlapping paths: "test" (ClusterTrustBundle "Test") with "test/test2" (DownwardAPI)'], via='direct', note=CTB_NOTE)
case('overlapping paths in projected volume - multiple sources',
     projected('clusterTrustBundle: {signerName: Test, path: test/test}', 'downwardAPI: {items: [{fieldRef: {apiVersion: v1, fieldPath: metadata.name}, path: test}]}',
               'secret: {name: Test, items: [{key: foo, path: test}]}', 'serviceAccountToken: {path: test}'),
     ['volume "foo" (Projected): overlapping paths: "test" (DownwardAPI) with "test/test" (ClusterTrustBundle "Test")',
      'volume "foo" (Projected): overlapping paths: "test" (Secret "Test") with "test/test" (ClusterTrustBundle "Test")',
      'volume "foo" (Projected): overlapping paths: "test" (Secret "Test") with "test" (DownwardAPI)',
      'volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test/test" (ClusterTrustBundle "Test")',
      'volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (DownwardAPI)',
      'volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (Secret "Test")'], via='direct', note=CTB_NOTE)
case('overlapping paths in projected volume - ServiceAccount vs. DownwardAPI',
     projected('serviceAccountToken: {path: test/test2}',
               'downwardAPI: {items: [{fieldRef: {apiVersion: v1, fieldPath: metadata.name}, path: test}, {fieldRef: {apiVersion: v1, fieldPath: metadata.name}, path: test}]}'),
     ['volume "foo" (Projected): overlapping paths: "test" (DownwardAPI) with "test/test2" (ServiceAccountToken)',
      'volume "foo" (Projected): overlapping paths: "test" (DownwardAPI) with "test/test2" (ServiceAccountToken)',
      'volume "foo" (Projected): overlapping paths: "test" (DownwardAPI) with "test" (DownwardAPI)'],
     via='direct', note=EQUAL_PATHS)
case('empty sources in projected volume', projected('{}'), ['volume "foo" (Projected) has no sources provided'])
case('duplicate hostAlias', C + "  hostAliases:\n  - {ip: 1.1.1.1}\n  - {ip: 1.1.1.1}\n  - {ip: 1.1.1.1}\n",
     ['spec.hostAliases[1].ip: duplicate ip "1.1.1.1"', 'spec.hostAliases[2].ip: duplicate ip "1.1.1.1"'])
case('duplicate imagePullSecret', C + "  imagePullSecrets:\n  - {name: a}\n  - {name: a}\n  - {name: a}\n",
     ['spec.imagePullSecrets[1].name: duplicate name "a"', 'spec.imagePullSecrets[2].name: duplicate name "a"'])
case('empty imagePullSecret', C + "  imagePullSecrets:\n  - {name: \"\"}\n", ['spec.imagePullSecrets[0].name: invalid empty name ""'])


def env(letter):
    rows = [('value', letter), ('value', letter), ('value', 'other'), ('value', '""'), ('value', '"$(%s)"' % letter), ('valueFrom', '{}'),
            ('value', '"$(%s) $(%s)"' % (letter, letter))]
    return ''.join('    - {name: %s, %s: %s}\n' % (letter, k, v) for k, v in rows)


case('duplicate env', "  initContainers:\n  - name: i\n    image: image\n    env:\n" + env('a') + "  containers:\n  - name: c\n    image: image\n    env:\n" + env('b'),
     ['spec.initContainers[0].env[%d]: hides previous definition of "a", which may be dropped when using apply' % i for i in range(1, 6)]
     + ['spec.containers[0].env[%d]: hides previous definition of "b", which may be dropped when using apply' % i for i in range(1, 6)],
     via='direct', note='an empty valueFrom is refused by validation')
RES = "    resources:\n      requests: {cpu: 100m, memory: 4m, ephemeral-storage: 4m}\n      limits: {cpu: 100m, memory: 4m, ephemeral-storage: 4m}\n"
case('fractional resources',
     "  initContainers:\n  - name: i\n    image: image\n" + RES + "  containers:\n  - name: c\n    image: image\n" + RES + "  overhead: {cpu: 100m, memory: 4m, ephemeral-storage: 4m}\n",
     ['spec.initContainers[0].resources.requests[ephemeral-storage]: fractional byte value "4m" is invalid, must be an integer',
      'spec.initContainers[0].resources.requests[memory]: fractional byte value "4m" is invalid, must be an integer',
      'spec.initContainers[0].resources.limits[ephemeral-storage]: fractional byte value "4m" is invalid, must be an integer',
      'spec.initContainers[0].resources.limits[memory]: fractional byte value "4m" is invalid, must be an integer',
      'spec.containers[0].resources.requests[ephemeral-storage]: fractional byte value "4m" is invalid, must be an integer',
      'spec.containers[0].resources.requests[memory]: fractional byte value "4m" is invalid, must be an integer',
      'spec.containers[0].resources.limits[ephemeral-storage]: fractional byte value "4m" is invalid, must be an integer',
      'spec.containers[0].resources.limits[memory]: fractional byte value "4m" is invalid, must be an integer',
      'spec.overhead[ephemeral-storage]: fractional byte value "4m" is invalid, must be an integer',
      'spec.overhead[memory]: fractional byte value "4m" is invalid, must be an integer'],
     via='direct', note='a create refuses an overhead without a RuntimeClass (RuntimeClass admission)')
DEPRECATED = ['beta.kubernetes.io/arch', 'beta.kubernetes.io/os', 'failure-domain.beta.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/zone',
              'beta.kubernetes.io/instance-type']
MSG = {'beta.kubernetes.io/arch': 'deprecated since v1.14; use "kubernetes.io/arch" instead',
       'beta.kubernetes.io/os': 'deprecated since v1.14; use "kubernetes.io/os" instead',
       'failure-domain.beta.kubernetes.io/region': 'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
       'failure-domain.beta.kubernetes.io/zone': 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
       'beta.kubernetes.io/instance-type': 'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead'}
case('node labels in nodeSelector', C + "  nodeSelector:\n" + ''.join('    %s: "true"\n' % k for k in DEPRECATED),
     ['spec.nodeSelector[%s]: %s' % (k, MSG[k]) for k in sorted(DEPRECATED)])
EXPR = ''.join('          - {key: %s, operator: Exists}\n' % k for k in ['foo'] + DEPRECATED)
case('node labels in affinity requiredDuringSchedulingIgnoredDuringExecution',
     C + "  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchExpressions:\n" + EXPR,
     ['spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[%d].key: %s is %s' % (i + 1, k, MSG[k]) for i, k in enumerate(DEPRECATED)])
case('node labels in affinity preferredDuringSchedulingIgnoredDuringExecution',
     C + "  affinity:\n    nodeAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 1\n        preference:\n          matchExpressions:\n" + EXPR,
     ['spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[%d].key: %s is %s' % (i + 1, k, MSG[k]) for i, k in enumerate(DEPRECATED)])
TSC = ''.join('  - {topologyKey: %s, maxSkew: 1, whenUnsatisfiable: DoNotSchedule, labelSelector: {}}\n' % k for k in ['foo'] + DEPRECATED)
case('node labels in topologySpreadConstraints', C + "  topologySpreadConstraints:\n" + TSC,
     ['spec.topologySpreadConstraints[%d].topologyKey: %s is %s' % (i + 1, k, MSG[k]) for i, k in enumerate(DEPRECATED)])
case('annotations', "  containers:\n  - name: foo\n    image: image\n",
     ['metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]: non-functional in v1.16+; use the "priorityClassName" field instead',
      'metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: non-functional in v1.27+; use the "seccompProfile" field instead',
      'metadata.annotations[container.seccomp.security.alpha.kubernetes.io/foo]: non-functional in v1.27+; use the "seccompProfile" field instead',
      'metadata.annotations[security.alpha.kubernetes.io/sysctls]: non-functional in v1.11+; use the "sysctls" field instead',
      'metadata.annotations[security.alpha.kubernetes.io/unsafe-sysctls]: non-functional in v1.11+; use the "sysctls" field instead'],
     annotations=[('foo', 'bar'), ('scheduler.alpha.kubernetes.io/critical-pod', '"true"'), ('seccomp.security.alpha.kubernetes.io/pod', 'runtime/default'),
                  ('container.seccomp.security.alpha.kubernetes.io/foo', 'runtime/default'), ('security.alpha.kubernetes.io/sysctls', 'a,b,c'),
                  ('security.alpha.kubernetes.io/unsafe-sysctls', 'd,e,f')],
     note='upstream\'s seccomp value "default" is refused by validation (VAL-219); runtime/default warns the same')
case('seccomp fields',
     "  securityContext:\n    seccompProfile: {type: RuntimeDefault}\n  containers:\n  - name: foo\n    image: image\n    securityContext:\n      seccompProfile: {type: RuntimeDefault}\n",
     [], annotations=[('seccomp.security.alpha.kubernetes.io/pod', 'runtime/default'), ('container.seccomp.security.alpha.kubernetes.io/foo', 'runtime/default')],
     note='upstream\'s seccomp value "default" is refused by validation (VAL-219); runtime/default matches the field')


def ephemeral(size):
    return named_vol('ephemeral-volume', 'ephemeral:\n      volumeClaimTemplate:\n        spec:\n          accessModes: [ReadWriteOnce]\n          resources:\n            requests: {storage: %s}' % size)


case('pod with ephemeral volume source 200Mi', ephemeral('200Mi'), [])
case('pod with ephemeral volume source 200m', ephemeral('200m'),
     ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests[storage]: fractional byte value "200m" is invalid, must be an integer'])
case('terminationGracePeriodSeconds is negative', C + "  terminationGracePeriodSeconds: -1\n",
     ['spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1'])
case('null LabelSelector in topologySpreadConstraints',
     C + "  topologySpreadConstraints:\n  - {topologyKey: a, maxSkew: 1, whenUnsatisfiable: DoNotSchedule, labelSelector: {}}\n  - {topologyKey: b, maxSkew: 1, whenUnsatisfiable: DoNotSchedule}\n",
     ['spec.topologySpreadConstraints[1].labelSelector: a null labelSelector results in matching no pod'],
     note='upstream leaves topologyKey empty, which validation refuses; two keys that are not node labels warn the same')
TERMS = ("      requiredDuringSchedulingIgnoredDuringExecution:\n      - {topologyKey: zone, labelSelector: {}}\n      - {topologyKey: zone}\n"
         "      preferredDuringSchedulingIgnoredDuringExecution:\n      - {weight: 1, podAffinityTerm: {topologyKey: zone, labelSelector: {}}}\n      - {weight: 1, podAffinityTerm: {topologyKey: zone}}\n")
case('null LabelSelector in PodAffinity', C + "  affinity:\n    podAffinity:\n" + TERMS + "    podAntiAffinity:\n" + TERMS,
     ['spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[1].labelSelector: a null labelSelector results in matching no pod',
      'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[1].podAffinityTerm.labelSelector: a null labelSelector results in matching no pod',
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[1].labelSelector: a null labelSelector results in matching no pod',
      'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[1].podAffinityTerm.labelSelector: a null labelSelector results in matching no pod'],
     note='topologyKey and weight added (validation requires them)')


def ports(*containers, init=False):
    out = "  initContainers:\n" if init else "  containers:\n"
    for name, plist in containers:
        out += "  - name: %s\n    image: image\n" % name
        if init:
            out += "    restartPolicy: Always\n"
        out += "    ports:\n" if plist else "    ports: []\n"
        for p in plist:
            out += "    - {" + ', '.join('%s: %s' % kv for kv in p) + "}\n"
    if init:
        out += C
    return out


def P(cp, proto=None, hp=None, ip=None, name=None):
    r = [('containerPort', cp)]
    if hp is not None:
        r.append(('hostPort', hp))
    if proto is not None:
        r.append(('protocol', proto))
    if ip is not None:
        r.append(('hostIP', ip))
    if name is not None:
        r.append(('name', name))
    return r


DUP_HOSTPORT = 'validation refuses a repeated hostPort/protocol/hostIP (VAL: AccumulateUniqueHostPorts)'
case('container no ports', ports(('foo', [])), [])
case('one container, one port', ports(('foo', [P(80, hp=80)])), [])
case('one container, two ports, same protocol, different ports', ports(('foo', [P(80, 'UDP'), P(81, 'UDP')])), [])
case('one container, two ports, different protocols, same port', ports(('foo', [P(80, 'UDP'), P(80, 'TCP')])), [])
case('one container, two ports, same protocol, same port, different hostport', ports(('foo', [P(80, 'TCP', 80), P(80, 'TCP', 81)])), [])
case('one container, two ports, same protocol, port and hostPort, different hostIP', ports(('foo', [P(80, 'TCP', 80, '10.0.0.1'), P(80, 'TCP', 80, '10.0.0.2')])), [])
case('two containers, one port each, same protocol, different ports', ports(('foo', [P(80, 'UDP')]), ('bar', [P(81, 'UDP')])), [])
case('two containers, one port each, different protocols, same port', ports(('foo', [P(80, 'UDP')]), ('bar', [P(80, 'TCP')])), [])
case('two containers, one port each, same protocol, same port, different hostport', ports(('foo', [P(80, 'TCP', 80)]), ('bar', [P(80, 'TCP', 81)])), [])
case('two containers, one port each, same protocol, port and hostPort, different hostIP',
     ports(('foo', [P(80, 'TCP', 80, '10.0.0.1')]), ('bar', [P(80, 'TCP', 80, '10.0.0.2')])), [])
case('duplicate container ports with same port and protocol', ports(('foo', [P(80, 'UDP'), P(80, 'UDP')])),
     ['spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]'])
case('duplicate container ports with same port, hostPort and protocol', ports(('foo', [P(80, 'UDP', 80), P(80, 'UDP', 80)])),
     ['spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]'], via='direct', note=DUP_HOSTPORT)
case('duplicate container ports with same port, host port, host IP and protocol', ports(('foo', [P(80, 'UDP', 80, '10.0.0.1'), P(80, 'UDP', 80, '10.0.0.1')])),
     ['spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]'], via='direct', note=DUP_HOSTPORT)
case('one container port hostIP set without host port set', ports(('foo', [P(80, 'UDP', ip='10.0.0.1')])),
     ['spec.containers[0].ports[0]: hostIP set without hostPort: {Name: HostPort:0 ContainerPort:80 Protocol:UDP HostIP:10.0.0.1}'])
case('duplicate container ports with one host port set and one without', ports(('foo', [P(80, 'UDP', 80, '10.0.0.1'), P(80, 'UDP', ip='10.0.0.1')])),
     ['spec.containers[0].ports[1]: overlapping port definition with spec.containers[0].ports[0]',
      'spec.containers[0].ports[1]: hostIP set without hostPort: {Name: HostPort:0 ContainerPort:80 Protocol:UDP HostIP:10.0.0.1}'])
case('duplicate container ports without one host IP set and two with', ports(('foo', [P(80, 'UDP', 80, '10.0.0.1'), P(80, 'UDP', 80), P(80, 'UDP', 80, '10.0.0.2')])),
     ['spec.containers[0].ports[1]: dangerously ambiguous port definition with spec.containers[0].ports[0]',
      'spec.containers[0].ports[2]: dangerously ambiguous port definition with spec.containers[0].ports[1]'],
     via='direct', note='validation refuses hostPort 80/UDP with an empty hostIP next to one with a hostIP')
case('duplicate container ports with one host IP set and one without', ports(('foo', [P(80, 'UDP', 80, '10.0.0.1'), P(80, 'UDP', 80)])),
     ['spec.containers[0].ports[1]: dangerously ambiguous port definition with spec.containers[0].ports[0]'],
     via='direct', note='validation refuses hostPort 80/UDP with an empty hostIP next to one with a hostIP')
case('duplicate containers with same port and protocol', ports(('foo', [P(80, 'UDP')]), ('bar', [P(80, 'UDP')])),
     ['spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]'])
case('duplicate containers with same port, hostPort and protocol', ports(('foo', [P(80, 'UDP', 80)]), ('bar', [P(80, 'UDP', 80)])),
     ['spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]'], via='direct', note=DUP_HOSTPORT)
case('duplicate containers with same port, host port, host IP and protocol', ports(('foo', [P(80, 'UDP', 80, '10.0.0.1')]), ('bar', [P(80, 'UDP', 80, '10.0.0.1')])),
     ['spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]'], via='direct', note=DUP_HOSTPORT)
case('duplicate containers with one host port set and one without', ports(('foo', [P(80, 'UDP', 80, '10.0.0.1')]), ('bar', [P(80, 'UDP', ip='10.0.0.1')])),
     ['spec.containers[1].ports[0]: overlapping port definition with spec.containers[0].ports[0]',
      'spec.containers[1].ports[0]: hostIP set without hostPort: {Name: HostPort:0 ContainerPort:80 Protocol:UDP HostIP:10.0.0.1}'])
case('duplicate container ports without one host IP set and one with', ports(('foo', [P(80, 'UDP', 80)]), ('bar', [P(80, 'UDP', 80, '10.0.0.1')])),
     ['spec.containers[1].ports[0]: dangerously ambiguous port definition with spec.containers[0].ports[0]'],
     via='direct', note='validation refuses hostPort 80/UDP with an empty hostIP next to one with a hostIP')
case('duplicate container ports with one host IP set and one without (two containers)', ports(('foo', [P(80, 'UDP', 80, '10.0.0.1')]), ('bar', [P(80, 'UDP', 80)])),
     ['spec.containers[1].ports[0]: dangerously ambiguous port definition with spec.containers[0].ports[0]'],
     via='direct', note='upstream repeats the name "duplicate container ports with one host IP set and one without" for this two-container case; validation refuses it as above')
TWO = [('foo1', [P(80, 'UDP', 80), P(180, 'UDP', 80), P(80, 'UDP', 80)]), ('foo', [P(80, 'UDP', 80), P(80, 'UDP', 80)])]
DUPS = ['spec.containers[0].ports[2]: duplicate port definition with spec.containers[0].ports[0]',
        'spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]',
        'spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[2]',
        'spec.containers[1].ports[1]: duplicate port definition with spec.containers[0].ports[0]',
        'spec.containers[1].ports[1]: duplicate port definition with spec.containers[0].ports[2]',
        'spec.containers[1].ports[1]: duplicate port definition with spec.containers[1].ports[0]']
case('create duplicate container ports in two containers', ports(*TWO), DUPS, via='direct', note=DUP_HOSTPORT)
case('update duplicate container ports in two containers', ports(*[(n, [[(k, 'TCP' if v == 'UDP' else v) for k, v in p] for p in pl]) for n, pl in TWO]), DUPS,
     via='direct', note=DUP_HOSTPORT + '; the old template is not read by the check')
NAME_NOTE = 'the port-name check is 1.33+'
case('create duplicate container ports name in two containers', ports(('foo1', [P(80, 'UDP', name='test')]), ('foo', [P(8090, 'TCP', name='test')])),
     ['spec.containers[1].ports[0]: duplicate port name "test" with spec.containers[0].ports[0], services and probes that select ports by name will use spec.containers[0].ports[0]'],
     note=NAME_NOTE)
case('update duplicate container ports name in two containers',
     ports(('foo1', [P(80, 'UDP', name='test')]), ('foo', [P(8090, 'UDP', name='test1'), P(8092, 'UDP', name='test')])),
     ['spec.containers[1].ports[1]: duplicate port name "test" with spec.containers[0].ports[0], services and probes that select ports by name will use spec.containers[0].ports[0]'],
     note=NAME_NOTE + '; the old template is not read by the check')
case('create duplicate container ports name in two sidecar containers',
     ports(('foo1', [P(80, 'UDP', name='test')]), ('foo', [P(8090, 'TCP', name='test')]), init=True),
     ['spec.initContainers[1].ports[0]: duplicate port name "test" with spec.initContainers[0].ports[0], services and probes that select ports by name will use spec.initContainers[0].ports[0]'],
     note=NAME_NOTE)
case('update duplicate container ports name in two sidecar containers',
     ports(('foo1', [P(80, 'UDP', name='test')]), ('foo', [P(8090, 'UDP', name='test1'), P(8091, 'UDP', name='test')]), init=True),
     ['spec.initContainers[1].ports[1]: duplicate port name "test" with spec.initContainers[0].ports[0], services and probes that select ports by name will use spec.initContainers[0].ports[0]'],
     note=NAME_NOTE + '; the old template is not read by the check')


def sidecar_and_container(second):
    out = "  initContainers:\n  - name: foo1\n    image: image\n    restartPolicy: Always\n    ports:\n    - {containerPort: 80, protocol: UDP, name: test}\n"
    out += "  containers:\n  - name: foo\n    image: image\n    ports:\n" + second
    return out


case('create duplicate container ports name in containers and sidecar containers',
     sidecar_and_container("    - {containerPort: 8090, protocol: TCP, name: test}\n"),
     ['spec.containers[0].ports[0]: duplicate port name "test" with spec.initContainers[0].ports[0], services and probes that select ports by name will use spec.initContainers[0].ports[0]'],
     note=NAME_NOTE)
case('update duplicate container ports name in containers and sidecar containers',
     sidecar_and_container("    - {containerPort: 8090, protocol: UDP, name: test1}\n    - {containerPort: 8092, protocol: UDP, name: test}\n"),
     ['spec.containers[0].ports[1]: duplicate port name "test" with spec.initContainers[0].ports[0], services and probes that select ports by name will use spec.initContainers[0].ports[0]'],
     note=NAME_NOTE + '; the old template is not read by the check')


def render():
    out = ['# Upstream vectors for the pod warnings (spec/validation.md WARN-001, 002, 010…028). GENERATED by generate.py',
           '# from kubernetes/kubernetes pkg/api/pod/warnings_test.go TestWarnings at ' + COMMIT + ';',
           '# see README.md. `via:` says how a case runs (direct: PodWarnings.ForPod on the pod as read, as upstream calls',
           '# GetWarningsForPod; create: the whole create, which must accept the pod). `warn:` lines are upstream\'s expected',
           '# list verbatim, compared as a set plus its length (direct) or its distinct texts (create).', '']
    for c in CASES:
        out.append('=== TestWarnings / ' + c['name'])
        if c['release'] != '1.33':
            out.append('profile: ' + c['release'])
        if c['also']:
            out.append('also: ' + c['also'])
        if c['gates']:
            out.append('gates: ' + c['gates'])
        out.append('via: ' + c['via'])
        if c['note']:
            out.append('note: ' + c['note'])
        if not c['expected']:
            out.append('warn: none')
        for e in c['expected']:
            out.append('warn: ' + e)
        out.append('---')
        out.append('apiVersion: v1\nkind: Pod\nmetadata:\n  name: upstream\n  namespace: ns')
        if c['annotations']:
            out.append('  annotations:')
            for k, v in c['annotations']:
                out.append('    %s: %s' % (k, v))
        out.append('spec:')
        out.append(c['spec'].rstrip('\n'))
        out.append('')
    return '\n'.join(out)


if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, 'warnings.cases'), 'w', encoding='utf-8', newline='\n') as f:
        f.write(render())
    print(len(CASES), 'cases')
