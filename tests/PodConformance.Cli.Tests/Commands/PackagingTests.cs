using System.Xml.Linq;
using PodConformance.Cli.Commands;
using PodConformance.Cli.Tests.Support;
using PodConformance.Suite.Golden;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// Packaging (issue 13 item 6): every src project is a package with a licence, readme and project URL, packed by
/// .ci/pack.sh; the tool carries the golden cases <c>golden verify</c> needs and finds them when run outside a clone.
/// (.ci/pack.sh itself installs the packed tool and runs <c>golden verify</c> from an empty directory.)
/// </summary>
public class PackagingTests
{
    private static readonly string[] SrcProjects = Directory.GetDirectories(Repo.Path("src"))
        .Where(d => Directory.GetFiles(d, "*.csproj").Length == 1)
        .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Every_package_has_licence_readme_and_project_url_and_no_icon()
    {
        var props = XDocument.Load(Repo.Path("src", "Directory.Build.props"));
        string Prop(string name) => props.Descendants(name).Single().Value;
        Assert.Equal("Apache-2.0", Prop("PackageLicenseExpression"));
        Assert.Equal("README.md", Prop("PackageReadmeFile"));
        Assert.StartsWith("https://", Prop("PodConformanceRepositoryUrl"), StringComparison.Ordinal);
        Assert.Equal("$(PodConformanceRepositoryUrl)", Prop("PackageProjectUrl"));
        Assert.Empty(props.Descendants("PackageIcon"));
        Assert.Contains("Apache License", File.ReadAllText(Repo.Path("LICENSE")), StringComparison.Ordinal);
        Assert.NotEmpty(SrcProjects);
        foreach (string project in SrcProjects)
        {
            string readme = Repo.Path("src", project, "README.md");
            Assert.True(File.Exists(readme), project + " has no README.md (its package readme)");
            Assert.Contains("https://", File.ReadAllText(readme), StringComparison.Ordinal); // links that work on nuget.org
            var csproj = XDocument.Load(Repo.Path("src", project, project + ".csproj"));
            Assert.NotEmpty(csproj.Descendants("Description"));
            Assert.DoesNotContain(csproj.Descendants("IsPackable"), e => e.Value == "false");
        }
    }

    [Fact]
    public void Pack_covers_every_src_project_in_one_build_outside_the_working_bin_and_obj()
    {
        string slnf = File.ReadAllText(Repo.Path(".ci", "pack.slnf"));
        foreach (string project in SrcProjects)
        {
            Assert.Contains($"src\\\\{project}\\\\{project}.csproj", slnf, StringComparison.Ordinal);
        }

        string script = File.ReadAllText(Repo.Path(".ci", "pack.sh"));
        Assert.Contains("--artifacts-path", script, StringComparison.Ordinal);
        Assert.Single(script.Split('\n'), l => l.TrimStart().StartsWith("dotnet pack ", StringComparison.Ordinal));
        Assert.DoesNotContain("api.nuget.org", script, StringComparison.Ordinal); // no network
    }

    [Fact]
    public void The_tool_bundles_every_golden_area_that_verify_replays()
    {
        var csproj = XDocument.Load(Repo.Path("src", "PodConformance.Cli", "PodConformance.Cli.csproj"));
        var bundled = csproj.Descendants("Content")
            .Where(c => (string?)c.Attribute("CopyToPublishDirectory") == "PreserveNewest")
            .Select(c => ((string)c.Attribute("LinkBase")!).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);
        var store = new GoldenStore(Repo.Path("golden"));
        var areas = store.Enumerate().Select(p => p.Split('/')[0]).Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(areas);
        foreach (string area in areas)
        {
            Assert.Contains("golden/" + area, bundled);
        }
    }

    [Fact]
    public void Verify_reads_golden_here_else_the_copy_installed_with_the_tool()
    {
        string root = Path.Combine(Path.GetTempPath(), "podconf-pack-" + Guid.NewGuid().ToString("N"));
        string clone = Path.Combine(root, "clone");
        string elsewhere = Path.Combine(root, "elsewhere");
        string tool = Path.Combine(root, "tool");
        try
        {
            Directory.CreateDirectory(Path.Combine(clone, "golden"));
            Directory.CreateDirectory(elsewhere);
            Directory.CreateDirectory(tool);
            Assert.Null(GoldenCommand.DefaultVerifyDir(elsewhere, tool));
            Directory.CreateDirectory(Path.Combine(tool, "golden"));
            Assert.Equal("golden", GoldenCommand.DefaultVerifyDir(clone, tool));
            Assert.Equal(Path.Combine(tool, "golden"), GoldenCommand.DefaultVerifyDir(elsewhere, tool));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
