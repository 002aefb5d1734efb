using System.Text.Json;

namespace PodConformance.Manifests.Tests.Schema;

/// <summary>
/// SCHEMA-006's answers from Go: Schema/YamlNumberOracle/vectors.json, written by YamlNumberOracle/regenerate.sh from
/// YamlNumberOracle/inputs.json by running YamlNumberOracle/oracle/main.go (sigs.k8s.io/yaml's YAMLToJSON and go-yaml
/// v2 from Debian packages, apimachinery pkg/api/resource at the tag and commit the file records). Read here so that
/// no test hand-types a Go answer.
/// </summary>
internal static class YamlNumberOracleVectors
{
    /// <summary>
    /// One input's answers (field meanings: oracle/main.go's <c>result</c>). <see cref="Yaml"/> is null for a JSON input,
    /// whose text is <see cref="Json"/>; <see cref="Quantity"/> and <see cref="Parsed"/> are null where
    /// ParseQuantity refused the text.
    /// </summary>
    internal sealed record Result(string? Yaml, string? GoType, string Json, string? Quantity, string? Parsed);

    public static readonly IReadOnlyList<Result> All = Load();

    private static List<Result> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Schema", "YamlNumberOracle", "vectors.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var all = new List<Result>();
        foreach (var r in doc.RootElement.GetProperty("results").EnumerateArray())
        {
            if (r.TryGetProperty("error", out var error))
            {
                throw new InvalidDataException($"{path}: the oracle failed on {r}: {error.GetString()}");
            }

            all.Add(new Result(Str(r, "yaml"), Str(r, "goType"), r.GetProperty("json").GetString()!, Str(r, "quantity"), Str(r, "parsed")));
        }

        return all;
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
}
