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

    /// <summary>
    /// The largest count a case of <paramref name="size"/> may have: <paramref name="low"/> at the smallest sizes,
    /// <paramref name="high"/> (the cap) at <see cref="MaxSize"/>, linear between. Sizes come from the runner
    /// (1 to 100, growing over a run, as FsCheck's do); rounded half up, so a run's last cases (size 99) reach the cap.
    /// </summary>
    public static int Upto(int size, int low, int high) => low + (((high - low) * Math.Clamp(size, 0, MaxSize)) + (MaxSize / 2)) / MaxSize;

    /// <summary>The size at which every count reaches its cap (FsCheck's default EndSize).</summary>
    public const int MaxSize = 100;

    /// <summary>A count from <paramref name="low"/> up to what the current size allows (at most <paramref name="high"/>), uniformly.</summary>
    public static Gen<int> Count(int low, int high) => Gen.Sized(size => Gen.Choose(low, Upto(size, low, high)));

    /// <summary>A fair coin, for optional fields.</summary>
    public static Gen<bool> Bool { get; } = Gen.Elements(false, true);

    /// <summary><c>true</c> with the given percent chance: optional fields that should usually be absent.</summary>
    public static Gen<bool> Chance(int percent) => Gen.Choose(1, 100).Select(n => n <= percent);
}
