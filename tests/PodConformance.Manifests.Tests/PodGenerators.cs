using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Tests;

/// <summary>
/// A small Pod generator for the writer/reader round trip. Strings include the ones YAML makes hard: numbers,
/// booleans, nulls, timestamps, colons, leading dashes, multi-line text and non-ASCII, so quoting is exercised.
/// </summary>
internal static class PodGenerators
{
    private static readonly string[] TrickyStrings =
    [
        "web", "nginx:1.25", "", "80", "yes", "no", "on", "null", "~", "true", "1e3", "0x1F", "0.5", "-1",
        "a: b", "#hash", " leading", "trailing ", "- dash", "[x]", "{y}", "'q'", "\"dq\"", "multi\nline",
        "multi\nline\n", "ünïcödé", "2025-01-31", "2025-01-31T10:00:00Z", "tab\there", "*star", "&amp", "!bang",
        "%pct", "@at", "`tick", "a,b", "?", "|", ">", "x y z",
    ];

    private static readonly string[] Quantities = ["100m", "1", "0.5", "128Mi", "1Gi", "2k", "1e3", "0", "250m", "64Mi"];

    private static Gen<string> Text => Gen.Elements(TrickyStrings);

    private static Gen<string> Name => Gen.Elements("web", "app", "sidecar", "init-1", "db", "x");

    private static Gen<ValueList<T>> ListOf<T>(Gen<T> item, int max) =>
        from n in Gen.Choose(0, max)
        from items in Gen.ArrayOf(item, n)
        select new ValueList<T>(items);

    private static Gen<ValueMap<T>> MapOf<T>(Gen<T> value) =>
        from keys in Gen.SubListOf("app", "version", "example.com/team", "a.b", "ab", "k8s-1", "k8s-10", "k2")
        from values in Gen.ArrayOf(value, keys.Count)
        select ValueMap.Create(keys.Select((k, i) => new KeyValuePair<string, T>(k, values[i])));

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(x => (T?)x)));

    private static Gen<T?> MaybeValue<T>(Gen<T> gen)
        where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(x => (T?)x)));

    private static Gen<Quantity> Quantity => Gen.Elements(Quantities).Select(q => Model.Quantities.Quantity.Parse(q));

    private static Gen<DateTimeOffset> Time =>
        Gen.Choose(0, 100_000_000).Select(s => new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(s));

    private static Gen<ResourceRequirements> Resources =>
        from limits in MapOf(Quantity)
        from requests in MapOf(Quantity)
        select new ResourceRequirements { Limits = limits, Requests = requests };

    private static Gen<EnvVar> Env =>
        from name in Text
        from value in Text
        from kind in Gen.Choose(0, 3)
        from key in Text
        from optional in MaybeValue(Gen.Elements(true, false))
        select kind switch
        {
            0 => new EnvVar { Name = name, Value = value },
            1 => new EnvVar { Name = name, ValueFrom = new EnvVarSource { ConfigMapKeyRef = new KeySelector { Name = value, Key = key, Optional = optional } } },
            2 => new EnvVar { Name = name, ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } } },
            _ => new EnvVar { Name = name, ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.cpu", Divisor = optional == true ? Model.Quantities.Quantity.Parse("1m") : null } } },
        };

    private static Gen<Probe> Probe =>
        from kind in Gen.Choose(0, 3)
        from port in Gen.Choose(1, 65535)
        from named in Gen.Elements(true, false)
        from command in ListOf(Text, 3)
        from period in Gen.Choose(0, 30)
        select new Probe
        {
            PeriodSeconds = period,
            Handler = kind switch
            {
                0 => new ProbeHandler { ExecCommand = command },
                1 => new ProbeHandler { HttpGet = new HttpGetAction { Path = "/healthz", Port = named ? IntOrString.FromString("http") : IntOrString.FromInt(port) } },
                2 => new ProbeHandler { TcpSocketPort = IntOrString.FromInt(port) },
                _ => new ProbeHandler { GrpcPort = port },
            },
        };

    private static Gen<Container> Container =>
        from name in Name
        from image in Text
        from command in ListOf(Text, 3)
        from args in ListOf(Text, 2)
        from ports in ListOf(Gen.Choose(1, 65535).Select(p => new ContainerPort { Port = p, Protocol = "TCP" }), 2)
        from env in ListOf(Env, 3)
        from resources in Resources
        from restart in Gen.Elements<string?>(null, "Always", "")
        from mounts in ListOf(Name.Select(n => new VolumeMount { Name = n, MountPath = "/data/" + n, ReadOnly = n.Length > 3 }), 2)
        from liveness in Maybe(Probe)
        from sleep in MaybeValue(Gen.Choose(0, 10).Select(s => (long)s))
        select new Container
        {
            Name = name,
            Image = image,
            Command = command,
            Args = args,
            Ports = ports,
            Env = env,
            Resources = resources,
            RestartPolicy = restart,
            VolumeMounts = mounts,
            LivenessProbe = liveness,
            Lifecycle = sleep is null ? null : new Lifecycle { PreStop = new ProbeHandler { SleepSeconds = sleep } },
        };

    private static Gen<Volume> Volume =>
        from name in Name
        from kind in Gen.Choose(0, 3)
        from size in MaybeValue(Quantity)
        select kind switch
        {
            0 => new Volume { Name = name, SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource { SizeLimit = size } },
            1 => new Volume { Name = name, SourceKind = "configMap", ConfigMap = new ObjectReference { Name = "cfg" } },
            2 => new Volume { Name = name, SourceKind = "secret", Secret = new ObjectReference { Name = "s", Optional = true } },
            _ => new Volume { Name = name, SourceKind = "hostPath", HostPath = new HostPathVolumeSource { Path = "/data/" + name } },
        };

    private static Gen<ContainerStatus> ContainerStatus =>
        from name in Name
        from ready in Gen.Elements(true, false)
        from restarts in Gen.Choose(0, 5)
        from started in Time
        from exit in Gen.Choose(0, 255)
        from which in Gen.Choose(0, 3)
        select new ContainerStatus
        {
            Name = name,
            Ready = ready,
            RestartCount = restarts,
            Image = "nginx:1.25",
            Started = ready ? true : null,
            State = which switch
            {
                0 => new ContainerState { Waiting = new ContainerStateWaiting { Reason = "CrashLoopBackOff", Message = "back-off 10s" } },
                1 => new ContainerState { Running = new ContainerStateRunning { StartedAt = started } },
                2 => new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = exit, Reason = "Error", StartedAt = started, FinishedAt = started.AddSeconds(5) } },
                _ => new ContainerState(),
            },
        };

    private static Gen<PodStatus> Status =>
        from phase in Gen.Elements("Pending", "Running", "Succeeded", "Failed", "")
        from conditions in ListOf(
            from type in Gen.Elements("Ready", "PodScheduled", "Initialized")
            from status in Gen.Elements("True", "False")
            from at in MaybeValue(Time)
            select new PodCondition { Type = type, Status = status, LastTransitionTime = at },
            3)
        from statuses in ListOf(ContainerStatus, 2)
        from ip in Gen.Elements("", "10.1.0.15")
        from start in MaybeValue(Time)
        from qos in Gen.Elements("", "Guaranteed", "Burstable", "BestEffort")
        select new PodStatus
        {
            Phase = phase,
            Conditions = conditions,
            ContainerStatuses = statuses,
            PodIP = ip,
            PodIPs = ip.Length == 0 ? default : ValueList.Of(ip),
            StartTime = start,
            QosClass = qos,
        };

    public static Gen<Pod> Pod =>
        from name in Text
        from ns in Gen.Elements("", "default", "prod")
        from labels in MapOf(Text)
        from annotations in MapOf(Text)
        from created in MaybeValue(Time)
        from init in ListOf(Container, 2)
        from containers in ListOf(Container, 3)
        from volumes in ListOf(Volume, 2)
        from restart in Gen.Elements("", "Always", "OnFailure", "Never")
        from grace in MaybeValue(Gen.Choose(0, 60).Select(g => (long)g))
        from priority in MaybeValue(Gen.Choose(-10, 1000))
        from podResources in Maybe(Resources)
        from tolerations in ListOf(Gen.Elements(
            new Toleration { Key = "node.kubernetes.io/not-ready", Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 300 },
            new Toleration { Operator = "Exists" }), 2)
        from status in Maybe(Status)
        select new Pod
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = labels, Annotations = annotations, CreationTimestamp = created },
            Spec = new PodSpec
            {
                InitContainers = init,
                Containers = containers,
                Volumes = volumes,
                RestartPolicy = restart,
                TerminationGracePeriodSeconds = grace,
                Priority = priority,
                Resources = podResources,
                Tolerations = tolerations,
                NodeSelector = labels,
            },
            Status = status,
        };
}
