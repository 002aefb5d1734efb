using PodConformance.Model.Api;
using PodConformance.Model.Coverage;
using PodConformance.Model.Backoff;
using PodConformance.Model.Events;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Limits;

namespace PodConformance.Model.Simulation;

internal sealed partial class PodRun
{
    /// <summary>
    /// One kubelet sync (SyncPod): init containers one at a time (a sidecar must be started before the next),
    /// then every regular container that should run, then the status is published.
    /// </summary>
    private void Sync()
    {
        if (_deleted || _node is null)
        {
            return;
        }

        if (!_sandboxReady)
        {
            RuleCoverage.Hit("SIM-003");
            _sandboxReady = true;
            _startTime = Trunc(Now);
        }

        BeginSyncAfterRestartAll();
        if (_deleting)
        {
            RuleCoverage.Hit("SIM-010");
            StopAll();
            Publish();
            FinishDeletion();
            return;
        }

        if (PodPhases.IsTerminal(CurrentPhase))
        {
            Publish();
            return;
        }

        if (RestartAllIfTriggered())
        {
            Publish();
            return;
        }

        bool initDone = SyncInit();
        if (initDone)
        {
            _initialized = true;
            SyncRestartableSidecars();
            SyncRegular();
        }

        Publish();
        if (PodPhases.IsTerminal(CurrentPhase))
        {
            // The pod is done: the kubelet stops what still runs (sidecars, last first) and reports again.
            StopAll();
            Publish();
        }
        else if (initDone && NoRegularContainerToKeep())
        {
            // SIM-017: computePodActions keeps no regular container and starts none, so KillPod: running sidecars do
            // not keep the pod alive; they are stopped (last first) and the next status is terminal.
            RuleCoverage.Hit("SIM-017");
            StopAll();
            Publish();
        }
    }

    /// <summary>
    /// computePodActions' <c>keepCount == 0 &amp;&amp; len(ContainersToStart) == 0</c>: every regular container has exited
    /// and will not be restarted (none runs, pulls, waits to start or waits out a back-off).
    /// </summary>
    private bool NoRegularContainerToKeep()
    {
        if (_regular.Count == 0)
        {
            return false;
        }

        foreach (var c in _regular)
        {
            if (!c.Final || c.IsRunning || c.Phase == RuntimePhase.Pulling || _startQueue.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every regular init container succeeded and every sidecar has started (once).</summary>
    private bool SyncInit()
    {
        if (_initialized)
        {
            return true;
        }

        foreach (var c in _init)
        {
            RuleCoverage.Hit("SIM-004");
            if (c.Kind == ContainerKind.Sidecar)
            {
                if (c.IsRunning && c.Started)
                {
                    continue;
                }

                RuleCoverage.Hit("SIM-004", "a sidecar not yet started holds up the next init container");

                if (!c.IsRunning && !c.Final && c.Phase != RuntimePhase.Pulling)
                {
                    StartOrBackOff(c);
                }

                return false;
            }

            if (c.Succeeded)
            {
                continue;
            }

            if (c.IsRunning || c.Phase == RuntimePhase.Pulling || c.Final)
            {
                return false;
            }

            if (c.HasExited && !ContainerRestartPolicy.ShouldRestart(c.Spec, _pod.Spec, c.ExitCode, Profile))
            {
                c.Final = true;
                return false;
            }

            StartOrBackOff(c);
            return false;
        }

        return true;
    }

    /// <summary>After initialization a sidecar that exits is restarted (with backoff) without holding anything up.</summary>
    private void SyncRestartableSidecars()
    {
        foreach (var c in _init)
        {
            if (c.Kind == ContainerKind.Sidecar && c.HasExited && !c.Final)
            {
                StartOrBackOff(c);
            }
        }
    }

    private void SyncRegular()
    {
        foreach (var c in _regular)
        {
            if (c.IsRunning || c.Phase == RuntimePhase.Pulling || c.Final)
            {
                continue;
            }

            if (c.HasExited && c.TerminationReason == ResourceLimits.OomKilledReason)
            {
                RuleCoverage.Hit(LimitRules.OomRestart);
            }

            if (c.HasExited && !ContainerRestartPolicy.ShouldRestart(c.Spec, _pod.Spec, c.ExitCode, Profile))
            {
                c.Final = true;
                continue;
            }

            StartOrBackOff(c);
        }
    }

    /// <summary>doBackOff for a container that exited before; a container that never ran starts at once.</summary>
    private void StartOrBackOff(ContainerRuntime c)
    {
        if (c.HasExited || c.WaitingReason == BackoffMessages.CrashLoopBackOffReason)
        {
            RuleCoverage.Hit("SIM-008", c.Kind == ContainerKind.Sidecar ? "a sidecar restarts" : c.Kind == ContainerKind.Init ? "an init container restarts" : "a regular container restarts");
            c.BackoffKey ??= BackoffKeys.Container(_pod.Metadata, c.Name, SpecHash(c));
            // The last waiting decision, not the last decision: each restart at the cap then waits with the same one.
            var decision = CrashLoopBackoff.Decide(_sim.CrashLoop, c.BackoffKey, _pod.Metadata, c.Name, c.FinishedAt, Now, c.LastBackoff);
            if (!decision.Start)
            {
                c.LastBackoff = decision;
            }
            if (!decision.Start)
            {
                MoveToLastState(c);
                c.Phase = RuntimePhase.Waiting;
                c.WaitingReason = decision.Waiting!.Reason;
                c.WaitingMessage = decision.Waiting.Message;
                if (_sim.KeepsEvents)
                {
                    _sim.RecordAgain(this, c.BackOffEvent ??= EventCatalog.BackOffRestarting(Ref(c), PodRef, Now), Now);
                }
                else
                {
                    RuleCoverage.Hit(EventRules.BackOffRestart);
                }

                var expiry = c.FinishedAt + decision.Delay - Now;
                RequestResync(expiry > TimeSpan.Zero && expiry < SimulationTiming.SyncErrorRequeue ? expiry : SimulationTiming.SyncErrorRequeue);
                return;
            }
        }

        Enqueue(c);
    }

    private void Enqueue(ContainerRuntime c)
    {
        if (_startQueue.Contains(c))
        {
            return;
        }

        _startQueue.Enqueue(c);
        ContinueChain();
    }

    /// <summary>Containers start one after another: a start that needs an image pull holds up the next one.</summary>
    private void ContinueChain()
    {
        while (!_chainBusy && _startQueue.Count > 0)
        {
            var c = _startQueue.Dequeue();
            if (_deleting || c.IsRunning)
            {
                continue;
            }

            BeginStart(c);
        }
    }

    private void BeginStart(ContainerRuntime c)
    {
        string image = c.Spec.Image;
        bool present = _sim.NodeHasImage(_node!.Name, image);
        string policy = c.Spec.ImagePullPolicy;
        RuleCoverage.Hit("SIM-005");
        if (policy == "Never" && !present)
        {
            RuleCoverage.Hit("SIM-005", "Never and the image is absent");
            MoveToLastState(c);
            c.Phase = RuntimePhase.Waiting;
            c.WaitingReason = BackoffMessages.ErrImageNeverPullReason;
            c.WaitingMessage = BackoffMessages.NeverPull(image);
            _sim.Record(this, EventCatalog.NeverPull(Ref(c), image, Now));
            RequestResync(SimulationTiming.SyncErrorRequeue);
            return;
        }

        if (policy != "Always" && present)
        {
            RuleCoverage.Hit("SIM-005", "the image is present");
            if (_sim.KeepsEvents)
            {
                _sim.RecordAgain(this, c.PresentEvent ??= EventCatalog.AlreadyPresent(Profile, Ref(c), image, Now), Now);
            }
            else
            {
                RuleCoverage.Hit(EventRules.AlreadyPresent);
            }

            CreateAndStart(c);
            return;
        }

        var key = BackoffKeys.Image(_pod.Metadata.Uid, image);
        if (_sim.ImagePull.IsInBackOffSinceUpdate(key, Now))
        {
            var attempt = ImagePullBackoff.Attempt(_sim.ImagePull, _pod.Metadata.Uid, image, null, Now, _sim.PullErrors);
            MoveToLastState(c);
            c.Phase = RuntimePhase.Waiting;
            c.WaitingReason = attempt.Waiting!.Reason;
            c.WaitingMessage = attempt.Waiting.Message;
            _sim.Record(this, EventCatalog.BackOffPullingImage(Ref(c), image, Now));
            _sim.Record(this, EventCatalog.ImagePullBackOff(Ref(c), Now));
            RequestResync(SimulationTiming.SyncErrorRequeue);
            return;
        }

        Pull(c, image);
    }

    /// <summary>A pull (SIM-005); its own method, so the other starts allocate no closure.</summary>
    private void Pull(ContainerRuntime c, string image)
    {
        RuleCoverage.Hit("SIM-005", "pulled");
        _sim.PullErrors?.Forget(BackoffKeys.Image(_pod.Metadata.Uid, image));
        c.Phase = RuntimePhase.Pulling;
        _chainBusy = true;
        if (_sim.KeepsEvents)
        {
            _sim.Record(this, EventCatalog.Pulling(Ref(c), image, Now));
        }
        else
        {
            RuleCoverage.Hit(EventRules.Pulling);
        }

        var took = _sim.Scenario.Images.PullDuration;
        int generation = c.Generation;
        _sim.At(Now + took, () => FinishPull(c, generation, took));
        Publish();
    }

    private void FinishPull(ContainerRuntime c, int generation, TimeSpan took)
    {
        _chainBusy = false;
        if (_deleted || _deleting || c.Generation != generation || c.Phase != RuntimePhase.Pulling)
        {
            ContinueChain();
            Publish();
            return;
        }

        string image = c.Spec.Image;
        if (_sim.Scenario.Images.IsMissing(image))
        {
            string error = "rpc error: code = NotFound desc = failed to pull and unpack image " + BackoffMessages.GoQuote(image) + ": not found";
            var attempt = ImagePullBackoff.Attempt(_sim.ImagePull, _pod.Metadata.Uid, image, error, Now, _sim.PullErrors);
            MoveToLastState(c);
            c.Phase = RuntimePhase.Waiting;
            c.WaitingReason = attempt.Waiting!.Reason;
            c.WaitingMessage = attempt.Waiting.Message;
            _sim.Record(this, EventCatalog.FailedToPull(Ref(c), image, error, Now));
            _sim.Record(this, EventCatalog.ErrImagePull(Ref(c), Now));

            RequestResync(SimulationTiming.SyncErrorRequeue);
            ContinueChain();
            Publish();
            return;
        }

        _sim.NodePulled(_node!.Name, image);
        if (_sim.KeepsEvents)
        {
            _sim.Record(this, EventCatalog.Pulled(Profile, Ref(c), image, took, took, SimulationEvents.ImageSize(image), Now));
        }
        else
        {
            RuleCoverage.Hit(EventRules.Pulled);
        }

        CreateAndStart(c);
        ContinueChain();
        Publish();
    }

    /// <summary>
    /// generateContainerConfig, after the image is there (SIM-014): an error leaves the container waiting in
    /// CreateContainerConfigError with the error as message, records Warning Failed "Error: …", and the pod worker
    /// retries after its error requeue; no container is created, so nothing restarts or backs off.
    /// </summary>
    private void CreateAndStart(ContainerRuntime c)
    {
        RuleCoverage.Hit("SIM-014");
        EndRestartingAllContainersWaits();
        if (ConfigError(c) is { } error)
        {
            RuleCoverage.Hit("SIM-014", "the config fails: CreateContainerConfigError");
            MoveToLastState(c);
            c.Phase = RuntimePhase.Waiting;
            c.WaitingReason = ContainerEnv.EnvError.Reason;
            c.WaitingMessage = error.Message;
            _sim.Record(this, EventCatalog.ContainerError(Ref(c), error.Message, Now));
            RequestResync(SimulationTiming.SyncErrorRequeue);
            return;
        }

        MoveToLastState(c);
        c.RestartAllPending = false;
        c.Starts++;
        c.Generation++;
        c.Phase = RuntimePhase.Running;
        c.WaitingReason = "";
        c.WaitingMessage = "";
        c.StartedAt = Now;
        c.Ready = false;
        c.Started = c.Kind != ContainerKind.Sidecar;
        if (_sim.KeepsEvents)
        {
            _sim.RecordAgain(this, c.CreatedEvent ??= EventCatalog.Created(Profile, Ref(c), Now), Now);
            _sim.RecordAgain(this, c.StartedEvent ??= EventCatalog.Started(Profile, Ref(c), Now), Now);
        }
        else
        {
            // Events not kept: their messages are not built, their rules are hit as building them would.
            RuleCoverage.Hit(EventRules.Created);
            RuleCoverage.Hit(EventRules.Started);
        }

        // PLEG sees the started container at its next relist and syncs the pod: what waited on this start proceeds.
        _sim.At(Now + SimulationTiming.PlegRelist, SyncAction);

        var run = RunFor(c);
        RuleCoverage.Hit("SIM-006");
        int generation = c.Generation;
        if (!run.NeverReady)
        {
            if (run.ReadyAfter == TimeSpan.Zero)
            {
                // No probe to wait for: ready (or started) in the same status update that reports it running.
                c.Started = true;
                c.Ready = c.Kind != ContainerKind.Init;
            }
            else
            {
                _sim.At(Now + run.ReadyAfter, c.ReadyAction ??= NewReadyAction(c), generation);
            }
        }

        if (run.AllocateMemory is not null || run.UseCpu is not null)
        {
            // LIMIT-001..003: a CPU demand alone is evaluated too (LIMIT-002: throttled, never killed, so no exit is planned).
            var outcome = _sim.Rules.Limits(c.Spec, run.AllocateMemory, run.UseCpu);
            if (outcome.Terminated is { } killed)
            {
                PlanExit(c, run.After, killed.ExitCode, killed.Reason);
                return;
            }
        }

        if (run.ExitCode is { } code)
        {
            PlanExit(c, run.After, code, code == 0 ? "Completed" : "Error");
        }
    }

    /// <summary>The instance just started exits after <paramref name="after"/> (Exit reads the code and reason it keeps).</summary>
    private void PlanExit(ContainerRuntime c, TimeSpan after, int exitCode, string reason)
    {
        c.PlannedExitCode = exitCode;
        c.PlannedExitReason = reason;
        _sim.At(Now + after, c.ExitAction ??= NewExitAction(c), c.Generation);
    }

    // Each container's delegates, built once; the queue passes the instance's generation (PodSimulator.At).
    private Action<int> NewReadyAction(ContainerRuntime c) => generation => MarkReady(c, generation);

    private Action<int> NewExitAction(ContainerRuntime c) => generation => Exit(c, generation, c.PlannedExitCode, c.PlannedExitReason);

    /// <summary>
    /// generateContainerConfig's verdict for <paramref name="c"/>: it reads the pod, the container, the node and the
    /// objects that exist, so a restart with none of them changed gets the verdict of the last start.
    /// </summary>
    private ContainerEnv.EnvError? ConfigError(ContainerRuntime c)
    {
        if (c.ConfigCheckedFor is { } checkedFor && ReferenceEquals(checkedFor, _pod) && c.ConfigObjectsVersion == _sim.ObjectsVersion)
        {
            return c.ConfigErrorResult;
        }

        var inputs = _sim.EnvInputsFor(Namespace, _node!, PodIPs());
        c.ConfigErrorResult = _sim.Rules.ContainerConfig(_pod, c.Spec, inputs, Profile);
        c.ConfigCheckedFor = _pod;
        c.ConfigObjectsVersion = _sim.ObjectsVersion;
        return c.ConfigErrorResult;
    }

    private ContainerRun RunFor(ContainerRuntime c)
    {
        if (_script.Containers.TryGetValue(c.Name, out var script))
        {
            return script.RunAt(c.Starts - 1);
        }

        return c.Kind == ContainerKind.Init ? ContainerRun.DefaultInit : ContainerRun.Default;
    }

    private void MarkReady(ContainerRuntime c, int generation)
    {
        if (c.Generation != generation || !c.IsRunning)
        {
            return;
        }

        c.Started = true;
        c.Ready = c.Kind != ContainerKind.Init;
        Sync();
    }

    private void Exit(ContainerRuntime c, int generation, int exitCode, string reason)
    {
        if (c.Generation != generation || !c.IsRunning)
        {
            return;
        }

        RuleCoverage.Hit("SIM-007");
        c.Phase = RuntimePhase.Exited;
        c.ExitPending = true;
        c.ExitCode = exitCode;
        c.TerminationReason = reason;
        c.FinishedAt = Now;
        c.Ready = false;
        c.Started = false;

        // The runtime reports the exit; the kubelet's next relist (PLEG, every 1 s) triggers the sync that restarts it.
        Publish();
        _sim.At(Now + SimulationTiming.PlegRelist, SyncAction);
    }

    /// <summary>The previous instance's terminated state moves to lastState when a new one is created or waits with a reason.</summary>
    private static void MoveToLastState(ContainerRuntime c)
    {
        if (c.ExitPending)
        {
            c.LastTermination = Terminated(c);
            c.ExitPending = false;
        }
    }

    /// <summary>Stops every running container (regular ones first, then sidecars last to first) and ends pulls.</summary>
    private void StopAll()
    {
        _startQueue.Clear();
        foreach (var c in _regular)
        {
            Stop(c);
        }

        for (int i = _init.Count - 1; i >= 0; i--)
        {
            Stop(_init[i]);
        }

        foreach (var c in _regular.Concat(_init))
        {
            c.Final = true;
        }
    }

    private void Stop(ContainerRuntime c)
    {
        if (c.Phase == RuntimePhase.Pulling)
        {
            c.Phase = RuntimePhase.NotCreated;
            c.Generation++;
        }

        if (!c.IsRunning)
        {
            return;
        }

        _sim.Record(this, EventCatalog.Killing(Ref(c), Now));
        c.Phase = RuntimePhase.Exited;
        c.ExitPending = true;
        c.ExitCode = 0;
        c.TerminationReason = "Completed";
        c.FinishedAt = Now;
        c.Ready = false;
        c.Started = false;
        c.Generation++;
    }

    private void FinishDeletion()
    {
        foreach (var c in _regular.Concat(_init))
        {
            if (c.IsRunning || c.Phase == RuntimePhase.Pulling)
            {
                return;
            }
        }

        _deleted = true;
        _sim.Snapshot(SnapshotKind.Deleted, CurrentPod);
    }

    private static ContainerRef Ref(ContainerRuntime c) =>
        new(c.Name, c.Kind == ContainerKind.Regular ? ContainerListKind.Container : ContainerListKind.InitContainer);

    private string SpecHash(ContainerRuntime c) =>
        (c.Kind == ContainerKind.Regular ? "c" : "i") + c.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
