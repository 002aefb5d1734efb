using System.Text;

namespace PodConformance.Cli.Input;

/// <summary>A file named by <c>-f</c>: its display name (<c>&lt;stdin&gt;</c> for <c>-</c>) and its text.</summary>
public sealed record InputFile(string DisplayName, string Text)
{
    public static InputFile Read(string path, CliConsole console)
    {
        if (path == "-")
        {
            return new InputFile("<stdin>", console.In.ReadToEnd());
        }

        try
        {
            return new InputFile(path, File.ReadAllText(path, new UTF8Encoding(false)));
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
