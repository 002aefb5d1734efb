using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Validation;
using static PodConformance.Model.Tests.EnvSpec.EnvTestPods;

namespace PodConformance.Model.Tests.EnvSpec;

/// <summary>
/// fieldpath: kubernetes/kubernetes pkg/fieldpath/fieldpath_test.go (recent master: TestExtractFieldPathAsString,
/// TestSplitMaybeSubscriptedPath, TestFormatMap). Resources: pkg/api/v1/resource/helpers_test.go
/// TestExtractResourceValue at 07a94070e51e7e71c4539f987a4b671f9dd6ae07, and pkg/kubelet/kubelet_resources_test.go
/// TestPodResourceLimitsDefaulting at 1dfd64f4378ad9dd974bbfbef8e90127dce6aafe.
/// </summary>
public class DownwardApiTests
{
    private static ObjectMeta Meta(string name = "", string ns = "", string uid = "", ValueMap<string> labels = default, ValueMap<string> annotations = default) =>
        new() { Name = name, Namespace = ns, Uid = uid, Labels = labels, Annotations = annotations };

    public static TheoryData<string, string, ObjectMeta, string?, string?> ExtractCases => new()
    {
        { "ok - namespace", "metadata.namespace", Meta(ns: "object-namespace"), "object-namespace", null },
        { "ok - name", "metadata.name", Meta(name: "object-name"), "object-name", null },
        { "ok - labels", "metadata.labels", Meta(labels: Data(("key", "value"))), "key=\"value\"", null },
        { "ok - labels bslash n", "metadata.labels", Meta(labels: Data(("key", "value\n"))), "key=\"value\\n\"", null },
        { "ok - annotations", "metadata.annotations", Meta(annotations: Data(("builder", "john-doe"))), "builder=\"john-doe\"", null },
        { "ok - annotation", "metadata.annotations['spec.pod.beta.kubernetes.io/statefulset-index']", Meta(annotations: Data(("spec.pod.beta.kubernetes.io/statefulset-index", "1"))), "1", null },
        { "ok - annotation (upper case)", "metadata.annotations['Www.k8s.io/test']", Meta(annotations: Data(("Www.k8s.io/test", "1"))), "1", null },
        { "ok - uid", "metadata.uid", Meta(uid: "b70b3269-858e-12a8-9cf2-1232a194038a"), "b70b3269-858e-12a8-9cf2-1232a194038a", null },
        { "ok - label", "metadata.labels['something']", Meta(labels: Data(("something", "label value"))), "label value", null },
        { "invalid expression", "metadata.whoops", Meta(ns: "object-namespace"), null, "unsupported fieldPath" },
        { "invalid annotation key", "metadata.annotations['invalid~key']", Meta(annotations: Data(("foo", "bar"))), null, "invalid key subscript in metadata.annotations" },
        { "invalid label key", "metadata.labels['Www.k8s.io/test']", Meta(annotations: Data(("foo", "bar"))), null, "invalid key subscript in metadata.labels" },
        { "invalid subscript", "metadata.notexisting['something']", Meta(), null, "fieldPath \"metadata.notexisting['something']\" does not support subscript" },
    };

    [Theory]
    [MemberData(nameof(ExtractCases))]
    public void TestExtractFieldPathAsString(string name, string path, ObjectMeta meta, string? value, string? fragment)
    {
        _ = name;
        bool ok = FieldPathResolver.TryExtractFieldPathAsString(meta, path, out string actual, out var error);
        Assert.Equal(fragment is null, ok);
        if (ok)
        {
            Assert.Equal(value, actual);
        }
        else
        {
            Assert.Contains(fragment!, error!.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("metadata.annotations['key']", "metadata.annotations", "key", true)]
    [InlineData("metadata.annotations['a[b']c']", "metadata.annotations", "a[b']c", true)]
    [InlineData("metadata.labels['['key']", "metadata.labels", "['key", true)]
    [InlineData("metadata.labels['key']']", "metadata.labels", "key']", true)]
    [InlineData("metadata.labels['']", "metadata.labels", "", true)]
    [InlineData("metadata.labels[' ']", "metadata.labels", " ", true)]
    [InlineData("metadata.labels[ 'key' ]", "", "", false)]
    [InlineData("metadata.labels[]", "", "", false)]
    [InlineData("metadata.labels[']", "", "", false)]
    [InlineData("metadata.labels['key']foo", "", "", false)]
    [InlineData("['key']", "", "", false)]
    [InlineData("metadata.labels", "", "", false)]
    public void TestSplitMaybeSubscriptedPath(string input, string path, string key, bool ok)
    {
        Assert.Equal(ok, DownwardApiPaths.TrySplitSubscript(input, out string p, out string k));
        if (ok)
        {
            Assert.Equal((path, key), (p, k));
        }
    }

    [Fact]
    public void TestFormatMap()
    {
        Assert.Equal("", FieldPathResolver.FormatMap(default));
        var labels = Data(("beta.kubernetes.io/os", "linux"), ("kubernetes.io/arch", "amd64"), ("kubernetes.io/hostname", "master01"),
            ("kubernetes.io/os", "linux"), ("node-role.kubernetes.io/control-plane", "true"), ("node-role.kubernetes.io/master", "true"));
        Assert.Equal("beta.kubernetes.io/os=\"linux\"\nkubernetes.io/arch=\"amd64\"\nkubernetes.io/hostname=\"master01\"\nkubernetes.io/os=\"linux\"\nnode-role.kubernetes.io/control-plane=\"true\"\nnode-role.kubernetes.io/master=\"true\"",
            FieldPathResolver.FormatMap(labels));
        var annotations = Data(("flannel.alpha.coreos.com/backend-data", "{\"VNI\":1,\"VtepMAC\":\"ce:f9:c7:a4:de:64\"}"), ("node.alpha.kubernetes.io/ttl", "0"));
        Assert.Equal("flannel.alpha.coreos.com/backend-data=\"{\\\"VNI\\\":1,\\\"VtepMAC\\\":\\\"ce:f9:c7:a4:de:64\\\"}\"\nnode.alpha.kubernetes.io/ttl=\"0\"",
            FieldPathResolver.FormatMap(annotations));
    }

    [Theory]
    [InlineData("v2", "metadata.name", "unsupported pod version: v2")]
    [InlineData("v1", "metadata.name['key']", "field label does not support subscript: metadata.name['key']")]
    [InlineData("v1", "metadata.whoops", "field label not supported: metadata.whoops")]
    public void ConvertDownwardAPIFieldLabel_errors(string version, string label, string message)
    {
        Assert.False(FieldPathResolver.TryConvertFieldLabel(version, label, out _, out var error));
        Assert.Equal(new EnvError(DownwardRules.FieldLabel, message), error);
    }

    [Theory]
    [InlineData("spec.host", "spec.nodeName")]
    [InlineData("", "metadata.name")]
    public void Legacy_alias_and_defaulted_apiVersion(string label, string expected)
    {
        string path = label.Length == 0 ? "metadata.name" : label;
        Assert.True(FieldPathResolver.TryConvertFieldLabel(label.Length == 0 ? "" : "v1", path, out string actual, out _));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(false, new[] { "fd00::6", "1.2.3.4" }, "1.2.3.4,fd00::6")]
    [InlineData(true, new[] { "1.2.3.4", "fd00::6" }, "fd00::6,1.2.3.4")]
    [InlineData(false, new[] { "1.2.3.4", "192.168.1.1.", "fd00::6", "5.6.7.8" }, "1.2.3.4,fd00::6")]
    [InlineData(false, new[] { "::ffff:1.2.3.4", "fd00::6" }, "::ffff:1.2.3.4,fd00::6")]
    [InlineData(false, new[] { "001.002.003.004" }, "001.002.003.004")]
    [InlineData(false, new[] { "not-an-ip", "fe80::1%eth0" }, "")]
    public void SortPodIPs_primary_family_first(bool ipv6Primary, string[] ips, string expected)
    {
        Assert.Equal(expected, string.Join(",", FieldPathResolver.SortPodIPs(ips, ipv6Primary)));
    }

    private const string C = "test-container";

    /// <summary>getPod of helpers_test.go: the container and an init container "init-"+name with the same resources.</summary>
    private static Pod ResourcePod(string? cpuRequest = null, string? cpuLimit = null, string? memoryRequest = null, string? memoryLimit = null)
    {
        var limits = ValueMap<Quantity>.Empty;
        var requests = ValueMap<Quantity>.Empty;
        if (cpuLimit is not null) { limits = limits.SetItem("cpu", Quantity.Parse(cpuLimit)); }
        if (memoryLimit is not null) { limits = limits.SetItem("memory", Quantity.Parse(memoryLimit)); }
        if (cpuRequest is not null) { requests = requests.SetItem("cpu", Quantity.Parse(cpuRequest)); }
        if (memoryRequest is not null) { requests = requests.SetItem("memory", Quantity.Parse(memoryRequest)); }
        var r = new ResourceRequirements { Limits = limits, Requests = requests };
        return new Pod { Spec = new PodSpec { Containers = [new Container { Name = C, Resources = r }], InitContainers = [new Container { Name = "init-" + C, Resources = r }] } };
    }

    public static TheoryData<string, string?, string, Pod, string> ExtractResourceCases()
    {
        var data = new TheoryData<string, string?, string, Pod, string>();
        foreach (string name in new[] { C, "init-" + C })
        {
            data.Add("limits.cpu", null, name, ResourcePod(cpuLimit: "9"), "9");
            data.Add("requests.cpu", null, name, ResourcePod(), "0");
            data.Add("requests.cpu", null, name, ResourcePod(cpuRequest: "8"), "8");
            data.Add("requests.cpu", null, name, ResourcePod(cpuRequest: "100m"), "1");
            data.Add("requests.cpu", "100m", name, ResourcePod(cpuRequest: "1200m"), "12");
            data.Add("requests.memory", null, name, ResourcePod(memoryRequest: "100Mi"), "104857600");
            data.Add("requests.memory", "1Mi", name, ResourcePod(memoryRequest: "100Mi", memoryLimit: "1Gi"), "100");
            data.Add("limits.memory", null, name, ResourcePod(memoryRequest: "10Mi", memoryLimit: "100Mi"), "104857600");
        }

        // Later upstream case (divisor "0" means 1); agrees with the float formula.
        data.Add("requests.memory", "0", C, ResourcePod(memoryRequest: "100Mi"), "104857600");
        return data;
    }

    [Theory]
    [MemberData(nameof(ExtractResourceCases))]
    public void TestExtractResourceValue(string resource, string? divisor, string containerName, Pod pod, string expected)
    {
        var selector = new ResourceFieldSelector { Resource = resource, Divisor = divisor is null ? null : Quantity.Parse(divisor) };
        Assert.True(ResourceFieldResolver.TryExtractByContainerName(selector, pod, containerName, out string value, out var error), error?.Message);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1n", "1m", "1")]
    [InlineData("1u", "1m", "1")]
    public void Sub_milli_cpu_divisors_behave_like_1m_under_the_float_formula(string divisor, string request, string expected)
    {
        // A newer upstream test (integer formula) expects 1000000 and 1000 here; the model follows the float
        // formula, which rounds the divisor up through MilliValue. Validation rejects such divisors anyway.
        var selector = new ResourceFieldSelector { Resource = "requests.cpu", Divisor = Quantity.Parse(divisor) };
        Assert.True(ResourceFieldResolver.TryExtractByContainerName(selector, ResourcePod(cpuRequest: request), C, out string value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(9007199254740993L, 1L, 9007199254740992L)]
    [InlineData(long.MaxValue, 1L, long.MinValue)]
    [InlineData(1073741824L, 1000000000L, 2L)]
    [InlineData(100L, 1000L, 1L)]
    [InlineData(-5L, 2L, -2L)]
    public void CeilDivide_is_Go_float64_on_amd64(long value, long divisor, long expected) =>
        Assert.Equal(expected, ResourceFieldResolver.CeilDivide(value, divisor));

    [Theory]
    [InlineData("requests.storage", "unsupported container resource : requests.storage")]
    [InlineData("cpu", "unsupported container resource : cpu")]
    public void Unsupported_resource(string resource, string message)
    {
        var selector = new ResourceFieldSelector { Resource = resource };
        Assert.False(ResourceFieldResolver.TryExtractContainerResourceValue(selector, new Container(), out _, out var error));
        Assert.Equal(message, error!.Message);
    }

    [Fact]
    public void Unknown_container_name() =>
        Assert.False(ResourceFieldResolver.TryExtractByContainerName(new ResourceFieldSelector { Resource = "limits.cpu" }, ResourcePod(), "nope", out _, out var error)
            || error!.Message != "container nope not found");

    /// <summary>TestPodResourceLimitsDefaulting: node allocatable cpu 6, memory 4Gi (capacity 10 / 10Gi minus reservations).</summary>
    [Theory]
    [InlineData("0", "0", "6", "4Gi")]
    [InlineData("1", "0", "1", "4Gi")]
    [InlineData("", "", "6", "4Gi")]
    [InlineData("0", "1Mi", "6", "1Mi")]
    public void TestPodResourceLimitsDefaulting(string cpu, string memory, string expectedCpu, string expectedMemory)
    {
        var limits = ValueMap<Quantity>.Empty;
        if (cpu.Length > 0) { limits = limits.SetItem("cpu", Quantity.Parse(cpu)); }
        if (memory.Length > 0) { limits = limits.SetItem("memory", Quantity.Parse(memory)); }
        var container = new Container { Name = "foo", Resources = new ResourceRequirements { Limits = limits } };
        var pod = new Pod { Spec = new PodSpec { Containers = [container] } };
        var node = new Node { Allocatable = ValueMap.Of(("cpu", Quantity.Parse("6")), ("memory", Quantity.Parse("4Gi"))) };
        var (outPod, outContainer) = ResourceFieldResolver.DefaultPodLimitsForDownwardApi(pod, container, node, Profile.Default);
        foreach (var c in new[] { outPod.Spec.Containers[0], outContainer })
        {
            Assert.Equal(0, c.Resources.Limits["cpu"].CompareTo(Quantity.Parse(expectedCpu)));
            Assert.Equal(0, c.Resources.Limits["memory"].CompareTo(Quantity.Parse(expectedMemory)));
        }
    }

    [Theory]
    [InlineData(true, "2")]
    [InlineData(false, "6")]
    public void Pod_level_cpu_limit_replaces_allocatable_when_the_gate_is_on(bool gate, string expected)
    {
        var container = new Container { Name = "c" };
        var pod = new Pod
        {
            Spec = new PodSpec
            {
                Containers = [container],
                Resources = new ResourceRequirements { Limits = ValueMap.Of(("cpu", Quantity.Parse("2"))) },
            },
        };
        var node = new Node { Allocatable = ValueMap.Of(("cpu", Quantity.Parse("6"))) };
        var profile = Profile.Default with { Overrides = ValueMap.Of((FeatureGateNames.PodLevelResources, gate)) };
        Assert.True(ResourceFieldResolver.TryResolve(new ResourceFieldSelector { Resource = "limits.cpu" }, pod, container, node, profile, out string value, out _));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Host_ips_without_addresses_fail_with_the_kubelet_error()
    {
        Assert.False(FieldPathResolver.TryHostIPs(new Node(), out _, out var error));
        Assert.Equal("host IP unknown; known addresses: []", error!.Message);
    }
}
