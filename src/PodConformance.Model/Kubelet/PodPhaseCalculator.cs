using System.Globalization;
using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Kubelet;

/// <summary>
/// The kubelet's pod phase (pkg/kubelet/kubelet_pods.go <c>getPhase</c> and the terminal-phase merge of
/// <c>generateAPIPodStatus</c>), see spec/phase.md. The phase is a count over container states, not a
/// function of restartPolicy alone: sidecars, crash-looping containers and per-container policies all matter.
/// </summary>
public static class PodPhaseCalculator
{
    /// <summary>Annotation the kubelet sets on pods from a non-API source (kubetypes.ConfigSourceAnnotationKey).</summary>
    public const string ConfigSourceAnnotation = PodSources.Annotation;

    /// <summary>
    /// The release whose getPhase takes <c>podHasInitialized</c> from its caller (PHASE-016). Before it, getPhase asked
    /// <c>kubecontainer.HasAnyRegularContainerStarted(spec, info)</c> over the statuses it was given (PHASE-007).
    /// </summary>
    private static readonly KubernetesVersion PodHasInitializedSince = new(1, 33);

    /// <summary>
    /// The release from which a pending regular init container makes the pod Pending on its own (PHASE-007); before
    /// it one counter held pending regular init containers and pending sidecars alike, both excused once a regular
    /// container had started.
    /// </summary>
    private static readonly KubernetesVersion SeparateInitCountersSince = new(1, 32);

    /// <summary>
    /// getPhase. Statuses are looked up by container name in <paramref name="containerStatuses"/> and then
    /// <paramref name="initStatuses"/> (upstream concatenates them in that order); the first match wins (PHASE-001).
    /// <paramref name="isStaticPod"/> skips the terminal-pod shortcut, as upstream does for static pods.
    /// <paramref name="podHasInitialized"/> counts from 1.33; before, getPhase had no such argument and the statuses
    /// decide (PHASE-007), so the value passed is ignored there.
    /// </summary>
    public static string GetPhase(
        PodSpec spec,
        ReadOnlySpan<ContainerStatus> initStatuses,
        ReadOnlySpan<ContainerStatus> containerStatuses,
        bool podIsTerminal,
        bool podHasInitialized,
        Profile profile,
        bool isStaticPod = false) =>
        Compute(spec, containerStatuses, initStatuses, podIsTerminal, podHasInitialized, profile, isStaticPod, null, null);

    /// <summary>getPhase over one lookup list (upstream's <c>info</c> argument), as the upstream unit tests call it.</summary>
    public static string GetPhaseFromStatusList(
        PodSpec spec,
        ReadOnlySpan<ContainerStatus> statuses,
        bool podIsTerminal,
        bool podHasInitialized,
        Profile profile,
        bool isStaticPod = false) =>
        Compute(spec, statuses, [], podIsTerminal, podHasInitialized, profile, isStaticPod, null, null);

    /// <summary>The same answer as <see cref="GetPhase"/>, with the rules that decided it and a one-line reason.</summary>
    public static PhaseDecision Explain(
        PodSpec spec,
        ReadOnlySpan<ContainerStatus> initStatuses,
        ReadOnlySpan<ContainerStatus> containerStatuses,
        bool podIsTerminal,
        bool podHasInitialized,
        Profile profile,
        bool isStaticPod = false)
    {
        var rules = new List<string>(6) { PhaseRules.StatusLookup };
        var reason = new StringBuilder();
        string phase = Compute(spec, containerStatuses, initStatuses, podIsTerminal, podHasInitialized, profile, isStaticPod, rules, reason);
        return new PhaseDecision(phase, rules.ToValueList(), reason.ToString());
    }

    /// <summary>
    /// The phase the kubelet would write for a pod read back with its status: podHasInitialized from the
    /// statuses (PHASE-016), getPhase, then a stored Succeeded/Failed phase wins (PHASE-017).
    /// <paramref name="podIsTerminal"/> is the pod worker's verdict (deleted, evicted, past its deadline and
    /// stopped); a manifest cannot say it, so the caller does.
    /// </summary>
    public static PhaseDecision DerivePhase(Pod pod, Profile profile, bool podIsTerminal = false)
    {
        var status = pod.Status ?? new PodStatus();
        var init = status.InitContainerStatuses.AsSpan();
        var regular = status.ContainerStatuses.AsSpan();
        bool initialized = HasAnyActiveRegularContainerStartedFromApi(pod.Spec, regular, init);
        var decision = Explain(pod.Spec, init, regular, podIsTerminal, initialized, profile, IsStaticPod(pod.Metadata));

        var rules = decision.Rules.Insert(1, PhaseRules.PodHasInitialized);
        if (PodPhases.IsTerminal(status.Phase) && !string.Equals(status.Phase, decision.Phase, StringComparison.Ordinal))
        {
            RuleCoverage.Hit(PhaseRules.TerminalSticky);
            return new PhaseDecision(status.Phase, rules.Add(PhaseRules.TerminalSticky),
                $"status.phase is already {status.Phase}; a terminal phase never changes (containers alone would give {decision.Phase})");
        }

        return decision with { Rules = rules };
    }

    /// <summary>
    /// kubecontainer.HasAnyActiveRegularContainerStarted: true when any container of the current sandbox
    /// (<paramref name="activeStatuses"/>, the runtime's view, in any state) is a regular container.
    /// </summary>
    public static bool HasAnyActiveRegularContainerStarted(PodSpec spec, ReadOnlySpan<ContainerStatus> activeStatuses)
    {
        foreach (var s in activeStatuses)
        {
            if (IsRegularContainer(spec, s.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// PHASE-016 from API statuses alone: a regular container counts as started in the current sandbox when an
    /// instance of it exists — running, terminated, or waiting after a termination. The API cannot show a
    /// sandbox re-creation; a simulator that models sandboxes should pass podHasInitialized itself.
    /// </summary>
    public static bool HasAnyActiveRegularContainerStartedFromApi(
        PodSpec spec, ReadOnlySpan<ContainerStatus> containerStatuses, ReadOnlySpan<ContainerStatus> initStatuses)
    {
        return Scan(spec, containerStatuses) || Scan(spec, initStatuses);

        static bool Scan(PodSpec spec, ReadOnlySpan<ContainerStatus> statuses)
        {
            foreach (var s in statuses)
            {
                if ((s.State.Running is not null || s.State.Terminated is not null || s.LastState.Terminated is not null)
                    && IsRegularContainer(spec, s.Name))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>kubetypes.IsStaticPod: the config-source annotation is present and is not <c>api</c>.</summary>
    public static bool IsStaticPod(ObjectMeta metadata) => PodSources.IsStatic(metadata);

    /// <summary>First status with this name in <paramref name="first"/>, then <paramref name="second"/> (PHASE-001).</summary>
    public static ContainerStatus? FindStatus(string name, ReadOnlySpan<ContainerStatus> first, ReadOnlySpan<ContainerStatus> second)
    {
        foreach (var s in first)
        {
            if (string.Equals(s.Name, name, StringComparison.Ordinal))
            {
                return s;
            }
        }

        foreach (var s in second)
        {
            if (string.Equals(s.Name, name, StringComparison.Ordinal))
            {
                return s;
            }
        }

        return null;
    }

    private static bool IsRegularContainer(PodSpec spec, string name)
    {
        foreach (var c in spec.Containers)
        {
            if (string.Equals(c.Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Compute(
        PodSpec spec,
        ReadOnlySpan<ContainerStatus> first,
        ReadOnlySpan<ContainerStatus> second,
        bool podIsTerminal,
        bool podHasInitialized,
        Profile profile,
        bool isStaticPod,
        List<string>? rules,
        StringBuilder? why)
    {
        bool perContainer = profile.IsEnabled(FeatureGateNames.ContainerRestartRules);
        bool restartAll = profile.IsEnabled(FeatureGateNames.RestartAllContainersOnContainerExits);
        var c = new Counts();
        RuleCoverage.Hit(PhaseRules.StatusLookup);
        RuleCoverage.Hit(PhaseRules.PodHasInitialized, podHasInitialized ? "a regular container has started" : "no regular container has started");

        // PHASE-002: regular init containers.
        foreach (var init in spec.InitContainers)
        {
            if (init.IsSidecarPolicy)
            {
                continue;
            }

            RuleCoverage.Hit(PhaseRules.RegularInit);
            rules?.AddOnce(PhaseRules.RegularInit);
            var s = FindStatus(init.Name, first, second);
            ContainerStateTerminated? exit = s is null ? null
                : s.State.Running is not null ? null
                : s.State.Terminated ?? (s.State.Waiting is not null ? s.LastState.Terminated : null);
            if (exit is null)
            {
                // No status, running, waiting without a previous run, or no state at all.
                c.PendingInit++;
                continue;
            }

            if (exit.ExitCode != 0)
            {
                c.FailedInit++;
                if (perContainer && !Restartable(init, spec, exit, profile, restartAll, rules))
                {
                    c.FailedInitNotRestartable++;
                }
            }
        }

        // PHASE-003: sidecars.
        foreach (var sidecar in spec.InitContainers)
        {
            if (!sidecar.IsSidecarPolicy)
            {
                continue;
            }

            RuleCoverage.Hit(PhaseRules.Sidecar);
            rules?.AddOnce(PhaseRules.Sidecar);
            var s = FindStatus(sidecar.Name, first, second);
            if (s is null)
            {
                c.Unknown++;
            }
            else if (s.State.Running is not null)
            {
                if (s.Started != true)
                {
                    c.PendingSidecars++;
                }

                c.Running++;
                c.RunningSidecars++;
            }
            else if (s.State.Terminated is not null)
            {
                // A stopped sidecar does not count towards the phase.
                RuleCoverage.Hit(PhaseRules.Sidecar, "a stopped sidecar does not count");
            }
            else if (s.State.Waiting is not null)
            {
                if (s.LastState.Terminated is null)
                {
                    c.PendingSidecars++;
                    c.Waiting++;
                }
            }
            else
            {
                c.PendingSidecars++;
                c.Unknown++;
            }
        }

        // PHASE-004: regular containers.
        foreach (var container in spec.Containers)
        {
            RuleCoverage.Hit(PhaseRules.RegularContainer);
            rules?.AddOnce(PhaseRules.RegularContainer);
            var s = FindStatus(container.Name, first, second);
            if (s is null)
            {
                c.Unknown++;
                continue;
            }

            if (s.State.Running is not null)
            {
                c.Running++;
            }
            else if (s.State.Terminated is { } t)
            {
                c.Stopped++;
                if (perContainer && !Restartable(container, spec, t, profile, restartAll, rules))
                {
                    c.StoppedNotRestartable++;
                }

                if (t.ExitCode == 0)
                {
                    c.Succeeded++;
                }
            }
            else if (s.State.Waiting is not null)
            {
                if (s.LastState.Terminated is { } last)
                {
                    // Crash-loop back-off: the container is stopped, not waiting to start.
                    c.Stopped++;
                    if (perContainer && !Restartable(container, spec, last, profile, restartAll, rules))
                    {
                        c.StoppedNotRestartable++;
                    }
                }
                else
                {
                    c.Waiting++;
                }
            }
            else
            {
                c.Unknown++;
            }
        }

        if (profile.Version < PodHasInitializedSince)
        {
            // 1.28–1.32 have no podHasInitialized: getPhase looks at the statuses it was given (PHASE-007).
            podHasInitialized = AnyRegularContainerStarted(spec, first) || AnyRegularContainerStarted(spec, second);
        }

        bool initPendingOnlyBeforeStart = profile.Version < SeparateInitCountersSince;
        return Decide(spec, c, podIsTerminal, podHasInitialized, initPendingOnlyBeforeStart, perContainer, isStaticPod, rules, why);
    }

    /// <summary>
    /// kubecontainer.HasAnyRegularContainerStarted (1.28–1.32): some status names a regular container and is running
    /// or terminated (waiting after a termination does not count, unlike PHASE-016's API reading).
    /// </summary>
    private static bool AnyRegularContainerStarted(PodSpec spec, ReadOnlySpan<ContainerStatus> statuses)
    {
        foreach (var s in statuses)
        {
            if ((s.State.Running is not null || s.State.Terminated is not null) && IsRegularContainer(spec, s.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static string Decide(
        PodSpec spec, Counts c, bool podIsTerminal, bool podHasInitialized, bool initPendingOnlyBeforeStart, bool perContainer,
        bool isStaticPod, List<string>? rules, StringBuilder? why)
    {
        if (perContainer)
        {
            if (c.FailedInitNotRestartable > 0)
            {
                return Done(PodPhases.Failed, PhaseRules.FailedInitPerContainer, "an init container failed and will not be restarted");
            }
        }
        else if (c.FailedInit > 0 && string.Equals(spec.RestartPolicy, ContainerRestartPolicy.Never, StringComparison.Ordinal))
        {
            return Done(PodPhases.Failed, PhaseRules.FailedInitPodPolicy, "an init container failed and restartPolicy is Never");
        }

        bool pendingInit = initPendingOnlyBeforeStart
            ? c.PendingInit + c.PendingSidecars > 0 && !podHasInitialized
            : c.PendingInit > 0 || (c.PendingSidecars > 0 && !podHasInitialized);
        if (pendingInit || c.Waiting > 0)
        {
            bool byInit = pendingInit && c.PendingInit > 0;
            RuleCoverage.Hit(PhaseRules.Pending, byInit ? "an init container has not completed" : c.Waiting > 0 ? "a container waits to start" : "decided by a sidecar that has not started");
            return Done(PodPhases.Pending, PhaseRules.Pending,
                byInit ? "an init container has not completed"
                : c.Waiting > 0 ? "a container is waiting to start for the first time"
                : "a sidecar has not started and no regular container has run yet");
        }

        if (c.Running > 0 && c.Unknown == 0)
        {
            RuleCoverage.Hit(PhaseRules.Running, c.Running == c.RunningSidecars ? "decided by a sidecar (the only running container)" : "a regular container runs");
            return Done(PodPhases.Running, PhaseRules.Running, "every container has a status and at least one is running");
        }

        if (c.Running == 0 && c.Stopped > 0 && c.Unknown == 0)
        {
            if (podIsTerminal && !isStaticPod)
            {
                return c.Stopped == c.Succeeded
                    ? Done(PodPhases.Succeeded, PhaseRules.TerminalPod, "the pod is terminal and every container exited 0")
                    : Done(PodPhases.Failed, PhaseRules.TerminalPod, "the pod is terminal and a container exited non-zero");
            }

            if (perContainer)
            {
                if (c.Stopped != c.StoppedNotRestartable)
                {
                    return Done(PodPhases.Running, PhaseRules.AllStoppedPerContainer, "all stopped, but a container will be restarted");
                }

                return c.Stopped == c.Succeeded
                    ? Done(PodPhases.Succeeded, PhaseRules.AllStoppedPerContainer, "all stopped for good and every container exited 0")
                    : Done(PodPhases.Failed, PhaseRules.AllStoppedPerContainer, "all stopped for good and a container exited non-zero");
            }

            if (string.Equals(spec.RestartPolicy, ContainerRestartPolicy.Always, StringComparison.Ordinal))
            {
                RuleCoverage.Hit(PhaseRules.AllStoppedPodPolicy, "Always: Running");
                return Done(PodPhases.Running, PhaseRules.AllStoppedPodPolicy, "all stopped, restartPolicy Always restarts them");
            }

            if (c.Stopped == c.Succeeded)
            {
                RuleCoverage.Hit(PhaseRules.AllStoppedPodPolicy, "all exited 0: Succeeded");
                return Done(PodPhases.Succeeded, PhaseRules.AllStoppedPodPolicy, "all stopped and every container exited 0");
            }

            if (string.Equals(spec.RestartPolicy, ContainerRestartPolicy.Never, StringComparison.Ordinal))
            {
                RuleCoverage.Hit(PhaseRules.AllStoppedPodPolicy, "Never with a failure: Failed");
                return Done(PodPhases.Failed, PhaseRules.AllStoppedPodPolicy, "all stopped, a container exited non-zero and restartPolicy is Never");
            }

            RuleCoverage.Hit(PhaseRules.AllStoppedPodPolicy, "OnFailure with a failure: Running");
            return Done(PodPhases.Running, PhaseRules.AllStoppedPodPolicy, "all stopped, restartPolicy OnFailure restarts the failed ones");
        }

        return Done(PodPhases.Pending, PhaseRules.DefaultPending,
            c.Unknown > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{c.Unknown} container(s) have no status yet")
                : "no container has started");

        string Done(string phase, string rule, string reason)
        {
            RuleCoverage.Hit(rule);
            rules?.Add(rule);
            why?.Append(reason);
            return phase;
        }
    }

    private static bool Restartable(
        Container container, PodSpec spec, ContainerStateTerminated exit, Profile profile, bool restartAll, List<string>? rules)
    {
        RuleCoverage.Hit(PhaseRules.ContainerShouldRestart);
        rules?.AddOnce(PhaseRules.ContainerShouldRestart);
        if (restartAll && string.Equals(exit.Reason, ContainerStatusSynthesis.RestartingAllContainers, StringComparison.Ordinal))
        {
            RuleCoverage.Hit(PhaseRules.RestartingAllContainersReason);
            rules?.AddOnce(PhaseRules.RestartingAllContainersReason);
            return true;
        }

        if (restartAll && container.RestartPolicy is not null
            && ContainerRestartPolicy.FindMatchingRule(container, exit.ExitCode) is { } rule
            && string.Equals(rule.Action, ContainerRestartPolicy.ActionRestartAllContainers, StringComparison.Ordinal))
        {
            RuleCoverage.Hit(PhaseRules.RestartAllContainersAction);
            rules?.AddOnce(PhaseRules.RestartAllContainersAction);
        }

        return ContainerRestartPolicy.ShouldRestart(container, spec, exit.ExitCode, profile);
    }

    private static void AddOnce(this List<string> rules, string rule)
    {
        if (!rules.Contains(rule))
        {
            rules.Add(rule);
        }
    }

    private struct Counts
    {
        public int PendingInit;
        public int PendingSidecars;
        public int FailedInit;
        public int FailedInitNotRestartable;
        public int Unknown;
        public int Running;
        public int RunningSidecars;
        public int Waiting;
        public int Stopped;
        public int StoppedNotRestartable;
        public int Succeeded;
    }
}
