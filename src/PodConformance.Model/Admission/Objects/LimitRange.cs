using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Admission.Objects;

/// <summary>A core/v1 LimitRange: the items the LimitRanger admission plugin applies to pods (ADM-020…025).</summary>
public sealed record LimitRange
{
    public string Namespace { get; init; } = "default";

    public string Name { get; init; } = "";

    public ValueList<LimitRangeItem> Limits { get; init; }
}

/// <summary>One <c>spec.limits[]</c> item, as stored: <see cref="Defaulted"/> applies SetDefaults_LimitRangeItem.</summary>
public sealed record LimitRangeItem
{
    /// <summary><c>Container</c>, <c>Pod</c> or <c>PersistentVolumeClaim</c>.</summary>
    public string Type { get; init; } = "";

    public ValueMap<Quantity> Max { get; init; }

    public ValueMap<Quantity> Min { get; init; }

    public ValueMap<Quantity> Default { get; init; }

    public ValueMap<Quantity> DefaultRequest { get; init; }

    public ValueMap<Quantity> MaxLimitRequestRatio { get; init; }

    /// <summary>
    /// SetDefaults_LimitRangeItem (ADM-025), for <c>Container</c> items only: a missing default limit is the max, a
    /// missing default request is the default limit, then the min. Other item types are stored as given.
    /// </summary>
    public LimitRangeItem Defaulted()
    {
        if (Type != "Container")
        {
            return this;
        }

        var defaults = Default;
        foreach (var (name, max) in Max)
        {
            if (!defaults.ContainsKey(name))
            {
                defaults = defaults.SetItem(name, max);
            }
        }

        var requests = DefaultRequest;
        foreach (var (name, limit) in defaults)
        {
            if (!requests.ContainsKey(name))
            {
                requests = requests.SetItem(name, limit);
            }
        }

        foreach (var (name, min) in Min)
        {
            if (!requests.ContainsKey(name))
            {
                requests = requests.SetItem(name, min);
            }
        }

        return this with { Default = defaults, DefaultRequest = requests };
    }
}
