using System.Globalization;

namespace PodConformance.Suite.Observations;

/// <summary>
/// A container's state as one line (<c>app Terminated Error exit=1 last=Error/1 ready</c>): the lifecycle views of the
/// catalogue compare these, and adapters' logs print them, so a failure and a log read alike.
/// </summary>
public static class ContainerSampleText
{
    /// <summary><paramref name="withRestarts"/>: the lifecycle views leave the count out (P-LIFE-RESTARTS compares it).</summary>
    public static string Format(ContainerSample c, bool withRestarts)
    {
        ArgumentNullException.ThrowIfNull(c);
        string text = c.Name + " " + (c.State.Length == 0 ? "<no state>" : c.State);
        if (c.Reason.Length != 0)
        {
            text += " " + c.Reason;
        }

        if (c.ExitCode is { } exit)
        {
            text += " exit=" + exit.ToString(CultureInfo.InvariantCulture);
        }

        if (withRestarts)
        {
            text += " restarts=" + c.RestartCount.ToString(CultureInfo.InvariantCulture);
        }

        if (c.LastReason.Length != 0 || c.LastExitCode is not null)
        {
            text += " last=" + c.LastReason + "/" + (c.LastExitCode?.ToString(CultureInfo.InvariantCulture) ?? "");
        }

        return text + (c.Ready ? " ready" : "");
    }
}
