using PodConformance.Model.Profiles;

namespace PodConformance.Suite.Diff;

/// <summary>
/// A feature gate whose state differs between the two profiles: its stage row in each release (null where the gate
/// does not exist yet) and whether it is on in each profile (release default, or the user's override).
/// </summary>
public sealed record GateChange(string Name, FeatureGateStage? From, FeatureGateStage? To, bool OnFrom, bool OnTo)
{
    /// <summary>
    /// Why the gate matters to Pods: <c>modelled</c> (the model's rules read it, FeatureGateNames), <c>Pod API</c> (a
    /// Pod API field carries its <c>+featureGate</c> marker in either release), or empty (a gate of another area).
    /// </summary>
    public string PodRelevance { get; init; } = "";

    /// <summary>A stage as one short cell: <c>Beta (on)</c>, <c>GA (locked on)</c>, <c>-</c> when absent.</summary>
    public static string Cell(FeatureGateStage? stage, bool on)
    {
        if (stage is null)
        {
            return "-";
        }

        string state = stage.Locked ? (on ? "locked on" : "locked off") : (on ? "on" : "off");
        return stage.Stage + " (" + state + ")";
    }

    /// <summary>Every gate of the catalogue whose stage or effective state differs between the profiles, by name.</summary>
    public static IReadOnlyList<GateChange> Between(Profile from, Profile to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var modelled = typeof(FeatureGateNames).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
        var api = ApiGates(from.Version);
        api.UnionWith(ApiGates(to.Version));
        var changes = new List<GateChange>();
        foreach (var gate in FeatureGateCatalog.All)
        {
            var a = gate.StageAt(from.Version);
            var b = gate.StageAt(to.Version);
            bool onA = from.IsEnabled(gate.Name);
            bool onB = to.IsEnabled(gate.Name);
            if (onA != onB || !Equals(a?.Stage, b?.Stage) || (a is null) != (b is null) || a?.Locked != b?.Locked)
            {
                changes.Add(new GateChange(gate.Name, a, b, onA, onB) { PodRelevance = modelled.Contains(gate.Name) ? "modelled" : api.Contains(gate.Name) ? "Pod API" : "" });
            }
        }

        changes.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
        return changes;
    }

    /// <summary>The gates named by <c>+featureGate</c> markers on Pod API fields of a release (spec/api data).</summary>
    private static HashSet<string> ApiGates(KubernetesVersion version)
    {
        var gates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in Manifests.Schema.ApiSchema.For(version).Types)
        {
            foreach (var field in type.Fields.Values)
            {
                foreach (string g in field.FeatureGates)
                {
                    gates.Add(g);
                }
            }
        }

        return gates;
    }
}
