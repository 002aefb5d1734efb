using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Tests.Coverage;

/// <summary>The default run with coverage on, shared by the coverage tests and the summary (one run per test assembly).</summary>
internal static class CoverageRuns
{
    private static readonly Lazy<RunReport> LazyDefault = new(() => SuiteRun.Execute(new ModelAdapter(), new RunOptions { Coverage = true }));

    public static RunReport Default => LazyDefault.Value;

    /// <summary>The default options under another profile, for rules only that profile reaches.</summary>
    public static RunReport Under(Profile profile, string rules) =>
        SuiteRun.Execute(new ModelAdapter(), new RunOptions { Coverage = true, Profile = profile, Rules = rules });
}
