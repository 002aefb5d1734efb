using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>
/// The catalogue of invalid variants: each mutation takes a valid pod and breaks exactly one rule (other rules may
/// fire as a consequence, e.g. a duplicated container with host ports also conflicts on them).
/// </summary>
public static class PodMutations
{
    private static readonly Func<Profile, bool> Always = _ => true;

    private static Container First(Pod pod) => pod.Spec.Containers[0];

    private static Pod WithFirst(Pod pod, Func<Container, Container> change) =>
        pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(0, change(First(pod))) } };

    private static Gen<Pod> Pick<T>(Pod pod, T[] choices, Func<Pod, T, Pod> apply) => Gen.Elements(choices).Select(c => apply(pod, c));

    private static ResourceRequirements Resources(params (string Key, string Value)[] both) => new()
    {
        Requests = ValueMap.Of(both.Select(b => (b.Key, Quantity.Parse(b.Value))).ToArray()),
        Limits = ValueMap.Of(both.Select(b => (b.Key, Quantity.Parse(b.Value))).ToArray()),
    };

    public static PodMutation RequestAboveLimit { get; } = new("request-above-limit", ValidationRules.RequestsWithinLimits,
        pod => ResourceGen.RequestAboveLimit.Select(r => WithFirst(pod, c => c with { Resources = r })), Always);

    public static PodMutation DuplicateContainerName { get; } = new("duplicate-container-name", ValidationRules.ContainerNameUnique,
        pod => Gen.Constant(pod.Spec.Containers.Count >= 2
            ? pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(1, pod.Spec.Containers[1] with { Name = First(pod).Name }) } }
            : pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.Add(First(pod) with { Ports = default }) } }),
        Always);

    public static PodMutation InitNameClash { get; } = new("init-name-clashes-with-container", ValidationRules.ContainerNameUnique,
        pod => Gen.Constant(pod with { Spec = pod.Spec with { InitContainers = pod.Spec.InitContainers.Add(First(pod) with { Ports = default, RestartPolicy = null }) } }),
        Always);

    public static PodMutation BadContainerName { get; } = new("bad-container-name", ValidationRules.ContainerName,
        pod => Pick(pod, ["Bad_Name", "UPPER", "-lead", "trail-", "", new string('a', 64), "under_score"], (p, n) => WithFirst(p, c => c with { Name = n })),
        Always);

    public static PodMutation DottedContainerName { get; } = new("dotted-container-name", ValidationRules.ContainerNameDots,
        pod => Pick(pod, ["app.v1", "a.b.c"], (p, n) => WithFirst(p, c => c with { Name = n })),
        profile => profile.Version >= NameRules.DnsLabelDotsMessageSince);

    public static PodMutation BadPort { get; } = new("bad-port", ValidationRules.PortNumbersAndProtocol,
        pod => Pick(pod, [(0, "TCP"), (-1, "TCP"), (65536, "TCP"), (70000, ""), (80, "HTTP"), (80, "tcp")],
            (p, x) => WithFirst(p, c => c with { Ports = c.Ports.Add(new ContainerPort { Name = "", Port = x.Item1, Protocol = x.Item2 }) })),
        Always);

    public static PodMutation BadPortName { get; } = new("bad-port-name", ValidationRules.PortName,
        pod => Pick(pod, ["-http", "HTTP", "http--alt", "a-very-long-port-name", "1234", "http_alt"],
            (p, n) => WithFirst(p, c => c with { Ports = c.Ports.Add(new ContainerPort { Name = n, Port = 8081 }) })),
        Always);

    public static PodMutation HostPortConflict { get; } = new("host-port-conflict", ValidationRules.HostPortConflicts,
        pod => Gen.Constant(WithFirst(pod, c => c with
        {
            Ports = c.Ports.Add(new ContainerPort { Port = 80, HostPort = 8080 }).Add(new ContainerPort { Port = 81, HostPort = 8080 }),
        })),
        Always);

    public static PodMutation BadRestartPolicy { get; } = new("bad-restart-policy", ValidationRules.PodPolicies,
        pod => Pick(pod, ["Sometimes", "always", "never"], (p, r) => p with { Spec = p.Spec with { RestartPolicy = r } }), Always);

    public static PodMutation BadDnsPolicy { get; } = new("bad-dns-policy", ValidationRules.PodPolicies,
        pod => Pick(pod, ["Cluster", "clusterfirst"], (p, d) => p with { Spec = p.Spec with { DnsPolicy = d } }), Always);

    public static PodMutation BadEnvName { get; } = new("bad-env-name", ValidationRules.EnvName,
        pod => Pick(pod, ["A=B", "=", "", "KEY="], (p, n) => WithFirst(p, c => c with { Env = c.Env.Add(new EnvVar { Name = n, Value = "x" }) })),
        Always);

    public static PodMutation EmptyValueFrom { get; } = new("empty-value-from", ValidationRules.EnvValueFrom,
        pod => Gen.Constant(WithFirst(pod, c => c with { Env = c.Env.Add(new EnvVar { Name = "FROM", ValueFrom = new EnvVarSource() }) })),
        Always);

    public static PodMutation NoContainers { get; } = new("no-containers", ValidationRules.AtLeastOneContainer,
        pod => Gen.Constant(pod with { Spec = pod.Spec with { Containers = default } }), Always);

    public static PodMutation BadImage { get; } = new("bad-image", ValidationRules.Image,
        pod => Pick(pod, ["", " nginx", "nginx "], (p, i) => WithFirst(p, c => c with { Image = i })), Always);

    public static PodMutation BadImagePullPolicy { get; } = new("bad-image-pull-policy", ValidationRules.ContainerPolicies,
        pod => Pick(pod, ["Sometimes", "always"], (p, i) => WithFirst(p, c => c with { ImagePullPolicy = i })), Always);

    public static PodMutation NegativeQuantity { get; } = new("negative-quantity", ValidationRules.ResourceQuantities,
        pod => Pick(pod, [("cpu", "-100m"), ("memory", "-1Mi"), ("example.com/gpu", "500m")],
            (p, r) => WithFirst(p, c => c with { Resources = Resources((r.Item1, r.Item2)) })),
        Always);

    public static PodMutation BadResourceName { get; } = new("bad-resource-name", ValidationRules.ResourceNames,
        pod => Pick(pod, ["gpu", "storage", "pods", "example.com/Bad_Name!"], (p, n) => WithFirst(p, c => c with { Resources = Resources((n, "1")) })),
        Always);

    public static PodMutation ExtendedRequestNotLimit { get; } = new("extended-request-not-limit", ValidationRules.NonOvercommittable,
        pod => Pick(pod, [true, false], (p, withLimit) => WithFirst(p, c => c with
        {
            Resources = new ResourceRequirements
            {
                Requests = ValueMap.Of(("example.com/gpu", Quantity.Parse("1"))),
                Limits = withLimit ? ValueMap.Of(("example.com/gpu", Quantity.Parse("2"))) : default,
            },
        })),
        Always);

    public static PodMutation HugePagesNotMultiple { get; } = new("hugepages-not-multiple", ValidationRules.HugePages,
        pod => Pick(pod, [("hugepages-2Mi", "3Mi"), ("hugepages-1Gi", "1536Mi")],
            (p, h) => WithFirst(p, c => c with { Resources = Resources(("cpu", "1"), (h.Item1, h.Item2)) })),
        Always);

    public static PodMutation EphemeralOnCreate { get; } = new("ephemeral-container-on-create", ValidationRules.EphemeralContainers,
        pod => Gen.Constant(pod with { Spec = pod.Spec with { EphemeralContainers = [new Container { Name = "debugger", Image = "busybox" }] } }),
        Always);

    public static PodMutation InitContainerProbe { get; } = new("init-container-probe", ValidationRules.InitProbesAndLifecycle,
        pod => Gen.Constant(pod with
        {
            Spec = pod.Spec with
            {
                InitContainers = pod.Spec.InitContainers.Add(new Container
                {
                    Name = "probed-init",
                    Image = "busybox",
                    LivenessProbe = new Probe { Handler = new ProbeHandler { ExecCommand = ValueList.Of("true") } },
                }),
            },
        }),
        Always);

    public static PodMutation BadInitRestartPolicy { get; } = new("bad-init-restart-policy", ValidationRules.ContainerRestartPolicy,
        pod => Gen.Constant(pod with
        {
            Spec = pod.Spec with { InitContainers = pod.Spec.InitContainers.Add(new Container { Name = "odd-init", Image = "busybox", RestartPolicy = "Sometimes" }) },
        }),
        profile => profile.IsEnabled(FeatureGateNames.SidecarContainers));

    public static PodMutation RegularContainerRestartPolicy { get; } = new("regular-container-restart-policy", ValidationRules.RegularContainerRestartPolicy,
        pod => Gen.Constant(WithFirst(pod, c => c with { RestartPolicy = "Always" })),
        profile => !profile.IsEnabled(FeatureGateNames.ContainerRestartRules));

    public static PodMutation BadPodName { get; } = new("bad-pod-name", ValidationRules.ObjectMeta,
        pod => Pick(pod, ["", "Bad_Pod", "-pod"], (p, n) => p with { Metadata = p.Metadata with { Name = n } }), Always);

    public static PodMutation NonPositiveActiveDeadline { get; } = new("non-positive-active-deadline", ValidationRules.PodSpecFields,
        pod => Pick(pod, [0L, -1L], (p, s) => p with { Spec = p.Spec with { ActiveDeadlineSeconds = s } }), Always);

    /// <summary>Every mutation, in a fixed order (determinism: generators pick from it by index).</summary>
    public static IReadOnlyList<PodMutation> All { get; } =
    [
        RequestAboveLimit, DuplicateContainerName, InitNameClash, BadContainerName, DottedContainerName, BadPort, BadPortName,
        HostPortConflict, BadRestartPolicy, BadDnsPolicy, BadEnvName, EmptyValueFrom, NoContainers, BadImage, BadImagePullPolicy,
        NegativeQuantity, BadResourceName, ExtendedRequestNotLimit, HugePagesNotMultiple, EphemeralOnCreate, InitContainerProbe,
        BadInitRestartPolicy, RegularContainerRestartPolicy, BadPodName, NonPositiveActiveDeadline,
        .. SecurityMutations.All,
        .. ContainerMutations.All,
        .. PlacementMutations.All,
        .. VolumeMutations.All,
        .. NewFieldMutations.All,
        .. ProbeMutations.All,
        .. OverheadMutations.All,
        .. FileKeyRefMutations.All,
        .. GatedFieldMutations.All,
        .. EphemeralContainerMutations.All,
        .. PodLevelResourceMutations.All,
    ];

    /// <summary>The rule IDs the catalogue covers.</summary>
    public static IReadOnlyList<string> Rules { get; } = All.Select(m => m.Rule).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The mutation with this name.</summary>
    public static PodMutation Named(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal)) ?? throw new ArgumentException("unknown mutation " + name, nameof(name));
}
