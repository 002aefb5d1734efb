using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Warnings;

/// <summary>
/// WARN-022: a memory or ephemeral-storage quantity that is not a whole number of bytes (<c>MilliValue() % 1000 != 0</c>),
/// in the pod overhead and in each container's limits and requests (warnings.go, issues #79950, #49442, #18538).
/// </summary>
public static partial class PodWarnings
{
    /// <summary>Go's <c>value.MilliValue()%1000 == 0</c>, without allocating for the usual values (<c>64Mi</c> is an inf.Dec in Go and here).</summary>
    private static bool WholeBytes(Quantity q) => q.TryWholeMilliThousands(out bool whole) ? whole : q.MilliValue() % 1000 == 0;

    /// <summary>The text, with the value as Go's <c>String()</c> prints it (the input text when Go kept it) in <c>%q</c>.</summary>
    private static string FractionalText(string path, Quantity q) =>
        path + ": fractional byte value " + Validation.GoQuote.Quote(q.ToString()) + " is invalid, must be an integer";

    /// <summary>The overhead's memory, then its ephemeral-storage, before the seccomp annotations.</summary>
    private static void FractionalOverhead(PodSpec spec, ref List<PodWarning>? warnings)
    {
        var overhead = spec.Overhead;
        if (overhead.IsEmpty)
        {
            return;
        }

        Fractional(overhead, ResourceNames.Memory, "spec.overhead[memory]", ref warnings);
        Fractional(overhead, ResourceNames.EphemeralStorage, "spec.overhead[ephemeral-storage]", ref warnings);
    }

    /// <summary>Limits memory, requests memory, limits ephemeral-storage, requests ephemeral-storage (warnings.go's order).</summary>
    private static void FractionalContainerResources(Container c, string prefix, int index, ref List<PodWarning>? warnings)
    {
        var limits = c.Resources.Limits;
        var requests = c.Resources.Requests;
        if (limits.IsEmpty && requests.IsEmpty)
        {
            return;
        }

        FractionalAt(limits, ResourceNames.Memory, prefix, index, "].resources.limits[memory]", ref warnings);
        FractionalAt(requests, ResourceNames.Memory, prefix, index, "].resources.requests[memory]", ref warnings);
        FractionalAt(limits, ResourceNames.EphemeralStorage, prefix, index, "].resources.limits[ephemeral-storage]", ref warnings);
        FractionalAt(requests, ResourceNames.EphemeralStorage, prefix, index, "].resources.requests[ephemeral-storage]", ref warnings);
    }

    private static void Fractional(ValueMap<Quantity> list, string resource, string path, ref List<PodWarning>? warnings)
    {
        if (list.TryGetValue(resource, out var q) && !WholeBytes(q))
        {
            Add(ref warnings, FractionalByteValue, FractionalText(path, q));
        }
    }

    private static void FractionalAt(ValueMap<Quantity> list, string resource, string prefix, int index, string tail, ref List<PodWarning>? warnings)
    {
        if (list.TryGetValue(resource, out var q) && !WholeBytes(q))
        {
            Add(ref warnings, FractionalByteValue, FractionalText(prefix + Invariant(index) + tail, q));
        }
    }
}
