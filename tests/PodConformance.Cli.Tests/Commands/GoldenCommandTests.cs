using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

public class GoldenCommandTests
{
    [Fact]
    public void Verify_replays_the_committed_cases_against_the_model_and_passes()
    {
        var r = CliRun.Run("golden", "verify", "--dir", Repo.Path("golden"));
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("CASE", r.Out, StringComparison.Ordinal);
        Assert.Contains("seed/14-hands-on-fullstack-pod ", r.Out, StringComparison.Ordinal);
        Assert.Matches(@"model: \d+ passed, 0 failed, 0 skipped\n$", r.Out);
    }

    [Fact]
    public void Verify_fails_with_exit_1_and_a_diff_when_a_case_was_edited()
    {
        string dir = CopyOf("qos");
        try
        {
            string file = Directory.EnumerateFiles(Path.Combine(dir, "qos", "1.37")).Order(StringComparer.Ordinal).First();
            string text = File.ReadAllText(file);
            string edited = System.Text.RegularExpressions.Regex.Replace(text, @"\n  qos: \w+\n", "\n  qos: Guaranteed-ish\n");
            Assert.NotEqual(text, edited);
            File.WriteAllText(file, edited);
            var r = CliRun.Run("golden", "verify", "--dir", dir, "-v");
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("FAIL", r.Out, StringComparison.Ordinal);
            Assert.Contains("\n-qos: Guaranteed-ish\n", r.Out, StringComparison.Ordinal);
            Assert.Contains(" 1 failed", r.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>--dir naming a file, or a folder below a file, is a usage error (exit 2), not an internal error.</summary>
    [Fact]
    public void Update_into_something_not_a_directory_exits_2()
    {
        using var file = CliRun.File("not a folder\n");
        var onFile = CliRun.Run("golden", "update", "--dir", file.Path);
        Assert.Equal(2, onFile.ExitCode);
        Assert.Equal("podconf: --dir: not a directory: " + file.Path + "\nSee 'podconf golden update --help' for usage.\n", onFile.Error);
        string below = Path.Combine(file.Path, "sub");
        var underFile = CliRun.Run("golden", "update", "--dir", below);
        Assert.Equal(2, underFile.ExitCode);
        Assert.StartsWith("podconf: --dir: cannot write " + below + ": ", underFile.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_writes_the_generated_set_then_reports_no_change()
    {
        string dir = Path.Combine(Path.GetTempPath(), "podconf-golden-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = CliRun.Run("golden", "update", "--dir", dir);
            Assert.Equal(0, first.ExitCode);
            Assert.Contains("added   quantity/1.37/valid-01.yaml", first.Out, StringComparison.Ordinal);
            var second = CliRun.Run("golden", "update", "--dir", dir);
            Assert.Equal(0, second.ExitCode);
            Assert.EndsWith(" 0 changed\n", second.Out, StringComparison.Ordinal);
            Assert.Equal(File.ReadAllText(Repo.Path("golden", "quantity", "1.37", "valid-01.yaml")), File.ReadAllText(Path.Combine(dir, "quantity", "1.37", "valid-01.yaml")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Unknown_adapter_is_a_usage_error()
    {
        var r = CliRun.Run("golden", "verify", "--adapter", "cluster", "--dir", Repo.Path("golden"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown adapter \"cluster\"", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_directory_is_a_usage_error()
    {
        var r = CliRun.Run("golden", "verify", "--dir", Path.Combine(Path.GetTempPath(), "no-such-golden-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no such directory", r.Error, StringComparison.Ordinal);
    }

    private static string CopyOf(string area)
    {
        string dir = Path.Combine(Path.GetTempPath(), "podconf-golden-" + Guid.NewGuid().ToString("N"));
        foreach (string file in Directory.EnumerateFiles(Repo.Path("golden", area), "*.yaml", SearchOption.AllDirectories))
        {
            string target = Path.Combine(dir, Path.GetRelativePath(Repo.Path("golden"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return dir;
    }
}
