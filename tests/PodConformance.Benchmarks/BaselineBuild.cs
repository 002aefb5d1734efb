using System.Reflection;
using System.Runtime.Loader;

namespace PodConformance.Benchmarks;

/// <summary>
/// The baseline of a benchmark that has no KubernetesClient counterpart: the previous build of the model, running the
/// very same compiled workload (<see cref="Workloads.Workloads"/>) in the same process and the same BenchmarkDotNet run.
/// The previous build is <c>PodConformance.Model.dll</c> built by <c>bash .ci/perf-baseline.sh [COMMIT]</c> into
/// <c>artifacts/perf-baseline/</c> (or the folder in <c>PODCONF_PERF_BASELINE</c>); it is loaded into its own
/// AssemblyLoadContext together with a second copy of the workloads assembly, which then binds to it.
/// </summary>
internal static class BaselineBuild
{
    private static readonly Lazy<Assembly> Workloads = new(Load);

    /// <summary>The baseline's version of workload <paramref name="name"/> (a static method of Workloads returning Func&lt;int&gt;).</summary>
    public static Func<int> Workload(string name, params object[] args)
    {
        var type = Workloads.Value.GetType("PodConformance.Benchmarks.Workloads.Workloads", throwOnError: true)!;
        var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException("the workloads assembly has no " + name);
        return (Func<int>)method.Invoke(null, args)!;
    }

    /// <summary>Which build the baseline is (the commit file perf-baseline.sh writes), for the report.</summary>
    public static string Describe()
    {
        string file = Path.Combine(Folder(), "COMMIT");
        return File.Exists(file) ? File.ReadAllText(file).Trim() : "(unknown commit)";
    }

    private static Assembly Load()
    {
        string folder = Folder();
        string model = Path.Combine(folder, "PodConformance.Model.dll");
        if (!File.Exists(model))
        {
            throw new InvalidOperationException("no baseline model at " + model + ": run `bash .ci/perf-baseline.sh` first (or set PODCONF_PERF_BASELINE)");
        }

        var context = new Context(model);
        return context.LoadFromAssemblyPath(typeof(Workloads.Workloads).Assembly.Location);
    }

    private static string Folder()
    {
        if (Environment.GetEnvironmentVariable("PODCONF_PERF_BASELINE") is { Length: > 0 } set)
        {
            return Path.GetFullPath(set);
        }

        // BenchmarkDotNet runs each benchmark in a child process under bin/: walk up to the repository root.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PodConformance.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? ".", "artifacts", "perf-baseline");
    }

    /// <summary>Resolves the model to the baseline's file; everything else (the BCL) comes from the default context.</summary>
    private sealed class Context(string modelPath) : AssemblyLoadContext("perf-baseline")
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == "PodConformance.Model" ? LoadFromAssemblyPath(modelPath) : null;
    }
}
