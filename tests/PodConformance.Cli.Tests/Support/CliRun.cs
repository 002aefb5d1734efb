using System.Globalization;
using PodConformance.Cli;

namespace PodConformance.Cli.Tests.Support;

/// <summary>Runs <c>podconf</c> in-process with captured streams, as a person at a terminal would see it.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error);

internal static class CliRun
{
    public static CliResult WithStdin(string stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = Podconf.Run(args, new CliConsole(new StringReader(stdin), output, error, IsTerminal: false));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static CliResult Run(params string[] args) => WithStdin("", args);

    /// <summary>Runs under another culture and restores the old one, for determinism checks.</summary>
    public static CliResult RunInCulture(string culture, string stdin, params string[] args)
    {
        var old = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return WithStdin(stdin, args);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = old;
        }
    }

    /// <summary>A temporary file holding <paramref name="text"/>, deleted on dispose.</summary>
    public static TempFile File(string text, string extension = ".yaml") => new(text, extension);
}

internal sealed class TempFile : IDisposable
{
    public TempFile(string text, string extension)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "podconf-test-" + Guid.NewGuid().ToString("N") + extension);
        System.IO.File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose() => System.IO.File.Delete(Path);
}
