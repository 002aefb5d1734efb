using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Events;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Simulation;

/// <summary>
/// RestartAllContainers (KEP-5532, gate RestartAllContainersOnContainerExits, alpha 1.35, beta 1.36): a container whose exit
/// matches a rule with that action has the kubelet kill and remove every container of the pod, keep the sandbox, and
/// start the pod again from its first init container (SIM-016; statuses PHASE-020; condition COND-009).
/// </summary>
internal sealed partial class PodRun
{
    /// <summary>The exited instance the runtime still holds matches a RestartAllContainers rule of its container.</summary>
    private bool TriggersRestartAll(ContainerRuntime c) =>
        c.HasExited && c.ExitPending
        && _sim.RestartAllContainersGate
        && c.Spec.RestartPolicy is not null
        && ContainerRestartPolicy.FindMatchingRule(c.Spec, c.ExitCode) is { } rule
        && string.Equals(rule.Action, ContainerRestartPolicy.ActionRestartAllContainers, StringComparison.Ordinal);

    private bool AnyTriggersRestartAll()
    {
        foreach (var c in _init)
        {
            if (TriggersRestartAll(c))
            {
                return true;
            }
        }

        foreach (var c in _regular)
        {
            if (TriggersRestartAll(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// SIM-016, termination phase (computePodActions' RestartAllContainers branch, then SyncPod's reset loop): every
    /// regular container, then every init container, each in spec order, is removed from the runtime, a running one
    /// killed first (Killing "killing", grace period 0: no preStop hook); the containers whose exit triggered the restart
    /// come last, but they have exited and are only removed, so the order shows only in the Killing events. Nothing is
    /// started in this sync; the next one (one PLEG relist later) starts the pod from its first init container. A
    /// container whose status was not waiting now waits <c>RestartingAllContainers</c> (PHASE-020).
    /// </summary>
    private bool RestartAllIfTriggered()
    {
        if (!AnyTriggersRestartAll())
        {
            return false;
        }

        RuleCoverage.Hit("SIM-016");
        _startQueue.Clear();
        foreach (var c in _regular.Concat(_init))
        {
            if (c.IsRunning)
            {
                _sim.Record(this, EventCatalog.KillingForRestartAll(Ref(c), Now));
            }

            RemoveForRestartAll(c);
        }

        _restartAllWaits = true;
        _restartAllSyncPending = true;
        _initialized = false;
        _sim.At(Now + SimulationTiming.PlegRelist, Sync);
        return true;
    }

    /// <summary>Some container waits RestartingAllContainers (set by the cleanup, cleared by <see cref="EndRestartingAllContainersWaits"/>).</summary>
    private bool _restartAllWaits;

    /// <summary>The next sync is the SyncPod that follows the cleanup status: that status stays the pod's while it works.</summary>
    private bool _restartAllSyncPending;

    /// <summary>
    /// PHASE-020: the kubelet writes the RestartingAllContainers waiting state only into a status generated while
    /// <c>ShouldAllContainersRestart</c> holds, which after the cleanup is the one status whose previous condition was
    /// still True. Any later status finds the condition False, no exited instance with a triggering code and no
    /// terminated API status, so a container not created again starts from the default waiting state with its old
    /// restartCount and lastState (convertToAPIContainerStatuses and ShouldAllContainersRestart at v1.36.3, spec/phase.md).
    /// The cleanup status is current while the SyncPod after it pulls; the next status is generated once that SyncPod
    /// has created a container (a PLEG event) or ended in an error, or at any later sync: those are the callers.
    /// </summary>
    private void EndRestartingAllContainersWaits()
    {
        if (!_restartAllWaits)
        {
            return;
        }

        _restartAllWaits = false;
        foreach (var c in _init)
        {
            EndRestartingAllContainersWait(c);
        }

        foreach (var c in _regular)
        {
            EndRestartingAllContainersWait(c);
        }
    }

    /// <summary>
    /// At a sync's start: the SyncPod right after the cleanup keeps the cleanup status, and so does a sync that comes
    /// while that SyncPod's pull is still running (the kubelet's pod worker pulls synchronously, so no status is
    /// generated before the pull ends); any later sync ends it.
    /// </summary>
    private void BeginSyncAfterRestartAll()
    {
        if (_restartAllSyncPending || (_restartAllWaits && _chainBusy))
        {
            _restartAllSyncPending = false;
            return;
        }

        EndRestartingAllContainersWaits();
    }

    private static void EndRestartingAllContainersWait(ContainerRuntime c)
    {
        if (string.Equals(c.WaitingReason, ContainerStatusSynthesis.RestartingAllContainers, StringComparison.Ordinal))
        {
            c.WaitingReason = "";
            c.WaitingMessage = "";
        }
    }

    /// <summary>PHASE-020: convertToAPIContainerStatuses for a container the runtime no longer has while the pod restarts.</summary>
    private static void RemoveForRestartAll(ContainerRuntime c)
    {
        bool statusWasWaiting = !c.IsRunning && !c.HasExited && !c.ExitPending;
        if (statusWasWaiting)
        {
            // An old waiting status stays waiting (the default reason), with its lastState and restartCount (unverified: the reason cache).
            c.WaitingReason = "";
            c.WaitingMessage = "";
        }
        else
        {
            RuleCoverage.Hit(PhaseRules.RestartingAllContainersStatus);
            c.WaitingReason = ContainerStatusSynthesis.RestartingAllContainers;
            c.WaitingMessage = ContainerStatusSynthesis.RestartingAllContainersMessage;
            c.LastTermination = new ContainerStateTerminated
            {
                ExitCode = 137,
                Reason = ContainerStatusSynthesis.RestartingAllContainers,
                Message = ContainerStatusSynthesis.RestartingAllContainersMessage,
            };
            c.RestartAllPending = true;
        }

        if (c.Phase == RuntimePhase.Pulling)
        {
            // FinishPull sees the new generation and only frees the start chain.
            c.Generation++;
        }

        c.Phase = RuntimePhase.NotCreated;
        c.ExitPending = false;
        c.Final = false;
        c.Ready = false;
        c.Started = false;
        c.Generation++;
    }

    /// <summary>
    /// COND-009: with the gate on and a RestartAllContainers rule anywhere in the pod, the kubelet appends
    /// AllContainersRestarting after PodScheduled (<see cref="AllContainersRestarting.Generate"/> over the runtime's
    /// instances and the previous status's condition): True while a triggering exit is still in the runtime, else
    /// False (PodCompleted / PodFailed in a terminal phase, no reason otherwise).
    /// </summary>
    private ValueList<PodCondition> WithRestartAllCondition(ValueList<PodCondition> conditions, string phase)
    {
        if (!_sim.RestartAllContainersGate || !AllContainersCouldRestart(_pod.Spec))
        {
            return conditions;
        }

        var previous = CurrentConditions;
        bool previouslyTrue = false;
        foreach (var p in previous)
        {
            previouslyTrue |= p.Type == PodConditionNames.AllContainersRestarting && p.Status == "True";
        }

        var condition = AllContainersRestarting.Generate(_pod.Spec, RuntimeInstances(), previouslyTrue, phase);
        DateTimeOffset? since = Trunc(Now);
        foreach (var p in previous)
        {
            if (p.Type == condition.Type && p.Status == condition.Status)
            {
                since = p.LastTransitionTime;
            }
        }

        return conditions.Add(condition with { LastTransitionTime = since });
    }

    /// <summary>
    /// The instances the simulated runtime holds: a created container (running, or exited and not yet removed); one per
    /// container, since the model keeps only the newest (an older exited instance is garbage to the kubelet's rules).
    /// </summary>
    private List<AllContainersRestarting.Instance> RuntimeInstances()
    {
        var instances = new List<AllContainersRestarting.Instance>(_init.Count + _regular.Count);
        AddInstances(_init, instances);
        AddInstances(_regular, instances);
        return instances;
    }

    private static void AddInstances(List<ContainerRuntime> containers, List<AllContainersRestarting.Instance> into)
    {
        foreach (var c in containers)
        {
            if (c.IsRunning || (c.HasExited && c.ExitPending))
            {
                into.Add(new AllContainersRestarting.Instance(c.Name, !c.IsRunning, c.ExitCode));
            }
        }
    }

    /// <summary>podutil.AllContainersCouldRestart (pkg/api/v1/pod/util.go at v1.36.3): some init or regular container has a rule with the RestartAllContainers action.</summary>
    private static bool AllContainersCouldRestart(PodSpec spec) =>
        AnyRestartAllRule(spec.Containers.AsSpan()) || AnyRestartAllRule(spec.InitContainers.AsSpan());

    /// <summary>A loop over spans: every status update asks this, so no enumerator is boxed.</summary>
    private static bool AnyRestartAllRule(ReadOnlySpan<Container> containers)
    {
        foreach (var c in containers)
        {
            foreach (var rule in c.RestartPolicyRules.AsSpan())
            {
                if (string.Equals(rule.Action, ContainerRestartPolicy.ActionRestartAllContainers, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
