using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using PodConformance.Adapters.KubernetesClient.Worker;

namespace PodConformance.Adapters.KubernetesClient;

/// <summary>The answer of one <see cref="LibraryWorker.Call"/>.</summary>
internal readonly record struct WorkerResult(LibraryAnswer? Answer, bool Hung, string? Crash);

/// <summary>
/// The KubernetesClient calls of the quantity adapter, made in a worker process
/// (<c>PodConformance.Adapters.KubernetesClient.Worker</c>) one at a time. A call that has used <c>budget</c> of the
/// worker's CPU time, or has been waiting <c>wallLimit</c>, is a hang: the worker is killed and the next call starts a
/// new one. Some library inputs loop forever and .NET cannot stop a thread; in-process, each such call left a thread
/// spinning (and allocating: 13 GB of RSS after one report run) until the process exited, and every garbage collection
/// had to wait for those threads to be scheduled. Counting the worker's CPU time rather than wall time keeps the
/// verdict the same on a busy machine.
/// </summary>
internal sealed class LibraryWorker : IDisposable
{
    private const string WorkerAssembly = "PodConformance.Adapters.KubernetesClient.Worker";

    /// <summary>Bound on a worker's start (process, runtime, warm-up): generous, a loaded machine starts slowly.</summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    private readonly Lock gate = new();
    private Process? process;
    private StderrTail? stderr;
    private int started;

    /// <summary>Workers started so far (one, plus one after each hang or crash).</summary>
    public int Started => Volatile.Read(ref started);

    /// <summary>The running worker's pid, or null between a kill and the next call.</summary>
    public int? Pid
    {
        get
        {
            lock (gate)
            {
                return process?.Id;
            }
        }
    }

    /// <summary>Starts the worker now (it is otherwise started by the first call), so start-up is not charged to a case.</summary>
    public void EnsureStarted()
    {
        lock (gate)
        {
            _ = Running();
        }
    }

    public WorkerResult Call(string input, TimeSpan budget, TimeSpan wallLimit)
    {
        ArgumentNullException.ThrowIfNull(input);
        lock (gate)
        {
            var p = Running();
            var cpu0 = Cpu(p);
            try
            {
                p.StandardInput.WriteLine(LineCodec.Escape(input));
                p.StandardInput.Flush();
            }
            catch (IOException e)
            {
                string ended = "the worker process ended (" + ExitText(p) + "; " + e.Message + ")" + Tail();
                Stop();
                return new WorkerResult(null, false, ended);
            }

            var clock = Stopwatch.StartNew();
            var read = p.StandardOutput.ReadLineAsync();
            while (!read.Wait(Poll))
            {
                if (Cpu(p) - cpu0 >= budget || clock.Elapsed >= wallLimit)
                {
                    Stop();
                    return new WorkerResult(null, true, null);
                }
            }

            string? line = read.Result;
            if (line is not null && LibraryAnswer.Parse(line) is { } answer)
            {
                return new WorkerResult(answer, false, null);
            }

            string why = line is null
                ? "the worker process ended (" + ExitText(p) + ")" + Tail()
                : "the worker answered garbage: " + (line.Length > 200 ? line[..200] + "…" : line);
            Stop();
            return new WorkerResult(null, false, why);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            Stop();
        }
    }

    private Process Running()
    {
        if (process is { } p)
        {
            return p;
        }

        var (host, args) = Command();
        var psi = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var worker = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + host);
        Interlocked.Increment(ref started);
        var tail = new StderrTail();
        worker.ErrorDataReceived += (_, e) => tail.Add(e.Data);
        worker.BeginErrorReadLine();
        worker.StandardInput.NewLine = "\n";
        process = worker;
        stderr = tail;

        var ready = worker.StandardOutput.ReadLineAsync();
        if (!ready.Wait(StartLimit) || ready.Result != "ready")
        {
            string why = ready.IsCompleted ? "it said " + (ready.Result is null ? "nothing (" + ExitText(worker) + ")" : "\"" + ready.Result + "\"") : "no answer within " + StartLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s";
            string detail = Tail();
            Stop();
            throw new InvalidOperationException("the KubernetesClient worker (" + string.Join(' ', args) + ") did not start: " + why + detail);
        }

        return worker;
    }

    private void Stop()
    {
        if (process is not { } p)
        {
            return;
        }

        process = null;
        try
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
            }

            _ = p.WaitForExit(TimeSpan.FromSeconds(30));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Could not be killed (gone meanwhile); nothing else to do.
        }

        p.Dispose();
    }

    private static TimeSpan Cpu(Process p)
    {
        try
        {
            p.Refresh();
            return p.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero; // exited: the read that follows ends
        }
    }

    private static string ExitText(Process p)
    {
        try
        {
            return p.WaitForExit(TimeSpan.FromSeconds(10)) ? "exit code " + p.ExitCode.ToString(CultureInfo.InvariantCulture) : "still running";
        }
        catch (InvalidOperationException)
        {
            return "exit code unknown";
        }
    }

    private string Tail() => stderr?.Text is { Length: > 0 } t ? "; stderr: " + t : "";

    /// <summary>
    /// <c>dotnet exec --runtimeconfig … Worker.dll</c>, with the dotnet host this process runs on. The worker sits
    /// beside this assembly (a project reference copies it, with its runtimeconfig, into every consumer's output);
    /// where a package consumer lacks the runtimeconfig, one naming the running runtime is written to the temp folder.
    /// </summary>
    private static (string Host, string[] Args) Command()
    {
        string dir = Path.GetDirectoryName(typeof(LibraryWorker).Assembly.Location) is { Length: > 0 } d ? d : AppContext.BaseDirectory;
        string dll = Path.Combine(dir, WorkerAssembly + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException("the KubernetesClient worker is missing: " + dll);
        }

        string config = Path.Combine(dir, WorkerAssembly + ".runtimeconfig.json");
        if (!File.Exists(config))
        {
            config = Path.Combine(Path.GetTempPath(), WorkerAssembly + "." + Environment.Version.ToString(3) + ".runtimeconfig.json");
            File.WriteAllText(config, "{\"runtimeOptions\":{\"tfm\":\"net" + Environment.Version.ToString(2) + "\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\"" + Environment.Version.ToString(3) + "\"},\"configProperties\":{\"System.Runtime.TieredCompilation\":false,\"System.Globalization.Invariant\":true}}}\n");
        }

        return (DotnetHost(), ["exec", "--runtimeconfig", config, dll]);
    }

    private static string DotnetHost()
    {
        string exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && string.Equals(Path.GetFileName(self), exe, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string beside = Path.Combine(root, exe);
        if (File.Exists(beside))
        {
            return beside;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } fromSdk && File.Exists(fromSdk) ? fromSdk : exe;
    }

    /// <summary>The last few stderr lines of a worker, for the message when it dies.</summary>
    private sealed class StderrTail
    {
        private readonly Queue<string> lines = new();

        public string Text
        {
            get
            {
                lock (lines)
                {
                    return string.Join(" | ", lines);
                }
            }
        }

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Enqueue(line.Length > 300 ? line[..300] : line);
                while (lines.Count > 5)
                {
                    lines.Dequeue();
                }
            }
        }
    }
}
