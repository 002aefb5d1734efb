namespace PodConformance.Adapters.Podman;

/// <summary>
/// Whether podman can run the adapter's pods here, and why not: the repository's containers.conf must exist,
/// podman must answer, the image built by .ci/setup-podman.sh must be present, and a container must run. Tests skip with
/// <see cref="Reason"/>; the adapter reports it as the failure of every case.
/// </summary>
public sealed record PodmanEnvironment(bool Usable, string Reason, string ContainersConf)
{
    public const string ConfRelativePath = ".ci/podman/containers.conf";

    private static readonly Lazy<PodmanEnvironment> Default = new(() => Probe(new PodmanOptions()));

    /// <summary>The probe for default options, done once per process (~0.5 s: it runs a container).</summary>
    public static PodmanEnvironment Current => Default.Value;

    public static PodmanEnvironment Probe(PodmanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? conf = options.ContainersConf ?? FindContainersConf();
        if (conf is null || !File.Exists(conf))
        {
            return new(false, "no " + ConfRelativePath + " found above " + Directory.GetCurrentDirectory(), conf ?? "");
        }

        var cli = new PodmanCli(conf);
        try
        {
            var version = cli.RunAsync(["version", "--format", "{{.Client.Version}}"], TimeSpan.FromSeconds(20), CancellationToken.None).GetAwaiter().GetResult();
            if (!version.Ok)
            {
                return new(false, "podman does not answer: " + FirstLine(version.Stderr), conf);
            }

            var image = cli.RunAsync(["image", "exists", options.Image], TimeSpan.FromSeconds(20), CancellationToken.None).GetAwaiter().GetResult();
            if (!image.Ok)
            {
                return new(false, "image " + options.Image + " is missing: run .ci/setup-podman.sh", conf);
            }

            // podman may be installed and still unable to run a container here (rlimits, cgroups, rootless setup).
            var smoke = cli.RunAsync(["run", "--rm", "--network", "none", options.Image, "sh", "-c", "exit 3"], TimeSpan.FromSeconds(60), CancellationToken.None).GetAwaiter().GetResult();
            return smoke.ExitCode == 3
                ? new(true, "podman " + version.Stdout.Trim(), conf)
                : new(false, "podman cannot run a container (exit " + smoke.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + "): " + FirstLine(smoke.Stderr), conf);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new(false, "podman is not installed (" + e.Message + "): run .ci/setup-podman.sh", conf);
        }
    }

    /// <summary>The repository's containers.conf, searched from the working directory and the assembly's folder upwards.</summary>
    public static string? FindContainersConf()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, ConfRelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// podman's own message: the last <c>Error:</c> line if there is one (earlier lines are timestamped
    /// warnings, which would make reports differ run to run), else the first line.
    /// </summary>
    internal static string ErrorLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var error = lines.LastOrDefault(l => l.StartsWith("Error:", StringComparison.Ordinal));
        return error ?? FirstLine(text);
    }

    internal static string FirstLine(string text)
    {
        string t = text.Trim();
        int nl = t.IndexOf('\n', StringComparison.Ordinal);
        return nl < 0 ? t : t[..nl];
    }
}
