using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using static PodConformance.Model.Tests.Admission.CreatePods;

namespace PodConformance.Model.Tests.Admission.Plugins;

/// <summary>
/// Laws of a create through the RuntimeClass plugin with a class given (ADM-015…017), over random classes and pods, with
/// fixed seeds: they follow from admission.go's setOverhead/setScheduling, not from the model's code, so a change to the
/// merge, the conflict rule or the overhead copy fails one of them.
/// </summary>
public sealed class RuntimeClassProperties
{
    private static readonly string[] Keys = ["arch", "disk", "zone"];

    private static Gen<ValueMap<string>> Selectors() =>
        from picks in Gen.Choose(0, 3).ArrayOf(Keys.Length)
        select ValueMap.Create(Keys.Select((k, i) => (k, picks[i])).Where(p => p.Item2 > 0)
            .Select(p => new KeyValuePair<string, string>(p.k, p.Item2 == 1 ? "a" : "b")));

    private static Gen<(RuntimeClass Class, Pod Pod)> Cases() =>
        from overhead in Gen.Choose(0, 3)
        from cpu in Gen.Choose(1, 500)
        from scheduling in Gen.Elements(true, false)
        from classSelector in Selectors()
        from podSelector in Selectors()
        from classTolerations in TolerationMergeTests.Tolerations().ListOf().Select(l => l.Take(4).ToValueList())
        from podTolerations in TolerationMergeTests.Tolerations().ListOf().Select(l => l.Take(4).ToValueList())
        select (new RuntimeClass
        {
            Name = "kata",
            Handler = "kata",
            HasOverhead = overhead > 0,
            PodFixed = overhead > 1 ? ValueMap.Of(("cpu", Quantity.Parse(cpu.ToString(System.Globalization.CultureInfo.InvariantCulture) + "m"))) : default,
            HasScheduling = scheduling,
            NodeSelector = scheduling ? classSelector : default,
            Tolerations = scheduling ? classTolerations : default,
        }, WithSpec(s => s with
        {
            RuntimeClassName = "kata",
            NodeSelector = podSelector,
            Tolerations = podTolerations,
            Containers = [s.Containers[0] with { Resources = new ResourceRequirements { Requests = ValueMap.Of(("cpu", Quantity.Parse("100m"))) } }],
        }));

    [Property(Replay = "(33011,4477)", MaxTest = 300)]
    public Property A_class_sets_overhead_merges_scheduling_or_names_the_first_conflict() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var (rc, pod) = c;
            var r = PodCreate.Run(pod, V(37), new AdmissionObjects { RuntimeClasses = [rc] });
            string? conflict = rc.NodeSelector.Keys.FirstOrDefault(k => pod.Spec.NodeSelector.TryGetValue(k, out string? v) && v != rc.NodeSelector[k]);
            if (conflict is not null)
            {
                return (r.Rejection?.Rule == AdmissionRules.RuntimeClassNodeSelector
                    && r.Rejection.Message.EndsWith("conflict: runtimeClass.scheduling.nodeSelector[" + conflict + "] = " + rc.NodeSelector[conflict] + "; pod.spec.nodeSelector[" + conflict + "] = " + pod.Spec.NodeSelector[conflict], StringComparison.Ordinal))
                    .Label("conflict on " + conflict + ": " + r.Rejection?.Message);
            }

            if (!r.Accepted)
            {
                return false.Label("refused: " + r.Rejection?.Message);
            }

            var stored = r.Stored.Spec;
            bool overhead = stored.Overhead == (rc.HasOverhead ? rc.PodFixed : default);
            bool selector = pod.Spec.NodeSelector.Concat(rc.NodeSelector).All(kv => stored.NodeSelector.TryGetValue(kv.Key, out string? v) && v == kv.Value)
                && stored.NodeSelector.Count == pod.Spec.NodeSelector.Keys.Union(rc.NodeSelector.Keys).Count();
            bool tolerated = pod.Spec.Tolerations.Concat(rc.Tolerations).All(t => stored.Tolerations.Any(s => Model.Admission.Plugins.TolerationMerge.IsSuperset(s, t)));
            long expectedCpu = 100 + (stored.Overhead.TryGetValue("cpu", out var o) ? o.MilliValue() : 0);
            bool requests = Model.Resources.PodResources.PodRequests(stored, true)["cpu"].MilliValue() == expectedCpu;
            return (overhead && selector && tolerated && requests).Label($"overhead {overhead}, selector {selector}, tolerated {tolerated}, requests {requests}");
        });
}
