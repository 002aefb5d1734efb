using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Collections;

namespace PodConformance.Generators;

/// <summary>
/// Smaller sets of PriorityClasses for a failing case (<see cref="PriorityClassCases"/>): a class less, then within one class
/// no global default, the default preemption policy, a value nearer zero (0, then half). A class the pod names may go: the
/// shrunk case then names a missing class, which the comparison decides as any other case.
/// </summary>
public static class PriorityClassShrinker
{
    public static IEnumerable<ValueList<PriorityClass>> Shrink(ValueList<PriorityClass> classes)
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

    private static IEnumerable<PriorityClass> Shrink(PriorityClass pc)
    {
        if (pc.GlobalDefault)
        {
            yield return pc with { GlobalDefault = false };
        }

        if (pc.PreemptionPolicy != "PreemptLowerPriority")
        {
            yield return pc with { PreemptionPolicy = "PreemptLowerPriority" };
        }

        if (pc.Value != 0)
        {
            yield return pc with { Value = 0 };
            if (pc.Value / 2 != 0)
            {
                yield return pc with { Value = pc.Value / 2 };
            }
        }
    }
}
