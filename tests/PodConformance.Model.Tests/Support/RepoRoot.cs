namespace PodConformance.Model.Tests.Support;

/// <summary>The repository root, found by walking up to PodConformance.sln (for tests that check spec/ files).</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "PodConformance.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PodConformance.sln not found above " + AppContext.BaseDirectory);
    }
}
