namespace PodConformance.Adapters.Podman;

/// <summary>
/// Removes what the adapter created: one pod by name after each case, and every pod (with its containers)
/// carrying the adapter's label — of one run, or of any run, for leftovers of a killed process.
/// </summary>
public static class PodmanCleanup
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Force-removes one pod and its containers; a pod already gone is fine. A removal podman refuses (a pod still
    /// settling after its kube play was killed) is tried again, up to three times in all.
    /// </summary>
    public static async Task<PodmanResult> RemovePodAsync(PodmanCli cli, string podName)
    {
        ArgumentNullException.ThrowIfNull(cli);
        PodmanResult result = default!;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            result = await cli.RunAsync(["pod", "rm", "--force", "--ignore", "--time", "0", podName], Timeout, CancellationToken.None).ConfigureAwait(false);
            if (result.Ok)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>
    /// Removes every pod labelled by this adapter (of <paramref name="runId"/> only, when given); returns how many were
    /// listed first. Listed again after each removal and removed again, up to five rounds: a pod whose kube play was
    /// killed mid-way (the adapter disposed during a case) may refuse removal, or finish appearing, a moment later
    /// (one stayed behind after a single round in a loaded CI run, session 9).
    /// </summary>
    public static async Task<int> RemoveLabelledAsync(PodmanCli cli, string? runId = null)
    {
        ArgumentNullException.ThrowIfNull(cli);
        string filter = runId is null
            ? "label=" + PodmanManifest.AdapterLabel + "=" + PodmanManifest.AdapterValue
            : "label=" + PodmanManifest.RunLabel + "=" + runId;
        int first = -1;
        for (int round = 0; round < 5; round++)
        {
            var list = await cli.RunAsync(["pod", "ps", "--quiet", "--filter", filter], Timeout, CancellationToken.None).ConfigureAwait(false);
            var ids = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (first < 0)
            {
                first = ids.Length;
            }

            if (ids.Length == 0)
            {
                break;
            }

            if (round > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(round)).ConfigureAwait(false);
            }

            await cli.RunAsync(["pod", "rm", "--force", "--ignore", "--time", "0", .. ids], Timeout, CancellationToken.None).ConfigureAwait(false);
        }

        return Math.Max(first, 0);
    }
}
