using System.Globalization;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Podman;

/// <summary>One status sample as a line (<c>+1.2s Running 1/1 Running 0 | app running …</c>), for logs and reports.</summary>
public static class SampleText
{
    public static string Format(StatusSample s)
    {
        ArgumentNullException.ThrowIfNull(s);
        string containers = string.Join("; ", s.Containers.Select(c => ContainerSampleText.Format(c, withRestarts: true)));
        return string.Create(CultureInfo.InvariantCulture, $"+{s.Offset.TotalSeconds:0.0}s {s.Phase} {s.Ready} {s.Status} {s.Restarts}{(s.Deleted ? " deleted" : "")} | {containers}");
    }
}
