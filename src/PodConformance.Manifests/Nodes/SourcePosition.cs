namespace PodConformance.Manifests.Nodes;

/// <summary>
/// A 1-based line and column in a manifest, so that every diagnostic can point at the text a person wrote.
/// <see cref="None"/> marks nodes built by the writer, which have no source.
/// </summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition None => default;

    public bool IsKnown => Line > 0;

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Line}:{Column}");
}
