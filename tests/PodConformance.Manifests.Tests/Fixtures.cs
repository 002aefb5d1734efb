using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Tests;

/// <summary>Fixture files copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public static ManifestReadResult Read(string relative) => PodManifestReader.ReadFile(PathOf(relative));

    /// <summary>Diagnostics as printed, for readable assertion failures.</summary>
    public static string[] Printed(ManifestReadResult result) => [.. result.Diagnostics.Select(d => d.ToString())];
}
