using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Golden;

/// <summary>
/// Reads a golden file back into a <see cref="GoldenCase"/>: the pod through the manifest reader, the scenario
/// through the scenario reader, the profile through the version and gate parsers, so a hand-edited file is
/// checked as strictly as any other input.
/// </summary>
public static class GoldenCaseReader
{
    /// <exception cref="FormatException">The file is not a golden case; the message names the file and the field.</exception>
    public static GoldenCase Read(string text, string displayName)
    {
        if (GoldenYamlReader.Read(text, displayName) is not GoldenMap root)
        {
            throw new FormatException(displayName + ": not a mapping");
        }

        string Need(GoldenMap map, string key, string path) =>
            map.Get(key) is GoldenScalar s ? s.Text : throw new FormatException(displayName + ": " + path + key + ": missing");

        var profile = ReadProfile(root.Get("profile") as GoldenMap ?? throw new FormatException(displayName + ": profile: missing"), displayName);
        var caseNode = root.Get("case") as GoldenMap ?? throw new FormatException(displayName + ": case: missing");
        ConformanceCase input;
        if (caseNode.Get("quantity") is GoldenScalar q)
        {
            input = new QuantityCase(q.Text);
        }
        else
        {
            var podRead = PodManifestReader.ReadText(Need(caseNode, "pod", "case."), displayName + " (case.pod)");
            if (podRead.Pods.Length != 1 || podRead.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                throw new FormatException(displayName + ": case.pod: " + string.Join("; ", podRead.Diagnostics.Select(d => d.ToString())));
            }

            var scenario = new Model.Simulation.Scenario();
            if (caseNode.Get("scenario") is GoldenMap sc)
            {
                var read = ScenarioReader.ReadText(GoldenYamlWriter.Write(sc), displayName + " (case.scenario)");
                scenario = read.Scenario ?? throw new FormatException(displayName + ": case.scenario: " + string.Join("; ", read.Diagnostics.Select(d => d.ToString())));
            }

            input = new PodCase(podRead.Pods[0].Pod, scenario);
        }

        return new GoldenCase
        {
            Id = Need(root, "id", ""),
            Area = Need(root, "area", ""),
            Profile = profile,
            Origin = root.Get("origin") as GoldenMap ?? new GoldenMap([]),
            Tutorial = root.Get("tutorial") as GoldenMap,
            Input = input,
            Inputs = root.Get("inputs") as GoldenMap,
            Expected = root.Get("expected") as GoldenMap ?? throw new FormatException(displayName + ": expected: missing"),
        };
    }

    private static Profile ReadProfile(GoldenMap node, string displayName)
    {
        if (!KubernetesVersion.TryParse(node.GetText("version"), out var version, out string error))
        {
            throw new FormatException(displayName + ": profile.version: " + error);
        }

        var gates = new List<(string, bool)>();
        if (node.Get("gates") is GoldenMap g)
        {
            foreach (var (name, value) in g.Entries)
            {
                gates.Add((name, value is GoldenScalar { Text: "true" }));
            }
        }

        return new Profile(version, ValueMap.Of([.. gates]));
    }
}
