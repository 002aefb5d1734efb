using PodConformance.Suite.Adapters;

namespace PodConformance.Suite.Golden;

/// <summary>One replayed golden case: passed, failed (with the diff), or skipped (the adapter lacks every facet).</summary>
public sealed record GoldenVerdict(string Path, string Id, string Area, string Profile, string Outcome, IReadOnlyList<string> Facets, GoldenDiff Diff)
{
    public const string Pass = "pass";
    public const string Fail = "FAIL";
    public const string Skip = "skip";
}

/// <summary>
/// Replays committed golden cases against an adapter: each case's input runs under its profile, the
/// observation is rendered exactly as the model's was, and the facets the adapter can observe are compared
/// with the committed <c>expected</c> section. Seed cases compare their <c>expected.model</c> facets; the
/// kubectl views are the model's and are checked by the drift test only.
/// </summary>
public static class GoldenVerifier
{
    public static async Task<IReadOnlyList<GoldenVerdict>> VerifyAsync(GoldenStore store, IConformanceAdapter adapter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(adapter);
        var verdicts = new List<GoldenVerdict>();
        foreach (string path in store.Enumerate())
        {
            GoldenCase golden;
            try
            {
                golden = GoldenCaseReader.Read(store.Read(path), path);
            }
            catch (FormatException e)
            {
                verdicts.Add(new GoldenVerdict(path, path, "?", "?", GoldenVerdict.Fail, [], new GoldenDiff(false, "", 0, e.Message + "\n")));
                continue;
            }

            var expected = golden.Expected.Get("model") as GoldenMap ?? golden.Expected;
            var facets = expected.Entries.Select(e => e.Key)
                .Where(f => ObservationYaml.CapabilityOf(f) is var c && c != Capability.None && (adapter.Capabilities & c) == c)
                .ToArray();
            if (facets.Length == 0)
            {
                verdicts.Add(new GoldenVerdict(path, golden.Id, golden.Area, golden.Profile.ToString(), GoldenVerdict.Skip, [], GoldenDiff.Same));
                continue;
            }

            var observation = await adapter.RunAsync(golden.Input, golden.Profile, cancellationToken).ConfigureAwait(false);
            var actual = ObservationYaml.Render(facets, observation, golden.Input);
            var wanted = new GoldenMap(facets.Select(f => KeyValuePair.Create(f, expected.Get(f)!)).ToArray());
            var diff = GoldenComparer.Compare(GoldenYamlWriter.Write(wanted), GoldenYamlWriter.Write(actual), path + " (expected)", adapter.Name + " (observed)");
            verdicts.Add(new GoldenVerdict(path, golden.Id, golden.Area, golden.Profile.ToString(), diff.Equal ? GoldenVerdict.Pass : GoldenVerdict.Fail, facets, diff));
        }

        return verdicts;
    }
}
