using System.Globalization;
using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Simulation;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// Turns a pod and its scenario into a Pod a real cluster can run: every container runs the configured small image
/// (busybox by default) with <c>sh -c</c> acting out the scenario's runs (sleep, exit code, memory allocation, readiness),
/// and images the scenario calls missing get a tag that does not exist. Rules: spec/adapter-cluster.md, section "Rendering".
/// </summary>
public static class ScenarioRendering
{
    /// <summary>The emptyDir where each container keeps its run counter and readiness marker across restarts.</summary>
    public const string StateVolume = "podconf-state";

    public const string StateDir = "/podconf-state";

    /// <summary>A tag no registry serves: pulls fail with ErrImagePull, then ImagePullBackOff.</summary>
    public const string MissingTag = "podconf-missing-image-do-not-push";

    /// <summary>Marks the environment dump in the container log.</summary>
    public const string EnvBegin = "--- podconf env begin ---";

    public const string EnvEnd = "--- podconf env end ---";

    /// <summary>The Pod to create in <paramref name="namespaceName"/>; spec fields the rules look at (resources, restart policies, env) are kept.</summary>
    public static Pod Render(Pod pod, Scenario scenario, string namespaceName, IDictionary<string, string> labels, RenderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(settings);
        string name = PodName(pod);
        var script = scenario.ScriptFor(pod.Metadata.Name);
        var mergedLabels = pod.Metadata.Labels;
        foreach (var (k, v) in labels)
        {
            mergedLabels = mergedLabels.SetItem(k, v);
        }

        var spec = pod.Spec with
        {
            InitContainers = pod.Spec.InitContainers.Select(c => RenderContainer(c, script, scenario, settings, isInit: true)).ToValueList(),
            Containers = pod.Spec.Containers.Select(c => RenderContainer(c, script, scenario, settings, isInit: false)).ToValueList(),
            EphemeralContainers = default,
            Volumes = pod.Spec.Volumes.Add(new Volume { Name = StateVolume, SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() }),

            // The scenario's nodes are the simulator's; a real cluster's are its own.
            NodeName = "",
        };
        return pod with
        {
            Metadata = pod.Metadata with
            {
                Name = name,
                GenerateName = "",
                Namespace = namespaceName,
                Labels = mergedLabels,
                Uid = "",
                CreationTimestamp = null,
                DeletionTimestamp = null,
                DeletionGracePeriodSeconds = null,
            },
            Spec = spec,
            Status = null,
        };
    }

    /// <summary>The pod's name, or one made from generateName (the watch needs to know it before the create).</summary>
    public static string PodName(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Metadata.Name.Length > 0)
        {
            return pod.Metadata.Name;
        }

        string stem = pod.Metadata.GenerateName.Length > 0 ? pod.Metadata.GenerateName : "podconf-";
        return stem + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));
    }

    /// <summary>The image a container runs: the configured one, or the same repository with <see cref="MissingTag"/>.</summary>
    public static string ImageFor(Container c, Scenario scenario, string image)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(image);
        return scenario.Images.IsMissing(c.Image) ? Repository(image) + ":" + MissingTag : image;
    }

    private static Container RenderContainer(Container c, PodScript script, Scenario scenario, RenderSettings settings, bool isInit)
    {
        bool sidecar = isInit && c.IsSidecarPolicy;
        var runs = Runs(c, script, isInit && !sidecar);
        bool needsMarker = !(isInit && !sidecar) && runs.Any(r => r.NeverReady || r.ReadyAfter > TimeSpan.Zero);
        var marker = new Probe
        {
            Handler = new ProbeHandler { ExecCommand = ValueList.Of("test", "-f", StateDir + "/" + c.Name + ".ready") },
            PeriodSeconds = 1,
            FailureThreshold = 1,
            SuccessThreshold = 1,
            TimeoutSeconds = 1,
        };
        return c with
        {
            Image = ImageFor(c, scenario, settings.Image),
            Command = ValueList.Of("sh", "-c", Script(c.Name, runs, settings.PrintEnv)),
            Args = default,

            // Probes and hooks of the original image cannot work in busybox; readiness comes from the scenario.
            LivenessProbe = null,
            ReadinessProbe = needsMarker && !sidecar ? marker : null,
            StartupProbe = needsMarker && sidecar ? marker : null,
            Lifecycle = null,
            VolumeMounts = c.VolumeMounts.Add(new VolumeMount { Name = StateVolume, MountPath = StateDir }),
        };
    }

    /// <summary>The runs the container goes through; unnamed containers get the scenario defaults.</summary>
    public static IReadOnlyList<ContainerRun> Runs(Container c, PodScript script, bool plainInit)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(script);
        if (script.Containers.TryGetValue(c.Name, out var s) && !s.Runs.IsEmpty)
        {
            return s.Runs;
        }

        return [plainInit ? ContainerRun.DefaultInit : ContainerRun.Default];
    }

    /// <summary>
    /// The <c>sh -c</c> program: count the run in the state volume, clear the readiness marker, trap SIGTERM (exit 0,
    /// as the simulator's SIM-010 says a stopped process does), then act out run n (the last run repeats).
    /// </summary>
    public static string Script(string containerName, IReadOnlyList<ContainerRun> runs, bool printEnv)
    {
        ArgumentNullException.ThrowIfNull(containerName);
        ArgumentNullException.ThrowIfNull(runs);
        string state = StateDir + "/" + containerName;
        var sb = new StringBuilder();
        sb.Append("n=$(cat ").Append(state).Append(".runs 2>/dev/null || echo 0); echo $((n+1)) > ").Append(state).Append(".runs; ");
        sb.Append("rm -f ").Append(state).Append(".ready; ");
        sb.Append("trap 'exit 0' TERM; ");
        if (printEnv)
        {
            sb.Append("echo '").Append(EnvBegin).Append("'; env; echo '").Append(EnvEnd).Append("'; ");
        }

        if (runs.Count == 1)
        {
            sb.Append(Run(state, runs[0]));
            return sb.ToString();
        }

        sb.Append("case $n in ");
        for (int i = 0; i < runs.Count; i++)
        {
            sb.Append(i == runs.Count - 1 ? "*" : i.ToString(CultureInfo.InvariantCulture)).Append(") ").Append(Run(state, runs[i])).Append(";; ");
        }

        sb.Append("esac");
        return sb.ToString();
    }

    /// <summary>One run: readiness marker, then allocation and/or exit at <c>after</c>, else sleep until stopped.</summary>
    public static string Run(string state, ContainerRun run)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(run);
        var parts = new List<string>();
        if (!run.NeverReady)
        {
            parts.Add(run.ReadyAfter > TimeSpan.Zero
                ? "(sleep " + Seconds(run.ReadyAfter) + "; touch " + state + ".ready) &"
                : "touch " + state + ".ready");
        }

        bool acts = run.AllocateMemory is not null || run.ExitCode is not null;
        if (acts && run.After > TimeSpan.Zero)
        {
            // Backgrounded and waited for, so the TERM trap runs at once instead of after the sleep.
            parts.Add("sleep " + Seconds(run.After) + " & wait $!");
        }

        if (run.AllocateMemory is { } mem)
        {
            // dd's block buffer is written by the read from /dev/zero, so its pages are resident: above the memory
            // limit the kernel OOM-kills the container (exit 137, OOMKilled).
            parts.Add("dd if=/dev/zero of=/dev/null bs=" + mem.Value().ToString(CultureInfo.InvariantCulture) + " count=1 2>/dev/null");
        }

        parts.Add(run.ExitCode is { } code
            ? "exit " + code.ToString(CultureInfo.InvariantCulture)
            : "while :; do sleep 3600 & wait $!; done");
        return string.Join("; ", parts).Replace("&;", "&", StringComparison.Ordinal);
    }

    /// <summary>Seconds with up to three decimals (busybox sleep accepts fractions).</summary>
    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Repository(string image)
    {
        int at = image.IndexOf('@', StringComparison.Ordinal);
        string s = at >= 0 ? image[..at] : image;
        int colon = s.LastIndexOf(':');
        int slash = s.LastIndexOf('/');
        return colon > slash ? s[..colon] : s;
    }
}

/// <summary>What rendering needs from the options.</summary>
public sealed record RenderSettings(string Image, bool PrintEnv = false);
