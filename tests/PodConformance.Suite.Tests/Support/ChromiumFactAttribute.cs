namespace PodConformance.Suite.Tests.Support;

/// <summary>
/// A fact that is reported as skipped, with the reason, when Debian's <c>chromium</c> is not on PATH: the screenshot
/// tests look at a rendered page, and without a browser they have nothing to look at (never a silent pass).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium is null)
        {
            Skip = "chromium is not on PATH: install it with `.ci/screenshot-html.sh --install` (Debian's chromium package) to render the HTML report";
        }
    }

    public static string? Chromium { get; } = Find("chromium");

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}

/// <summary>As <see cref="ChromiumFactAttribute"/>, for a theory.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (ChromiumFactAttribute.Chromium is null)
        {
            Skip = "chromium is not on PATH: install it with `.ci/screenshot-html.sh --install` (Debian's chromium package) to render the HTML report";
        }
    }
}
