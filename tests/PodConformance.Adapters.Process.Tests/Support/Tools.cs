namespace PodConformance.Adapters.Process.Tests.Support;

/// <summary>External programs the tests drive, found on PATH once.</summary>
public static class Tools
{
    public static string? Python3 { get; } = Find("python3");

    public static string? Sh { get; } = File.Exists("/bin/sh") ? "/bin/sh" : Find("sh");

    /// <summary>The dotnet host that runs these tests (set by the dotnet CLI for its children), else dotnet on PATH.</summary>
    public static string Dotnet { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : Find("dotnet") ?? "dotnet";

    public static string? Find(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that is reported as skipped, with the reason, when python3 is missing: never a silent pass.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (Tools.Python3 is null)
        {
            Skip = "python3 is not on PATH: the cross-language adapter tests need it (Python 3.8+, standard library only)";
        }
    }
}

/// <summary>A fact that is reported as skipped when there is no POSIX shell (e.g. on Windows).</summary>
public sealed class ShellFactAttribute : FactAttribute
{
    public ShellFactAttribute()
    {
        if (Tools.Sh is null || !OperatingSystem.IsLinux())
        {
            Skip = "needs /bin/sh and /proc (Linux) for the process-tree checks";
        }
    }
}

/// <summary>A theory that is reported as skipped when there is no POSIX shell (e.g. on Windows).</summary>
public sealed class ShellTheoryAttribute : TheoryAttribute
{
    public ShellTheoryAttribute()
    {
        if (Tools.Sh is null || !OperatingSystem.IsLinux())
        {
            Skip = "needs /bin/sh and /proc (Linux) for the process-tree checks";
        }
    }
}

/// <summary>A theory that is reported as skipped, with the reason, when python3 is missing.</summary>
public sealed class PythonTheoryAttribute : TheoryAttribute
{
    public PythonTheoryAttribute()
    {
        if (Tools.Python3 is null)
        {
            Skip = "python3 is not on PATH: the cross-language adapter tests need it (Python 3.8+, standard library only)";
        }
    }
}
