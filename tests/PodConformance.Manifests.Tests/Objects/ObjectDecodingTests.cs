using PodConformance.Manifests.Objects;
using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Tests.Objects;

/// <summary>
/// ADM-019: an <c>--objects</c> object is decoded whole as the pod reader decodes a pod (SCHEMA-002…008) before any mapper
/// reads it. Field types: spec/api/objects/1.37.json (the newest release, which the mappers decode with when given none), derived from kubernetes/api core/v1, scheduling/v1 and node/v1 types.go at
/// master 10b39a39 and apimachinery meta/v1 at eed236ce. Expected texts follow the pod reader's rules: SCHEMA-003 (the
/// innermost struct, the json path without indexes or map keys, reflect's type name), SCHEMA-004 (<c>number 1.5</c> into an
/// integer), SCHEMA-005 (IntOrString, Time: no struct context), SCHEMA-008 (a repeated key: the later value, silently).
/// </summary>
public class ObjectDecodingTests
{
    private static (Model.Admission.AdmissionObjects Admission, EnvObjects Env, List<ManifestDiagnostic> Diagnostics) Read(string text, string file = "o.yaml")
    {
        var objects = PodManifestReader.ReadText(text, file).OtherObjects;
        var (admission, admissionDiagnostics) = AdmissionObjectMapper.Map(objects);
        var env = EnvObjectMapper.Map(objects);
        return (admission, env, [.. admissionDiagnostics, .. env.Diagnostics]);
    }

    public static TheoryData<string, string> WrongTypes => new()
    {
        // Fields no mapper reads: before, these passed silently.
        { "kind: ServiceAccount\napiVersion: v1\nmetadata: {name: sa}\nautomountServiceAccountToken: \"yes\"\n",
            "o.yaml:4:31: automountServiceAccountToken: json: cannot unmarshal string into Go struct field ServiceAccount.automountServiceAccountToken of type bool" },
        { "kind: ServiceAccount\napiVersion: v1\nmetadata: {name: sa}\nsecrets: [{name: s, uid: 7}]\n",
            "o.yaml:4:26: secrets[0].uid: json: cannot unmarshal number into Go struct field ObjectReference.secrets.uid of type types.UID" },
        { "kind: PriorityClass\napiVersion: scheduling.k8s.io/v1\nmetadata: {name: high}\nvalue: 1\npreemptionPolicy: 3\n",
            "o.yaml:5:19: preemptionPolicy: json: cannot unmarshal number into Go struct field PriorityClass.preemptionPolicy of type v1.PreemptionPolicy" },
        { "kind: PriorityClass\napiVersion: scheduling.k8s.io/v1\nmetadata: {name: high}\nvalue: 1.5\n",
            "o.yaml:4:8: value: json: cannot unmarshal number 1.5 into Go struct field PriorityClass.value of type int32" },
        { "kind: PriorityClass\napiVersion: scheduling.k8s.io/v1\nmetadata: {name: high}\ndescription: [a]\n",
            "o.yaml:4:14: description: json: cannot unmarshal array into Go struct field PriorityClass.description of type string" },
        { "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: cm\n  labels: []\n",
            "o.yaml:5:11: metadata.labels: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string" },
        { "kind: ConfigMap\napiVersion: v1\nmetadata: {name: cm}\nimmutable: \"true\"\n",
            "o.yaml:4:12: immutable: json: cannot unmarshal string into Go struct field ConfigMap.immutable of type bool" },
        { "kind: ConfigMap\napiVersion: v1\nmetadata: {name: cm}\nbinaryData: {a: 1}\n",
            "o.yaml:4:17: binaryData.a: json: cannot unmarshal number into Go struct field ConfigMap.binaryData of type []uint8" },
        { "kind: Secret\napiVersion: v1\nmetadata: {name: s}\ntype: 1\n",
            "o.yaml:4:7: type: json: cannot unmarshal number into Go struct field Secret.type of type v1.SecretType" },
        { "kind: LimitRange\napiVersion: v1\nmetadata: {name: lr}\nspec:\n  limits:\n  - type: {}\n",
            "o.yaml:6:11: spec.limits[0].type: json: cannot unmarshal object into Go struct field LimitRangeItem.spec.limits.type of type v1.LimitType" },
        { "kind: ResourceQuota\napiVersion: v1\nmetadata: {name: q}\nspec: {scopes: BestEffort}\n",
            "o.yaml:4:16: spec.scopes: json: cannot unmarshal string into Go struct field ResourceQuotaSpec.spec.scopes of type []v1.ResourceQuotaScope" },
        { "kind: ResourceQuota\napiVersion: v1\nmetadata: {name: q}\nspec:\n  scopeSelector: {matchExpressions: [{scopeName: PriorityClass, operator: In, values: [1]}]}\n",
            "o.yaml:5:88: spec.scopeSelector.matchExpressions[0].values[0]: json: cannot unmarshal number into Go struct field ScopedResourceSelectorRequirement.spec.scopeSelector.matchExpressions.values of type string" },
        { "kind: RuntimeClass\napiVersion: node.k8s.io/v1\nmetadata: {name: kata, creationTimestamp: 3}\nhandler: kata\n",
            "o.yaml:3:43: metadata.creationTimestamp: json: cannot unmarshal number into Go value of type string" },

        // Service (core/v1 ServiceSpec, ServicePort, SessionAffinityConfig, ClientIPConfig, ServiceStatus, metav1.Condition)
        { "kind: Service\napiVersion: v1\nmetadata: {name: s}\nspec:\n  ports: [{port: 80, targetPort: true}]\n",
            "o.yaml:5:34: spec.ports[0].targetPort: json: cannot unmarshal bool into Go value of type int32" },
        { "kind: Service\napiVersion: v1\nmetadata: {name: s}\nspec:\n  ports: [{port: \"80\"}]\n",
            "o.yaml:5:18: spec.ports[0].port: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32" },
        { "kind: Service\napiVersion: v1\nmetadata: {name: s}\nspec:\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 1e10}}\n",
            "o.yaml:5:54: spec.sessionAffinityConfig.clientIP.timeoutSeconds: json: cannot unmarshal number 10000000000 into Go struct field ClientIPConfig.spec.sessionAffinityConfig.clientIP.timeoutSeconds of type int32" },
        { "kind: Service\napiVersion: v1\nmetadata: {name: s}\nspec: {selector: {app: 1}}\n",
            "o.yaml:4:24: spec.selector.app: json: cannot unmarshal number into Go struct field ServiceSpec.spec.selector of type string" },
        { "kind: Service\napiVersion: v1\nmetadata: {name: s}\nstatus: {conditions: [{type: Ready, status: \"True\", observedGeneration: x}]}\n",
            "o.yaml:4:73: status.conditions[0].observedGeneration: json: cannot unmarshal string into Go struct field Condition.status.conditions.observedGeneration of type int64" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void A_wrong_type_in_any_field_is_the_pod_readers_decode_error_and_the_object_is_left_out(string yaml, string expected)
    {
        var (admission, env, diagnostics) = Read(yaml);

        var d = Assert.Single(diagnostics);
        Assert.True(d.IsError);
        Assert.Equal(expected, d.ToString());
        Assert.True(admission.ServiceAccounts.IsEmpty && admission.PriorityClasses.IsEmpty && admission.LimitRanges.IsEmpty
            && admission.ResourceQuotas.IsEmpty && admission.RuntimeClasses.IsEmpty);
        Assert.True(env.ConfigMaps.IsEmpty && env.Secrets.IsEmpty && env.Services.IsEmpty);
    }

    /// <summary>JSON input: numbers reach the decoder as written (SCHEMA-004/006), so <c>1.0</c> is refused where YAML's is not.</summary>
    [Fact]
    public void Json_numbers_are_seen_as_written()
    {
        var (_, _, json) = Read("""{"kind": "PriorityClass", "apiVersion": "scheduling.k8s.io/v1", "metadata": {"name": "p"}, "value": 1.0}""", "o.json");
        var (admission, _, yaml) = Read("kind: PriorityClass\napiVersion: scheduling.k8s.io/v1\nmetadata: {name: p}\nvalue: 1.0\n");

        Assert.Equal("o.json:1:101: value: json: cannot unmarshal number 1.0 into Go struct field PriorityClass.value of type int32", Assert.Single(json).ToString());
        Assert.Empty(yaml);
        Assert.Equal(1, Assert.Single(admission.PriorityClasses).Value);
    }

    /// <summary>
    /// After decoding, the mappers read YAML numbers as the decoder saw them (SCHEMA-006), as the pod reader does: a value the
    /// decoder took is never refused by a mapper, and a quantity arrives as its JSON text (<c>0.50</c> → <c>0.5</c>, <c>1e3</c> → <c>1000</c>).
    /// </summary>
    [Fact]
    public void Mappers_read_yaml_numbers_as_the_decoder_saw_them()
    {
        var (admission, env, diagnostics) = Read("""
            kind: RuntimeClass
            apiVersion: node.k8s.io/v1
            metadata: {name: kata}
            handler: kata
            overhead: {podFixed: {cpu: 0.50, memory: 1e3}}
            scheduling: {tolerations: [{key: k, operator: Exists, tolerationSeconds: 3.0}]}
            ---
            kind: Service
            apiVersion: v1
            metadata: {name: s}
            spec: {ports: [{port: 8.0e1}]}
            """);

        Assert.Empty(diagnostics);
        var rc = Assert.Single(admission.RuntimeClasses);
        Assert.Equal("500m", rc.PodFixed["cpu"].ToString());
        Assert.Equal("1k", rc.PodFixed["memory"].ToString());
        Assert.Equal(3L, Assert.Single(rc.Tolerations).TolerationSeconds);
        Assert.Equal(80, Assert.Single(Assert.Single(env.Services).Ports).Port);
    }

    /// <summary>
    /// SCHEMA-008: a repeated key reaches no decoder from kubectl: sigs.k8s.io/yaml's non-strict go-yaml v2 map
    /// (`setMapIndex` overwrites unless strict; go.yaml.in/yaml/v2 decode.go as vendored with sigs.k8s.io/yaml v1.6.0)
    /// keeps the later value whole, silently. Struct fields, map keys and list items' fields alike.
    /// </summary>
    [Fact]
    public void A_repeated_key_keeps_its_later_value_and_reports_nothing()
    {
        var (admission, env, diagnostics) = Read(
            "kind: PriorityClass\napiVersion: scheduling.k8s.io/v1\nmetadata: {name: high}\nvalue: 1\nvalue: 2\n---\n" +
            "kind: ServiceAccount\napiVersion: v1\nmetadata: {name: sa, name: sb}\n---\n" +
            "kind: Service\napiVersion: v1\nmetadata: {name: s}\nspec:\n  ports: [{port: 80, port: 81}]\n---\n" +
            "kind: ConfigMap\napiVersion: v1\nmetadata: {name: cm}\ndata: {k: a, k: b}\n---\n" +
            "kind: RuntimeClass\napiVersion: node.k8s.io/v1\nmetadata: {name: kata}\nhandler: kata\noverhead: {podFixed: {cpu: 1, cpu: 2}}\n");

        Assert.Empty(diagnostics);
        Assert.Equal(2, Assert.Single(admission.PriorityClasses).Value);
        Assert.Equal("sb", Assert.Single(admission.ServiceAccounts).Name);
        Assert.Equal(81, Assert.Single(Assert.Single(env.Services).Ports).Port);
        Assert.Equal("b", Assert.Single(env.ConfigMaps).Data["k"]);
        Assert.Equal("2", Assert.Single(admission.RuntimeClasses).PodFixed["cpu"].ToString());
    }

    /// <summary>
    /// SCHEMA-008: the later value replaces the earlier whole (kubectl's map), where the API server's own decoder would
    /// merge two objects (sigs.k8s.io/json decode.go decodes into the value already there): only the later podFixed.
    /// </summary>
    [Fact]
    public void A_repeated_object_is_replaced_whole_not_merged()
    {
        var (admission, _, diagnostics) = Read(
            "kind: RuntimeClass\napiVersion: node.k8s.io/v1\nmetadata: {name: kata}\nhandler: kata\n" +
            "overhead: {podFixed: {cpu: 1}}\noverhead: {podFixed: {memory: 1Gi}}\n");

        Assert.Empty(diagnostics);
        var podFixed = Assert.Single(admission.RuntimeClasses).PodFixed;
        Assert.False(podFixed.ContainsKey("cpu"));
        Assert.Equal("1Gi", podFixed["memory"].ToString());
    }

    /// <summary>The metadata block is the same struct (metav1.ObjectMeta) in a Pod: the same input gives the same diagnostics, character for character.</summary>
    [Theory]
    [InlineData("{name: x, labels: []}")]
    [InlineData("{name: x, labels: {a: 1}}")]
    [InlineData("{name: x, name: y}")]
    [InlineData("{name: x, labelz: {}}")]
    [InlineData("{name: x, generation: 1.5, uid: 3}")]
    [InlineData("{name: x, ownerReferences: [{kind: K, controller: \"yes\"}], finalizers: a}")]
    [InlineData("{name: x, creationTimestamp: true, deletionGracePeriodSeconds: \"30\"}")]
    public void Metadata_decodes_as_in_a_pod(string metadata)
    {
        foreach (var (kind, apiVersion) in new[]
        {
            ("ServiceAccount", "v1"), ("PriorityClass", "scheduling.k8s.io/v1"), ("LimitRange", "v1"), ("ResourceQuota", "v1"),
            ("RuntimeClass", "node.k8s.io/v1"), ("ConfigMap", "v1"), ("Secret", "v1"), ("Service", "v1"),
        })
        {
            string objectText = "kind: " + kind + "\napiVersion: " + apiVersion + "\nmetadata: " + metadata + "\n";
            string podText = "kind: Pod\napiVersion: v1\nmetadata: " + metadata + "\n";
            var pod = PodManifestReader.ReadText(podText, "o.yaml").Diagnostics.Select(d => d.ToString()).ToList();
            var (_, _, diagnostics) = Read(objectText);

            Assert.NotEmpty(pod);
            Assert.Equal(pod, diagnostics.Select(d => d.ToString()).ToList());
        }
    }

    public static TheoryData<string, string> ServiceUnknown => new()
    {
        { "kind: Service\napiVersion: v1\nmetadata: {name: s}\nspec: {selectr: {a: b}}\n", "o.yaml:4:8: unknown field \"spec.selectr\"" },
        { "kind: Service\napiVersion: v1\nmetadata: {name: s}\nspec:\n  ports: [{port: 80, targetport: 8080}]\n", "o.yaml:5:22: unknown field \"spec.ports[0].targetport\"" },
        { "kind: Service\napiVersion: v1\nmetadata: {name: s}\nspec:\n  sessionAffinityConfig: {clientIp: {}}\n", "o.yaml:5:27: unknown field \"spec.sessionAffinityConfig.clientIp\"" },
        { "kind: Service\napiVersion: v1\nmetadata: {name: s}\nstatus: {loadBalancer: {ingress: [{ip: 1.2.3.4, ipMod: VIP}]}}\n", "o.yaml:4:49: unknown field \"status.loadBalancer.ingress[0].ipMod\"" },
        { "kind: Service\napiVersion: v1\nmetadata: {name: s}\nspecs: {}\n", "o.yaml:4:1: unknown field \"specs\"" },
    };

    /// <summary>Services are decoded too now (ADM-019): a misspelt field is the warning, and the Service is still read without it.</summary>
    [Theory]
    [MemberData(nameof(ServiceUnknown))]
    public void An_unknown_field_of_a_service_is_warned_about_and_dropped(string yaml, string expected)
    {
        var (_, env, diagnostics) = Read(yaml);

        var d = Assert.Single(diagnostics);
        Assert.False(d.IsError);
        Assert.Equal(expected, d.ToString());
        Assert.Single(env.Services);
    }

    /// <summary>Every ServiceSpec/ServiceStatus field of objects/1.37.json, spelt right and typed right: no diagnostic.</summary>
    [Fact]
    public void A_service_with_every_field_reads_without_a_diagnostic()
    {
        var (_, env, diagnostics) = Read("""
            apiVersion: v1
            kind: Service
            metadata: {name: s, namespace: ns}
            spec:
              ports: [{name: http, protocol: TCP, appProtocol: http, port: 80, targetPort: web, nodePort: 30080}, {port: 53, targetPort: 5353}]
              selector: {app: a}
              clusterIP: 10.0.0.1
              clusterIPs: [10.0.0.1]
              type: NodePort
              externalIPs: [1.2.3.4]
              sessionAffinity: ClientIP
              loadBalancerIP: ""
              loadBalancerSourceRanges: [10.0.0.0/8]
              externalName: ""
              externalTrafficPolicy: Local
              healthCheckNodePort: 30000
              publishNotReadyAddresses: false
              sessionAffinityConfig: {clientIP: {timeoutSeconds: 10800}}
              ipFamilies: [IPv4]
              ipFamilyPolicy: SingleStack
              allocateLoadBalancerNodePorts: true
              loadBalancerClass: c
              internalTrafficPolicy: Cluster
              trafficDistribution: PreferClose
            status:
              loadBalancer: {ingress: [{ip: 1.2.3.4, hostname: h, ipMode: VIP, ports: [{port: 80, protocol: TCP, error: e}]}]}
              conditions: [{type: Ready, status: "True", observedGeneration: 1, lastTransitionTime: "2026-01-01T00:00:00Z", reason: R, message: m}]
            """);

        Assert.Empty(diagnostics);
        var service = Assert.Single(env.Services);
        Assert.Equal("10.0.0.1", service.ClusterIP);
        Assert.Equal([80, 53], service.Ports.Select(p => p.Port).ToArray());
    }

    /// <summary>
    /// Bad input never crashes: the walk follows the schema, so input nested deeper than the struct (here 250 lists, under
    /// MANI-004's bound of 256) is one type error at its top, and many list items are walked in a loop.
    /// </summary>
    [Fact]
    public void Deep_and_long_input_is_bounded_by_the_schema()
    {
        string deep = new string('[', 250) + new string(']', 250);
        var (_, _, diagnostics) = Read("kind: ConfigMap\napiVersion: v1\nmetadata: {name: cm}\ndata: {a: " + deep + "}\n");
        Assert.Equal("o.yaml:4:11: data.a: json: cannot unmarshal array into Go struct field ConfigMap.data of type string", Assert.Single(diagnostics).ToString());

        string secrets = string.Concat(Enumerable.Repeat("- {name: s, uid: 1}\n", 20_000));
        var (admission, _, many) = Read("kind: ServiceAccount\napiVersion: v1\nmetadata: {name: sa}\nsecrets:\n" + secrets);
        Assert.Equal(20_000, many.Count);
        for (int i = 0; i < many.Count; i++)
        {
            Assert.Equal(System.FormattableString.Invariant($"secrets[{i}].uid"), many[i].Path);
            Assert.Equal("json: cannot unmarshal number into Go struct field ObjectReference.secrets.uid of type types.UID", many[i].Message);
        }

        Assert.True(admission.ServiceAccounts.IsEmpty);
    }
}
