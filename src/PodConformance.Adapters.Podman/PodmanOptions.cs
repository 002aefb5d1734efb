namespace PodConformance.Adapters.Podman;

/// <summary>
/// How the adapter maps a scenario's virtual time onto real containers. Scenarios speak in seconds to minutes;
/// a real case must take a few seconds, so every duration is multiplied by <see cref="TimeScale"/> (0.2: one
/// virtual second is 200 ms of real time) and observation stops after <see cref="MaxWindow"/> of real time
/// (25 virtual seconds at the default scale), whatever the scenario's <c>until</c>. Offsets reported in the
/// observation are converted back to virtual time (real offset / scale).
/// </summary>
public sealed record PodmanOptions
{
    public double TimeScale { get; init; } = 0.2;

    public TimeSpan MaxWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Ends the observation early once it holds for the latest snapshot (the pod as the mapper shows it). The
    /// observation always ends early when the pod has settled (every container exited for good, no deletion
    /// pending); tests use this to wait for an event (a second restart) under a generous window instead of
    /// betting on what a short window holds on a busy machine.
    /// </summary>
    public Func<Model.Api.Pod, bool>? StopWhen { get; init; }

    /// <summary>Whether a settled pod ends the observation (default); tests that watch for what must not happen next turn it off.</summary>
    public bool StopWhenSettled { get; init; } = true;

    /// <summary>
    /// How long <c>kube play</c> may go on after the window when no container of the pod has been seen: its own answer
    /// (an error, or a pod created late) is awaited that long. Generous, because on a loaded machine a play can take
    /// tens of seconds; only a hung podman should reach it.
    /// </summary>
    public TimeSpan PlayTimeout { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>Real time between two <c>podman inspect</c> calls (one call takes ~70 ms).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Prefix of every pod this adapter creates; the cleanup removes pods carrying its run label.</summary>
    public string NamePrefix { get; init; } = "podconf";

    /// <summary>The image every container runs (built by .ci/setup-podman.sh); the original is kept in an annotation.</summary>
    public string Image { get; init; } = "localhost/busybox:local";

    /// <summary>The podman command (searched on PATH); tests point it at a stand-in to see how failures are reported.</summary>
    public string Executable { get; init; } = "podman";

    /// <summary>The repository's containers.conf; found from the working directory upwards when null.</summary>
    public string? ContainersConf { get; init; }

    /// <summary>Real time a scenario's virtual duration takes.</summary>
    public TimeSpan ToReal(TimeSpan virtualTime) => TimeSpan.FromTicks((long)(virtualTime.Ticks * TimeScale));

    /// <summary>Virtual time of a real offset.</summary>
    public TimeSpan ToVirtual(TimeSpan realTime) => TimeSpan.FromTicks((long)(realTime.Ticks / TimeScale));
}
