using System.Globalization;

namespace PodConformance.Suite.Reports;

/// <summary>A count with its noun, singular for exactly one ("1 property", "2 properties", "0 errors").</summary>
public static class Plural
{
    /// <summary><paramref name="n"/> and <paramref name="one"/>, or <paramref name="many"/> (default: <paramref name="one"/> + "s") unless n is 1.</summary>
    public static string Of(int n, string one, string? many = null)
    {
        ArgumentNullException.ThrowIfNull(one);
        return n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many ?? one + "s");
    }

    /// <summary>"shrunk 1 time", "shrunk 3 times".</summary>
    public static string Times(int n) => Of(n, "time");
}
