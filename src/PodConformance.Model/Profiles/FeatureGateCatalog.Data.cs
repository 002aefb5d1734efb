using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Profiles;

/// <summary>Reads the embedded spec/gates/feature-gates.json (format: spec/gates/README.md).</summary>
public static partial class FeatureGateCatalog
{
    private const string ResourceName = "PodConformance.Model.Profiles.feature-gates.json";

    private static Data Load()
    {
        using var stream = typeof(FeatureGateCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;

        var gates = new List<FeatureGate>();
        foreach (var g in root.GetProperty("gates").EnumerateArray())
        {
            var rows = new List<FeatureGateStage>();
            foreach (var r in g.GetProperty("rows").EnumerateArray())
            {
                // [since, stage, default, locked, source, basis]
                rows.Add(new FeatureGateStage(Version(r[0].GetString()!), Stage(r[1].GetString()!), r[2].GetBoolean(), r[3].GetBoolean())
                {
                    Source = r[4].GetString()!,
                    Basis = Basis(r[5].GetString()!),
                });
            }

            var absent = g.GetProperty("absentFrom");
            gates.Add(new FeatureGate(
                g.GetProperty("name").GetString()!,
                new ValueList<FeatureGateStage>(rows),
                absent.ValueKind == JsonValueKind.Null ? null : Version(absent.GetString()!)));
        }

        gates.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var dependencies = new List<FeatureGateDependency>();
        foreach (var d in root.GetProperty("dependencies").EnumerateArray())
        {
            dependencies.Add(new FeatureGateDependency(
                d.GetProperty("gate").GetString()!,
                new ValueList<string>(d.GetProperty("dependsOn").EnumerateArray().Select(x => x.GetString()!)),
                Version(d.GetProperty("since").GetString()!),
                d.GetProperty("source").GetString()!)
            {
                Until = d.TryGetProperty("until", out var until) ? Version(until.GetString()!) : null,
            });
        }

        dependencies.Sort((a, b) => string.CompareOrdinal(a.Gate, b.Gate));
        return new Data(
            new ValueList<FeatureGate>(gates),
            gates.ToFrozenDictionary(g => g.Name, StringComparer.Ordinal),
            new ValueList<FeatureGateDependency>(dependencies));
    }

    private static KubernetesVersion Version(string text)
    {
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        return new KubernetesVersion(
            int.Parse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture),
            int.Parse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    private static FeatureStage Stage(string text) => text switch
    {
        "Alpha" => FeatureStage.Alpha,
        "Beta" => FeatureStage.Beta,
        "GA" => FeatureStage.GA,
        "Deprecated" => FeatureStage.Deprecated,
        _ => throw new InvalidOperationException($"feature-gates.json: unknown stage {text}"),
    };

    private static GateRowBasis Basis(string text) => text switch
    {
        "release-copy" => GateRowBasis.ReleaseCopy,
        "later-record" => GateRowBasis.LaterRecord,
        "dev-copy" => GateRowBasis.DevCopy,
        "later-dev" => GateRowBasis.LaterDev,
        "carried" => GateRowBasis.Carried,
        "api-tag" => GateRowBasis.ApiTag,
        "secondary" => GateRowBasis.Secondary,
        _ => throw new InvalidOperationException($"feature-gates.json: unknown basis {text}"),
    };
}
