using FsCheck;
using FsCheck.Fluent;

namespace PodConformance.Suite.Running;

/// <summary>
/// Which random stream and which size case <c>i</c> of a run of <c>count</c> cases is drawn with. Sizes grow
/// linearly over the budget from <see cref="StartSize"/> to <see cref="EndSize"/>, as FsCheck's runner grows them
/// (<c>Config.Quick</c>: StartSize 1, EndSize 100, step (EndSize − StartSize) / MaxTest), so a run of 10 cases
/// spans the same range as a run of 1000. The stream depends on (seed, index) alone; the size on (index, count):
/// a replay therefore repeats the run's count, and reproduces every case exactly.
/// </summary>
public static class CaseSchedule
{
    public const int StartSize = 1;

    public const int EndSize = 100;

    /// <summary>The size of case <paramref name="index"/> of <paramref name="count"/>: FsCheck's linear step, rounded half up.</summary>
    public static int SizeAt(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        long twice = (2L * index * (EndSize - StartSize)) + count;
        return Math.Min(EndSize, StartSize + (int)(twice / (2L * count)));
    }

    /// <summary>The random stream of case <paramref name="index"/> of a seed (FsCheck's golden gamma).</summary>
    public static Rnd RndAt(ulong seed, int index) =>
        new(unchecked((seed * 6364136223846793005UL) + ((ulong)index * 1442695040888963407UL)), 0x9E3779B97F4A7C15UL);

    /// <summary>Case <paramref name="index"/> of <paramref name="count"/> drawn from <paramref name="gen"/> for <paramref name="seed"/>.</summary>
    public static T Draw<T>(Gen<T> gen, ulong seed, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(gen);
        // FsCheck 3.6's fluent order is (numberOfSamples, seed, size).
        return gen.Sample(1, RndAt(seed, index), SizeAt(index, count))[0];
    }
}
