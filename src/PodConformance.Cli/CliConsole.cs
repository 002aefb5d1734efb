namespace PodConformance.Cli;

/// <summary>The streams a command talks to; tests pass their own.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, bool IsTerminal)
{
    /// <summary>Running under CI (<c>CI=true</c>): progress is plain lines, never redrawn in place.</summary>
    public bool Ci { get; init; }

    /// <summary>
    /// The terminal for a live status line (stderr when it is a terminal and not under CI), written raw: only podconf's
    /// own text goes here (progress with cursor returns), never input. Null: no live status.
    /// </summary>
    public TextWriter? Status { get; init; }

    /// <summary>
    /// Standard input has been read by one of the run's flags (<c>-f -</c>, <c>--scenario -</c>, <c>--objects -</c>): a
    /// second read would find it drained, so it is refused (<see cref="Input.InputFile.Read"/>) instead of read as empty.
    /// </summary>
    internal bool StdinTaken { get; set; }

    /// <summary>True for the values CI systems set (<c>true</c>, <c>1</c>, any case).</summary>
    public static bool IsCiValue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}

/// <summary>Exit codes of every verb.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int UsageOrInput = 2;

    /// <summary>A bug in podconf (EX_SOFTWARE); never the answer to bad input.</summary>
    public const int InternalError = 70;
}

/// <summary>
/// A problem with what the user passed (a flag, a file, its content). Caught at the top and printed as one
/// message with exit code 2, never as a stack trace.
/// </summary>
public sealed class UserInputException(string message) : Exception(message);
