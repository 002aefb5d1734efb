using PodConformance.Model.ContainerEnv;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Rules;

/// <summary>
/// The env facet compared per container: the NAME=value map (values as observed, so Secret text stays masked) or the
/// CreateContainerConfigError message. The detail names the container and the first variable that differs, which a
/// line-by-line diff of the views would bury.
/// </summary>
public static class EnvFacet
{
    public static IReadOnlyList<string> View(EnvObservation? env)
    {
        if (env is null)
        {
            return ["<no env observation>"];
        }

        var lines = new List<string>();
        foreach (string container in Containers(env))
        {
            if (env.NotChecked.ContainsKey(container))
            {
                lines.Add(container + ": (not checked: a fileKeyRef reads a file the case does not give; that file may stop the container instead, ENV-019)");
            }

            if (env.Errors.TryGetValue(container, out string? error))
            {
                lines.Add(container + ": " + EnvError.Reason + ": " + error);
            }
            else if (env.Containers.TryGetValue(container, out var vars) && !vars.IsEmpty)
            {
                lines.AddRange(vars.Select(v => container + ": " + v.Key + "=" + v.Value));
            }
            else
            {
                lines.Add(container + ": <empty environment>");
            }
        }

        return lines;
    }

    public static Verdict Compare(EnvObservation? expected, EnvObservation? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? Verdict.Ok : Verdict.Fail(expected is null ? "the model observed no env" : "the adapter reported no env facet", "env", Kinds.NotReported);
        }

        foreach (string container in Containers(expected).Union(Containers(actual), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            bool expectedError = expected.Errors.TryGetValue(container, out string? e);
            bool actualError = actual.Errors.TryGetValue(container, out string? a);
            bool unknownFile = expected.NotChecked.TryGetValue(container, out var notChecked);
            if (expectedError || actualError)
            {
                // ENV-019: a file the case does not give may stop the container with its own error first.
                bool fileMayStopIt = unknownFile && actualError && IsFileError(a!);
                if (!MessagesMatch(e, a) && !fileMayStopIt)
                {
                    return Verdict.Fail($"container {container}: expected {Describe(expected, container)}, got {Describe(actual, container)}",
                        "config error", !expectedError ? Kinds.Extra : !actualError ? Kinds.Missing : Kinds.Differs);
                }

                continue;
            }

            if (!expected.Containers.TryGetValue(container, out var want) || !actual.Containers.TryGetValue(container, out var got))
            {
                return Verdict.Fail($"container {container}: expected {Describe(expected, container)}, got {Describe(actual, container)}",
                    "containers", expected.Containers.ContainsKey(container) ? Kinds.Missing : Kinds.Extra);
            }

            foreach (string name in want.Keys.Union(got.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (unknownFile && notChecked.Contains(name))
                {
                    continue; // neither its value nor whether it is set is known (ENV-019)
                }

                bool has = want.TryGetValue(name, out string? w);
                bool gave = got.TryGetValue(name, out string? g);
                if (!has)
                {
                    return Verdict.Fail($"container {container}: unexpected variable {name}={CaseQuote(g!)}", "variables", Kinds.Extra);
                }

                if (!gave)
                {
                    return Verdict.Fail($"container {container}: variable {name} missing (expected {CaseQuote(w!)})", "variables", Kinds.Missing);
                }

                if (!string.Equals(w, g, StringComparison.Ordinal))
                {
                    return Verdict.Fail($"container {container}: {name}: expected {CaseQuote(w!)}, got {CaseQuote(g!)}", "variable values", Kinds.Differs);
                }
            }
        }

        return Verdict.Ok;
    }

    /// <summary>
    /// Exact equality, except that the model's <c>&lt;pod-uid&gt;</c> in a fileKeyRef host path (ENV-016: the API server
    /// assigns the UID) stands for any one path element.
    /// </summary>
    public static bool MessagesMatch(string? expected, string? actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return true;
        }

        if (expected is null || actual is null)
        {
            return false;
        }

        int at = expected.IndexOf(FileKeyRefResolver.UidPlaceholder, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        string prefix = expected[..at];
        string suffix = expected[(at + FileKeyRefResolver.UidPlaceholder.Length)..];
        if (actual.Length <= prefix.Length + suffix.Length || !actual.StartsWith(prefix, StringComparison.Ordinal) || !actual.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        return !actual.AsSpan(prefix.Length, actual.Length - prefix.Length - suffix.Length).Contains('/');
    }

    /// <summary>The errors an env file gives (ENV-016): any parser error, or a missing or empty key.</summary>
    private static bool IsFileError(string message) =>
        message == FileKeyRefResolver.ParseError
        || (message.StartsWith("environment variable key \"", StringComparison.Ordinal) && message.Contains("\" not found in file \"", StringComparison.Ordinal));

    private static IEnumerable<string> Containers(EnvObservation env) =>
        env.Containers.Keys.Union(env.Errors.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static string Describe(EnvObservation env, string container) =>
        env.Errors.TryGetValue(container, out string? error) ? EnvError.Reason + ": " + error
        : env.Containers.TryGetValue(container, out var vars) ? "an environment of " + vars.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " variables"
        : "no such container";

    private static string CaseQuote(string value) => Reports.CaseText.Quote(value);
}
