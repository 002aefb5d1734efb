using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.Support.TestPods;

namespace PodConformance.Model.Tests.Defaulting;

/// <summary>
/// Defaulting as kubernetes pkg/apis/core/v1/defaults.go and zz_generated.defaults.go do it; cases follow
/// defaults_test.go (TestSetDefaultPodSpec, TestSetDefaultRequestsPod, TestSetDefaultProbe,
/// TestSetDefaultObjectFieldSelectorAPIVersion, TestSetDefaultHostPort/TestSetDefaultPod*).
/// </summary>
public class PodDefaulterTests
{
    private static readonly Profile P = Profile.Default;

    [Fact]
    public void Pod_spec_defaults()
    {
        var pod = PodDefaulter.Apply(Pod("p", new Container { Name = "c", Image = "nginx" }), P);
        Assert.Equal("Always", pod.Spec.RestartPolicy);
        Assert.Equal("ClusterFirst", pod.Spec.DnsPolicy);
        Assert.Equal(30, pod.Spec.TerminationGracePeriodSeconds);
        Assert.Equal("default-scheduler", pod.Spec.SchedulerName);
        Assert.True(pod.Spec.EnableServiceLinks);
        var c = pod.Spec.Containers[0];
        Assert.Equal("Always", c.ImagePullPolicy);
        Assert.Equal("/dev/termination-log", c.TerminationMessagePath);
        Assert.Equal("File", c.TerminationMessagePolicy);
    }

    [Theory]
    [InlineData("nginx", "Always")]
    [InlineData("nginx:latest", "Always")]
    [InlineData("nginx:1.25", "IfNotPresent")]
    [InlineData("nginx@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "IfNotPresent")]
    [InlineData("", "IfNotPresent")]
    [InlineData("NGINX", "IfNotPresent")]
    public void Image_pull_policy_follows_the_tag(string image, string expected)
    {
        var pod = PodDefaulter.Apply(Pod("p", new Container { Name = "c", Image = image }), P);
        Assert.Equal(expected, pod.Spec.Containers[0].ImagePullPolicy);
    }

    [Fact]
    public void Requests_default_from_limits_for_containers_and_init_containers_not_ephemeral()
    {
        var limits = CpuMem("1", "1Gi");
        var pod = Pod("p", Container("c", CpuMem("", "512Mi"), limits)).WithInit(Container("i", CpuMem("", ""), limits));
        pod = pod with { Spec = pod.Spec with { EphemeralContainers = new[] { Container("e", CpuMem("", ""), limits) } } };
        var d = PodDefaulter.Apply(pod, P).Spec;
        Assert.Equal("1", d.Containers[0].Resources.Requests["cpu"].ToString());
        Assert.Equal("512Mi", d.Containers[0].Resources.Requests["memory"].ToString());
        Assert.Equal(2, d.InitContainers[0].Resources.Requests.Count);
        Assert.True(d.EphemeralContainers[0].Resources.Requests.IsEmpty);
    }

    [Fact]
    public void Probe_and_httpGet_defaults()
    {
        var probe = new Probe { Handler = new ProbeHandler { HttpGet = new HttpGetAction { Port = IntOrString.FromInt(8080) } } };
        var pod = Pod("p", new Container { Name = "c", Image = "nginx", ReadinessProbe = probe });
        var p = PodDefaulter.Apply(pod, P).Spec.Containers[0].ReadinessProbe!;
        Assert.Equal((1, 10, 1, 3), (p.TimeoutSeconds, p.PeriodSeconds, p.SuccessThreshold, p.FailureThreshold));
        Assert.Equal("/", p.Handler.HttpGet!.Path);
        Assert.Equal("HTTP", p.Handler.HttpGet.Scheme);
    }

    /// <summary>
    /// DEF-021: SetDefaults_Pod's defaultHTTPProbeProtocol (kubernetes pkg/apis/core/v1/defaults.go as stored in fork
    /// MikeZappa87/kubernetes at 50b500bcc862923961072fc8597251f8cc534abd): with H2CContainerProbe on, an httpGet of a probe or
    /// hook without protocol gets HTTP1, containers before init containers before ephemeral containers; a set protocol stays.
    /// </summary>
    [Fact]
    public void Http_probe_protocol_defaults_to_HTTP1_only_with_H2CContainerProbe_on()
    {
        static ProbeHandler Get(string? protocol) => new() { HttpGet = new HttpGetAction { Port = IntOrString.FromInt(8080), Protocol = protocol } };
        var c = new Container
        {
            Name = "c",
            Image = "nginx",
            LivenessProbe = new Probe { Handler = Get(null) },
            StartupProbe = new Probe { Handler = Get("HTTP2") },
            Lifecycle = new Lifecycle { PreStop = Get(null) },
        };
        var i = new Container { Name = "i", Image = "nginx", ReadinessProbe = new Probe { Handler = Get(null) } };
        var e = new Container { Name = "e", Image = "nginx", Lifecycle = new Lifecycle { PostStart = Get(null) } };
        var pod = Pod("p", c).WithInit(i);
        pod = pod with { Spec = pod.Spec with { EphemeralContainers = new[] { e } } };
        var on = new Profile(new KubernetesVersion(1, 37), ValueMap.Of((FeatureGateNames.H2CContainerProbe, true)));
        var changes = new List<DefaultingChange>();
        var d = PodDefaulter.Apply(pod, on, changes).Spec;
        Assert.Equal("HTTP1", d.Containers[0].LivenessProbe!.Handler.HttpGet!.Protocol);
        Assert.Equal("HTTP2", d.Containers[0].StartupProbe!.Handler.HttpGet!.Protocol);
        Assert.Equal("HTTP1", d.Containers[0].Lifecycle!.PreStop!.HttpGet!.Protocol);
        Assert.Equal("HTTP1", d.InitContainers[0].ReadinessProbe!.Handler.HttpGet!.Protocol);
        Assert.Equal("HTTP1", d.EphemeralContainers[0].Lifecycle!.PostStart!.HttpGet!.Protocol);
        string[] fields = [.. changes.Where(ch => ch.Rule == DefaultingRules.HttpGetProtocol).Select(ch => ch.Field)];
        Assert.Equal(
            ["spec.containers[0].livenessProbe.httpGet.protocol", "spec.containers[0].lifecycle.preStop.httpGet.protocol",
             "spec.initContainers[0].readinessProbe.httpGet.protocol", "spec.ephemeralContainers[0].lifecycle.postStart.httpGet.protocol"],
            fields);

        var off = PodDefaulter.Apply(pod, new Profile(new KubernetesVersion(1, 37), ValueMap<bool>.Empty)).Spec;
        Assert.Null(off.Containers[0].LivenessProbe!.Handler.HttpGet!.Protocol);
        Assert.Null(off.InitContainers[0].ReadinessProbe!.Handler.HttpGet!.Protocol);
    }

    [Fact]
    public void Port_protocol_fieldRef_apiVersion_and_hostNetwork_ports()
    {
        var c = new Container
        {
            Name = "c",
            Image = "nginx",
            Ports = new[] { new ContainerPort { Port = 80 } },
            Env = new[] { new EnvVar { Name = "N", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } } } },
        };
        var pod = Pod("p", c);
        pod = pod with { Spec = pod.Spec with { HostNetwork = true } };
        var d = PodDefaulter.Apply(pod, P).Spec.Containers[0];
        Assert.Equal("TCP", d.Ports[0].Protocol);
        Assert.Equal(80, d.Ports[0].HostPort);
        Assert.Equal("v1", d.Env[0].ValueFrom!.FieldRef!.ApiVersion);
    }

    [Fact]
    public void Volume_without_source_becomes_emptyDir()
    {
        var pod = Pod("p", new Container { Name = "c", Image = "nginx" });
        pod = pod with { Spec = pod.Spec with { Volumes = new[] { new Volume { Name = "v" } } } };
        var v = PodDefaulter.Apply(pod, P).Spec.Volumes[0];
        Assert.Equal("emptyDir", v.SourceKind);
        Assert.NotNull(v.EmptyDir);
    }

    [Fact]
    public void Changes_are_recorded_with_rule_ids()
    {
        var changes = new List<DefaultingChange>();
        PodDefaulter.Apply(Pod("p", Container("c", CpuMem("", ""), CpuMem("1", ""))), P, changes);
        Assert.Contains(changes, ch => ch.Rule == DefaultingRules.RequestsFromLimits && ch.Field == "spec.containers[0].resources.requests.cpu" && ch.Value == "1");
        Assert.Contains(changes, ch => ch.Rule == DefaultingRules.RestartPolicy && ch.Field == "spec.restartPolicy");
    }

    /// <summary>Pod-level defaults (KEP-2837), kubernetes defaults_test.go TestSetDefaultPodLevelResources-style cases.</summary>
    [Fact]
    public void Pod_level_requests_default_from_aggregate_container_requests_then_limits()
    {
        var profile = P with { Overrides = ValueMap.Of((FeatureGateNames.PodLevelResources, true)) };
        var pod = Pod("p", Container("a", CpuMem("100m", ""), CpuMem("", "")), Container("b", CpuMem("200m", ""), CpuMem("", "")))
            .WithPodResources(Reqs(CpuMem("", ""), CpuMem("1", "1Gi")));
        var r = PodDefaulter.Apply(pod, profile).Spec.Resources!;
        Assert.Equal("300m", r.Requests["cpu"].ToString());
        Assert.Equal("1Gi", r.Requests["memory"].ToString());
    }

    [Fact]
    public void Pod_level_limits_default_from_containers_only_since_1_37_and_only_when_all_have_limits()
    {
        var pod = Pod("p", Container("a", CpuMem("", ""), CpuMem("1", "1Gi")), Container("b", CpuMem("", ""), CpuMem("1", "")))
            .WithPodResources(Reqs(CpuMem("2", "2Gi"), CpuMem("", "")));
        var gates = ValueMap.Of((FeatureGateNames.PodLevelResources, true));
        var r137 = PodDefaulter.Apply(pod, new Profile(new KubernetesVersion(1, 37), gates)).Spec.Resources!;
        Assert.Equal("2", r137.Limits["cpu"].ToString());
        Assert.False(r137.Limits.ContainsKey("memory"));
        var r136 = PodDefaulter.Apply(pod, new Profile(new KubernetesVersion(1, 36), gates)).Spec.Resources!;
        Assert.True(r136.Limits.IsEmpty);
    }

    [Fact]
    public void No_pod_level_defaults_without_the_gate()
    {
        var pod = Pod("p", Container("a", CpuMem("100m", ""), CpuMem("", ""))).WithPodResources(Reqs(CpuMem("", ""), CpuMem("1", "")));
        var profile = P with { Overrides = ValueMap.Of((FeatureGateNames.PodLevelResources, false)) };
        Assert.True(PodDefaulter.Apply(pod, profile).Spec.Resources!.Requests.IsEmpty);
    }
}
