using PodConformance.Cli.Tests.Support;
using PodConformance.Model.Profiles;
using PodConformance.Cli.Commands;
using PodConformance.Suite.Myths;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// Myths are correct by construction: every counterexample <c>podconf myths</c> prints is run through the verbs that
/// answer the same question (<c>evict</c>, <c>qos</c>, <c>simulate</c>, <c>status</c>), and the claim must fail on their
/// output too. A myth that decided on anything but the verbs' code paths (the eviction myth once ranked pods before
/// defaulting) cannot pass this.
/// </summary>
public sealed class MythVerbAgreementTests
{
    public static TheoryData<string> Myths => [.. MythCatalog.All(Profile.Default).Select(m => m.Id)];

    [Theory]
    [MemberData(nameof(Myths))]
    public void A_refuted_myths_counterexample_refutes_the_claim_on_the_verbs_too(string id)
    {
        // The CLI's defaults: seed and count of `podconf myths`.
        var verdict = MythCatalog.All(Profile.Default).Single(m => m.Id == id).Check(MythsCommand.DefaultSeed, 200);
        if (!verdict.Refuted)
        {
            Assert.Null(verdict.Evidence);
            return;
        }

        var evidence = Assert.IsType<MythEvidence>(verdict.Evidence);
        string dir = Path.Combine(Path.GetTempPath(), "podconf-myth-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var outputs = new List<string>();
            foreach (var call in evidence.Calls)
            {
                foreach (var (name, text) in call.Files)
                {
                    File.WriteAllText(Path.Combine(dir, name), text);
                }

                string[] args = [.. call.Args.Select(a => call.Files.ContainsKey(a) ? Path.Combine(dir, a) : a)];
                var r = CliRun.Run(args);
                Assert.True(r.ExitCode == 0, $"podconf {string.Join(" ", call.Args)} exited {r.ExitCode}: {r.Error}");
                outputs.Add(r.Out);
            }

            Assert.False(evidence.ClaimHolds(outputs), $"{id}: the verbs do not refute the claim on the myth's counterexample ({evidence.Command}):\n{verdict.Counterexample}\n{string.Join("\n", outputs)}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
