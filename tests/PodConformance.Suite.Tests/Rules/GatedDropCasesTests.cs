using PodConformance.Generators;
using PodConformance.Model.Admission;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;
using Xunit.Abstractions;

namespace PodConformance.Suite.Tests.Rules;

/// <summary>
/// P-ADM-DEFAULTS' cases in the default run (1.37's defaults, the default seed and count) include pods that set a field
/// whose gate is off (<see cref="GatedDropGen"/>): the model drops it with <c>explain</c>'s line, so the property compares
/// every adapter on the drop. A drop whose gate is off in the run's profile brings no gates of its own (a cluster with
/// those defaults performs it); one that turns a gate off makes the case carry it, and without it the field would be
/// kept. A case carries up to two drops (session 14), so it carries the gates of both.
/// </summary>
public sealed class GatedDropCasesTests(ITestOutputHelper output)
{
    [Fact]
    public void The_default_run_drops_each_off_gates_field()
    {
        var options = new RunOptions();
        var property = Catalog.Find("P-ADM-DEFAULTS")!;
        int count = options.CountFor(property);
        var gen = property.Cases(options.Profile);
        var drops = GatedDropGen.For(options.Profile);
        var byField = drops.ToDictionary(d => d.Drop.Field, _ => 0, StringComparer.Ordinal);
        int cases = 0, rejected = 0;
        for (int i = 0; i < count; i++)
        {
            if (SuiteRunner.CaseAt(gen, options.Seed, i, count) is not PodCase c)
            {
                continue;
            }

            var profile = c.ProfileFor(options.Profile);
            var created = PodCreate.Run(c.Pod, profile, c.AdmissionObjects());
            var lines = created.Steps.SelectMany(s => s.Changes).Select(ch => ch.Value).ToHashSet(StringComparer.Ordinal);
            bool any = false;
            foreach (var (drop, gates) in drops)
            {
                if (!drop.Present(c.Pod) || !lines.Contains(drop.Explain) || !gates.All(g => c.Gates.TryGetValue(g.Key, out bool on) && on == g.Value))
                {
                    continue;
                }

                // The drop runs in PrepareForCreate, before validation: a pod refused for another reason would be refused without
                // the field too (none should be: ValidCasesAdmittedTests).
                rejected += created.Accepted ? 0 : 1;
                Assert.False(drop.Present(created.Stored), drop + " still stored");
                if (gates.IsEmpty)
                {
                    Assert.False(c.Gates.ContainsKey(drop.Gate), drop + ": a case whose gate is off in the run names it in its gates " + c.Gates);
                }
                else
                {
                    // Without the case's gates the run's profile keeps the field: the gates are what drops it.
                    Assert.True(drop.Present(PodCreate.Run(c.Pod, options.Profile, c.AdmissionObjects()).Stored), drop + " dropped without the case's gates");
                    Assert.NotNull(c.BeyondRealTargets("a cluster"));
                }

                byField[drop.Field]++;
                any = true;
            }

            cases += any ? 1 : 0;
        }

        foreach (var (field, n) in byField)
        {
            output.WriteLine($"{field}: {n}");
        }

        output.WriteLine($"{cases} of {count} cases drop a field; {rejected} drops in refused pods");
        Assert.True(cases >= 25, $"{cases} of {count} cases drop a field");
        Assert.All(byField, f => Assert.True(f.Value >= 1, f.Key + " never dropped at the default seed"));
    }
}
