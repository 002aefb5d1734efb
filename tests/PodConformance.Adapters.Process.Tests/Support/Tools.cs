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

/// <summary>
/// The Kubernetes client libraries behind tests/examples/client-node-adapter and tests/examples/python-kubernetes-adapter,
/// installed by .ci/setup-clients.sh; each is null when usable, else the reason its tests are skipped.
/// </summary>
public static class ClientLibraries
{
    public const string NodeAdapter = "tests/examples/client-node-adapter/adapter.mjs";

    public const string PythonAdapter = "tests/examples/python-kubernetes-adapter/adapter.py";

    public const string SystemPython = "/usr/bin/python3";

    /// <summary>The checkout these tests were built from (the folder holding PodConformance.sln), or null.</summary>
    public static string? RepoRoot { get; } = FindRepoRoot();

    public static string? Node { get; } = Tools.Find("node");

    public static string? ClientNodeMissing { get; } = CheckClientNode();

    public static string? PythonKubernetesMissing { get; } = CheckPythonKubernetes();

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PodConformance.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string? CheckClientNode()
    {
        if (RepoRoot is null)
        {
            return "not run from a checkout (no PodConformance.sln above the test binaries): the client-node adapter lives in tests/examples/";
        }

        if (Node is null)
        {
            return "node is not on PATH: the @kubernetes/client-node adapter tests need Node.js (20 or later)";
        }

        string package = Path.Combine(RepoRoot, "tests", "examples", "client-node-adapter", "node_modules", "@kubernetes", "client-node", "package.json");
        return File.Exists(package)
            ? null
            : "@kubernetes/client-node is not installed in tests/examples/client-node-adapter/node_modules: run .ci/setup-clients.sh (npm ci)";
    }

    private static string? CheckPythonKubernetes()
    {
        if (RepoRoot is null)
        {
            return "not run from a checkout (no PodConformance.sln above the test binaries): the python3-kubernetes adapter lives in tests/examples/";
        }

        if (!File.Exists(SystemPython))
        {
            return SystemPython + " is missing: the python3-kubernetes adapter tests need Debian's system Python";
        }

        // Debian installs the package for the system Python only; the adapter loads kubernetes/utils/quantity.py.
        foreach (string dir in new[] { "/usr/lib/python3/dist-packages", "/usr/local/lib/python3/dist-packages" })
        {
            if (File.Exists(Path.Combine(dir, "kubernetes", "utils", "quantity.py")))
            {
                return null;
            }
        }

        return "python3-kubernetes is not installed (no kubernetes/utils/quantity.py in /usr/lib/python3/dist-packages): run .ci/setup-clients.sh (apt-get install python3-kubernetes)";
    }
}

/// <summary>A fact that is reported as skipped, with the reason, when @kubernetes/client-node or node is missing.</summary>
public sealed class ClientNodeFactAttribute : FactAttribute
{
    public ClientNodeFactAttribute()
    {
        if (ClientLibraries.ClientNodeMissing is { } why)
        {
            Skip = why;
        }
    }
}

/// <summary>A theory that is reported as skipped, with the reason, when @kubernetes/client-node or node is missing.</summary>
public sealed class ClientNodeTheoryAttribute : TheoryAttribute
{
    public ClientNodeTheoryAttribute()
    {
        if (ClientLibraries.ClientNodeMissing is { } why)
        {
            Skip = why;
        }
    }
}

/// <summary>A fact that is reported as skipped, with the reason, when python3-kubernetes is missing.</summary>
public sealed class PythonKubernetesFactAttribute : FactAttribute
{
    public PythonKubernetesFactAttribute()
    {
        if (ClientLibraries.PythonKubernetesMissing is { } why)
        {
            Skip = why;
        }
    }
}

/// <summary>A theory that is reported as skipped, with the reason, when python3-kubernetes is missing.</summary>
public sealed class PythonKubernetesTheoryAttribute : TheoryAttribute
{
    public PythonKubernetesTheoryAttribute()
    {
        if (ClientLibraries.PythonKubernetesMissing is { } why)
        {
            Skip = why;
        }
    }
}
