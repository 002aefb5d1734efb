using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Generators;

/// <summary>A pod with the RuntimeClasses of its cluster, and the rule that must refuse its create (null: accepted).</summary>
public sealed record RuntimeClassCase(Pod Pod, ValueList<RuntimeClass> Classes, string? Rule, string Name);

/// <summary>
/// Pods that name a RuntimeClass, with the cluster's RuntimeClasses (ADM-014…018, plugin/pkg/admission/runtimeclass): a
/// valid pod whose class sets an overhead, a node selector and tolerations, and three invalid variants — a class that is
/// not there (ADM-014), an overhead that differs from the class's (ADM-015), a node selector that conflicts with the
/// class's (ADM-016). The classes travel with the case (<c>PodCase.RuntimeClasses</c>); an adapter that cannot receive
/// them answers "not performed". Each case has one conflicting key at most: Go names a random one of several (ADM-016).
/// </summary>
public static class RuntimeClassCases
{
    /// <summary>The node-selector key the classes set: no generated pod uses it, so only the conflict variant conflicts.</summary>
    public const string SelectorKey = "runtime.podconf.io/class";

    private static readonly string[] Names = ["kata", "gvisor", "wasm"];

    private static Gen<Toleration> Tolerations() =>
        from key in Gen.Elements("sandbox", "runtime.podconf.io/untrusted", "")
        from exists in Gen.Elements(true, false)
        from effect in Gen.Elements("", "NoSchedule", "NoExecute", "PreferNoSchedule")
        from seconds in Gen.Choose(-1, 600)
        select new Toleration
        {
            Key = key,
            Operator = exists || key.Length == 0 ? "Exists" : "Equal",
            Value = exists || key.Length == 0 ? "" : "true",
            Effect = effect,
            TolerationSeconds = effect == "NoExecute" && seconds >= 0 ? seconds : null,
        };

    /// <summary>A class named <paramref name="name"/>: an overhead (cpu and memory), and sometimes scheduling.</summary>
    private static Gen<RuntimeClass> Class(string name) =>
        from cpu in Gen.Choose(1, 500)
        from memory in Gen.Choose(1, 256)
        from scheduling in Gen.Elements(true, true, false)
        from tolerations in Gen.Choose(0, 3).SelectMany(n => Tolerations().ArrayOf(n))
        select new RuntimeClass
        {
            Name = name,
            Handler = name,
            HasOverhead = true,
            PodFixed = ValueMap.Of(("cpu", Quantity.Parse(cpu.ToString(CultureInfo.InvariantCulture) + "m")), ("memory", Quantity.Parse(memory.ToString(CultureInfo.InvariantCulture) + "Mi"))),
            HasScheduling = scheduling,
            NodeSelector = scheduling ? ValueMap.Of((SelectorKey, name)) : default,
            Tolerations = scheduling ? tolerations.ToValueList() : default,
        };

    /// <summary>One to three classes; the pod names the first.</summary>
    private static Gen<ValueList<RuntimeClass>> Classes() =>
        from count in Gen.Choose(1, Names.Length)
        from a in Class(Names[0])
        from b in Class(Names[1])
        from c in Class(Names[2])
        select new[] { a, b, c }.Take(count).ToValueList();

    private static Pod Naming(Pod pod, string name) => pod with { Spec = pod.Spec with { RuntimeClassName = name } };

    /// <summary>A valid pod that names a given class: accepted, with the class's overhead, node selector and tolerations.</summary>
    public static Gen<RuntimeClassCase> Valid { get; } =
        from pod in PodGen.Valid
        from classes in Classes()
        select new RuntimeClassCase(Naming(pod, classes[0].Name), classes, null, "runtime-class");

    /// <summary>ADM-014: the pod names a class the cluster does not have.</summary>
    public static Gen<RuntimeClassCase> Unknown { get; } =
        from pod in PodGen.Valid
        from classes in Classes()
        select new RuntimeClassCase(Naming(pod, "missing-" + classes[0].Name), classes, AdmissionRules.RuntimeClassNotFound, "unknown-runtime-class");

    /// <summary>ADM-015: the pod carries an overhead that differs from its class's (one quantity changed).</summary>
    public static Gen<RuntimeClassCase> OverheadDiffers { get; } =
        from pod in PodGen.Valid
        from classes in Classes()
        from which in Gen.Elements("cpu", "memory")
        select new RuntimeClassCase(WithOverhead(Naming(pod, classes[0].Name), Bump(classes[0].PodFixed, which)), classes, AdmissionRules.RuntimeClassSetOverhead, "runtime-class-overhead-differs");

    /// <summary>ADM-016: the pod's node selector sets the class's key to another value (the class has scheduling).</summary>
    public static Gen<RuntimeClassCase> NodeSelectorConflict { get; } =
        from pod in PodGen.Valid
        from classes in Classes()
        let first = classes[0] with { HasScheduling = true, NodeSelector = ValueMap.Of((SelectorKey, classes[0].Name)) }
        select new RuntimeClassCase(
            Naming(pod, first.Name) with { Spec = Naming(pod, first.Name).Spec with { NodeSelector = pod.Spec.NodeSelector.SetItem(SelectorKey, "other") } },
            classes.SetItem(0, first), AdmissionRules.RuntimeClassNodeSelector, "runtime-class-node-selector-conflict");

    /// <summary>The invalid variants, each with the rule that refuses it.</summary>
    public static IReadOnlyList<(string Rule, string Name, Gen<RuntimeClassCase> Gen)> Invalid { get; } =
    [
        (AdmissionRules.RuntimeClassNotFound, "unknown-runtime-class", Unknown),
        (AdmissionRules.RuntimeClassSetOverhead, "runtime-class-overhead-differs", OverheadDiffers),
        (AdmissionRules.RuntimeClassNodeSelector, "runtime-class-node-selector-conflict", NodeSelectorConflict),
    ];

    /// <summary>Valid and invalid cases, one in four valid.</summary>
    public static Gen<RuntimeClassCase> Any { get; } = Gen.OneOf(Valid, Unknown, OverheadDiffers, NodeSelectorConflict);

    private static Pod WithOverhead(Pod pod, ValueMap<Quantity> overhead) => pod with { Spec = pod.Spec with { Overhead = overhead, OverheadGiven = true } };

    private static ValueMap<Quantity> Bump(ValueMap<Quantity> overhead, string name) =>
        overhead.SetItem(name, Quantity.Parse((overhead[name].MilliValue() + 1).ToString(CultureInfo.InvariantCulture) + "m"));

    /// <summary>Whether the case's create ends as the case says: accepted, or refused by its rule (the cluster's classes given).</summary>
    public static bool Holds(RuntimeClassCase c, Model.Profiles.Profile profile)
    {
        ArgumentNullException.ThrowIfNull(c);
        var created = PodCreate.Run(c.Pod, profile, new AdmissionObjects { RuntimeClasses = c.Classes });
        return c.Rule is null ? created.Accepted : created.Rejection is { } r && string.Equals(r.Rule, c.Rule, StringComparison.Ordinal);
    }
}
