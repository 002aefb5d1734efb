using PodConformance.Model.Api;

namespace PodConformance.Model.Validation;

/// <summary>
/// validateStopSignal (spec/validation.md VAL-048; ContainerStopSignals, 1.33+): a container's <c>lifecycle.stopSignal</c>
/// needs <c>spec.os.name</c>, and must be one of the signals of that OS. With the gate off the create strategy drops the
/// field first (ADM-094, Admission/DisabledFields), so a create never gets here with it.
/// </summary>
public static partial class PodValidator
{
    /// <summary>
    /// supportedStopSignalsLinux, in the order <c>sets.List</c> prints it (sorted by byte value: <c>SIGRTMAX-1</c>
    /// before <c>SIGRTMAX-10</c>, <c>SIGRTMAX</c> before both). The names are the <c>core.Signal</c> constants of
    /// pkg/apis/core/types.go (same strings in k8s.io/api core/v1).
    /// </summary>
    private static readonly string[] LinuxStopSignals = SortedOrdinal(
        "SIGABRT", "SIGALRM", "SIGBUS", "SIGCHLD", "SIGCLD", "SIGCONT", "SIGFPE", "SIGHUP", "SIGILL", "SIGINT", "SIGIO",
        "SIGIOT", "SIGKILL", "SIGPIPE", "SIGPOLL", "SIGPROF", "SIGPWR", "SIGQUIT", "SIGSEGV", "SIGSTKFLT", "SIGSTOP",
        "SIGSYS", "SIGTERM", "SIGTRAP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGUSR1", "SIGUSR2", "SIGVTALRM",
        "SIGWINCH", "SIGXCPU", "SIGXFSZ", "SIGRTMIN", "SIGRTMIN+1", "SIGRTMIN+2", "SIGRTMIN+3", "SIGRTMIN+4",
        "SIGRTMIN+5", "SIGRTMIN+6", "SIGRTMIN+7", "SIGRTMIN+8", "SIGRTMIN+9", "SIGRTMIN+10", "SIGRTMIN+11",
        "SIGRTMIN+12", "SIGRTMIN+13", "SIGRTMIN+14", "SIGRTMIN+15", "SIGRTMAX-14", "SIGRTMAX-13", "SIGRTMAX-12",
        "SIGRTMAX-11", "SIGRTMAX-10", "SIGRTMAX-9", "SIGRTMAX-8", "SIGRTMAX-7", "SIGRTMAX-6", "SIGRTMAX-5",
        "SIGRTMAX-4", "SIGRTMAX-3", "SIGRTMAX-2", "SIGRTMAX-1", "SIGRTMAX");

    /// <summary>supportedStopSignalsWindows, sorted.</summary>
    private static readonly string[] WindowsStopSignals = ["SIGKILL", "SIGTERM"];

    private static string[] SortedOrdinal(params string[] values)
    {
        Array.Sort(values, StringComparer.Ordinal);
        return values;
    }

    /// <summary>
    /// VAL-048: no <c>spec.os</c> → Forbidden; os windows → SIGKILL or SIGTERM; os linux → the Linux list; any other
    /// os name (itself an error of VAL-216) → nothing. The bad value is the <c>*core.Signal</c>, printed as a named string.
    /// </summary>
    private static void ValidateStopSignal(Context ctx, string signal, PodOS? os, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.StopSignal);
        if (os is null)
        {
            ctx.Add(FieldError.Forbidden(path, "may not be set for containers with empty `spec.os.name`"));
            return;
        }

        string[]? supported = os.Name switch
        {
            "windows" => WindowsStopSignals,
            "linux" => LinuxStopSignals,
            _ => null,
        };
        if (supported is not null && Array.BinarySearch(supported, signal, StringComparer.Ordinal) < 0)
        {
            ctx.Add(FieldError.NotSupported(path, GoValueText.NamedString(signal, ctx.Version), supported));
        }
    }
}
