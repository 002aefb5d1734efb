namespace PodConformance.Cli.Input;

/// <summary>
/// Whether the process was started with its standard input closed (<c>podconf validate -f - &lt;&amp;-</c>). The runtime then
/// gets descriptor 0 for a pipe of its own, which it also holds the write end of, so reading "stdin" to its end would wait
/// forever. Go's <c>os.Stdin</c> reads the closed descriptor and fails (<c>read /dev/stdin: bad file descriptor</c>), which is
/// what kubectl prints; podconf answers the same, as an input error. Linux only (it reads <c>/proc/self</c>); elsewhere false.
/// </summary>
internal static class ClosedStdin
{
    /// <summary>kubectl's text for the same call (Go's <c>*PathError</c> of a read on descriptor 0 after it was closed).</summary>
    public const string Message = "read /dev/stdin: bad file descriptor";

    public static bool IsClosed() => IsClosed("/proc/self");

    /// <summary>
    /// True when descriptor 0 is a pipe whose write end this process holds too: no other process can ever end it. A
    /// parent that passes a real pipe keeps the write end to itself, so a pipe from a shell or another program is never taken.
    /// </summary>
    internal static bool IsClosed(string proc)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            string fdDir = Path.Combine(proc, "fd");
            string? stdin = ReadLink(Path.Combine(fdDir, "0"));
            if (stdin is null || !stdin.StartsWith("pipe:", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (string fd in Directory.EnumerateFileSystemEntries(fdDir))
            {
                string name = Path.GetFileName(fd);
                if (name == "0" || ReadLink(fd) != stdin)
                {
                    continue;
                }

                if (IsWriteEnd(Path.Combine(proc, "fdinfo", name)))
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return false;
    }

    private static string? ReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>fdinfo's <c>flags:</c> line is octal open flags; the access mode O_WRONLY (1) or O_RDWR (2) can write.</summary>
    private static bool IsWriteEnd(string fdinfo)
    {
        foreach (string line in File.ReadLines(fdinfo))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                int flags = Convert.ToInt32(line["flags:".Length..].Trim(), 8);
                return (flags & 3) is 1 or 2;
            }
        }

        return false;
    }

    internal static string Describe(string name) => name + ": " + Message;
}
