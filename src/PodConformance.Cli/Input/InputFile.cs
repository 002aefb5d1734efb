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

    public static InputFile Read(string path, CliConsole console)
    {
        if (path == "-")
        {
            return new InputFile("<stdin>", ReadLimited(console.In, "<stdin>"));
        }

        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false));
            if (reader.BaseStream.CanSeek && reader.BaseStream.Length > MaxBytes)
            {
                throw TooLarge(path);
            }

            return new InputFile(path, ReadLimited(reader, path));
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
            throw new UserInputException($"{path}: permission denied (or it is a directory)");
        }
        catch (IOException e)
        {
            throw new UserInputException($"{path}: cannot read: {e.Message}");
        }
    }

    /// <summary>Reads in chunks and stops one character past the limit, so a huge input never sits in memory.</summary>
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
