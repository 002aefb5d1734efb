using FsCheck;
using FsCheck.Fluent;

namespace PodConformance.Generators;

/// <summary>Small combinators FsCheck's fluent API lacks in the form the generators need.</summary>
internal static class GenSequence
{
    /// <summary>Runs one generator per index, in order, so that position-dependent values (names) stay unique.</summary>
    public static Gen<T[]> Indexed<T>(int count, Func<int, Gen<T>> make)
    {
        Gen<T[]> acc = Gen.Constant(Array.Empty<T>());
        for (int i = 0; i < count; i++)
        {
            var g = make(i);
            acc = from xs in acc from x in g select xs.Append(x).ToArray();
        }

        return acc;
    }

    /// <summary>A fair coin, for optional fields.</summary>
    public static Gen<bool> Bool { get; } = Gen.Elements(false, true);

    /// <summary><c>true</c> with the given percent chance: optional fields that should usually be absent.</summary>
    public static Gen<bool> Chance(int percent) => Gen.Choose(1, 100).Select(n => n <= percent);
}
