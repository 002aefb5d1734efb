using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// A parsed metav1.LabelSelector as apimachinery's <c>LabelSelectorAsSelector</c> makes it: a null selector matches
/// nothing (<see cref="Nothing"/>); an empty one matches everything and is <see cref="IsEmpty"/> (PodTopologySpread then
/// counts no pods, SCHED-017); otherwise matchLabels (as Equals) and matchExpressions (In, NotIn, Exists,
/// DoesNotExist), all ANDed. Operators validation forbids are treated as matching nothing (a validated pod has none).
/// </summary>
public sealed class SpreadSelector
{
    private readonly List<(string Key, string Operator, ValueList<string> Values)> _requirements;

    private SpreadSelector(bool nothing, List<(string Key, string Operator, ValueList<string> Values)> requirements)
    {
        IsNothing = nothing;
        _requirements = requirements;
    }

    public static SpreadSelector Nothing { get; } = new(true, []);

    /// <summary>labels.Nothing(): matches no label set; not <see cref="IsEmpty"/>.</summary>
    public bool IsNothing { get; }

    /// <summary>labels.Selector.Empty(): no requirements (matches every label set).</summary>
    public bool IsEmpty => !IsNothing && _requirements.Count == 0;

    public static SpreadSelector From(LabelSelector? selector)
    {
        if (selector is null)
        {
            return Nothing;
        }

        var reqs = new List<(string, string, ValueList<string>)>(selector.MatchLabels.Count + selector.MatchExpressions.Count);
        foreach (var (key, value) in selector.MatchLabels)
        {
            reqs.Add((key, "In", ValueList.Of(value)));
        }

        foreach (var e in selector.MatchExpressions)
        {
            reqs.Add((e.Key, e.Operator, e.Values));
        }

        return new SpreadSelector(false, reqs);
    }

    /// <summary>
    /// mergeLabelSetWithSelector: the pod's values of matchLabelKeys added as Equals requirements. A Nothing selector
    /// stays Nothing (it has no requirements to merge with, upstream returns it unchanged).
    /// </summary>
    public SpreadSelector WithLabels(IReadOnlyList<(string Key, string Value)> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (IsNothing || labels.Count == 0)
        {
            return this;
        }

        var reqs = new List<(string, string, ValueList<string>)>(_requirements.Count + labels.Count);
        foreach (var (k, v) in labels)
        {
            reqs.Add((k, "In", ValueList.Of(v)));
        }

        reqs.AddRange(_requirements);
        return new SpreadSelector(false, reqs);
    }

    public bool Matches(ValueMap<string> labels)
    {
        if (IsNothing)
        {
            return false;
        }

        foreach (var (key, op, values) in _requirements)
        {
            bool exists = labels.TryGetValue(key, out var value);
            bool ok = op switch
            {
                "In" => exists && Contains(values, value!),
                "NotIn" => !exists || !Contains(values, value!),
                "Exists" => exists,
                "DoesNotExist" => !exists,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(ValueList<string> values, string value)
    {
        foreach (var v in values)
        {
            if (string.Equals(v, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
