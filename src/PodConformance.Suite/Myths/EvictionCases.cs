using FsCheck;
using PodConformance.Generators;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Reports;

namespace PodConformance.Suite.Myths;

/// <summary>
/// Node-pressure episodes for the eviction-order myth, decided exactly as <c>podconf evict</c> decides them: the pods
/// defaulted as the API server stores them (a pod with only a memory limit gets that limit as its request, DEF-001),
/// then the kubelet's eviction loop; the QoS class as <c>podconf qos</c> computes it on the same defaulted pods.
/// </summary>
internal static class EvictionCases
{
    public static Gen<PressureCase> Cases => EvictionGen.Case;

    public static IEnumerable<PressureCase> Shrink(PressureCase c) => EvictionShrinker.Shrink(c);

    private static List<Pod> Defaulted(PressureCase c, Profile profile) => [.. c.Pods.Select(p => PodDefaulter.Apply(p, profile))];

    private static NodePressureResult Evict(PressureCase c, Profile profile) => NodePressureSimulator.Run(Defaulted(c, profile), c.Scenario, profile);

    private static int ClassOrder(string qosClass) => qosClass switch
    {
        "BestEffort" => 0,
        "Burstable" => 1,
        _ => 2,
    };

    /// <summary>
    /// The claim over an eviction order: whenever a pod is evicted, no pod of a lower class is still running (critical
    /// pods, which are never evicted, aside).
    /// </summary>
    public static bool ClaimHolds(IReadOnlyList<string> order, IReadOnlyDictionary<string, string> classes, IReadOnlyCollection<string> critical)
    {
        var running = classes.Keys.Where(name => !critical.Contains(name)).ToHashSet(StringComparer.Ordinal);
        foreach (string evicted in order)
        {
            int cls = ClassOrder(classes[evicted]);
            if (running.Any(other => other != evicted && ClassOrder(classes[other]) < cls))
            {
                return false;
            }

            running.Remove(evicted);
        }

        return true;
    }

    private static Dictionary<string, string> Classes(IEnumerable<Pod> defaulted, Profile profile) =>
        defaulted.ToDictionary(p => p.Metadata.Name, p => QosCalculator.GetPodQos(p, profile).ToApiString(), StringComparer.Ordinal);

    public static bool EvictedByClass(PressureCase c, Profile profile)
    {
        var pods = Defaulted(c, profile);
        var run = NodePressureSimulator.Run(pods, c.Scenario, profile);
        return ClaimHolds(run.Order, Classes(pods, profile), [.. pods.Where(NodePressureSimulator.IsCritical).Select(p => p.Metadata.Name)]);
    }

    /// <summary>The episode as the node-scenario file <c>podconf evict -f</c> reads.</summary>
    public static string Show(PressureCase c) => CaseText.Render(new NodePressureCase(c.Pods, c.Scenario));

    public static string Explain(PressureCase c, Profile profile)
    {
        var pods = Defaulted(c, profile);
        var classes = Classes(pods, profile);
        var run = Evict(c, profile);
        var parts = run.Order.Select(name =>
        {
            var pod = pods.First(p => p.Metadata.Name == name);
            return $"{name} ({classes[name]}, priority {pod.Spec.Priority ?? 0})";
        });
        return "The kubelet ranks by exceeds-request, then priority, then usage − request; the QoS class is not a criterion. "
            + "podconf evict on these pods (defaulted as the API server stores them) evicts " + string.Join(" → ", parts) + ".";
    }

    /// <summary><c>podconf evict</c> on the episode and <c>podconf qos</c> on its pods; the claim is judged on their output.</summary>
    public static MythEvidence Evidence(PressureCase c) => new(
        [
            VerbCall.Of("episode.yaml", Show(c), "evict", "-f", "episode.yaml", "-o", "json"),
            VerbCall.Of("pods.yaml", PodManifestWriter.ToYaml(c.Pods), "qos", "-f", "pods.yaml", "-o", "json"),
        ],
        outputs =>
        {
            var (order, critical) = MythEvidenceJson.EvictionOrder(outputs[0]);
            return ClaimHolds(order, MythEvidenceJson.Classes(outputs[1]), critical);
        },
        "podconf evict -f episode.yaml");
}
