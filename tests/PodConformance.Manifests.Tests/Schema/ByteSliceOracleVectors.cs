using System.Text.Json;

namespace PodConformance.Manifests.Tests.Schema;

/// <summary>
/// The API server decoder's answers for a <c>[]byte</c> value: Schema/ByteSliceOracle/vectors.json, written by
/// ByteSliceOracle/regenerate.sh from ByteSliceOracle/inputs.json by running ByteSliceOracle/oracle/main.go
/// (sigs.k8s.io/json at the commit the file records). Read here so that no test hand-types a Go answer.
/// </summary>
internal static class ByteSliceOracleVectors
{
    /// <summary>
    /// One input: the kind (Secret: <c>data</c>, ConfigMap: <c>binaryData</c>), the value's JSON text, and either the
    /// bytes decoded, <see cref="Nil"/>, or the decoder's error.
    /// </summary>
    internal sealed record Result(string Kind, string Json, byte[]? Bytes, bool Nil, string? Error);

    public static readonly IReadOnlyList<Result> All = Load();

    private static List<Result> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Schema", "ByteSliceOracle", "vectors.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var all = new List<Result>();
        foreach (var r in doc.RootElement.GetProperty("results").EnumerateArray())
        {
            byte[]? bytes = r.TryGetProperty("bytes", out var b) ? [.. b.EnumerateArray().Select(e => checked((byte)e.GetInt32()))] : null;
            all.Add(new Result(r.GetProperty("kind").GetString()!, r.GetProperty("json").GetString()!, bytes,
                r.TryGetProperty("nil", out var n) && n.GetBoolean(), r.TryGetProperty("error", out var e) ? e.GetString() : null));
        }

        return all;
    }
}
