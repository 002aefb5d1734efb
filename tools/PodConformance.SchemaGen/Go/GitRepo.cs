using System.Diagnostics;

namespace PodConformance.SchemaGen.Go;

/// <summary>Reads a local git directory with the git command (tags, commits, file contents); nothing is fetched.</summary>
internal sealed class GitRepo(string gitDir)
{
    public string GitDir { get; } = gitDir;

    public IReadOnlyList<string> Tags() =>
        Run("tag", "--list").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string Commit(string tag) => Run("rev-parse", tag + "^{commit}").Trim();

    public string Show(string tag, string path) => Run("show", tag + ":" + path);

    private string Run(params string[] args)
    {
        var psi = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--git-dir=" + GitDir);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start git");
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed in {GitDir}: {stderr.Result.Trim()}");
        }

        return output;
    }
}
