namespace PodConformance.Generators;

/// <summary>Marker for the generators assembly (FsCheck arbitraries live beside it).</summary>
public static class GeneratorInfo
{
    public const string Name = "PodConformance.Generators";
}
