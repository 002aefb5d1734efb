using PodConformance.Adapters.KubernetesClient;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PodConformance.Adapters.KubernetesClient.Tests;

/// <summary>
/// One adapter and one report for the whole assembly: generating the report costs a few seconds of hangs,
/// and tests run one at a time so timed calls never compete with each other for the CPU.
/// </summary>
internal static class ReportFixture
{
    private static readonly Lazy<ResourceQuantityAdapter> LazyAdapter = new(() => new ResourceQuantityAdapter());
    private static readonly Lazy<QuantityDivergenceReport> LazyReport = new(() => QuantityDivergenceAnalysis.Run(Adapter));

    public static ResourceQuantityAdapter Adapter => LazyAdapter.Value;

    public static QuantityDivergenceReport Report => LazyReport.Value;

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PodConformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (PodConformance.sln) not found above " + AppContext.BaseDirectory);
    }
}
