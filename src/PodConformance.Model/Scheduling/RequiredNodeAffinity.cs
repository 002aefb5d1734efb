using System.Globalization;
using PodConformance.Model.Api;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// component-helpers nodeaffinity.RequiredNodeAffinity (SCHED-004): the pod's nodeSelector (every label present with that
/// value) and its required node affinity (terms ORed, the requirements of a term ANDed). A term that does not parse
/// (a bad key, operator, value or value count) matches no node, as the scheduler ignores parse errors there; an empty
/// term is dropped; no term left matches no node. matchFields are ignored for a node without a name, as upstream.
/// Used by NodeAffinity's Filter and by PodTopologySpread's node inclusion (SCHED-017).
/// </summary>
public static class RequiredNodeAffinity
{
    public const string ObjectNameField = "metadata.name";

    /// <summary>Whether the pod's nodeSelector and required node affinity accept <paramref name="node"/>.</summary>
    public static bool Match(PodSpec spec, Node node)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(node);
        foreach (var (key, value) in spec.NodeSelector)
        {
            if (!node.Labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return Required(spec) is not { } required || MatchSelector(required, node);
    }

    /// <summary><c>spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution</c>, or null.</summary>
    public static NodeSelector? Required(PodSpec spec) => spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution;

    /// <summary>LazyErrorNodeSelector.Match: some non-empty term that parses matches.</summary>
    public static bool MatchSelector(NodeSelector selector, Node node)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(node);
        foreach (var term in selector.NodeSelectorTerms)
        {
            if (term.MatchExpressions.IsEmpty && term.MatchFields.IsEmpty)
            {
                continue;
            }

            if (MatchTerm(term, node))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchTerm(NodeSelectorTerm term, Node node)
    {
        foreach (var r in term.MatchExpressions)
        {
            if (!LabelRequirementParses(r))
            {
                return false;
            }
        }

        foreach (var r in term.MatchFields)
        {
            if (r.Operator is not ("In" or "NotIn") || r.Values.Count != 1)
            {
                return false;
            }
        }

        foreach (var r in term.MatchExpressions)
        {
            if (!MatchLabel(r, node))
            {
                return false;
            }
        }

        if (node.Name.Length > 0)
        {
            foreach (var r in term.MatchFields)
            {
                // fields.Set of a node holds metadata.name only; another key reads as "".
                string actual = string.Equals(r.Key, ObjectNameField, StringComparison.Ordinal) ? node.Name : "";
                bool equal = string.Equals(actual, r.Values[0], StringComparison.Ordinal);
                if (equal != (r.Operator == "In"))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>labels.NewRequirement's checks: a qualified-name key, the operator's value count, integer Gt/Lt values, label values.</summary>
    private static bool LabelRequirementParses(NodeSelectorRequirement r)
    {
        if (NameRules.QualifiedName(r.Key).Length > 0)
        {
            return false;
        }

        bool countOk = r.Operator switch
        {
            "In" or "NotIn" => r.Values.Count > 0,
            "Exists" or "DoesNotExist" => r.Values.Count == 0,
            "Gt" or "Lt" => r.Values.Count == 1 && TryParseGoInt64(r.Values[0], out _),
            _ => false,
        };
        if (!countOk)
        {
            return false;
        }

        foreach (var v in r.Values)
        {
            if (NameRules.LabelValue(v).Length > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>labels.Requirement.Matches for the node selector operators.</summary>
    private static bool MatchLabel(NodeSelectorRequirement r, Node node)
    {
        bool exists = node.Labels.TryGetValue(r.Key, out var value);
        switch (r.Operator)
        {
            case "In":
                return exists && Contains(r.Values, value!);
            case "NotIn":
                return !exists || !Contains(r.Values, value!);
            case "Exists":
                return exists;
            case "DoesNotExist":
                return !exists;
            default:
                if (!exists || !TryParseGoInt64(value!, out long actual) || !TryParseGoInt64(r.Values[0], out long wanted))
                {
                    return false;
                }

                return r.Operator == "Gt" ? actual > wanted : actual < wanted;
        }
    }

    private static bool Contains(Collections.ValueList<string> values, string value)
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

    /// <summary>Go strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, in range.</summary>
    public static bool TryParseGoInt64(string s, out long value) =>
        long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
