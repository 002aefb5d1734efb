using System.Collections.Immutable;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Resources;

/// <summary>
/// Sum and maximum of resource lists as k8s.io/component-helpers/resource does them: a key seen first is
/// copied (keeping the quantity's spelling), a key seen again is added (which recomputes the spelling).
/// </summary>
public static class ResourceListMath
{
    public static void AddInto(ImmutableSortedDictionary<string, Quantity>.Builder into, ValueMap<Quantity> items)
    {
        foreach (var (name, quantity) in items)
        {
            into[name] = into.TryGetValue(name, out var existing) ? existing.Add(quantity) : quantity;
        }
    }

    public static void AddInto(ImmutableSortedDictionary<string, Quantity>.Builder into, ImmutableSortedDictionary<string, Quantity>.Builder items)
    {
        foreach (var (name, quantity) in items)
        {
            into[name] = into.TryGetValue(name, out var existing) ? existing.Add(quantity) : quantity;
        }
    }

    public static void MaxInto(ImmutableSortedDictionary<string, Quantity>.Builder into, ImmutableSortedDictionary<string, Quantity>.Builder items)
    {
        foreach (var (name, quantity) in items)
        {
            if (!into.TryGetValue(name, out var existing) || quantity.CompareTo(existing) > 0)
            {
                into[name] = quantity;
            }
        }
    }

    public static ImmutableSortedDictionary<string, Quantity>.Builder NewBuilder() =>
        ImmutableSortedDictionary.CreateBuilder<string, Quantity>(StringComparer.Ordinal);

    public static ValueMap<Quantity> ToValueMap(ImmutableSortedDictionary<string, Quantity>.Builder builder) =>
        new(builder.ToImmutable());

    public static bool IsHugePages(string name) => name.StartsWith(ResourceNames.HugePagesPrefix, StringComparison.Ordinal);

    /// <summary>cpu, memory and hugepages-* (component-helpers IsSupportedPodLevelResource).</summary>
    public static bool IsSupportedPodLevelResource(string name) =>
        name is ResourceNames.Cpu or ResourceNames.Memory || IsHugePages(name);

    /// <summary>
    /// core/v1 helper IsOvercommitAllowed: native resources except hugepages may be overcommitted;
    /// extended resources (prefixed, outside kubernetes.io/) may not.
    /// </summary>
    public static bool IsOvercommitAllowed(string name) => IsNativeResource(name) && !IsHugePages(name);

    /// <summary>A name without a domain, or in the kubernetes.io/ domain (core/v1 helper IsNativeResource).</summary>
    public static bool IsNativeResource(string name) =>
        !name.Contains('/', StringComparison.Ordinal) || name.Contains(ResourceNames.DefaultNamespacePrefix, StringComparison.Ordinal);
}
