using PodConformance.Model.Api;

namespace PodConformance.Model.Scheduling;

/// <summary>core/v1 Toleration.ToleratesTaint (Equal and Exists operators).</summary>
public static class Tolerations
{
    public const string NoSchedule = "NoSchedule";
    public const string NoExecute = "NoExecute";
    public const string UnschedulableTaintKey = "node.kubernetes.io/unschedulable";

    /// <summary>
    /// An empty effect matches every effect; an empty key with Exists matches every key; Exists ignores the value;
    /// Equal (or empty) needs an equal value.
    /// </summary>
    public static bool Tolerates(Toleration toleration, Taint taint)
    {
        ArgumentNullException.ThrowIfNull(toleration);
        ArgumentNullException.ThrowIfNull(taint);
        if (toleration.Effect.Length > 0 && !string.Equals(toleration.Effect, taint.Effect, StringComparison.Ordinal))
        {
            return false;
        }

        if (toleration.Key.Length > 0 && !string.Equals(toleration.Key, taint.Key, StringComparison.Ordinal))
        {
            return false;
        }

        return toleration.Operator switch
        {
            "Exists" => true,
            "" or "Equal" => string.Equals(toleration.Value, taint.Value, StringComparison.Ordinal),
            _ => false,
        };
    }

    public static bool AnyTolerates(PodSpec spec, Taint taint)
    {
        foreach (var t in spec.Tolerations)
        {
            if (Tolerates(t, taint))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first taint (in node order) with effect NoSchedule or NoExecute that no toleration matches.</summary>
    public static Taint? FirstUntolerated(PodSpec spec, Node node)
    {
        foreach (var taint in node.Taints)
        {
            if ((taint.Effect == NoSchedule || taint.Effect == NoExecute) && !AnyTolerates(spec, taint))
            {
                return taint;
            }
        }

        return null;
    }
}
