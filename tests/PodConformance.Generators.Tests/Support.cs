using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary>Shared test helpers: profiles to check against and a greedy shrink-to-fixpoint loop like FsCheck's.</summary>
internal static class Support
{
    /// <summary>Oldest, a middle release (gates flip at 1.29, 1.33, 1.34, 1.35) and the newest.</summary>
    public static IEnumerable<object[]> Profiles() =>
    [
        [KubernetesVersion.Oldest.ToString()],
        ["1.33"],
        [KubernetesVersion.Newest.ToString()],
    ];

    public static Profile ProfileFor(string version)
    {
        string[] parts = version.TrimStart('v').Split('.');
        return Profile.For(new KubernetesVersion(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Repeatedly takes the first shrink that still fails <paramref name="stillFails"/>, as FsCheck does, up to a bound.</summary>
    public static T ShrinkToFixpoint<T>(T value, Func<T, IEnumerable<T>> shrink, Func<T, bool> stillFails, int maxSteps = 10_000)
    {
        for (int step = 0; step < maxSteps; step++)
        {
            var next = shrink(value).FirstOrDefault(stillFails);
            if (next is null)
            {
                return value;
            }

            value = next;
        }

        throw new InvalidOperationException("shrinking did not terminate");
    }
}
