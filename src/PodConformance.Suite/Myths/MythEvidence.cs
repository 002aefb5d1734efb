using System.Text.Json;

namespace PodConformance.Suite.Myths;

/// <summary>
/// One <c>podconf</c> invocation: its arguments, where a file name given in <see cref="Files"/> stands for that file
/// (the runner writes it to a temporary directory and passes its path).
/// </summary>
public sealed record VerbCall(IReadOnlyList<string> Args, IReadOnlyDictionary<string, string> Files)
{
    public static VerbCall Of(string file, string text, params string[] args) => new(args, new Dictionary<string, string>(StringComparer.Ordinal) { [file] = text });
}

/// <summary>
/// A counterexample as the verbs see it: the invocations that show it (<c>podconf evict</c>, <c>qos</c>, <c>simulate</c>,
/// <c>status</c>) and what the claim says about their output. A test runs the calls through the CLI and requires the
/// claim to fail on their output too, so a myth can never contradict a verb.
/// </summary>
/// <param name="Calls">The invocations, in order.</param>
/// <param name="ClaimHolds">Given each call's standard output, whether the claim holds there (it must not).</param>
/// <param name="Command">The first call as a user would type it.</param>
public sealed record MythEvidence(IReadOnlyList<VerbCall> Calls, Func<IReadOnlyList<string>, bool> ClaimHolds, string Command)
{
    public static MythEvidence Single(VerbCall call, Func<JsonElement, bool> claimHoldsOnJson) =>
        new([call], outputs => Json(outputs[0], claimHoldsOnJson), "podconf " + string.Join(" ", call.Args));

    /// <summary>One call, the claim judged on its text output (a kubectl-style table).</summary>
    public static MythEvidence Text(VerbCall call, Func<string, bool> claimHoldsOnText) =>
        new([call], outputs => claimHoldsOnText(outputs[0]), "podconf " + string.Join(" ", call.Args));

    /// <summary>Parses a verb's JSON output and asks <paramref name="check"/>.</summary>
    public static bool Json(string output, Func<JsonElement, bool> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        using var doc = JsonDocument.Parse(output);
        return check(doc.RootElement);
    }
}
