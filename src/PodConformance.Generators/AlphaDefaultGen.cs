using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Generators;

/// <summary>
/// Pods for the defaults SetDefaults_Pod adds only with an alpha gate on, which the run's profile leaves off: DEF-021
/// (<c>httpGet.protocol: HTTP1</c>, H2CContainerProbe, alpha at 1.37) and DEF-026 (resize policies, InPlacePodVerticalScaling,
/// alpha 1.28–1.32). Such a case turns the gate on as its own (<see cref="GateSwitch.On"/>, the mechanism of
/// <see cref="EnvGen.GatedCaseFor"/>): only the model and process adapters perform it, a real target answers "not performed"
/// (its own configuration decides its gates). Without these cases the default run never reaches the two rules (session 16:
/// they were documented coverage gaps).
/// </summary>
public static class AlphaDefaultGen
{
    private static readonly KubernetesVersion V128 = new(1, 28);
    private static readonly KubernetesVersion V132 = new(1, 32);
    private static readonly KubernetesVersion V137 = new(1, 37);

    /// <summary>
    /// The gates, the releases where their default exists (DEF-021: the field is 1.37's; DEF-026: 1.33's defaults.go has no
    /// such step), and what a pod needs for the default to be written (a pod drawn with the gate on need not have it).
    /// </summary>
    private static readonly (string Gate, KubernetesVersion Since, KubernetesVersion Until, Func<Pod, Pod> Ensure)[] Entries =
    [
        (FeatureGateNames.H2CContainerProbe, V137, V137, WithHttpGet),
        (FeatureGateNames.InPlacePodVerticalScaling, V128, V132, WithRequests),
    ];

    /// <summary>The port and path of the readiness probe given to a pod with no <c>httpGet</c> lacking a protocol.</summary>
    private const int ProbePort = 8080;

    /// <summary>
    /// The entries of <paramref name="profile"/>'s release whose gate is alpha there and may be turned on by the case
    /// (<see cref="GateSwitch.On"/>), with those overrides; empty where none (the caller then keeps its generator as it is).
    /// </summary>
    public static IReadOnlyList<(string Gate, ValueMap<bool> Gates)> For(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var result = new List<(string, ValueMap<bool>)>();
        foreach (var (gate, since, until, _) in Entries)
        {
            if (profile.Version >= since && profile.Version <= until
                && FeatureGateCatalog.Find(gate)?.StageAt(profile.Version) is { Stage: FeatureStage.Alpha }
                && GateSwitch.On(profile, gate) is { } on)
            {
                result.Add((gate, on));
            }
        }

        return result;
    }

    /// <summary>
    /// One of <see cref="For"/>'s gates, evenly, and a pod of <paramref name="pods"/> drawn under the profile with that gate on,
    /// made to need the gate's default (<see cref="WithHttpGet"/>, <see cref="WithRequests"/>). Call only where <see cref="For"/>
    /// is not empty.
    /// </summary>
    public static Gen<GatedPod> Case(Profile profile, Func<Profile, Gen<Pod>> pods)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(pods);
        var applicable = For(profile);
        if (applicable.Count == 0)
        {
            throw new ArgumentException("no alpha gate with a default can be turned on at " + profile.Version, nameof(profile));
        }

        var gens = new Gen<GatedPod>[applicable.Count];
        for (int i = 0; i < applicable.Count; i++)
        {
            var (gate, on) = applicable[i];
            var ensure = Array.Find(Entries, e => e.Gate == gate).Ensure;
            gens[i] = pods(GateSwitch.Apply(profile, on)).Select(p => new GatedPod(ensure(p), on));
        }

        return gens.Length == 1 ? gens[0] : Gen.OneOf(gens);
    }

    /// <summary>
    /// DEF-021 writes a protocol only into an <c>httpGet</c> without one: where no probe or hook of the pod has such an
    /// <c>httpGet</c>, the first container's readiness probe becomes one (its handler replaced, its timings kept) or, where it has
    /// none, gets one. A readiness probe may have any handler and timings, so the pod stays valid.
    /// </summary>
    public static Pod WithHttpGet(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Spec.Containers.IsEmpty || AnyContainer(pod, HasHttpGetWithoutProtocol))
        {
            return pod;
        }

        var first = pod.Spec.Containers[0];
        var handler = new ProbeHandler { HttpGet = new HttpGetAction { Path = "/ready", Port = IntOrString.FromInt(ProbePort) } };
        var probe = first.ReadinessProbe is { } given ? given with { Handler = handler } : new Probe { Handler = handler };
        return pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(0, first with { ReadinessProbe = probe }) } };
    }

    /// <summary>
    /// DEF-026 gives resize policies only to a regular container whose requests (or limits, copied to requests by DEF-001) name
    /// cpu or memory: where none has, the first container requests a little of both. Not where the pod sets pod-level
    /// resources, which must cover the containers' requests (VAL-037); such a pod is left as drawn.
    /// </summary>
    public static Pod WithRequests(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Spec.Containers.IsEmpty || pod.Spec.Resources is not null || pod.Spec.Containers.Any(NamesCpuOrMemory))
        {
            return pod;
        }

        var first = pod.Spec.Containers[0];
        var requests = first.Resources.Requests.SetItem("cpu", Quantity.Parse("100m")).SetItem("memory", Quantity.Parse("64Mi"));
        return pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(0, first with { Resources = first.Resources with { Requests = requests } }) } };
    }

    private static bool NamesCpuOrMemory(Container c) =>
        c.Resources.Requests.ContainsKey("cpu") || c.Resources.Requests.ContainsKey("memory")
        || c.Resources.Limits.ContainsKey("cpu") || c.Resources.Limits.ContainsKey("memory");

    private static bool HasHttpGetWithoutProtocol(Container c) =>
        Lacks(c.LivenessProbe?.Handler) || Lacks(c.ReadinessProbe?.Handler) || Lacks(c.StartupProbe?.Handler)
        || Lacks(c.Lifecycle?.PostStart) || Lacks(c.Lifecycle?.PreStop);

    private static bool Lacks(ProbeHandler? h) => h?.HttpGet is { Protocol: null };

    private static bool AnyContainer(Pod pod, Func<Container, bool> test) =>
        pod.Spec.InitContainers.Any(test) || pod.Spec.Containers.Any(test) || pod.Spec.EphemeralContainers.Any(test);
}
