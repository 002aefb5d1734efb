using System.Globalization;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Podman;

/// <summary>One status sample as a line (<c>+1.2s Running 1/1 Running 0 | app running …</c>), for logs and reports.</summary>
public static class SampleText
{
    public static string Format(StatusSample s)
    {
        ArgumentNullException.ThrowIfNull(s);
        string containers = string.Join("; ", s.Containers.Select(c => Container(c)));
        return string.Create(CultureInfo.InvariantCulture, $"+{s.Offset.TotalSeconds:0.0}s {s.Phase} {s.Ready} {s.Status} {s.Restarts}{(s.Deleted ? " deleted" : "")} | {containers}");
    }

    /// <summary>A container's state line; the lifecycle views leave the restart count out (P-LIFE-RESTARTS has it).</summary>
    public static string Container(ContainerSample c, bool withRestarts = true)
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
