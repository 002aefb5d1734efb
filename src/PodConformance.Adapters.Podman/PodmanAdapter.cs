using System.Diagnostics;
using System.Globalization;
using PodConformance.Model.Api;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Podman;

/// <summary>
/// Runs pod cases as real containers with <c>podman kube play</c> and observes their lifecycle by polling
/// <c>podman inspect</c> while and after the play runs (spec/adapter-podman.md). Only <see cref="Capability.Lifecycle"/>
/// is declared: podman does no Kubernetes admission, QoS or env resolution, and its oom_score_adj is not the
/// kubelet's. Every pod it creates is removed after its case, and all of its run's pods on dispose.
/// </summary>
public sealed class PodmanAdapter : IConformanceAdapter
{
    private readonly PodmanOptions _options;
    private readonly PodmanEnvironment _environment;
    private readonly PodmanCli? _cli;
    private int _cases;

    public PodmanAdapter(PodmanOptions? options = null)
    {
        _options = options ?? new PodmanOptions();
        _environment = options is null ? PodmanEnvironment.Current : PodmanEnvironment.For(_options);
        _cli = _environment.Usable ? new PodmanCli(_environment.ContainersConf, _options.Executable) : null;
        RunId = Guid.NewGuid().ToString("N")[..8];
    }

    public string Name => "podman";

    public Capability Capabilities => Capability.Lifecycle;

    /// <summary>The label value on every pod of this adapter instance (<see cref="PodmanManifest.RunLabel"/>).</summary>
    public string RunId { get; }

    public PodmanEnvironment Environment => _environment;

    public async ValueTask<Observation> RunAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken)
    {
        if (testCase is not PodCase p)
        {
            return Observation.Failed("the podman adapter runs pod cases only, not " + testCase.Describe());
        }

        if (_cli is null)
        {
            return Observation.Failed("podman is not usable: " + _environment.Reason);
        }

        if (p.BeyondRealTargets("podman") is { } notPerformed)
        {
            return Observation.Unperformed(notPerformed);
        }

        string podName = string.Create(CultureInfo.InvariantCulture, $"{_options.NamePrefix}-{RunId}-{Interlocked.Increment(ref _cases)}");
        string file = Path.Combine(Path.GetTempPath(), podName + ".yaml");
        try
        {
            var rendered = PodmanManifest.Render(p.Pod, p.Scenario, podName, RunId, _options);
            await File.WriteAllTextAsync(file, PodmanManifest.ToYaml(rendered), cancellationToken).ConfigureAwait(false);
            return await ObserveAsync(p, podName, file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or System.ComponentModel.Win32Exception)
        {
            return Observation.Failed("podman adapter: " + e.Message);
        }
        finally
        {
            await PodmanCleanup.RemovePodAsync(_cli, podName).ConfigureAwait(false);
            File.Delete(file);
        }
    }

    private async Task<Observation> ObserveAsync(PodCase p, string podName, string file, CancellationToken ct)
    {
        var cli = _cli!;
        var pod = p.Pod;
        string placeholder = PodmanManifest.ContainerName(podName, PodmanManifest.PlaceholderName(pod));
        var names = pod.Spec.InitContainers.Concat(pod.Spec.Containers).Select(c => PodmanManifest.ContainerName(podName, c.Name)).Append(placeholder).ToArray();
        var missing = MissingImages.For(pod, p.Scenario, podName);
        var appNames = pod.Spec.Containers.Select(c => PodmanManifest.ContainerName(podName, c.Name)).Append(placeholder).ToHashSet(StringComparer.Ordinal);
        bool pulling = false;
        var window = Min(_options.ToReal(p.Scenario.Until), _options.MaxWindow);
        var script = p.Scenario.ScriptFor(pod.Metadata.Name);
        TimeSpan? deleteAt = script.DeleteAfter is { } d ? _options.ToReal(d) : null;
        var mapper = new PodmanStatusMapper(pod);
        var snapshots = new List<(TimeSpan, Pod, bool)>();
        bool anySeen = false;

        var clock = Stopwatch.StartNew();
        using var play = cli.Start(["kube", "play", "--network", "none", "--quiet", file]);
        var playDone = PodmanCli.WaitAsync(play, window + _options.PlayTimeout, ct);
        try
        {
            return await PollAsync().ConfigureAwait(false);
        }
        finally
        {
            // However the case ends (cancelled mid-poll included), kube play must be gone before the caller removes the
            // pod: a play still running could go on creating what the removal just took away.
            if (!playDone.IsCompleted)
            {
                KillQuietly(play);
            }

            try
            {
                await playDone.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // the case's cancellation; WaitAsync has waited for the killed process to exit
            }
        }

        async Task<Observation> PollAsync()
        {
            while (clock.Elapsed < window)
            {
                var at = clock.Elapsed;
                bool deleting = deleteAt is { } del && at >= del;
                if (deleting)
                {
                    long grace = Math.Clamp((long)Math.Ceiling(_options.ToReal(TimeSpan.FromSeconds(pod.Spec.TerminationGracePeriodSeconds ?? 30)).TotalSeconds), 0, 2);
                    await cli.RunAsync(["pod", "stop", "--ignore", "--time", grace.ToString(CultureInfo.InvariantCulture), podName], TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
                }

                var states = await InspectAsync(cli, names, ct).ConfigureAwait(false);
                anySeen |= states.Count > 0;

                // The kubelet gets to a missing image when the app containers start (for an init container's: when the
                // played init containers are done, which the placeholder's start shows); from then on the adapter answers it.
                pulling |= missing.Any && states.Values.Any(s => appNames.Contains(s.Name) && (s.StartedAt is not null || s.Status == "running"));
                var pulls = pulling ? missing.Attempt(_options.ToVirtual(at)) : null;
                var mapped = mapper.Map(states, c => PodmanManifest.ContainerName(podName, c), pulls);
                snapshots.Add((_options.ToVirtual(at), mapped, deleting));
                if (deleting || (deleteAt is null && _options.StopWhenSettled && Settled(mapped)) || (_options.StopWhen is { } stop && stop(mapped)))
                {
                    break;
                }

                var rest = _options.PollInterval - (clock.Elapsed - at);
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, ct).ConfigureAwait(false);
                }
            }

            // Without any container, kube play's own answer is the observation: wait for it, within its timeout, rather
            // than cut it short at the end of the window.
            if (!playDone.IsCompleted && anySeen)
            {
                KillQuietly(play);
            }

            var played = await playDone.ConfigureAwait(false);
            if (!anySeen)
            {
                // Nothing of the pod was observed. A play that gave up is podman's answer (a failure); one that was still
                // busy when its time ran out, or that created the pod only after the window, leaves nothing to compare:
                // the case is not observed (machine too slow), never reported as a pod without containers.
                if (played.TimedOut)
                {
                    return Observation.Unperformed("podman kube play created no container within " + Seconds(window + _options.PlayTimeout) + " (killed; the machine is too slow for this case)");
                }

                if (played.ExitCode != 0)
                {
                    return Observation.Failed("podman kube play created no container (exit " + played.ExitCode.ToString(CultureInfo.InvariantCulture) + "): " + PodmanEnvironment.ErrorLine(played.Stderr));
                }

                return Observation.Unperformed("podman kube play created the pod only after the observation window of " + Seconds(window) + " (the machine is too slow for this case)");
            }

            return new Observation { Lifecycle = LifecycleObserver.FromSnapshots(snapshots, []) };
        }
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>The pod's containers podman knows now, by name (absent ones are not created yet, or removed).</summary>
    private static async Task<Dictionary<string, PodmanContainerState>> InspectAsync(PodmanCli cli, string[] names, CancellationToken ct)
    {
        var result = await cli.RunAsync(["inspect", "--type", "container", "--format", "json", .. names], TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        var byName = new Dictionary<string, PodmanContainerState>(StringComparer.Ordinal);
        foreach (var s in PodmanContainerState.ParseInspect(result.Stdout))
        {
            byName[s.Name] = s;
        }

        return byName;
    }

    /// <summary>
    /// Nothing can change any more: every app container exited for good (phase Succeeded or Failed) and no container
    /// runs. Observing on would only repeat the last sample, so the case ends here, whatever is left of its window.
    /// </summary>
    private static bool Settled(Pod mapped) =>
        mapped.Status is { } status
        && (status.Phase == PodPhases.Succeeded || status.Phase == PodPhases.Failed)
        && status.ContainerStatuses.All(c => c.State.Running is null)
        && status.InitContainerStatuses.All(c => c.State.Running is null);

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// Stops every podman a case is still running (no case starts another), then removes every pod of this adapter's
    /// run, also those a cancelled or interrupted case could not remove. Safe to call more than once, and from another
    /// thread while a case runs (podconf's SIGINT/SIGTERM handler does).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_cli is not null)
        {
            _cli.Shutdown();
            await PodmanCleanup.RemoveLabelledAsync(_cli.Fresh(), RunId).ConfigureAwait(false);
        }
    }
}
