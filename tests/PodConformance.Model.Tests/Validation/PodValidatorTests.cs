using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Validation;
using static PodConformance.Model.Tests.Validation.TestPods;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// Pod validation tables. Rules and messages read from kubernetes/kubernetes
/// pkg/apis/core/validation/validation.go at 000f26050b9be6fb3d79fae95e06b47fc96128cd (~1.32/1.33):
/// validateContainers, validateInitContainers, validateContainerPorts, ValidateEnv, validateEnvVarValueFrom,
/// validateResourceRequirements, validatePodResourceConsistency, validateRestartPolicy. The cases mirror the
/// scenarios of validation_test.go's TestValidateContainers / TestValidateResourceRequirements /
/// TestValidateEnv / TestValidatePorts / TestValidateRestartPolicy, rebuilt on the model's types.
/// </summary>
public class PodValidatorTests
{
    [Fact]
    public void A_defaulted_simple_pod_is_valid() => Assert.Empty(Errors(OneContainer()));

    [Fact]
    public void An_undefaulted_pod_reports_what_defaulting_fills()
    {
        var pod = new Pod { Metadata = new ObjectMeta { Name = "web" }, Spec = new PodSpec { Containers = ValueList.Of(new Container { Name = "app", Image = "nginx" }) } };
        Assert.Equal(
        [
            "spec.terminationGracePeriodSeconds: Required value",
            "spec.containers[0].terminationMessagePolicy: Required value",
            "spec.containers[0].imagePullPolicy: Required value",
            "spec.restartPolicy: Required value",
            "spec.dnsPolicy: Required value",
        ], Errors(pod));
    }

    // ---- resources (validateResourceRequirements) ----

    [Fact]
    public void Request_above_limit_is_reported_at_requests_with_the_limit_value() =>
        Assert.Equal(
            ["spec.containers[0].resources.requests: Invalid value: \"300m\": must be less than or equal to cpu limit of 50m"],
            Errors(Pod(Container().WithResources(Res(("cpu", "300m")), Res(("cpu", "50m"))))));

    public static TheoryData<string, ValueMap<Quantity>, ValueMap<Quantity>, string[]> ResourceCases => new()
    {
        { "memory above limit", Res(("memory", "2Gi")), Res(("memory", "1Gi")),
          ["spec.containers[0].resources.requests: Invalid value: \"2Gi\": must be less than or equal to memory limit of 1Gi"] },
        { "equal is fine", Res(("cpu", "1")), Res(("cpu", "1")), [] },
        { "negative request", Res(("cpu", "-1")), ValueMap<Quantity>.Empty,
          ["spec.containers[0].resources.requests[cpu]: Invalid value: \"-1\": must be greater than or equal to 0"] },
        { "unknown unprefixed name", Res(("disk", "1")), ValueMap<Quantity>.Empty,
          ["spec.containers[0].resources.requests[disk]: Invalid value: \"disk\": must be a standard resource type or fully qualified",
           "spec.containers[0].resources.requests[disk]: Invalid value: \"disk\": must be a standard resource for containers"] },
        { "standard but not for containers", Res(("pods", "1")), ValueMap<Quantity>.Empty,
          ["spec.containers[0].resources.requests[pods]: Invalid value: \"pods\": must be a standard resource for containers"] },
        { "extended request without limit", Res(("example.com/gpu", "1")), ValueMap<Quantity>.Empty,
          ["spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources"] },
        { "extended request below limit", Res(("example.com/gpu", "1")), Res(("example.com/gpu", "2")),
          ["spec.containers[0].resources.requests: Invalid value: \"1\": must be equal to example.com/gpu limit of 2"] },
        { "extended fractional", Res(("example.com/gpu", "500m")), Res(("example.com/gpu", "500m")),
          ["spec.containers[0].resources.limits[example.com/gpu]: Invalid value: \"500m\": must be an integer",
           "spec.containers[0].resources.requests[example.com/gpu]: Invalid value: \"500m\": must be an integer"] },
        { "hugepages alone", ValueMap<Quantity>.Empty, Res(("hugepages-2Mi", "4Mi")),
          ["spec.containers[0].resources: Forbidden: HugePages require cpu or memory"] },
        { "hugepages with memory", Res(("memory", "1Gi")), Res(("hugepages-2Mi", "4Mi"), ("memory", "1Gi")), [] },
        { "hugepages not a page multiple", Res(("memory", "1Gi")), Res(("hugepages-2Mi", "3Mi"), ("memory", "1Gi")),
          ["spec.containers[0].resources.limits[hugepages-2Mi]: Invalid value: \"3Mi\": 3Mi is not positive integer multiple of hugepages-2Mi"] },
        { "kubernetes.io prefixed native is overcommittable", Res(("kubernetes.io/foo", "1")), ValueMap<Quantity>.Empty, [] },
        { "bad qualified name", Res(("a/b/c", "1")), ValueMap<Quantity>.Empty,
          ["spec.containers[0].resources.requests[a/b/c]: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
           "spec.containers[0].resources.requests[a/b/c]: Invalid value: \"a/b/c\": doesn't follow extended resource name standard",
           "spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources"] },
    };

    [Theory]
    [MemberData(nameof(ResourceCases))]
    public void Resource_requirements(string scenario, ValueMap<Quantity> requests, ValueMap<Quantity> limits, string[] expected)
    {
        _ = scenario;
        Assert.Equal(expected, Errors(Pod(Container().WithResources(requests, limits))));
    }

    [Fact]
    public void Pod_level_resources_are_ignored_without_the_gate_and_checked_with_it()
    {
        var pod = Pod(Container().WithResources(Res(("cpu", "500m")), Res(("cpu", "1"))))
            .WithSpec(s => s with { Resources = new ResourceRequirements { Requests = Res(("cpu", "200m")), Limits = Res(("cpu", "800m")) } });
        Assert.Empty(Errors(pod, V(31)));
        Assert.Empty(Errors(pod, V(33))); // alpha, off by default
        Assert.Equal(
        [
            "spec.resources.requests[cpu]: Invalid value: \"200m\": must be greater than or equal to aggregate container requests of 500m",
            "spec.resources.containers[0][cpu].limits: Invalid value: \"1\": must be less than or equal to pod limits of 800m",
        ], Errors(pod, V(34)));
    }

    /// <summary>
    /// VAL-037 release boundary: validatePodResourceConsistency in v1.33.3 (vendored by openshift-kni/scheduler-plugins
    /// 0c967825a) compares a resource without a pod-level request against zero; v1.34.1 (313dff1ce) skips it and adds the
    /// pod-level hugepage limit check against the containers' aggregate limits.
    /// </summary>
    [Fact]
    public void Pod_level_consistency_skips_unset_requests_and_checks_hugepage_limits_from_1_34()
    {
        var on133 = new Profile(new KubernetesVersion(1, 33), ValueMap.Of((FeatureGateNames.PodLevelResources, true)));
        var pod = Pod(Container().WithResources(Res(("cpu", "500m"), ("memory", "64Mi")), ValueMap<Quantity>.Empty))
            .WithSpec(s => s with { Resources = new ResourceRequirements { Requests = Res(("cpu", "1")) } });
        Assert.Equal(
            ["spec.resources.requests[memory]: Invalid value: \"0\": must be greater than or equal to aggregate container requests of 64Mi"],
            Errors(pod, on133));
        Assert.Empty(Errors(pod, V(34)));
        Assert.Empty(Errors(pod, V(35)));

        var huge = Pod(Container().WithResources(ValueMap<Quantity>.Empty, Res(("hugepages-2Mi", "4Mi"), ("memory", "1Gi"))))
            .WithSpec(s => s with { Resources = new ResourceRequirements { Limits = Res(("hugepages-2Mi", "2Mi"), ("memory", "2Gi")) } });
        Assert.Equal(
        [
            "spec.resources.limits[hugepages-2Mi]: Invalid value: \"2Mi\": must be greater than or equal to aggregate container limits of 4Mi",
            "spec.resources.containers[0][hugepages-2Mi].limits: Invalid value: \"4Mi\": must be less than or equal to pod limits of 2Mi",
        ], Errors(huge, V(34)));
    }

    /// <summary>
    /// VAL-044 up to 1.32: validateInitContainers refuses any init container's resizePolicy (validation.go vendored by
    /// ceph/ceph-csi at v1.28.1 28d2a865f, v1.30.0 0af1474e3, v1.31.0 0a97a9778, and by openshift-kni/scheduler-plugins at
    /// v1.32.5 0aead6551 unless AllowSidecarResizePolicy, false on a create); from 1.33 (util.go vendored by
    /// openshift/openshift-apiserver cd1ea2cd7, v1.33.3) the option follows InPlacePodVerticalScaling. The value is
    /// ErrorBody's %#v of the internal slice.
    /// </summary>
    [Fact]
    public void Init_container_resize_policy_is_refused_up_to_1_32()
    {
        var pod = OneContainer().WithInit(Sidecar("side") with { ResizePolicy = ValueList.Of(new ContainerResizePolicy("cpu", "NotRequired"), new ContainerResizePolicy("memory", "RestartContainer")) });
        var gate = ValueMap.Of((FeatureGateNames.InPlacePodVerticalScaling, true));
        const string expected = "spec.initContainers[0].resizePolicy: Invalid value: []core.ContainerResizePolicy{core.ContainerResizePolicy{ResourceName:\"cpu\", RestartPolicy:\"NotRequired\"}, core.ContainerResizePolicy{ResourceName:\"memory\", RestartPolicy:\"RestartContainer\"}}: must not be set for init containers";
        Assert.Equal([expected], Errors(pod, new Profile(new KubernetesVersion(1, 32), gate)));
        Assert.Equal([expected], Errors(pod, new Profile(new KubernetesVersion(1, 30), gate)));
        Assert.Empty(Errors(pod, new Profile(new KubernetesVersion(1, 33), gate)));
        Assert.Empty(Errors(pod, V(35)));
    }

    [Fact]
    public void Pod_level_resource_names_are_limited()
    {
        var pod = OneContainer().WithSpec(s => s with { Resources = new ResourceRequirements { Requests = Res(("ephemeral-storage", "1Gi")) } });
        Assert.Equal(
            ["spec.resources.requests[ephemeral-storage]: Unsupported value: \"ephemeral-storage\": supported values: \"cpu\", \"hugepages-\", \"memory\""],
            Errors(pod, V(35)));
    }

    /// <summary>
    /// VAL-036 by release: validatePodResourceName lists <c>sets.List(resourcehelper.SupportedPodLevelResources())</c> —
    /// cpu and memory in component-helpers v0.32.5 (openshift-kni/scheduler-plugins 0aead6551), plus the bare prefix
    /// "hugepages-" from v0.33.3 (0c967825a; v0.34.1 and v0.35.4 the same), which also accepts hugepages-* at pod level
    /// from 1.33. The bad value is a core.ResourceName, printed by its String() (bare) before apimachinery v0.34.
    /// </summary>
    [Fact]
    public void Pod_level_resource_names_by_release()
    {
        var gate = ValueMap.Of((FeatureGateNames.PodLevelResources, true));
        var pod = OneContainer().WithSpec(s => s with { Resources = new ResourceRequirements { Requests = Res(("ephemeral-storage", "1Gi")) } });
        Assert.Equal(
            ["spec.resources.requests[ephemeral-storage]: Unsupported value: ephemeral-storage: supported values: \"cpu\", \"memory\""],
            Errors(pod, new Profile(new KubernetesVersion(1, 32), gate)));
        Assert.Equal(
            ["spec.resources.requests[ephemeral-storage]: Unsupported value: ephemeral-storage: supported values: \"cpu\", \"hugepages-\", \"memory\""],
            Errors(pod, new Profile(new KubernetesVersion(1, 33), gate)));

        var huge = Pod(Container().WithResources(Res(("memory", "1Gi")), Res(("memory", "1Gi"))))
            .WithSpec(s => s with { Resources = new ResourceRequirements { Requests = Res(("memory", "1Gi")), Limits = Res(("hugepages-2Mi", "2Mi"), ("memory", "2Gi")) } });
        Assert.Empty(Errors(huge, new Profile(new KubernetesVersion(1, 33), gate)));
        Assert.Equal(
            ["spec.resources.limits[hugepages-2Mi]: Unsupported value: hugepages-2Mi: supported values: \"cpu\", \"memory\""],
            Errors(huge, new Profile(new KubernetesVersion(1, 32), gate)));
    }

    /// <summary>
    /// VAL-030 by release: validateResourceName's bad value is a core.ResourceName, a fmt.Stringer, which apimachinery's
    /// ErrorBody prints bare up to v0.33 (errors.go vendored by openshift-kni/scheduler-plugins 0c967825a) and through
    /// json.Marshal, quoted, from v0.34 (313dff1ce); and IsQualifiedName is content.IsLabelKey from v0.35 (4495d2058), so a
    /// name with several '/' is "a valid label key" from 1.35. A 2024 ResourceQuota report shows the bare form
    /// (loft-sh/vcluster-docs#253: `Invalid value: limits.pods: must be a standard resource type or fully qualified`).
    /// </summary>
    [Fact]
    public void Resource_name_errors_follow_the_release_printing_and_wording()
    {
        var pod = Pod(Container().WithResources(Res(("disk", "1")), ValueMap<Quantity>.Empty));
        Assert.Equal(
        [
            "spec.containers[0].resources.requests[disk]: Invalid value: disk: must be a standard resource type or fully qualified",
            "spec.containers[0].resources.requests[disk]: Invalid value: disk: must be a standard resource for containers",
        ], Errors(pod, V(33)));
        Assert.Equal(
        [
            "spec.containers[0].resources.requests[disk]: Invalid value: \"disk\": must be a standard resource type or fully qualified",
            "spec.containers[0].resources.requests[disk]: Invalid value: \"disk\": must be a standard resource for containers",
        ], Errors(pod, V(34)));

        var multi = Pod(Container().WithResources(Res(("a/b/c", "1")), Res(("a/b/c", "1"))));
        Assert.StartsWith("spec.containers[0].resources.limits[a/b/c]: Invalid value: \"a/b/c\": a qualified name must consist", Errors(multi, V(34))[0], StringComparison.Ordinal);
        Assert.StartsWith("spec.containers[0].resources.limits[a/b/c]: Invalid value: \"a/b/c\": a valid label key must consist", Errors(multi, V(35))[0], StringComparison.Ordinal);
        Assert.StartsWith("spec.containers[0].resources.limits[a/b/c]: Invalid value: a/b/c: a qualified name must consist", Errors(multi, V(33))[0], StringComparison.Ordinal);
    }

    /// <summary>VAL-044: the resize policy's resource name is a core.ResourceName too (bare before 1.34).</summary>
    [Fact]
    public void Resize_policy_resource_names_print_like_the_release()
    {
        var c = Container() with
        {
            ResizePolicy = ValueList.Of(new ContainerResizePolicy("storage", "NotRequired"), new ContainerResizePolicy("cpu", "NotRequired"), new ContainerResizePolicy("cpu", "NotRequired")),
        };
        Assert.Equal(
        [
            "spec.containers[0].resizePolicy: Unsupported value: storage: supported values: \"cpu\", \"memory\"",
            "spec.containers[0].resizePolicy[2]: Duplicate value: cpu",
        ], Errors(Pod(c), V(33)));
        Assert.Equal(
        [
            "spec.containers[0].resizePolicy: Unsupported value: \"storage\": supported values: \"cpu\", \"memory\"",
            "spec.containers[0].resizePolicy[2]: Duplicate value: \"cpu\"",
        ], Errors(Pod(c), V(34)));
    }

    // ---- container names ----

    [Fact]
    public void Container_names_are_checked_and_duplicates_reported_where_kubernetes_reports_them()
    {
        var pod = Pod(Container("app"), Container("app"), Container("Bad_Name"), Container(""))
            .WithInit(Container("app"), Container("init"), Container("init"));
        Assert.Equal(
        [
            "spec.containers[1].name: Duplicate value: \"app\"",
            "spec.containers[2].name: Invalid value: \"Bad_Name\": " + NameRules.Dns1123LabelRegexMessage,
            "spec.containers[3].name: Required value",
            "spec.initContainers[0].name: Duplicate value: \"app\"",
            "spec.initContainers[2].name: Duplicate value: \"init\"",
        ], Errors(pod));
    }

    [Fact]
    public void At_least_one_container() =>
        Assert.Equal(["spec.containers: Required value"], Errors(Pod()));

    [Fact]
    public void Image_and_policies()
    {
        var c = Container() with { Image = "", ImagePullPolicy = "Sometimes", TerminationMessagePolicy = "Stdout" };
        Assert.Equal(
        [
            "spec.containers[0].image: Required value",
            "spec.containers[0].terminationMessagePolicy: Unsupported value: \"Stdout\": supported values: \"File\", \"FallbackToLogsOnError\"",
            "spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\"",
        ], Errors(Pod(c)));
        Assert.Equal(
            ["spec.containers[0].image: Invalid value: \" nginx\": must not have leading or trailing whitespace"],
            Errors(Pod(Container() with { Image = " nginx" })));
    }

    // ---- ports ----

    [Fact]
    public void Ports()
    {
        var c = Container().WithPorts(Port(0), Port(70000, name: "HTTP", protocol: "ICMP"), Port(80, name: "web"), Port(81, name: "web"));
        Assert.Equal(
        [
            "spec.containers[0].ports[0].containerPort: Required value",
            "spec.containers[0].ports[1].name: Invalid value: \"HTTP\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
            "spec.containers[0].ports[1].name: Invalid value: \"HTTP\": must contain at least one letter (a-z)",
            "spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
            "spec.containers[0].ports[1].protocol: Unsupported value: \"ICMP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
            "spec.containers[0].ports[3].name: Duplicate value: \"web\"",
        ], Errors(Pod(c)));
    }

    [Fact]
    public void Host_port_conflicts_span_regular_containers_but_not_init_containers()
    {
        var pod = Pod(Container("a").WithPorts(Port(80, hostPort: 8080)), Container("b").WithPorts(Port(81, hostPort: 8080)))
            .WithInit(Container("i1").WithPorts(Port(80, hostPort: 8080)), Container("i2").WithPorts(Port(80, hostPort: 8080)));
        Assert.Equal(["spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//8080\""], Errors(pod));
    }

    [Fact]
    public void Host_network_requires_matching_host_port()
    {
        var pod = Pod(Container().WithPorts(Port(80, hostPort: 8080))).WithSpec(s => s with { HostNetwork = true });
        Assert.Equal(["spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true"], Errors(pod));
    }

    // ---- restart policies ----

    [Theory]
    [InlineData("", "spec.restartPolicy: Required value")]
    [InlineData("Sometimes", "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"")]
    public void Pod_restart_policy(string policy, string expected) =>
        Assert.Equal([expected], Errors(OneContainer().WithSpec(s => s with { RestartPolicy = policy })));

    [Fact]
    public void Init_restart_policy_before_container_restart_rules()
    {
        var pod = OneContainer().WithInit(Container("i") with { RestartPolicy = "OnFailure", LivenessProbe = new Probe() });
        Assert.Equal(
        [
            "spec.initContainers[0].restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"",
            "spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
        ], Errors(pod, V(33)));
        Assert.Empty(Errors(OneContainer().WithInit(Sidecar("s")), V(33)));
    }

    [Fact]
    public void Init_restart_policy_is_dropped_without_the_sidecar_gate() =>
        Assert.Empty(Errors(OneContainer().WithInit(Container("i") with { RestartPolicy = "OnFailure" }), V(28)));

    [Fact]
    public void Regular_container_restart_policy_needs_container_restart_rules()
    {
        var pod = Pod(Container() with { RestartPolicy = "Never" });
        Assert.Equal(["spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers"], Errors(pod, V(34)));
        Assert.Empty(Errors(pod, V(35)));
    }

    [Fact]
    public void Restart_rules_under_container_restart_rules()
    {
        var rules = ValueList.Of(
            new ContainerRestartRule { Action = "Restart", ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "In", Values = ValueList.Of(42) } },
            new ContainerRestartRule { Action = "Explode" },
            new ContainerRestartRule { Action = "Restart", ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "Maybe" } });
        var pod = Pod(Container() with { RestartPolicyRules = rules });
        Assert.Equal(
        [
            "spec.containers[0].restartPolicy: Required value: must specify restartPolicy when restart rules are used",
            "spec.containers[0].restartPolicyRules[1].action: Unsupported value: \"Explode\": supported values: \"Restart\"",
            "spec.containers[0].restartPolicyRules[1].exitCodes: Required value: must be specified",
            "spec.containers[0].restartPolicyRules[2].exitCodes.operator: Unsupported value: \"Maybe\": supported values: \"In\", \"NotIn\"",
        ], Errors(pod, V(35)));
    }

    /// <summary>
    /// VAL-041 against validateContainerRestartPolicy vendored at v1.35.0 (rancher/support-bundle-kit 1efdd22c2) and
    /// v1.34.1/v1.35.7 (openshift-kni/scheduler-plugins 313dff1ce, e91a2e67f): the limits 20 and 255 are
    /// <c>field.TooLong(path, list, max)</c> there ("may not be more than N bytes", no value), <c>field.TooMany</c> at
    /// v1.36.3 (OpenShift's fork as carried by openshift/microshift ab25d114) and in the 1.37 copy (U37); exitCodes "must
    /// be specified"; an empty operator is Unsupported, not Required.
    /// </summary>
    [Fact]
    public void Restart_rule_limits_and_an_empty_operator()
    {
        var values = new int[256];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i + 1;
        }

        var many = new ContainerRestartRule[21];
        many[0] = new ContainerRestartRule { Action = "Restart", ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "", Values = ValueList.Of(values) } };
        for (int i = 1; i < many.Length; i++)
        {
            many[i] = new ContainerRestartRule { Action = "Restart", ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "In", Values = ValueList.Of(42) } };
        }

        var pod = Pod(Container() with { RestartPolicy = "Never", RestartPolicyRules = ValueList.Of(many) });
        Assert.Equal(
        [
            "spec.containers[0].restartPolicyRules: Too long: may not be more than 20 bytes",
            "spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: \"\": supported values: \"In\", \"NotIn\"",
            "spec.containers[0].restartPolicyRules[0].exitCodes.values: Too long: may not be more than 255 bytes",
        ], Errors(pod, V(35)));
        Assert.Equal(
        [
            "spec.containers[0].restartPolicyRules: Too many: 21: must have at most 20 items",
            "spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: \"\": supported values: \"In\", \"NotIn\"",
            "spec.containers[0].restartPolicyRules[0].exitCodes.values: Too many: 256: must have at most 255 items",
        ], Errors(pod, V(37)));
        Assert.Equal(Errors(pod, V(37)), Errors(pod, V(36)));
    }

    /// <summary>
    /// VAL-041, v1.35.0's validateContainerRestartPolicy: a bad policy lists <c>sets.List</c> of the supported set, which
    /// sorts it; a bad action lists <c>supportedContainerRestartRuleActions</c> — only "Restart" — even when the
    /// RestartAllContainers option lets RestartAllContainers through. v1.36.3 (microshift ab25d114) and U37 list
    /// <c>sets.List(allowedActions)</c>: with the option, "Restart", "RestartAllContainers".
    /// </summary>
    [Fact]
    public void Restart_policy_and_action_lists_are_upstreams_sets()
    {
        var rules = ValueList.Of(
            new ContainerRestartRule { Action = "RestartAllContainers", ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "In", Values = ValueList.Of(42) } },
            new ContainerRestartRule { Action = "Explode", ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "In", Values = ValueList.Of(42) } });
        var pod = Pod(Container() with { RestartPolicy = "Sometimes", RestartPolicyRules = rules });
        var restartAll = new Profile(new KubernetesVersion(1, 35), ValueMap.Of((FeatureGateNames.RestartAllContainersOnContainerExits, true)));
        Assert.Equal(
        [
            "spec.containers[0].restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\", \"OnFailure\"",
            "spec.containers[0].restartPolicyRules[1].action: Unsupported value: \"Explode\": supported values: \"Restart\"",
        ], Errors(pod, restartAll));

        // 1.36: RestartAllContainersOnContainerExits is beta and on by default.
        Assert.Equal(
        [
            "spec.containers[0].restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\", \"OnFailure\"",
            "spec.containers[0].restartPolicyRules[1].action: Unsupported value: \"Explode\": supported values: \"Restart\", \"RestartAllContainers\"",
        ], Errors(pod, V(36)));
        var noRestartAll = new Profile(new KubernetesVersion(1, 36), ValueMap.Of((FeatureGateNames.RestartAllContainersOnContainerExits, false)));
        Assert.Equal(
        [
            "spec.containers[0].restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\", \"OnFailure\"",
            "spec.containers[0].restartPolicyRules[0].action: Unsupported value: \"RestartAllContainers\": supported values: \"Restart\"",
            "spec.containers[0].restartPolicyRules[1].action: Unsupported value: \"Explode\": supported values: \"Restart\"",
        ], Errors(pod, noRestartAll));
    }

    [Fact]
    public void Resize_policy_with_restart_policy_never()
    {
        var c = Container() with { ResizePolicy = ValueList.Of(new ContainerResizePolicy("cpu", "RestartContainer"), new ContainerResizePolicy("cpu", "NotRequired")) };
        var pod = Pod(c).WithSpec(s => s with { RestartPolicy = "Never" });
        Assert.Equal(
        [
            "spec.containers[0].resizePolicy: Invalid value: \"RestartContainer\": must be 'NotRequired' when `restartPolicy` is 'Never'",
            "spec.containers[0].resizePolicy[1]: Duplicate value: \"cpu\"",
        ], Errors(pod, V(35)));
        Assert.Equal(
        [
            "spec.containers[0].resizePolicy: Invalid value: \"RestartContainer\": must be 'NotRequired' when pod `restartPolicy` is 'Never'",
            "spec.containers[0].resizePolicy[1]: Duplicate value: \"cpu\"",
        ], Errors(pod, V(36)));
        Assert.Empty(Errors(pod, V(32))); // gate off: the field is dropped
    }

    /// <summary>validateInitContainerRestartPolicy as vendored at v1.34.1 and v1.35.7 (openshift-kni/scheduler-plugins, local mirror).</summary>
    [Fact]
    public void Init_container_restart_rules_follow_validateInitContainerRestartPolicy()
    {
        var rule = new ContainerRestartRule { Action = "Restart", ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "In", Values = ValueList.Of(42) } };
        var sidecar = OneContainer().WithInit(Sidecar("s") with { RestartPolicyRules = ValueList.Of(rule) });
        var noPolicy = OneContainer().WithInit(Container("i") with { RestartPolicyRules = ValueList.Of(rule) });
        var v34 = V(34) with { Overrides = ValueMap.Of((FeatureGateNames.ContainerRestartRules, true)) };
        const string forbidden = "spec.initContainers[0].restartPolicyRules: Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always";
        Assert.Equal([forbidden], Errors(sidecar, v34));
        Assert.Equal([forbidden], Errors(sidecar, V(35))); // RestartAllContainersOnContainerExits: alpha, off
        Assert.Empty(Errors(sidecar, V(36)));               // beta, on: the rules are checked as a regular container's
        Assert.Empty(Errors(noPolicy, v34));
        Assert.Equal(["spec.initContainers[0].restartPolicy: Required value: must specify restartPolicy when restart rules are used"], Errors(noPolicy, V(35)));
    }

    /// <summary>validatePodResources: a windows pod's pod-level resources are Forbidden from v1.34.1 (absent in v1.33.3).</summary>
    [Fact]
    public void Pod_level_resources_are_forbidden_on_windows_from_1_34()
    {
        var pod = Pod(Container().WithResources(Res(), Res(("cpu", "2"))))
            .WithSpec(s => s with { OS = new PodOS { Name = "windows" }, Resources = new ResourceRequirements { Limits = Res(("cpu", "1")) } });
        Assert.Equal(["spec.resources: Forbidden: may not be set for a windows pod"], Errors(pod, V(34)));
        Assert.DoesNotContain("spec.resources: Forbidden: may not be set for a windows pod", Errors(pod, V(33) with { Overrides = ValueMap.Of((FeatureGateNames.PodLevelResources, true)) }));
    }

    [Fact]
    public void Non_sidecar_init_container_may_not_restart_on_resize_from_1_36()
    {
        var resize = ValueList.Of(new ContainerResizePolicy("cpu", "NotRequired"), new ContainerResizePolicy("memory", "RestartContainer"));
        var pod = OneContainer().WithInit(Container("i") with { ResizePolicy = resize }, Sidecar("s") with { ResizePolicy = resize });
        Assert.Equal(
        [
            "spec.initContainers[0].resizePolicy[1].restartPolicy: Invalid value: \"RestartContainer\": must not be set to 'RestartContainer' for non-sidecar initContainers",
        ], Errors(pod, V(36)));
        Assert.Empty(Errors(pod, V(35)));
    }

    // ---- env ----

    [Fact]
    public void Env_names_follow_the_relaxed_rule_from_its_gate()
    {
        var pod = Pod(Container().WithEnv(Env("1BAD"), Env("A=B"), Env("")));
        Assert.Equal(
        [
            "spec.containers[0].env[0].name: Invalid value: \"1BAD\": " + NameRules.EnvVarNameRegexMessage,
            "spec.containers[0].env[1].name: Invalid value: \"A=B\": " + NameRules.EnvVarNameRegexMessage,
            "spec.containers[0].env[2].name: Required value",
        ], Errors(pod, V(31)));
        Assert.Equal(
        [
            "spec.containers[0].env[1].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='",
            "spec.containers[0].env[2].name: Required value",
        ], Errors(pod, V(34)));
    }

    [Fact]
    public void Env_value_from()
    {
        var both = FieldEnv("A", "metadata.name") with { Value = "x" };
        var none = new EnvVar { Name = "B", ValueFrom = new EnvVarSource() };
        var two = new EnvVar { Name = "C", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.uid" }, ConfigMapKeyRef = new KeySelector { Name = "cm", Key = "k" } } };
        Assert.Equal(
        [
            "spec.containers[0].env[0].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty",
            "spec.containers[0].env[1].valueFrom: Invalid value: \"\": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`",
            "spec.containers[0].env[2].valueFrom: Invalid value: \"\": may not have more than one field specified at a time",
        ], Errors(Pod(Container().WithEnv(both, none, two)), V(33))); // the four-source text: before EnvFiles (FileKeyRefValidationTests)
    }

    public static TheoryData<EnvVar, string[]> FieldRefCases => new()
    {
        { FieldEnv("A", "metadata.name"), [] },
        { FieldEnv("A", "spec.host"), [] },
        { FieldEnv("A", "metadata.labels['app']"), [] },
        { FieldEnv("A", "metadata.annotations['Example.COM/Key']"), [] },
        { FieldEnv("A", "status.phase"),
          ["spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: \"status.phase\": supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", \"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\""] },
        { FieldEnv("A", "metadata.labels"),
          ["spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: \"metadata.labels\": supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", \"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\""] },
        { FieldEnv("A", "metadata.whatever"),
          ["spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: \"metadata.whatever\": error converting fieldPath: field label not supported: metadata.whatever"] },
        { FieldEnv("A", "metadata.name['x']"),
          ["spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: \"metadata.name['x']\": error converting fieldPath: field label does not support subscript: metadata.name['x']"] },
        { FieldEnv("A", "metadata.name", apiVersion: "v2"),
          ["spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: \"metadata.name\": error converting fieldPath: unsupported pod version: v2"] },
        { FieldEnv("A", "metadata.name", apiVersion: ""), ["spec.containers[0].env[0].valueFrom.fieldRef.apiVersion: Required value"] },
        { FieldEnv("A", "metadata.labels['-bad']"),
          ["spec.containers[0].env[0].valueFrom.fieldRef: Invalid value: \"-bad\": name part " + NameRules.QualifiedNameRegexMessage] },
    };

    [Theory]
    [MemberData(nameof(FieldRefCases))]
    public void Env_field_ref(EnvVar env, string[] expected) => Assert.Equal(expected, Errors(Pod(Container().WithEnv(env))));

    public static TheoryData<EnvVar, string[]> ResourceFieldRefCases => new()
    {
        { ResourceEnv("A", "limits.cpu", "1m"), [] },
        { ResourceEnv("A", "requests.memory", "1Mi"), [] },
        { ResourceEnv("A", "limits.hugepages-2Mi", "1Ki"), [] },
        { ResourceEnv("A", "limits.cpu", "0"), [] },
        { ResourceEnv("A", "limits.cpu", "2m"),
          ["spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor: Invalid value: \"limits.cpu\": only divisor's values 1m and 1 are supported with the cpu resource"] },
        { ResourceEnv("A", "limits.memory", "1m"),
          ["spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor: Invalid value: \"limits.memory\": only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource"] },
        { ResourceEnv("A", "limits.gpu"),
          ["spec.containers[0].env[0].valueFrom.resourceFieldRef.resource: Unsupported value: \"limits.gpu\": supported values: \"limits.cpu\", \"limits.ephemeral-storage\", \"limits.memory\", \"requests.cpu\", \"requests.ephemeral-storage\", \"requests.memory\""] },
        { ResourceEnv("A", ""), ["spec.containers[0].env[0].valueFrom.resourceFieldRef.resource: Required value"] },
    };

    [Theory]
    [MemberData(nameof(ResourceFieldRefCases))]
    public void Env_resource_field_ref(EnvVar env, string[] expected) => Assert.Equal(expected, Errors(Pod(Container().WithEnv(env))));

    [Fact]
    public void Key_refs_and_env_from()
    {
        var keyRef = new EnvVar { Name = "A", ValueFrom = new EnvVarSource { SecretKeyRef = new KeySelector { Name = "", Key = "a/b" } } };
        var c = Container().WithEnv(keyRef) with
        {
            EnvFrom = ValueList.Of(
                new EnvFromSource { Prefix = "1_", ConfigMapRef = new ObjectReference { Name = "cm" } },
                new EnvFromSource(),
                new EnvFromSource { ConfigMapRef = new ObjectReference { Name = "" }, SecretRef = new ObjectReference { Name = "s" } }),
        };
        Assert.Equal(
        [
            "spec.containers[0].env[0].valueFrom.secretKeyRef.name: Invalid value: \"\": " + NameRules.Dns1123SubdomainRegexMessage,
            "spec.containers[0].env[0].valueFrom.secretKeyRef.key: Invalid value: \"a/b\": " + NameRules.ConfigMapKeyRegexMessage,
            "spec.containers[0].envFrom[0].prefix: Invalid value: \"1_\": " + NameRules.EnvVarNameRegexMessage,
            "spec.containers[0].envFrom: Invalid value: \"\": must specify one of: `configMapRef` or `secretRef`",
            "spec.containers[0].envFrom[2].configMapRef.name: Required value",
            "spec.containers[0].envFrom: Invalid value: \"\": may not have more than one field specified at a time",
        ], Errors(Pod(c), V(31)));
    }

    // ---- metadata, ephemeral, create-only ----

    [Fact]
    public void Metadata_name()
    {
        Assert.Equal(["metadata.name: Required value: name or generateName is required"],
            Errors(OneContainer() with { Metadata = new ObjectMeta { Namespace = "default" } }));
        Assert.Equal(["metadata.name: Invalid value: \"Web\": " + NameRules.Dns1123SubdomainRegexMessage],
            Errors(OneContainer() with { Metadata = new ObjectMeta { Name = "Web" } }));
        Assert.Equal(["metadata.labels: Invalid value: \"-x\": name part " + NameRules.QualifiedNameRegexMessage],
            Errors(OneContainer() with { Metadata = new ObjectMeta { Name = "web", Labels = ValueMap.Of(("-x", "y")) } }));
    }

    [Fact]
    public void Label_values_are_reported_at_the_labels_map_not_the_key()
    {
        // apimachinery v1validation.ValidateLabels (v0.28.0 … v0.37): field.Invalid(fldPath, v, msg), fldPath = metadata.labels.
        Assert.Equal(["metadata.labels: Invalid value: \"a b\": " + NameRules.LabelValue("a b")[0]],
            Errors(OneContainer() with { Metadata = new ObjectMeta { Name = "web", Labels = ValueMap.Of(("app", "a b")) } }));
    }

    [Theory]
    [InlineData(34, "a qualified name ")]
    [InlineData(35, "a valid label key ")]
    public void Metadata_keys_with_several_slashes_use_the_release_wording(int minor, string start)
    {
        // IsQualifiedName became content.IsLabelKey in apimachinery v0.35.0.
        var pod = OneContainer() with { Metadata = new ObjectMeta { Name = "web", Labels = ValueMap.Of(("a/b/c", "y")), Annotations = ValueMap.Of(("d/e/f", "z")) } };
        var errors = PodValidator.Validate(pod, V(minor)).Errors.Select(e => e.ToString()).ToArray();
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("metadata.labels: Invalid value: \"a/b/c\": " + start, errors[0], StringComparison.Ordinal);
        Assert.StartsWith("metadata.annotations: Invalid value: \"d/e/f\": " + start, errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Ephemeral_containers_cannot_be_set_on_create()
    {
        var pod = OneContainer().WithSpec(s => s with { EphemeralContainers = ValueList.Of(Container("app") with { TargetContainerName = "nope" }) });
        Assert.Equal(
        [
            "spec.ephemeralContainers[0].name: Duplicate value: \"app\"",
            "spec.ephemeralContainers[0].targetContainerName: Not found: \"nope\"",
            "spec.ephemeralContainers: Forbidden: cannot be set on create",
        ], Errors(pod));
    }

    [Fact]
    public void Downward_api_volume_items()
    {
        var vol = new Volume
        {
            Name = "info",
            SourceKind = "downwardAPI",
            DownwardApiItems = ValueList.Of(
                new DownwardApiVolumeFile { Path = "labels", FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.labels" } },
                new DownwardApiVolumeFile { Path = "../x", ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.cpu" } }),
        };
        Assert.Equal(
        [
            "spec.volumes[0].downwardAPI.path: Invalid value: \"../x\": must not contain '..'",
            "spec.volumes[0].downwardAPI.resourceFieldRef.containerName: Required value",
        ], Errors(OneContainer().WithSpec(s => s with { Volumes = ValueList.Of(vol) })));
    }

    [Fact]
    public void Mounts_of_unknown_volumes_are_not_found()
    {
        var c = Container() with { VolumeMounts = ValueList.Of(new VolumeMount { Name = "data", MountPath = "/data" }) };
        Assert.Equal(["spec.containers[0].volumeMounts[0].name: Not found: \"data\""], Errors(Pod(c)));
    }

    [Fact]
    public void Validation_honours_feature_gate_overrides()
    {
        var pod = Pod(Container().WithEnv(Env("1BAD")));
        var relaxedOn31 = new Profile(new KubernetesVersion(1, 31), ValueMap.Of((FeatureGateNames.RelaxedEnvironmentVariableValidation, true)));
        Assert.Empty(Errors(pod, relaxedOn31));
    }
}
