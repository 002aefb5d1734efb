using System.Diagnostics;
using System.Text;

namespace PodConformance.Adapters.Podman;

/// <summary>What one podman invocation returned.</summary>
public sealed record PodmanResult(int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    public bool Ok => ExitCode == 0 && !TimedOut;
}

/// <summary>
/// Runs the podman command with the repository's containers.conf (these machines need it: runc, cgroupfs,
/// fixed ulimits; see spec/adapter-podman.md). Every call has a timeout, so a hung podman fails one case, not the run.
/// </summary>
public sealed class PodmanCli(string containersConf, string executable = "podman")
{
    private readonly HashSet<Process> live = [];
    private bool shutDown;

    public string ContainersConf { get; } = containersConf;

    /// <summary>
    /// Kills every podman this instance started that is still running and refuses to start more: an interrupted run
    /// (SIGINT/SIGTERM) must not leave a <c>kube play</c> creating a pod after its pods were removed.
    /// </summary>
    public void Shutdown()
    {
        Process[] running;
        lock (live)
        {
            shutDown = true;
            running = [.. live];
        }

        foreach (var p in running)
        {
            try
            {
                p.Kill(entireProcessTree: true);
                _ = p.WaitForExit(TimeSpan.FromSeconds(30));
            }
            catch (InvalidOperationException)
            {
                // exited meanwhile
            }
        }
    }

    /// <summary>A new instance with the same configuration (for cleaning up after <see cref="Shutdown"/>).</summary>
    public PodmanCli Fresh() => new(ContainersConf, executable);

    public async Task<PodmanResult> RunAsync(IReadOnlyList<string> args, TimeSpan timeout, CancellationToken ct, string? stdin = null)
    {
        using var process = Start(args, stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), ct).ConfigureAwait(false);
            process.StandardInput.Close();
        }

        return await WaitAsync(process, timeout, ct).ConfigureAwait(false);
    }

    /// <summary>Starts podman without waiting (for <c>kube play</c>, observed while it runs); finish with <see cref="WaitAsync"/>.</summary>
    public Process Start(IReadOnlyList<string> args, bool redirectStdin = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectStdin,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["CONTAINERS_CONF"] = ContainersConf;
        lock (live)
        {
            if (shutDown)
            {
                throw new OperationCanceledException("the podman adapter is shutting down");
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + executable);
            live.Add(process);
            process.EnableRaisingEvents = true;
            process.Exited += (_, _) =>
            {
                lock (live)
                {
                    live.Remove(process);
                }
            };
            return process;
        }
    }

    public static async Task<PodmanResult> WaitAsync(Process process, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(process);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = !ct.IsCancellationRequested;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // exited meanwhile
            }

            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            if (!timedOut)
            {
                throw;
            }
        }

        return new PodmanResult(timedOut ? -1 : process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), timedOut);
    }
}
