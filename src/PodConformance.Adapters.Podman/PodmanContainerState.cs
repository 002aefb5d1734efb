using System.Globalization;
using System.Text.Json;

namespace PodConformance.Adapters.Podman;

/// <summary>The part of one <c>podman inspect --format json</c> entry the adapter maps to a container status.</summary>
public sealed record PodmanContainerState
{
    public string Name { get; init; } = "";

    /// <summary>podman's state: <c>created</c>, <c>configured</c>, <c>initialized</c>, <c>running</c>, <c>stopped</c>, <c>exited</c>, <c>paused</c>…</summary>
    public string Status { get; init; } = "";

    public int ExitCode { get; init; }

    /// <summary>podman 4.3.1 leaves this false even after a cgroup OOM kill (spec/adapter-podman.md).</summary>
    public bool OomKilled { get; init; }

    public int RestartCount { get; init; }

    /// <summary>Null while the container has never started (podman writes year 1).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The cgroup memory limit in bytes; 0 when unlimited.</summary>
    public long MemoryLimit { get; init; }

    /// <summary>The runtime's error, e.g. when the container could not start.</summary>
    public string Error { get; init; } = "";

    /// <summary>Parses the JSON array podman prints; entries it cannot read are skipped (the name is then absent).</summary>
    public static IReadOnlyList<PodmanContainerState> ParseInspect(string json)
    {
        var states = new List<PodmanContainerState>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return states;
        }

        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            return states;
        }

        foreach (var e in doc.RootElement.EnumerateArray())
        {
            if (!e.TryGetProperty("State", out var state) || state.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            states.Add(new PodmanContainerState
            {
                Name = Text(e, "Name"),
                Status = Text(state, "Status"),
                ExitCode = Int(state, "ExitCode"),
                OomKilled = state.TryGetProperty("OOMKilled", out var oom) && oom.ValueKind == JsonValueKind.True,
                RestartCount = Int(e, "RestartCount"),
                StartedAt = Time(state, "StartedAt"),
                FinishedAt = Time(state, "FinishedAt"),
                MemoryLimit = e.TryGetProperty("HostConfig", out var host) && host.TryGetProperty("Memory", out var m) && m.TryGetInt64(out long bytes) ? bytes : 0,
                Error = Text(state, "Error"),
            });
        }

        return states;
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.TryGetInt32(out int i) ? i : 0;

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        DateTimeOffset.TryParse(Text(e, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && t.Year > 1 ? t : null;
}
