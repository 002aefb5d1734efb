using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Scheduling;

namespace PodConformance.Model.Tests.Scheduling;

/// <summary>
/// NodeDeclaredFeatures (SCHED-018..020): the inference of kubernetes/component-helpers nodedeclaredfeatures per release
/// (registry.go and each feature's InferForScheduling at v0.35.0, v0.36.0 and master 1961876), the plugin's reasons
/// (nodedeclaredfeatures.go at 854e67b for 1.35; errReasonUnsatisfiedRequirements from 1.36, as stored in forks at 1.37 development) and its place in the cycle.
/// </summary>
public sealed class DeclaredFeaturesFitTests
{
    private const string Rac = DeclaredFeatures.RestartAllContainersOnContainerExits;

    private static readonly ContainerRestartRule RestartAll = new()
    {
        Action = "RestartAllContainers",
        ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "In", Values = ValueList.Of(42) },
    };

    private static Profile At(string release, params string[] on)
    {
        Assert.True(KubernetesVersion.TryParse(release, out var v, out _));
        return new Profile(v, ValueMap.Of(on.Select(g => (g, true)).ToArray()));
    }

    private static Pod PodWith(PodSpec spec) => new() { Metadata = new ObjectMeta { Name = "p", Namespace = "default", Uid = "u" }, Spec = spec };

    private static PodSpec RuleOnApp() => new()
    {
        Containers = ValueList.Of(new Container { Name = "app", RestartPolicy = "Never", RestartPolicyRules = ValueList.Of(RestartAll) }),
    };

    private static Node NodeOf(string name, params string[]? declared) =>
        new() { Name = name, Allocatable = SchedulerFitTests.Res(("cpu", "4"), ("memory", "8Gi"), ("pods", "110")), DeclaredFeatures = declared?.ToValueList() };

    [Fact]
    public void A_restart_all_rule_needs_its_feature_from_1_35()
    {
        Assert.Empty(DeclaredFeatures.InferForScheduling(RuleOnApp(), new KubernetesVersion(1, 34)));
        foreach (int minor in new[] { 35, 36, 37 })
        {
            Assert.Equal([Rac], DeclaredFeatures.InferForScheduling(RuleOnApp(), new KubernetesVersion(1, minor)));
        }

        var init = new PodSpec
        {
            InitContainers = ValueList.Of(new Container { Name = "init", RestartPolicy = "Never", RestartPolicyRules = ValueList.Of(RestartAll) }),
            Containers = ValueList.Of(new Container { Name = "app" }),
        };
        Assert.Equal([Rac], DeclaredFeatures.InferForScheduling(init, new KubernetesVersion(1, 35)));
        var restartOnly = RuleOnApp() with { Containers = ValueList.Of(new Container { Name = "app", RestartPolicy = "Never", RestartPolicyRules = ValueList.Of(RestartAll with { Action = "Restart" }) }) };
        Assert.Empty(DeclaredFeatures.InferForScheduling(restartOnly, new KubernetesVersion(1, 37)));
    }

    [Fact]
    public void Host_network_user_namespaces_from_1_36_and_bind_mount_options_in_1_37_sorted()
    {
        var spec = RuleOnApp() with
        {
            HostNetwork = true,
            HostUsers = false,
            EphemeralContainers = ValueList.Of(new Container { Name = "debug", VolumeMounts = ValueList.Of(new VolumeMount { Name = "v", MountPath = "/v", BindMountOptions = ValueList.Of("noexec") }) }),
        };
        Assert.Equal([Rac], DeclaredFeatures.InferForScheduling(spec, new KubernetesVersion(1, 35)));
        Assert.Equal([Rac, DeclaredFeatures.UserNamespacesHostNetworkSupport], DeclaredFeatures.InferForScheduling(spec, new KubernetesVersion(1, 36)));
        Assert.Equal([Rac, DeclaredFeatures.UserNamespacesHostNetworkSupport, DeclaredFeatures.VolumeBindMountOptions], DeclaredFeatures.InferForScheduling(spec, new KubernetesVersion(1, 37)));
        Assert.Empty(DeclaredFeatures.InferForScheduling(new PodSpec { HostNetwork = true, HostUsers = true, Containers = ValueList.Of(new Container { Name = "a" }) }, new KubernetesVersion(1, 37)));
    }

    [Fact]
    public void Kubelet_declares_the_feature_only_with_both_gates()
    {
        Assert.Empty(DeclaredFeatures.DiscoveredByKubelet(At("1.35")));
        Assert.Empty(DeclaredFeatures.DiscoveredByKubelet(At("1.35", FeatureGateNames.NodeDeclaredFeatures)));
        Assert.Equal([Rac], DeclaredFeatures.DiscoveredByKubelet(At("1.35", FeatureGateNames.NodeDeclaredFeatures, FeatureGateNames.ContainerRestartRules, Rac)));
        Assert.Equal([Rac], DeclaredFeatures.DiscoveredByKubelet(Profile.Default));
        Assert.Empty(DeclaredFeatures.DiscoveredByKubelet(Profile.Default with { Overrides = ValueMap.Of((Rac, false)) }));
    }

    [Fact]
    public void Nodes_lacking_the_feature_are_rejected_with_the_1_35_reason_and_preemption_cannot_help()
    {
        var profile = At("1.35", FeatureGateNames.NodeDeclaredFeatures, FeatureGateNames.ContainerRestartRules, Rac);
        var fit = SchedulerFit.Schedule(PodWith(RuleOnApp()), [NodeOf("node-1", []), NodeOf("node-2", "ExtendWebSocketsToKubelet")], null, profile);
        Assert.False(fit.Scheduled);
        Assert.Equal("0/2 nodes are available: 2 node declared features check failed - unsatisfied requirements: RestartAllContainersOnContainerExits.", fit.Message);
        Assert.Equal("preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.", fit.PreemptionMessage);
        Assert.All(fit.Rejections, r => Assert.Equal(NodeDeclaredFeaturesPlugin.PluginName, r.Plugin));
    }

    [Fact]
    public void A_node_without_a_list_declares_what_its_kubelet_discovers()
    {
        var profile = At("1.35", FeatureGateNames.NodeDeclaredFeatures, FeatureGateNames.ContainerRestartRules, Rac);
        var fit = SchedulerFit.Schedule(PodWith(RuleOnApp()), [NodeOf("node-1", []), NodeOf("node-2", null)], null, profile);
        Assert.Equal("node-2", fit.NodeName);
        Assert.Equal("node-1", Assert.Single(fit.Rejections).NodeName);
    }

    [Fact]
    public void Release_1_37_gives_one_reason_for_any_missing_set_and_the_plugin_runs_last()
    {
        var spec = RuleOnApp() with { HostNetwork = true, HostUsers = false };
        var tainted = NodeOf("node-3", []) with { Taints = ValueList.Of(new Taint { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" }) };
        var fit = SchedulerFit.Schedule(PodWith(spec), [NodeOf("node-1", []), NodeOf("node-2", Rac), tainted], null, Profile.Default);
        Assert.Equal("0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 node(s) didn't match Pod's required features.", fit.Message);
    }

    [Fact]
    public void Release_1_36_gives_the_one_reason_as_1_37()
    {
        // Inferred (SCHED-018): component-helpers' "Avoid computing feature diff when not necessary" (d925060, an ancestor
        // of v0.36.0) and the plugin's IsSubset check, which computes no list of missing features to name.
        var spec = RuleOnApp() with { HostNetwork = true, HostUsers = false };
        var fit = SchedulerFit.Schedule(PodWith(spec), [NodeOf("node-1", "UserNamespacesHostNetworkSupport")], null, At("1.36", FeatureGateNames.UserNamespacesSupport, FeatureGateNames.UserNamespacesHostNetworkSupport));
        Assert.Equal("0/1 nodes are available: 1 node(s) didn't match Pod's required features.", fit.Message);
        Assert.Equal(
            NodeDeclaredFeaturesPlugin.ErrReasonUnsatisfiedRequirements,
            NodeDeclaredFeaturesPlugin.Reason([Rac, DeclaredFeatures.UserNamespacesHostNetworkSupport], new KubernetesVersion(1, 36)));
        Assert.Equal(
            "node declared features check failed - unsatisfied requirements: RestartAllContainersOnContainerExits, UserNamespacesHostNetworkSupport",
            NodeDeclaredFeaturesPlugin.Reason([Rac, DeclaredFeatures.UserNamespacesHostNetworkSupport], new KubernetesVersion(1, 35)));
    }

    [Fact]
    public void With_the_gate_off_nothing_is_filtered()
    {
        // 1.35's defaults: NodeDeclaredFeatures alpha and off, so PreFilter skips every pod.
        var fit = SchedulerFit.Schedule(PodWith(RuleOnApp()), [NodeOf("node-1", [])], null, At("1.35", FeatureGateNames.ContainerRestartRules, Rac));
        Assert.Equal("node-1", fit.NodeName);
    }
}
