using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using PodConformance.Model.Resources;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// The scheduler's integer view of a resource list (framework.Resource): cpu in millicores (MilliValue, rounded up),
/// memory, ephemeral-storage and scalar resources in units (Value, rounded up). Scalar resources are hugepages-* and
/// names with a domain (extended and kubernetes.io/ prefixed); other names are ignored, as upstream.
/// </summary>
public sealed class SchedulerResources
{
    public long MilliCpu { get; private set; }

    public long Memory { get; private set; }

    public long EphemeralStorage { get; private set; }

    public SortedDictionary<string, long> Scalars { get; } = new(StringComparer.Ordinal);

    public bool IsZero
    {
        get
        {
            if (MilliCpu != 0 || Memory != 0 || EphemeralStorage != 0)
            {
                return false;
            }

            return Scalars.Count == 0;
        }
    }

    public static SchedulerResources FromList(ValueMap<Quantity> list)
    {
        var r = new SchedulerResources();
        r.Add(list);
        return r;
    }

    public void Add(ValueMap<Quantity> list)
    {
        foreach (var (name, q) in list)
        {
            switch (name)
            {
                case ResourceNames.Cpu: MilliCpu += q.MilliValue(); break;
                case ResourceNames.Memory: Memory += q.Value(); break;
                case ResourceNames.EphemeralStorage: EphemeralStorage += q.Value(); break;
                case ResourceNames.Pods: break;
                default:
                    if (IsScalar(name))
                    {
                        Scalars[name] = (Scalars.TryGetValue(name, out long v) ? v : 0) + q.Value();
                    }

                    break;
            }
        }
    }

    /// <summary>schedutil.IsScalarResourceName: extended, hugepages, prefixed native (attachable volumes included).</summary>
    public static bool IsScalar(string name) =>
        ResourceListMath.IsHugePages(name)
        || (name.Contains('/', StringComparison.Ordinal) && !name.StartsWith(ResourceNames.RequestsPrefix, StringComparison.Ordinal));
}
