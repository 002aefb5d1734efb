using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Generators;

/// <summary>A pod with the PriorityClasses of its cluster, and the rule that must refuse its create (null: accepted).</summary>
public sealed record PriorityClassCase(Pod Pod, ValueList<PriorityClass> Classes, string? Rule, string Name);

/// <summary>
/// Pods and the cluster's own PriorityClasses (ADM-040…044, plugin/pkg/admission/priority/admission.go <c>admitPod</c>,
/// <c>getDefaultPriority</c>; v1.35.0 blob 866fbf6451). Zero to three classes (values from int32's least to 1e9, the highest
/// a user class may have; preemptionPolicy Never or PreemptLowerPriority, which an unset one is defaulted to when the class is
/// created), sometimes one global default and sometimes two of different values, of which the lower wins
/// (<c>getDefaultPriorityClass</c>: two of equal value are never generated, since the informer lists them in no fixed
/// order). The pod names a given class, a system class (ADM-041) or none (ADM-040), with spec.priority and
/// spec.preemptionPolicy unset or equal to what the plugin computes — accepted; or names a class that is not there (ADM-042),
/// or sets a priority (ADM-043) or a preemption policy (ADM-044) that differs — refused. The classes travel with the case
/// (<c>PodCase.PriorityClasses</c>) and are the cluster's own besides the system classes.
/// </summary>
public static class PriorityClassCases
{
    /// <summary>The highest value a PriorityClass that is not a system class may have (scheduling.HighestUserDefinablePriority).</summary>
    public const int HighestUserDefinablePriority = 1000000000;

    private const string Never = "Never";
    private const string PreemptLowerPriority = "PreemptLowerPriority";

    private static readonly string[] Names = ["high", "batch", "best-effort"];

    private static Gen<int> Value() => Gen.Frequency(
        (3, Gen.Choose(-1000, 1000)),
        (2, Gen.Elements(int.MinValue, -1, 0, 1, 999999999, HighestUserDefinablePriority)),
        (1, Gen.Choose(-2000000000, HighestUserDefinablePriority)));

    private static Gen<PriorityClass> Class(string name) =>
        from value in Value()
        from policy in Gen.Elements(Never, PreemptLowerPriority, PreemptLowerPriority)
        select new PriorityClass { Name = name, Value = value, PreemptionPolicy = policy };

    /// <summary><paramref name="min"/> to three classes, none, one (most often) or two of them global defaults of different values.</summary>
    private static Gen<ValueList<PriorityClass>> Classes(int min) =>
        from count in Gen.Choose(min, Names.Length)
        from a in Class(Names[0])
        from b in Class(Names[1])
        from c in Class(Names[2])
        from defaults in Gen.Frequency((3, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)))
        from first in Gen.Choose(0, Math.Max(0, count - 1))
        select GlobalDefaults(new[] { a, b, c }.Take(count).ToArray(), Math.Min(defaults, count), first);

    private static ValueList<PriorityClass> GlobalDefaults(PriorityClass[] classes, int defaults, int first)
    {
        if (defaults >= 1)
        {
            classes[first] = classes[first] with { GlobalDefault = true };
        }

        if (defaults == 2)
        {
            int second = (first + 1) % classes.Length;
            var other = classes[second];
            if (other.Value == classes[first].Value)
            {
                other = other with { Value = other.Value == HighestUserDefinablePriority ? other.Value - 1 : other.Value + 1 };
            }

            classes[second] = other with { GlobalDefault = true };
        }

        return classes.ToValueList();
    }

    /// <summary>What the pod names: a given class (when there is one), a system class, or none.</summary>
    private static Gen<string> Target(ValueList<PriorityClass> classes) =>
        classes.IsEmpty
            ? Gen.Elements("", PriorityClass.SystemClasses[0].Name, PriorityClass.SystemClasses[1].Name)
            : Gen.Frequency(
                (3, Gen.Elements(classes.Select(c => c.Name).ToArray())),
                (1, Gen.Elements(PriorityClass.SystemClasses[0].Name, PriorityClass.SystemClasses[1].Name)),
                (2, Gen.Constant("")));

    /// <summary>
    /// The priority and preemption policy the plugin computes for a pod naming <paramref name="name"/> (empty: none), with the
    /// class name it writes: the generator's own reading of ADM-040/041, so that a case can set fields that match or differ.
    /// The model decides each case (<see cref="Holds"/> is checked in Generators.Tests).
    /// </summary>
    public static (string Name, int Priority, string Policy) Computed(ValueList<PriorityClass> classes, string name)
    {
        if (name.Length == 0)
        {
            PriorityClass? global = null;
            foreach (var pc in classes)
            {
                if (pc.GlobalDefault && (global is null || global.Value > pc.Value))
                {
                    global = pc;
                }
            }

            return global is null ? ("", 0, PreemptLowerPriority) : (global.Name, global.Value, global.PreemptionPolicy);
        }

        foreach (var pc in PriorityClass.SystemClasses.Concat(classes))
        {
            if (pc.Name == name)
            {
                return (pc.Name, pc.Value, pc.PreemptionPolicy);
            }
        }

        throw new ArgumentException("no class " + name, nameof(name));
    }

    private static Pod Set(Pod pod, string name, int? priority, string? policy) =>
        pod with { Spec = pod.Spec with { PriorityClassName = name, Priority = priority, PreemptionPolicy = policy } };

    /// <summary>A pod naming a given class, a system class or none, with spec.priority and preemptionPolicy unset or as computed: accepted.</summary>
    public static Gen<PriorityClassCase> Valid { get; } =
        from pod in PodGen.Valid
        from classes in Classes(0)
        from name in Target(classes)
        let computed = Computed(classes, name)
        from priority in Gen.Elements<int?>(null, computed.Priority)
        from policy in Gen.Elements<string?>(null, computed.Policy)
        select new PriorityClassCase(Set(pod, name, priority, policy), classes, null, "priority-class");

    /// <summary>ADM-042: the pod names a class that is neither given nor a system class (the case has at least one class).</summary>
    public static Gen<PriorityClassCase> Unknown { get; } =
        from pod in PodGen.Valid
        from classes in Classes(1)
        from priority in Gen.Elements<int?>(null, 0, classes[0].Value)
        from policy in Gen.Elements<string?>(null, Never, PreemptLowerPriority)
        select new PriorityClassCase(Set(pod, "missing-" + classes[0].Name, priority, policy), classes, AdmissionRules.PriorityClassNotFound, "unknown-priority-class");

    /// <summary>ADM-043: spec.priority differs from the computed value (by one, or by far; never past int32).</summary>
    public static Gen<PriorityClassCase> PriorityMismatch { get; } =
        from pod in PodGen.Valid
        from classes in Classes(0)
        from name in Target(classes)
        let computed = Computed(classes, name)
        from delta in Gen.Elements(1, -1, 1000, -1000000)
        from policy in Gen.Elements<string?>(null, computed.Policy)
        let priority = (int)Math.Clamp((long)computed.Priority + delta, int.MinValue, int.MaxValue)
        select new PriorityClassCase(Set(pod, name, priority == computed.Priority ? computed.Priority - delta : priority, policy), classes, AdmissionRules.PriorityValueMismatch, "priority-value-mismatch");

    /// <summary>ADM-044: spec.preemptionPolicy is the other policy than the computed one (spec.priority unset or equal).</summary>
    public static Gen<PriorityClassCase> PreemptionMismatch { get; } =
        from pod in PodGen.Valid
        from classes in Classes(0)
        from name in Target(classes)
        let computed = Computed(classes, name)
        from priority in Gen.Elements<int?>(null, computed.Priority)
        select new PriorityClassCase(Set(pod, name, priority, computed.Policy == Never ? PreemptLowerPriority : Never), classes, AdmissionRules.PreemptionPolicy, "preemption-policy-mismatch");

    /// <summary>The invalid variants, each with the rule that refuses it.</summary>
    public static IReadOnlyList<(string Rule, string Name, Gen<PriorityClassCase> Gen)> Invalid { get; } =
    [
        (AdmissionRules.PriorityClassNotFound, "unknown-priority-class", Unknown),
        (AdmissionRules.PriorityValueMismatch, "priority-value-mismatch", PriorityMismatch),
        (AdmissionRules.PreemptionPolicy, "preemption-policy-mismatch", PreemptionMismatch),
    ];

    /// <summary>Valid and invalid cases, half valid.</summary>
    public static Gen<PriorityClassCase> Any { get; } = Gen.Frequency((3, Valid), (1, Unknown), (1, PriorityMismatch), (1, PreemptionMismatch));

    /// <summary>How often, in percent, <see cref="SometimesSystemClass"/> makes a pod name a system class.</summary>
    public const int SystemClassPercent = 8;

    /// <summary>
    /// OOM-001/008 through a create: now and then (<see cref="SystemClassPercent"/>) the pod names a system PriorityClass —
    /// <c>system-node-critical</c> twice as often as <c>system-cluster-critical</c> — with spec.priority unset or equal to the
    /// class's value and spec.preemptionPolicy unset, so the Priority plugin (ADM-041) stores the class's value: at 2 000 000 000
    /// or more the pod is critical to the kubelet (OOM-008), and node-critical ones get −997 whatever their QoS (OOM-001), while
    /// a cluster-critical one keeps its QoS score. The system classes exist on every cluster, so the case needs no objects.
    /// Static and mirror pods (the other critical pods) are not made here: the kubelet sets <c>kubernetes.io/config.source</c>
    /// of every pod it gets from the API server to <c>api</c> (pkg/kubelet/config/config.go, <c>podStorage.merge</c>), so a
    /// created pod carrying another source is no static pod to it, and a mirror pod is the kubelet's own create.
    /// </summary>
    public static Gen<Pod> SometimesSystemClass(Pod pod) =>
        from critical in GenSequence.Chance(SystemClassPercent)
        from node in Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false)))
        from given in GenSequence.Chance(30)
        let pc = PriorityClass.SystemClasses[node ? 0 : 1]
        select critical ? Set(pod, pc.Name, given ? pc.Value : null, null) : pod;

    /// <summary>Whether the case's create ends as the case says: accepted, or refused by its rule (the cluster's classes given, and all of them).</summary>
    public static bool Holds(PriorityClassCase c, Model.Profiles.Profile profile)
    {
        ArgumentNullException.ThrowIfNull(c);
        var created = PodCreate.Run(c.Pod, profile, ObjectsOf(c.Classes));
        return c.Rule is null ? created.Accepted : created.Rejection is { } r && string.Equals(r.Rule, c.Rule, StringComparison.Ordinal);
    }

    /// <summary>The admission objects of a case's classes: all of the cluster's own (<see cref="AdmissionObjects.PriorityClassesComplete"/>).</summary>
    public static AdmissionObjects ObjectsOf(ValueList<PriorityClass> classes) =>
        new() { PriorityClasses = classes, PriorityClassesComplete = !classes.IsEmpty };
}
