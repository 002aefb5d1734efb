using System.Diagnostics;

namespace PodConformance.Adapters.Podman.Tests;

/// <summary>
/// Writes a stand-in executable (a shell script playing podman) without this process ever holding it open for writing.
/// xUnit runs test classes in parallel, so another test may fork a child (Process.Start) while a script is being written;
/// the child inherits the write descriptor until it execs, and executing the script in that moment fails with ETXTBSY
/// ("Text file busy": a clean-clone CI run of 7 Dec 2026 reported it as "podman is not installed"). The text goes to a
/// plain file first, and a child process (<c>install</c>) creates the executable, so only that child, which has exited
/// when this returns, ever writes it.
/// </summary>
internal static class StandInScript
{
    public static string Write(string path, string text)
    {
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, text);
            return path;
        }

        string source = path + ".text";
        File.WriteAllText(source, text);
        var start = new ProcessStartInfo("install") { RedirectStandardError = true };
        start.ArgumentList.Add("-m");
        start.ArgumentList.Add("700");
        start.ArgumentList.Add(source);
        start.ArgumentList.Add(path);
        using var install = Process.Start(start) ?? throw new InvalidOperationException("install did not start");
        string error = install.StandardError.ReadToEnd();
        install.WaitForExit();
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"install -m 700 {source} {path} failed ({install.ExitCode}): {error}");
        }

        return path;
    }
}
