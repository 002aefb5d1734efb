using FsCheck;
using FsCheck.Fluent;

namespace PodConformance.Suite.Myths;

/// <summary>
/// The search behind every myth: case i of a seed is generated from (seed, i) alone, the first case where the
/// claim fails is shrunk greedily while it keeps failing. Deterministic for a seed.
/// </summary>
public static class MythSearch
{
    public static MythVerdict Find<T>(Gen<T> gen, Func<T, IEnumerable<T>> shrink, Func<T, bool> claimHolds,
        Func<T, string> show, Func<T, string> explain, ulong seed, int budget)
    {
        for (int i = 0; i < budget; i++)
        {
            var rnd = new Rnd(unchecked(seed * 6364136223846793005UL + (ulong)i * 1442695040888963407UL), 0x9E3779B97F4A7C15UL);
            var value = gen.Sample(Math.Min(100, 1 + i), rnd, 1)[0];
            if (claimHolds(value))
            {
                continue;
            }

            int shrinks = 0;
            int attempts = 0;
            bool progress = true;
            while (progress && attempts < 1000)
            {
                progress = false;
                foreach (var smaller in shrink(value))
                {
                    attempts++;
                    if (EqualityComparer<T>.Default.Equals(smaller, value))
                    {
                        continue;
                    }

                    if (!claimHolds(smaller))
                    {
                        value = smaller;
                        shrinks++;
                        progress = true;
                        break;
                    }

                    if (attempts >= 1000)
                    {
                        break;
                    }
                }
            }

            return new MythVerdict(true, i + 1, shrinks, show(value), explain(value));
        }

        return new MythVerdict(false, budget, 0, "", "");
    }
}
