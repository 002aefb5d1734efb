using PodConformance.Suite.Golden;

namespace PodConformance.Suite.Tests.Golden;

/// <summary>The repository's <c>golden/</c> directory and its cases, generated once per test run.</summary>
internal static class GoldenRepo
{
    public static string Root { get; } = FindRoot();

    public static string GoldenDir => Path.Combine(Root, "golden");

    public static GoldenStore Store { get; } = new(GoldenDir);

    private static readonly Lazy<IReadOnlyList<GoldenCase>> TutorialLazy = new(() => TutorialCases.All(GoldenDir).ToArray());

    public static IReadOnlyList<GoldenCase> Tutorial => TutorialLazy.Value;

    public static GoldenCase Seed(string name) => Tutorial.Single(c => c.Id == "seed/" + name);

    /// <summary><c>expected.views.KEY</c> as a list of strings (a scalar gives one item).</summary>
    public static IReadOnlyList<string> View(GoldenCase c, string key)
    {
        var views = (GoldenMap)c.Expected.Get("views")!;
        return views.Get(key) switch
        {
            GoldenList l => l.Items.Select(i => ((GoldenScalar)i).Text).ToArray(),
            GoldenScalar s => [s.Text],
            GoldenMap m => m.Entries.Select(e => e.Key + "=" + ((GoldenScalar)e.Value).Text).ToArray(),
            _ => [],
        };
    }

    public static string JsonPath(GoldenCase c, string expression) =>
        ((GoldenMap)((GoldenMap)c.Expected.Get("views")!).Get("jsonpath")!).GetText(expression);

    public static string Model(GoldenCase c, string facet) => ((GoldenMap)c.Expected.Get("model")!).GetText(facet);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PodConformance.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PodConformance.sln not found above " + AppContext.BaseDirectory);
    }
}
