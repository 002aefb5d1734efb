namespace PodConformance.Model.Printing;

/// <summary>Spec rule IDs of spec/printer.md, cited by <see cref="PodRow.StatusRules"/> and <c>explain</c>.</summary>
public static class PrintRules
{
    /// <summary>STATUS starts as <c>status.phase</c>.</summary>
    public const string Phase = "PRINT-001";

    /// <summary>A non-empty <c>status.reason</c> replaces the phase (Evicted, NodeLost, Shutdown…).</summary>
    public const string PodReason = "PRINT-002";

    /// <summary>A PodScheduled condition with reason SchedulingGated gives <c>SchedulingGated</c>.</summary>
    public const string SchedulingGated = "PRINT-003";

    /// <summary>The init walk: restarts summed, exit-0 and started sidecars passed over (sidecars count in READY).</summary>
    public const string InitWalk = "PRINT-004";

    /// <summary>An init container terminated non-zero: <c>Init:&lt;reason&gt;</c>, <c>Init:Signal:N</c>, <c>Init:ExitCode:N</c>.</summary>
    public const string InitTerminated = "PRINT-005";

    /// <summary>An init container waiting with a reason other than PodInitializing: <c>Init:&lt;reason&gt;</c>.</summary>
    public const string InitWaiting = "PRINT-006";

    /// <summary>Any other init container stops the walk with <c>Init:i/n</c>.</summary>
    public const string InitProgress = "PRINT-007";

    /// <summary>The regular-container walk runs when not initializing or Initialized=True; RESTARTS restarts from sidecars.</summary>
    public const string ContainerWalk = "PRINT-008";

    /// <summary>A regular container's waiting/terminated reason, or <c>Signal:N</c>/<c>ExitCode:N</c>; the lowest index wins.</summary>
    public const string ContainerReason = "PRINT-009";

    /// <summary><c>Completed</c> with a running, ready container becomes <c>Running</c> (Ready=True) or <c>NotReady</c>.</summary>
    public const string CompletedButRunning = "PRINT-010";

    /// <summary>Being deleted with <c>status.reason</c> NodeLost: <c>Unknown</c>.</summary>
    public const string NodeLost = "PRINT-011";

    /// <summary>Being deleted in a non-terminal phase: <c>Terminating</c>; a terminal phase keeps its STATUS.</summary>
    public const string Terminating = "PRINT-012";

    /// <summary>READY: ready-and-running regular containers plus started-and-ready sidecars, over containers plus sidecars.</summary>
    public const string Ready = "PRINT-013";

    /// <summary>RESTARTS: the sum, with "(X ago)" from the newest lastState.terminated.finishedAt.</summary>
    public const string Restarts = "PRINT-014";

    /// <summary>AGE: HumanDuration since creationTimestamp, <c>&lt;unknown&gt;</c> when it is zero.</summary>
    public const string Age = "PRINT-015";

    /// <summary>Wide cells IP, NODE, NOMINATED NODE, READINESS GATES with their <c>&lt;none&gt;</c> placeholders.</summary>
    public const string WideCells = "PRINT-016";

    /// <summary>Row condition Completed for Succeeded and Failed pods (kubectl hides such rows by default in some views).</summary>
    public const string RowConditions = "PRINT-017";

    /// <summary>apimachinery duration.HumanDuration.</summary>
    public const string HumanDuration = "PRINT-018";

    /// <summary>kubectl's tabwriter layout: minwidth 6, padding 3, spaces, remembered widths.</summary>
    public const string TableLayout = "PRINT-019";
}
