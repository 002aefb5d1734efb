using PodConformance.Model.Api;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;
using PodConformance.Model.Scheduling;

namespace PodConformance.Model.Simulation;

/// <summary>
/// The rules the simulator calls where no other input reaches them, gathered so that a caller can swap one (the
/// mutation self-check bends one rule and lets its effects flow through the rest of the run). Every member defaults to
/// the model's rule; <see cref="Default"/> is what <see cref="PodSimulator.Run(System.Collections.Generic.IReadOnlyList{Api.Pod}, Scenario, Profiles.Profile, System.DateTimeOffset?, SimulatorRules?)"/> uses.
/// </summary>
public sealed record SimulatorRules
{
    public static SimulatorRules Default { get; } = new();

    public SchedulerProfile Scheduler { get; init; } = SchedulerProfile.Default;

    /// <summary>SCHED-012: the condition the API server gives a gated pod at create (null: none).</summary>
    public Func<Pod, DateTimeOffset, PodCondition?> GatedCondition { get; init; } = SchedulingGatesPlugin.GatedCondition;

    /// <summary>ENV-009/ENV-011: the error that keeps a container from being created (null: it can be created).</summary>
    public Func<Pod, Container, ContainerEnv.EnvInputs, Profile, ContainerEnv.EnvError?> ContainerConfig { get; init; } = ContainerEnv.ContainerConfig.Check;

    /// <summary>PHASE-018: whether a restarting container without a cached start error still shows its exited instance.</summary>
    public Func<bool, string, bool> KeepsTerminatedState { get; init; } = ContainerStatusSynthesis.KeepsTerminatedState;

    /// <summary>LIMIT-001..003: what a container's memory use and CPU demand do against its limits (killed, throttled).</summary>
    public Func<Container, Quantities.Quantity?, Quantities.Quantity?, Limits.LimitOutcome> Limits { get; init; } = static (c, memory, cpu) => Model.Limits.ResourceLimits.Evaluate(c, memory, cpu);

    /// <summary>BACKOFF-001/003: the kubelet's crash-loop back-off (initial delay, cap, 600 s expiry) under the profile.</summary>
    public Func<Profile, Backoff.BackoffTracker> CrashLoopTracker { get; init; } = static profile => Backoff.CrashLoopBackoffPolicy.ForDefaultPeriod(profile).NewTracker();
}
