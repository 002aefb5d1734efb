namespace PodConformance.Adapters.Podman;

/// <summary>
/// Whether podman can run the adapter's pods here, and why not: the repository's containers.conf must exist,
/// podman must answer, the image built by .ci/setup-podman.sh must be present, and a container must run. Tests skip with
/// <see cref="Reason"/>; the adapter reports it as the failure of every case.
/// </summary>
public sealed record PodmanEnvironment(bool Usable, string Reason, string ContainersConf)
{
    public const string ConfRelativePath = ".ci/podman/containers.conf";

    /// <summary>The probe for default options, done once per process (~1.5 s: it runs a container and plays a pod).</summary>
    public static PodmanEnvironment Current => For(new PodmanOptions());

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string?, string, string), Lazy<PodmanEnvironment>> Probed = new();

    /// <summary>
    /// The probe for these options, done once per process for each (configuration, image, executable): adapters that
    /// differ only in timing share it (a probe plays a pod, ~1.5 s).
    /// </summary>
    public static PodmanEnvironment For(PodmanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Probed.GetOrAdd((options.ContainersConf, options.Image, options.Executable), _ => new Lazy<PodmanEnvironment>(() => Probe(options))).Value;
    }

    public static PodmanEnvironment Probe(PodmanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? conf = options.ContainersConf ?? FindContainersConf();
        if (conf is null || !File.Exists(conf))
        {
            return new(false, "no " + ConfRelativePath + " found above " + Directory.GetCurrentDirectory(), conf ?? "");
        }

        var cli = new PodmanCli(conf, options.Executable);
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
            if (smoke.ExitCode != 3)
            {
                return new(false, "podman cannot run a container (" + Outcome(smoke) + "): " + FirstLine(smoke.Stderr), conf);
            }

            // kube play needs more than podman run: the pod's infra container, built locally from catatonit.
            string? play = ProbeKubePlay(cli, options.Image);
            return play is null
                ? new(true, "podman " + version.Stdout.Trim(), conf)
                : new(false, play, conf);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new(false, "podman is not installed (" + e.Message + "): run .ci/setup-podman.sh", conf);
        }
    }

    /// <summary>
    /// Plays a one-container pod that exits at once and removes it again; null when that worked, else why not,
    /// worded so the fix is plain (a missing <c>catatonit</c> is the usual cause: podman only recommends it).
    /// </summary>
    private static string? ProbeKubePlay(PodmanCli cli, string image)
    {
        string pod = "podconf-probe-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        string file = Path.Combine(Path.GetTempPath(), pod + ".yaml");
        File.WriteAllText(file, string.Join('\n',
            "apiVersion: v1",
            "kind: Pod",
            "metadata:",
            "  name: " + pod,
            "  labels:",
            "    " + PodmanManifest.AdapterLabel + ": " + PodmanManifest.AdapterValue,
            "spec:",
            "  restartPolicy: Never",
            "  containers:",
            "  - name: c",
            "    image: " + image,
            "    command: [\"sh\", \"-c\", \"exit 0\"]",
            ""));
        try
        {
            var played = cli.RunAsync(["kube", "play", "--network", "none", "--quiet", file], TimeSpan.FromSeconds(60), CancellationToken.None).GetAwaiter().GetResult();
            if (played.Ok)
            {
                return null;
            }

            string error = ErrorLine(played.Stderr);
            string hint = error.Contains("catatonit", StringComparison.Ordinal)
                ? " (podman builds the pod's infra image from catatonit, which is not installed: run .ci/setup-podman.sh)"
                : "";
            return "podman kube play cannot start a pod (" + Outcome(played) + "): " + error + hint;
        }
        finally
        {
            PodmanCleanup.RemovePodAsync(cli, pod).GetAwaiter().GetResult();
            File.Delete(file);
        }
    }

    private static string Outcome(PodmanResult r) =>
        r.TimedOut ? "timed out" : "exit " + r.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
