using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Collections;

namespace PodConformance.Generators;

/// <summary>
/// Smaller sets of RuntimeClasses for a failing case (<see cref="RuntimeClassCases"/>): a class less, then within one
/// class a toleration less, no node selector, no scheduling, an overhead quantity less, no overhead.
/// </summary>
public static class RuntimeClassShrinker
{
    public static IEnumerable<ValueList<RuntimeClass>> Shrink(ValueList<RuntimeClass> classes)
    {
        for (int i = classes.Count - 1; i >= 0; i--)
        {
            yield return classes.RemoveAt(i);
        }

        for (int i = 0; i < classes.Count; i++)
        {
            foreach (var smaller in Shrink(classes[i]))
            {
                yield return classes.SetItem(i, smaller);
            }
        }
    }

    private static IEnumerable<RuntimeClass> Shrink(RuntimeClass rc)
    {
        for (int i = rc.Tolerations.Count - 1; i >= 0; i--)
        {
            yield return rc with { Tolerations = rc.Tolerations.RemoveAt(i) };
        }

        if (!rc.NodeSelector.IsEmpty)
        {
            yield return rc with { NodeSelector = default };
        }

        if (rc.HasScheduling && rc.NodeSelector.IsEmpty && rc.Tolerations.IsEmpty)
        {
            yield return rc with { HasScheduling = false };
        }

        foreach (string name in rc.PodFixed.Keys)
        {
            yield return rc with { PodFixed = rc.PodFixed.Remove(name) };
        }

        if (rc.HasOverhead && rc.PodFixed.IsEmpty)
        {
            yield return rc with { HasOverhead = false };
        }
    }
}
