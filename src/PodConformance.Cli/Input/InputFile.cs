using System.Text;

namespace PodConformance.Cli.Input;

/// <summary>A file named by <c>-f</c>: its display name (<c>&lt;stdin&gt;</c> for <c>-</c>) and its text.</summary>
public sealed record InputFile(string DisplayName, string Text)
{
    /// <summary>
    /// The largest input read: the API server's limit on one request body (k8s.io/apiserver pkg/server/config.go,
    /// MaxRequestBodyBytes = 3 MiB, commit 24a394e), worded as its refusal (handlers/rest.go limitedReadBody).
    /// It keeps memory bounded whatever is passed (a pipe or a device included).
    /// </summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    /// <param name="path">The file, or <c>-</c> for standard input.</param>
    /// <param name="console">The run's streams.</param>
    /// <param name="flag">The flag that named the file, for the refusal of a second <c>-</c>.</param>
    public static InputFile Read(string path, CliConsole console, string flag = "--filename")
    {
        ArgumentNullException.ThrowIfNull(console);
        if (path == "-")
        {
            // kubectl refuses "-" given twice (cli-runtime builder.go StdinMultiUseError); across two flags the second
            // would read a drained stream as an empty file (an empty scenario or objects file), so it is refused too.
            if (console.StdinTaken)
            {
                throw new UserInputException(flag + ": standard input cannot be used for multiple arguments (another flag has read it)");
            }

            console.StdinTaken = true;
            // The process's own standard input is read as bytes, so invalid UTF-8 is refused with its place; a console
            // given another reader (tests, hosts) already holds text.
            if (ReferenceEquals(console.In, Console.In))
            {
                if (ClosedStdin.IsClosed())
                {
                    throw new UserInputException(ClosedStdin.Describe("<stdin>"));
                }

                using var stdin = Console.OpenStandardInput();
                return new InputFile("<stdin>", Decode(ReadLimited(stdin, "<stdin>"), "<stdin>"));
            }

            return new InputFile("<stdin>", ReadLimited(console.In, "<stdin>"));
        }

        return new InputFile(path, Decode(ReadBytes(path), path));
    }

    /// <summary>
    /// A file's bytes, at most <see cref="MaxBytes"/> (a pipe or a device included, so memory stays bounded), with
    /// <see cref="Read"/>'s wording for a file that is missing, unreadable or too large. For inputs that are not manifests
    /// and keep their own decoding (<c>--volume-file</c>: an env file's bytes, its byte-order mark included).
    /// </summary>
    public static byte[] ReadBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            // An unset shell variable (-f "$POD"): .NET refuses the empty name with an ArgumentException, an internal error.
            throw new UserInputException(EmptyName);
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.CanSeek && stream.Length > MaxBytes)
            {
                throw TooLarge(path);
            }

            return ReadLimited(stream, path);
        }
        catch (FileNotFoundException)
        {
            throw new UserInputException($"{path}: no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new UserInputException($"{path}: no such file or directory");
        }
        catch (UnauthorizedAccessException)
        {
            // .NET reports opening a directory as an access error; say which it is (Go: "read DIR: is a directory").
            throw new UserInputException(Directory.Exists(path) ? $"{path}: is a directory (give a file)" : $"{path}: permission denied");
        }
        catch (IOException e)
        {
            throw new UserInputException($"{path}: cannot read: {e.Message}");
        }
    }

    /// <summary>What an empty file name is refused with, by every flag that names a file.</summary>
    public const string EmptyName = "\"\": no such file or directory (an empty file name)";

    /// <summary>The bytes as text; invalid UTF-8 is a located input error (<c>file:line:col: invalid UTF-8: …</c>).</summary>
    public static string Decode(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Manifests.Reading.Utf8Input.Decode(bytes, out var problem) ?? throw new UserInputException(name + ":" + problem);
    }

    /// <summary>Reads in chunks and stops one chunk past the limit, so a huge input never sits in memory.</summary>
    private static byte[] ReadLimited(Stream stream, string name)
    {
        using var bytes = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            bytes.Write(chunk, 0, n);
            if (bytes.Length > MaxBytes)
            {
                throw TooLarge(name);
            }
        }

        return bytes.ToArray();
    }

    /// <summary>As <see cref="ReadLimited(Stream, string)"/>, for a reader that already decodes.</summary>
    private static string ReadLimited(TextReader reader, string name)
    {
        var text = new StringBuilder();
        var chunk = new char[64 * 1024];
        int n;
        while ((n = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            text.Append(chunk, 0, n);
            if (text.Length > MaxBytes)
            {
                throw TooLarge(name);
            }
        }

        return text.ToString();
    }

    private static UserInputException TooLarge(string name) =>
        new($"{name}: Request entity too large: limit is {MaxBytes} (the API server's limit on a request body; split the file)");

    /// <summary>Lines as written: split on LF only, so a CR stays part of its line; a final LF ends the last line.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        int start = 0;
        string text = Text;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..i]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }
}
