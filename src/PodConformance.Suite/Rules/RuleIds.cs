using System.Reflection;
using PodConformance.Model.Collections;

namespace PodConformance.Suite.Rules;

/// <summary>
/// Spec rule IDs read from the model's rule constant classes (<c>QosRules</c>, <c>PhaseRules</c>…), so a property's
/// <see cref="ConformanceProperty.Covers"/> follows the model when a rule is added, instead of a copied list going stale.
/// </summary>
public static class RuleIds
{
    /// <summary>Every <c>const string</c> of <paramref name="rulesClass"/> that looks like a spec ID, except <paramref name="except"/>, sorted.</summary>
    public static ValueList<string> Of(Type rulesClass, params string[] except)
    {
        ArgumentNullException.ThrowIfNull(rulesClass);
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in rulesClass.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.IsLiteral && field.GetRawConstantValue() is string id && IsSpecId(id) && Array.IndexOf(except, id) < 0)
            {
                ids.Add(id);
            }
        }

        return ids.ToValueList();
    }

    /// <summary><c>ABC-123</c>: upper-case letters, a dash, digits.</summary>
    public static bool IsSpecId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || dash == text.Length - 1)
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool ok = i < dash ? c is >= 'A' and <= 'Z' : i == dash || c is >= '0' and <= '9';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public static ValueList<string> Explicit(params string[] ids) => ids.Order(StringComparer.Ordinal).ToValueList();
}
