using System.Globalization;
using System.Text.Json;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// What apimachinery's pkg/api/resource does with a quantity text, per tag: QuantityOracle/vectors.json, written by
/// QuantityOracle/regenerate.sh from QuantityOracle/inputs.json by running QuantityOracle/oracle/main.go against the
/// package built at each tag (the file records tag and commit). Read here so that no test hand-types a Go value.
/// </summary>
internal static class QuantityOracleVectors
{
    /// <summary>One input's answers at one tag (field meanings: oracle/main.go's <c>result</c>).</summary>
    internal sealed record Result(string Tag, int Minor, string Text, string Parsed, string Defaulted, bool Integer, string String, string Json, string Reparsed);

    /// <summary>Every result, run by run (tag order of the file), input order within a run.</summary>
    public static readonly IReadOnlyList<Result> All = Load();

    /// <summary>The result for <paramref name="text"/> at every tag that was run.</summary>
    public static IEnumerable<Result> For(string text)
    {
        var found = All.Where(r => r.Text == text).ToList();
        Assert.True(found.Count > 0, "QuantityOracle/inputs.json has no input " + text);
        return found;
    }

    private static List<Result> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Validation", "QuantityOracle", "vectors.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var all = new List<Result>();
        foreach (var run in doc.RootElement.GetProperty("runs").EnumerateArray())
        {
            string tag = run.GetProperty("tag").GetString()!;
            // apimachinery v0.N.x is the library of Kubernetes 1.N.
            int minor = int.Parse(tag.Split('.')[1], NumberStyles.None, CultureInfo.InvariantCulture);
            foreach (var r in run.GetProperty("results").EnumerateArray())
            {
                string text = r.GetProperty("text").GetString()!;
                if (r.TryGetProperty("error", out var error))
                {
                    throw new InvalidDataException($"{path}: {tag}: {text}: the oracle failed: {error.GetString()}");
                }

                all.Add(new Result(tag, minor, text,
                    r.GetProperty("parsed").GetString()!, r.GetProperty("defaulted").GetString()!, r.GetProperty("integer").GetBoolean(),
                    r.GetProperty("string").GetString()!, r.GetProperty("json").GetString()!, r.GetProperty("reparsed").GetString()!));
            }
        }

        return all;
    }
}
