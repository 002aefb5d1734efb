using PodConformance.Manifests.Objects;
using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Tests.Objects;

/// <summary>
/// ADM-019: an unknown field of an <c>--objects</c> kind is the strict-decoding warning, worded and placed as the pod
/// reader's (SCHEMA-002). Field names: kubernetes/api json tags (core/v1, scheduling/v1, node/v1 types.go at master
/// 10b39a39, spec/api/objects/1.37.json; the same names at v0.28.15); each case misspells one at the top level, in a nested
/// object or in a list item.
/// </summary>
public class UnknownObjectFieldsTests
{
    private static List<ManifestDiagnostic> Read(string yaml)
    {
        var objects = PodManifestReader.ReadText(yaml, "o.yaml").OtherObjects;
        var (_, admission) = AdmissionObjectMapper.Map(objects);
        return [.. admission, .. EnvObjectMapper.Map(objects).Diagnostics];
    }

    public static TheoryData<string, string> Misspelt => new()
    {
        // ServiceAccount (core/v1 ServiceAccount, ObjectReference, LocalObjectReference; metav1.ObjectMeta)
        { "kind: ServiceAccount\napiVersion: v1\nmetadata: {name: sa}\nautomountServiceAccountTokens: false\n", "o.yaml:4:1: unknown field \"automountServiceAccountTokens\"" },
        { "kind: ServiceAccount\napiVersion: v1\nmetadata: {name: sa, annotation: {a: b}}\n", "o.yaml:3:22: unknown field \"metadata.annotation\"" },
        { "kind: ServiceAccount\napiVersion: v1\nmetadata: {name: sa}\nsecrets:\n- name: a\n- nmae: b\n", "o.yaml:6:3: unknown field \"secrets[1].nmae\"" },
        { "kind: ServiceAccount\napiVersion: v1\nmetadata: {name: sa}\nimagePullSecrets:\n- {names: r}\n", "o.yaml:5:4: unknown field \"imagePullSecrets[0].names\"" },

        // PriorityClass (scheduling/v1 PriorityClass; metav1.OwnerReference in a list)
        { "kind: PriorityClass\napiVersion: scheduling.k8s.io/v1\nmetadata: {name: high}\nvalue: 1000\npreemptionPolicies: Never\n", "o.yaml:5:1: unknown field \"preemptionPolicies\"" },
        { "kind: PriorityClass\napiVersion: scheduling.k8s.io/v1\nmetadata:\n  name: high\n  ownerReferences:\n  - {kindd: X}\nvalue: 1\n", "o.yaml:6:6: unknown field \"metadata.ownerReferences[0].kindd\"" },

        // LimitRange (core/v1 LimitRange, LimitRangeSpec, LimitRangeItem)
        { "kind: LimitRange\napiVersion: v1\nmetadata: {name: lr}\nspecs: {}\n", "o.yaml:4:1: unknown field \"specs\"" },
        { "kind: LimitRange\napiVersion: v1\nmetadata: {name: lr}\nspec:\n  limit: []\n", "o.yaml:5:3: unknown field \"spec.limit\"" },
        { "kind: LimitRange\napiVersion: v1\nmetadata: {name: lr}\nspec:\n  limits:\n  - type: Container\n    defaultRequests: {cpu: 100m}\n", "o.yaml:7:5: unknown field \"spec.limits[0].defaultRequests\"" },

        // ResourceQuota (core/v1 ResourceQuota, ResourceQuotaSpec, ScopeSelector, ScopedResourceSelectorRequirement, ResourceQuotaStatus)
        { "kind: ResourceQuota\napiVersion: v1\nmetadata: {name: q}\nspec: {hardd: {pods: \"1\"}}\n", "o.yaml:4:8: unknown field \"spec.hardd\"" },
        { "kind: ResourceQuota\napiVersion: v1\nmetadata: {name: q}\nstatus: {used: {}, usedd: {}}\n", "o.yaml:4:20: unknown field \"status.usedd\"" },
        { "kind: ResourceQuota\napiVersion: v1\nmetadata: {name: q}\nspec:\n  scopeSelector:\n    matchExpressions:\n    - {scopeName: PriorityClass, operator: In, value: [high]}\n", "o.yaml:7:48: unknown field \"spec.scopeSelector.matchExpressions[0].value\"" },

        // RuntimeClass (node/v1 RuntimeClass, Overhead, Scheduling; core/v1 Toleration)
        { "kind: RuntimeClass\napiVersion: node.k8s.io/v1\nmetadata: {name: kata}\nhandlr: kata\n", "o.yaml:4:1: unknown field \"handlr\"" },
        { "kind: RuntimeClass\napiVersion: node.k8s.io/v1\nmetadata: {name: kata}\nhandler: kata\noverhead:\n  podfixed: {cpu: 250m}\n", "o.yaml:6:3: unknown field \"overhead.podfixed\"" },
        { "kind: RuntimeClass\napiVersion: node.k8s.io/v1\nmetadata: {name: kata}\nhandler: kata\nscheduling:\n  tolerations:\n  - {key: k, tolerationsSeconds: 3}\n", "o.yaml:7:14: unknown field \"scheduling.tolerations[0].tolerationsSeconds\"" },

        // ConfigMap and Secret (core/v1), as env reads them
        { "kind: ConfigMap\napiVersion: v1\nmetadata: {name: cm}\ndatas: {a: b}\n", "o.yaml:4:1: unknown field \"datas\"" },
        { "kind: ConfigMap\napiVersion: v1\nmetadata: {name: cm, labelz: {a: b}}\n", "o.yaml:3:22: unknown field \"metadata.labelz\"" },
        { "kind: Secret\napiVersion: v1\nmetadata: {name: s}\nstringdata: {a: b}\n", "o.yaml:4:1: unknown field \"stringdata\"" },
    };

    [Theory]
    [MemberData(nameof(Misspelt))]
    public void A_misspelt_field_is_one_warning_at_its_key(string yaml, string expected)
    {
        var diagnostics = Read(yaml);
        var d = Assert.Single(diagnostics);
        Assert.False(d.IsError);
        Assert.Equal(expected, d.ToString());
    }

    /// <summary>Every field of the table, spelt right, at every depth: no warning (a gap in the table would warn here).</summary>
    [Fact]
    public void Every_known_field_reads_without_a_warning()
    {
        var diagnostics = Read("""
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: sa, namespace: ns, labels: {a: b}, annotations: {a: b}, ownerReferences: [{apiVersion: v1, kind: X, name: x, uid: u, controller: true, blockOwnerDeletion: true}]}
            secrets: [{kind: Secret, namespace: ns, name: s, uid: u, apiVersion: v1, resourceVersion: "1", fieldPath: f}]
            imagePullSecrets: [{name: r}]
            automountServiceAccountToken: false
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: high}
            value: 1000
            globalDefault: false
            description: d
            preemptionPolicy: Never
            ---
            apiVersion: v1
            kind: LimitRange
            metadata: {name: lr}
            spec:
              limits:
              - {type: Container, max: {cpu: "2"}, min: {cpu: 10m}, default: {cpu: "1"}, defaultRequest: {cpu: 100m}, maxLimitRequestRatio: {cpu: "4"}}
            ---
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: q}
            spec:
              hard: {pods: "1"}
              scopes: [NotBestEffort]
              scopeSelector: {matchExpressions: [{scopeName: PriorityClass, operator: In, values: [high]}]}
            status: {hard: {pods: "1"}, used: {pods: "0"}}
            ---
            apiVersion: node.k8s.io/v1
            kind: RuntimeClass
            metadata: {name: kata}
            handler: kata
            overhead: {podFixed: {cpu: 250m}}
            scheduling:
              nodeSelector: {a: b}
              tolerations: [{key: k, operator: Equal, value: v, effect: NoExecute, tolerationSeconds: 3}]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cm}
            immutable: true
            data: {a: b}
            binaryData: {c: AAE=}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: s}
            immutable: true
            type: Opaque
            data: {a: aGk=}
            stringData: {b: c}
            """);
        Assert.Empty(diagnostics);
    }

    /// <summary>The field is dropped, as the API server drops it: the object is still read, without it.</summary>
    [Fact]
    public void The_misspelt_field_is_dropped_and_the_object_kept()
    {
        var objects = PodManifestReader.ReadText("kind: LimitRange\napiVersion: v1\nmetadata: {name: lr}\nspec:\n  limits:\n  - type: Container\n    defaultRequests: {cpu: 100m}\n    default: {cpu: 200m}\n", "o.yaml").OtherObjects;
        var (admission, _) = AdmissionObjectMapper.Map(objects);
        var item = Assert.Single(Assert.Single(admission.LimitRanges).Limits);
        Assert.Empty(item.DefaultRequest);
        Assert.Single(item.Default);
    }

    /// <summary>Map keys (labels, data, podFixed, nodeSelector) are values, not fields: never warned about.</summary>
    [Fact]
    public void Map_keys_are_not_fields()
    {
        var diagnostics = Read("kind: RuntimeClass\napiVersion: node.k8s.io/v1\nmetadata: {name: kata, labels: {anything: x}}\nhandler: kata\noverhead: {podFixed: {whatever: \"1\"}}\nscheduling: {nodeSelector: {foo: bar}}\n");
        Assert.Empty(diagnostics);
    }
}
