using System.Globalization;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Printing;

/// <summary>The <c>-o wide</c> cells (PRINT-016).</summary>
public static partial class PodPrinter
{
    /// <summary>
    /// The printer reads the internal object, whose <c>podIPs</c> comes from the v1 conversion: a non-empty v1
    /// <c>podIP</c> is authoritative (it replaces a differing <c>podIPs</c> and fills an empty one), so the IP shown
    /// is <c>podIP</c> when set, else <c>podIPs[0]</c>.
    /// </summary>
    public static string FirstPodIP(PodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.PodIP.Length > 0)
        {
            return status.PodIP;
        }

        return status.PodIPs.Count > 0 ? status.PodIPs[0] : "";
    }

    /// <summary>READINESS GATES: gates whose first matching condition is True, over all gates; <c>&lt;none&gt;</c> without gates.</summary>
    public static string ReadinessGatesCell(ValueList<PodReadinessGate> gates, ValueList<PodCondition> conditions)
    {
        if (gates.IsEmpty)
        {
            return None;
        }

        int trueCount = 0;
        foreach (var gate in gates)
        {
            foreach (var condition in conditions)
            {
                if (condition.Type == gate.ConditionType)
                {
                    if (condition.Status == "True")
                    {
                        trueCount++;
                    }

                    break;
                }
            }
        }

        return trueCount.ToString(CultureInfo.InvariantCulture) + "/" + gates.Count.ToString(CultureInfo.InvariantCulture);
    }
}
