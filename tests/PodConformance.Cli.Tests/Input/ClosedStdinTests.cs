using System.Diagnostics;
using PodConformance.Cli.Input;

namespace PodConformance.Cli.Tests.Input;

/// <summary>
/// <c>-f -</c> with standard input closed (<c>&lt;&amp;-</c>): the runtime reuses descriptor 0 for a pipe of its own, and reading
/// it to its end used to wait forever (found in session 14). Now kubectl's answer, as an input error (exit 2).
/// </summary>
public sealed class ClosedStdinTests : IDisposable
{
    private readonly string proc = Directory.CreateTempSubdirectory("podconf-proc-").FullName;

    public void Dispose() => Directory.Delete(proc, recursive: true);

    [Theory]
    [InlineData("pipe:[77]", "pipe:[77]", "01", true)] // the write end held by this process: nobody else can end it
    [InlineData("pipe:[77]", "pipe:[77]", "02", true)] // read-write
    [InlineData("pipe:[77]", "pipe:[77]", "0100000", false)] // a second read end only (O_RDONLY | O_LARGEFILE)
    [InlineData("pipe:[77]", "pipe:[78]", "01", false)] // a write end of another pipe
    [InlineData("/dev/pts/0", "/dev/pts/0", "02", false)] // a terminal is never taken
    public void A_pipe_is_closed_stdin_only_when_its_write_end_is_ours(string stdin, string other, string flags, bool closed)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // symbolic links read as /proc's
        }

        Directory.CreateDirectory(Path.Combine(proc, "fd"));
        Directory.CreateDirectory(Path.Combine(proc, "fdinfo"));
        File.CreateSymbolicLink(Path.Combine(proc, "fd", "0"), stdin);
        File.CreateSymbolicLink(Path.Combine(proc, "fd", "5"), other);
        File.WriteAllText(Path.Combine(proc, "fdinfo", "0"), "pos:\t0\nflags:\t00\nmnt_id:\t15\n");
        File.WriteAllText(Path.Combine(proc, "fdinfo", "5"), "pos:\t0\nflags:\t" + flags + "\nmnt_id:\t15\n");

        Assert.Equal(closed, ClosedStdin.IsClosed(proc));
    }

    [Fact]
    public void This_test_process_stdin_is_not_taken_for_closed()
    {
        // The test host's stdin is whatever the runner gave it (a pipe it writes to, /dev/null): never this process's own pipe.
        Assert.False(ClosedStdin.IsClosed());
    }

    [Theory]
    [InlineData("validate -f -", 2, "<stdin>: read /dev/stdin: bad file descriptor")]
    [InlineData("adapter serve", 0, "")] // the end of input: a server with nothing to read exits as on EOF (spec/adapter-protocol.md)
    public async Task A_verb_reading_stdin_with_stdin_closed_ends_at_once(string verb, int exitCode, string error)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/bin/sh"))
        {
            return; // <&- is POSIX sh
        }

        string podconf = Path.Combine(AppContext.BaseDirectory, "podconf.dll");
        string dotnet = Environment.ProcessPath is { } host && Path.GetFileName(host) == "dotnet" ? host : "dotnet";
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$1\" " + verb + " <&-");
        start.ArgumentList.Add(dotnet);
        start.ArgumentList.Add(podconf);
        start.Environment["CI"] = "true";
        using var run = Process.Start(start)!;
        var stderr = run.StandardError.ReadToEndAsync();
        _ = run.StandardOutput.ReadToEndAsync();

        // A generous bound for a loaded machine: before the fix the process never ended.
        bool exited = run.WaitForExit(TimeSpan.FromMinutes(3));
        if (!exited)
        {
            run.Kill(entireProcessTree: true);
        }

        Assert.True(exited, "podconf " + verb + " <&- did not end");
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(error, await stderr, StringComparison.Ordinal);
    }
}
