namespace PodConformance.Cli.Output;

/// <summary>
/// A file a verb will write when its work is done (<c>run --junit</c>, <c>--report</c>, …), checked before the work:
/// a run of minutes must not end with "cannot write" for a directory that was never there.
/// </summary>
public static class OutputFile
{
    /// <summary>
    /// Refuses <paramref name="path"/> (exit 2, naming <paramref name="flag"/>, the path and why) when it could not be
    /// written now: its directory does not exist or is not a directory, it is itself a directory, or opening it for
    /// writing is refused. The check leaves no trace: an existing file is opened without truncating it, a new one is
    /// created with delete-on-close.
    /// </summary>
    public static void CheckWritable(string flag, string path)
    {
        ArgumentNullException.ThrowIfNull(flag);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            throw new UserInputException(flag + ": " + Input.InputFile.EmptyName);
        }

        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? full;
        if (!Directory.Exists(directory))
        {
            throw Refused(flag, path, File.Exists(directory)
                ? directory + " is not a directory"
                : "the directory " + directory + " does not exist");
        }

        if (Directory.Exists(full))
        {
            throw Refused(flag, path, "it is a directory");
        }

        try
        {
            using var probe = File.Exists(full)
                ? new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)
                : new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refused(flag, path, e is UnauthorizedAccessException ? "permission denied" : e.Message);
        }
    }

    private static UserInputException Refused(string flag, string path, string why) => new(flag + ": " + path + ": cannot write: " + why);
}
