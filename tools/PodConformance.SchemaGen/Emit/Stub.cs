namespace PodConformance.SchemaGen.Emit;

internal sealed class HandWritten
{
    public static HandWritten Load() => new();
}

internal static class CSharpEmitter
{
    public static IEnumerable<(string Path, string Text)> Emit(IReadOnlyList<Data.ApiRelease> releases, HandWritten config)
    {
        _ = releases;
        _ = config;
        return [];
    }
}
