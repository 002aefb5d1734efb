using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Describe;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Describe;

/// <summary>
/// Container sections, from kubectl <c>pkg/describe/describe_test.go</c> (kubernetes/kubectl v0.37.0-beta.0,
/// 73d1fa00ef97ad19b0554986ba72d0ae39501bdd): TestDescribeContainers (elements of the prefix writer's unaligned
/// stream, as upstream reads it), TestDescribeContainerPorts, TestDescribeResources, TestPrintLabelsMultiline.
/// </summary>
public class DescribeContainersTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static string Containers(Container c, ContainerStatus? status, Profile? kubectl = null)
    {
        var pod = new Pod
        {
            Spec = new PodSpec { Containers = ValueList.Of(c) },
            Status = new PodStatus { ContainerStatuses = status is null ? default : ValueList.Of(status) },
        };
        var w = new DescribeWriter();
        DescribeContainers.Write(w, "Containers", pod.Spec.Containers, pod.Status.ContainerStatuses, new DescribeContainerEnv(pod), kubectl ?? Profile.Default);
        return w.Unaligned;
    }

    private static readonly Container Test = new() { Name = "test", Image = "image" };

    private static ContainerStatus Status(ContainerState? state = null, ContainerState? last = null) =>
        new() { Name = "test", State = state ?? new ContainerState(), LastState = last ?? new ContainerState(), Ready = true, RestartCount = 7 };

    public static TheoryData<string, Container, ContainerStatus?, string[]> Cases => new()
    {
        { "running", Test, Status(new ContainerState { Running = new ContainerStateRunning { StartedAt = Now } }), ["test", "State", "Running", "Ready", "True", "Restart Count", "7", "Image", "image", "Started"] },
        { "waiting", Test, Status(new ContainerState { Waiting = new ContainerStateWaiting { Reason = "potato" } }), ["test", "State", "Waiting", "Ready", "True", "Restart Count", "7", "Image", "image", "Reason", "potato"] },
        { "terminated", Test, Status(new ContainerState { Terminated = new ContainerStateTerminated { StartedAt = Now, FinishedAt = Now, Reason = "potato", ExitCode = 2 } }), ["test", "State", "Terminated", "Ready", "True", "Restart Count", "7", "Image", "image", "Reason", "potato", "Started", "Finished", "Exit Code", "2"] },
        { "last terminated", Test, Status(new ContainerState { Running = new ContainerStateRunning { StartedAt = Now } }, new ContainerState { Terminated = new ContainerStateTerminated { StartedAt = Now.AddSeconds(3), FinishedAt = Now, Reason = "crashing", ExitCode = 3 } }), ["test", "State", "Terminated", "Ready", "True", "Restart Count", "7", "Image", "image", "Started", "Finished", "Exit Code", "2", "crashing", "3"] },
        { "no state", Test, Status(), ["test", "State", "Waiting", "Ready", "True", "Restart Count", "7", "Image", "image"] },
        { "envFrom configMap", Test with { Env = Env, EnvFrom = ValueList.Of(new EnvFromSource { ConfigMapRef = new ObjectReference { Name = "a123" } }) }, Status(), ["envname", "xyz", "a123\tConfigMap\tOptional: false"] },
        { "envFrom configMap prefix", Test with { Env = Env, EnvFrom = ValueList.Of(new EnvFromSource { Prefix = "p_", ConfigMapRef = new ObjectReference { Name = "a123" } }) }, Status(), ["envname", "xyz", "a123\tConfigMap with prefix 'p_'\tOptional: false"] },
        { "envFrom configMap optional", Test with { Env = Env, EnvFrom = ValueList.Of(new EnvFromSource { ConfigMapRef = new ObjectReference { Name = "a123", Optional = true } }) }, Status(), ["envname", "xyz", "a123\tConfigMap\tOptional: true"] },
        { "envFrom secret optional", Test with { Env = Env, EnvFrom = ValueList.Of(new EnvFromSource { SecretRef = new ObjectReference { Name = "a123", Optional = true } }) }, Status(), ["envname", "xyz", "a123\tSecret\tOptional: true"] },
        { "envFrom secret prefix", Test with { Env = Env, EnvFrom = ValueList.Of(new EnvFromSource { Prefix = "p_", SecretRef = new ObjectReference { Name = "a123" } }) }, Status(), ["envname", "xyz", "a123\tSecret with prefix 'p_'\tOptional: false"] },
        { "command", Test with { Command = ValueList.Of("sleep", "1000") }, Status(), ["sleep", "1000"] },
        { "command with newline", Test with { Command = ValueList.Of("sleep", "1000\n2000") }, Status(), ["1000\n      2000"] },
        { "args", Test with { Args = ValueList.Of("time", "1000") }, Status(), ["time", "1000"] },
        { "args with newline", Test with { Args = ValueList.Of("time", "1000\n2000") }, Status(), ["1000\n      2000"] },
        { "limits", Test with { Resources = new ResourceRequirements { Limits = Resources } }, Status(), ["cpu", "1k", "memory", "4G", "storage", "20G"] },
        { "requests", Test with { Resources = new ResourceRequirements { Requests = Resources } }, null, ["cpu", "1k", "memory", "4G", "storage", "20G"] },
        { "mount rw", Test with { VolumeMounts = ValueList.Of(new VolumeMount { Name = "mounted-volume", MountPath = "/opt/" }) }, null, ["mounted-volume", "/opt/", "(rw)"] },
        { "mount ro", Test with { VolumeMounts = ValueList.Of(new VolumeMount { Name = "mounted-volume", MountPath = "/opt/", ReadOnly = true }) }, null, ["Mounts", "mounted-volume", "/opt/", "(ro)"] },
        { "mount subPath", Test with { VolumeMounts = ValueList.Of(new VolumeMount { Name = "mounted-volume", MountPath = "/opt/", SubPath = "foo" }) }, null, ["Mounts", "mounted-volume", "/opt/", "(rw,path=\"foo\")"] },
        { "devices", Test with { VolumeDevices = ValueList.Of(new VolumeDevice { Name = "volume-device", DevicePath = "/dev/xvda" }) }, null, ["Devices", "volume-device", "/dev/xvda"] },
    };

    private static ValueList<EnvVar> Env => ValueList.Of(new EnvVar { Name = "envname", Value = "xyz" });

    private static ValueMap<Quantity> Resources => ValueMap.Of(("cpu", Quantity.Parse("1000")), ("memory", Quantity.Parse("4G")), ("storage", Quantity.Parse("20G")));

    [Theory]
    [MemberData(nameof(Cases))]
    public void TestDescribeContainers_elements_appear(string name, Container container, ContainerStatus? status, string[] expected)
    {
        string output = Containers(container, status);
        foreach (string e in expected)
        {
            Assert.True(output.Contains(e, StringComparison.Ordinal), name + ": expected " + e + " in\n" + output);
        }
    }

    [Fact]
    public void A_state_prints_the_tutorials_Last_State_lines_exactly()
    {
        var status = Status(
            new ContainerState { Running = new ContainerStateRunning { StartedAt = new DateTimeOffset(2025, 1, 31, 10, 8, 20, TimeSpan.Zero) } },
            new ContainerState { Terminated = new ContainerStateTerminated { Reason = "Error", ExitCode = 1, StartedAt = new DateTimeOffset(2025, 1, 31, 10, 0, 19, TimeSpan.Zero), FinishedAt = new DateTimeOffset(2025, 1, 31, 10, 8, 0, TimeSpan.Zero) } });
        string raw = Containers(Test, status);
        Assert.Contains("    Last State:\tTerminated\n      Reason:\tError\n      Exit Code:\t1\n      Started:\tFri, 31 Jan 2025 10:00:19 +0000\n      Finished:\tFri, 31 Jan 2025 10:08:00 +0000\n", raw, StringComparison.Ordinal);
        string aligned = Model.Events.GoTabWriter.Format(raw);
        Assert.Contains("    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    1\n", aligned, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no ports", "", "")]
    [InlineData("web:8080:8080", "8080/TCP (web)", "8080/TCP (web)")]
    [InlineData(":8080:8080", "8080/TCP", "8080/TCP")]
    [InlineData("controller:9093:9093,:9092:0,interbroker:9094:9094", "9093/TCP (controller), 9092/TCP, 9094/TCP (interbroker)", "9093/TCP (controller), 0/TCP, 9094/TCP (interbroker)")]
    [InlineData("controller:9093:9093,client:9092:9092,interbroker:9094:9094", "9093/TCP (controller), 9092/TCP (client), 9094/TCP (interbroker)", "9093/TCP (controller), 9092/TCP (client), 9094/TCP (interbroker)")]
    public void TestDescribeContainerPorts(string ports, string container, string host)
    {
        var list = ports == "no ports" ? default : ports.Split(',').Select(p => p.Split(':')).Select(p => new ContainerPort
        {
            Name = p[0],
            Port = int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture),
            HostPort = int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture),
            Protocol = "TCP",
        }).ToValueList();
        Assert.Equal(container, DescribeContainers.Ports(list, host: false, named: true));
        Assert.Equal(host, DescribeContainers.Ports(list, host: true, named: true));
        // Before kubectl 1.34 (describe.go v0.33.0, blob e1a7b136) a port's name was not printed.
        Assert.DoesNotContain("(", DescribeContainers.Ports(list, host: false, named: false), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, "")]
    [InlineData(true, true, "cpu=2 memory=2 Requests=1 Limits=1 1k=2 100Mi=2")]
    [InlineData(false, true, "cpu=1 memory=1 Limits=1 1k=1 100Mi=1")]
    [InlineData(true, false, "cpu=1 memory=1 Requests=1 1k=1 100Mi=1")]
    public void TestDescribeResources(bool requests, bool limits, string counts)
    {
        var list = ValueMap.Of(("cpu", Quantity.Parse("1000")), ("memory", Quantity.Parse("100Mi")));
        var w = new DescribeWriter();
        DescribeContainers.WriteResources(w, new ResourceRequirements { Requests = requests ? list : default, Limits = limits ? list : default }, DescribeWriter.Level1);
        string output = w.Unaligned;
        if (counts.Length == 0)
        {
            Assert.Equal("", output);
            return;
        }

        foreach (string pair in counts.Split(' '))
        {
            string[] kv = pair.Split('=');
            int count = (output.Length - output.Replace(kv[0], "", StringComparison.Ordinal).Length) / kv[0].Length;
            Assert.Equal(int.Parse(kv[1], System.Globalization.CultureInfo.InvariantCulture), count);
        }
    }

    [Theory]
    [InlineData("col1=asd;COL2=zxc", "Annotations:\tCOL2: zxc\n\tcol1: asd\n")]
    [InlineData("MaxLenAnnotation=A122", "Annotations:\tMaxLenAnnotation: A122\n")]
    [InlineData("MaxLenAnnotation=A122+1", "Annotations:\tMaxLenAnnotation:\n\t  A122+1\n")]
    [InlineData("MaxLenAnnotation=A244", "Annotations:\tMaxLenAnnotation:\n\t  A138...\n")]
    [InlineData("key=value\nwith\nnewlines\n", "Annotations:\tkey:\n\t  value\n\t  with\n\t  newlines\n")]
    [InlineData("", "Annotations:\t<none>\n")]
    public void TestPrintLabelsMultiline(string annotations, string expected)
    {
        // "A122" is 122 a's: maxAnnotationLen (140) - len("MaxLenAnnotation") - 2, the longest value kept on the key's line.
        static string Expand(string s) => s.Replace("A122+1", new string('a', 122) + "1", StringComparison.Ordinal)
            .Replace("A122", new string('a', 122), StringComparison.Ordinal).Replace("A244", new string('a', 244), StringComparison.Ordinal)
            .Replace("A138", new string('a', 138), StringComparison.Ordinal);
        var map = annotations.Length == 0 ? default : ValueMap.Of(Expand(annotations).Split(';').Select(p => (p[..p.IndexOf('=', StringComparison.Ordinal)], p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..])).ToArray());
        var w = new DescribeWriter();
        DescribeMultiline.Annotations(w, "Annotations", map, "kubectl.kubernetes.io/last-applied-configuration");
        Assert.Equal(Expand(expected), w.Unaligned);
    }

    /// <summary>
    /// DESC-025, from describe.go's DescribeProbe: the attribute names changed in v0.37.0-beta.0 (blob 761771d2); v0.36.0
    /// (blob 6b586a86) prints #success/#failure.
    /// </summary>
    [Theory]
    [InlineData("http", 37, "http-get http://:8080/healthz delay=5s timeout=1s period=10s successThreshold=1 failureThreshold=3")]
    [InlineData("http", 36, "http-get http://:8080/healthz delay=5s timeout=1s period=10s #success=1 #failure=3")]
    [InlineData("https-host", 37, "http-get https://[::1]:web/a%20b%3F delay=5s timeout=1s period=10s successThreshold=1 failureThreshold=3")]
    [InlineData("exec", 37, "exec [cat /tmp/healthy] delay=5s timeout=1s period=10s successThreshold=1 failureThreshold=3")]
    [InlineData("tcp", 36, "tcp-socket :5432 delay=5s timeout=1s period=10s #success=1 #failure=3")]
    [InlineData("grpc", 37, "grpc <pod>:9090  delay=5s timeout=1s period=10s successThreshold=1 failureThreshold=3")]
    public void Probes_describe_their_action_and_timing(string kind, int minor, string expected)
    {
        var handler = kind switch
        {
            "http" => new ProbeHandler { HttpGet = new HttpGetAction { Path = "/healthz", Port = IntOrString.FromInt(8080), Scheme = "HTTP" } },
            "https-host" => new ProbeHandler { HttpGet = new HttpGetAction { Path = "/a b?", Port = IntOrString.FromString("web"), Host = "::1", Scheme = "HTTPS" } },
            "exec" => new ProbeHandler { ExecCommand = ValueList.Of("cat", "/tmp/healthy") },
            "tcp" => new ProbeHandler { TcpSocketPort = IntOrString.FromInt(5432) },
            _ => new ProbeHandler { GrpcPort = 9090 },
        };
        var probe = new Probe { Handler = handler, InitialDelaySeconds = 5, TimeoutSeconds = 1, PeriodSeconds = 10, SuccessThreshold = 1, FailureThreshold = 3 };
        Assert.Equal(expected, DescribeProbe.Describe(probe, Profile.For(new KubernetesVersion(1, minor))));
    }

    [Fact]
    public void Env_sources_print_where_the_value_comes_from()
    {
        var c = Test with
        {
            Resources = new ResourceRequirements { Requests = ValueMap.Of(("cpu", Quantity.Parse("250m"))) },
            Env = ValueList.Of(
                new EnvVar { Name = "POD_NAME", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.name" } } },
                new EnvVar { Name = "NODE", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "spec.nodeName" } } },
                new EnvVar { Name = "CPU", ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "requests.cpu", Divisor = Quantity.Parse("100m") } } },
                new EnvVar { Name = "LIMIT", ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.memory" } } },
                new EnvVar { Name = "PW", ValueFrom = new EnvVarSource { SecretKeyRef = new KeySelector { Name = "db", Key = "password" } } },
                new EnvVar { Name = "URL", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new KeySelector { Name = "cfg", Key = "url", Optional = true } } },
                new EnvVar { Name = "MULTI", Value = "a\nb" }),
        };
        var pod = new Pod { Metadata = new ObjectMeta { Name = "web-0" }, Spec = new PodSpec { Containers = ValueList.Of(c) } };
        var w = new DescribeWriter();
        new DescribeContainerEnv(pod).WriteEnv(w, c);
        Assert.Equal(
            "    Environment:\n" +
            "      POD_NAME:\tweb-0 (v1:metadata.name)\n" +
            "      NODE:\t (v1:spec.nodeName)\n" +
            "      CPU:\t3 (requests.cpu)\n" +
            "      LIMIT:\tnode allocatable (limits.memory)\n" +
            "      PW:\t<set to the key 'password' in secret 'db'>\tOptional: false\n" +
            "      URL:\t<set to the key 'url' of config map 'cfg'>\tOptional: true\n" +
            "      MULTI:\ta\n" +
            "      \tb\n", w.Unaligned);
    }
}
