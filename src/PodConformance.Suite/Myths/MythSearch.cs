using FsCheck;
using FsCheck.Fluent;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Myths;

/// <summary>
/// The search behind every myth: case i of a budget is drawn as the runner draws it (<see cref="CaseSchedule"/>: sizes
/// grow over the budget), the first case where the
/// claim fails is shrunk greedily while it keeps failing. Deterministic for a seed.
/// </summary>
public static class MythSearch
{
    public static MythVerdict Find<T>(Gen<T> gen, Func<T, IEnumerable<T>> shrink, Func<T, bool> claimHolds,
        Func<T, string> show, Func<T, string> explain, ulong seed, int budget, Func<T, MythEvidence>? evidence = null)
    {
        for (int i = 0; i < budget; i++)
        {
            var value = CaseSchedule.Draw(gen, seed, i, budget);
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

            return new MythVerdict(true, i + 1, shrinks, show(value), explain(value)) { Evidence = evidence?.Invoke(value) };
        }

        return new MythVerdict(false, budget, 0, "", "");
    }
}
