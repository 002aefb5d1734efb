using PodConformance.Cli.Tests.Support;
using PodConformance.Generators;
using PodConformance.Model.Admission;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Reports;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// A reported PriorityClass case (ADM-040…044, session 14) replays with the command its report names:
/// <c>podconf validate -f case.yaml --objects case.yaml --objects-complete</c> answers as the model answered the case.
/// </summary>
public partial class AdmissionCommandTests
{
    /// <summary>
    /// Each case, rendered as its report renders it, replays with <c>podconf validate -f case.yaml --objects case.yaml
    /// --objects-complete</c>: exit 0 when the model accepts it, exit 1 with the model's refusal text when it refuses it.
    /// </summary>
    private static void AssertReplaysWithValidate(IEnumerable<(PodCase Case, string Name)> cases)
    {
        foreach (var (c, name) in cases)
        {
            var expected = PodCreate.Run(c.Pod, Profile.Default, c.AdmissionObjects());
            using var file = CliRun.File(CaseText.Render(c));
            var r = CliRun.Run("validate", "-f", file.Path, "--objects", file.Path, "--objects-complete");
            if (expected.Accepted)
            {
                Assert.True(r.ExitCode == 0, name + ": " + r.Out + r.Error);
                Assert.DoesNotContain("Forbidden", r.Out, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(r.ExitCode == 1, name + ": " + r.Out + r.Error);
                Assert.Contains(expected.Rejection!.Message, r.Out, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_reported_priority_class_case_replays_with_validate_and_its_objects()
    {
        var cases = Seeds.Sample(PriorityClassCases.Any, ReplaySeed.Of(4171), 16).Where(c => !c.Classes.IsEmpty).ToList();
        Assert.Contains(cases, c => c.Rule is null);
        Assert.Contains(cases, c => c.Rule == AdmissionRules.PriorityClassNotFound);
        AssertReplaysWithValidate(cases.Select(g => (new PodCase(g.Pod) { PriorityClasses = g.Classes }, g.Name)));
    }
}
