using System.Globalization;
using System.Text;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Admission.Plugins;

/// <summary>
/// RuntimeClass (kubernetes plugin/pkg/admission/runtimeclass/admission.go; ADM-012…018). <c>Admit</c> looks the pod's
/// class up and refuses an unknown one (ADM-014), sets the pod's overhead from the class (ADM-015) and merges the class's
/// node selector (ADM-016) and tolerations (ADM-017) into the pod; <c>Validate</c> looks the class up again and refuses an
/// overhead that differs from the class's (ADM-018), or any overhead when there is no class or the class has none
/// (ADM-013). Without RuntimeClass objects the model cannot know the cluster's classes: a named class is then listed
/// as not checked and nothing is merged (ADM-012).
/// </summary>
internal sealed class RuntimeClassPlugin : IMutatingPlugin, IValidatingPlugin
{
    private const string OverheadMismatch = "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead";

    /// <summary>
    /// From 1.31 setOverhead tests <c>len(pod.Spec.Overhead) &gt; 0</c>, before <c>!= nil</c> (ADM-015): upstream commit
    /// fdd1f3766 (PR #123128) is in the 1.31 rebase's upstream range of OpenShift's fork, not in its 1.30 branch.
    /// </summary>
    private static readonly KubernetesVersion LenTestFrom = new(1, 31);

    public static RuntimeClassPlugin Instance { get; } = new();

    public string Name => "RuntimeClass";

    public PluginOutcome Admit(Pod pod, CreateRun run, StepLog log)
    {
        if (pod.Spec.RuntimeClassName is not { Length: > 0 } name)
        {
            return new PluginOutcome(pod, Note: "no runtimeClassName");
        }

        var lookup = Lookup(pod, name, run, recordUnchecked: true);
        if (lookup.Rejection is not null || lookup.Class is not { } rc)
        {
            return new PluginOutcome(pod, lookup.Rejection, lookup.Note);
        }

        var spec = pod.Spec;
        if (rc.HasOverhead)
        {
            // setOverhead: an overhead the pod already has must equal the class's (semantic equality: quantities by
            // value, an empty map equal to none); 1.28-1.30 test the map against nil, so there `overhead: {}` counts.
            bool podHasOverhead = !spec.Overhead.IsEmpty || (spec.OverheadGiven && run.Profile.Version < LenTestFrom);
            Coverage.RuleCoverage.Hit(AdmissionRules.RuntimeClassSetOverhead);
            if (podHasOverhead && spec.Overhead != rc.PodFixed)
            {
                return new PluginOutcome(pod, AdmissionRejection.Forbidden(pod, AdmissionRules.RuntimeClassSetOverhead, OverheadMismatch));
            }

            if (log.On && spec.Overhead.IsEmpty && !rc.PodFixed.IsEmpty)
            {
                log.Add(AdmissionRules.RuntimeClassSetOverhead, "spec.overhead", Render(rc.PodFixed) + " (RuntimeClass " + name + ")");
            }

            spec = spec with { Overhead = rc.PodFixed, OverheadGiven = false };
        }

        if (rc.HasScheduling)
        {
            // setScheduling: the class's node selector is added to the pod's; a key both set to different values is a
            // conflict. Go ranges over the class's map in random order, so with several conflicting keys the one named
            // varies; the model names the first in key order (ADM-016).
            var selector = spec.NodeSelector;
            foreach (var (key, value) in rc.NodeSelector)
            {
                if (selector.TryGetValue(key, out string? podValue))
                {
                    if (podValue != value)
                    {
                        Coverage.RuleCoverage.Hit(AdmissionRules.RuntimeClassNodeSelector);
                        return new PluginOutcome(pod, AdmissionRejection.Forbidden(pod, AdmissionRules.RuntimeClassNodeSelector,
                            "conflict: runtimeClass.scheduling.nodeSelector[" + key + "] = " + value + "; pod.spec.nodeSelector[" + key + "] = " + podValue));
                    }

                    continue;
                }

                selector = selector.SetItem(key, value);
                log.Add(AdmissionRules.RuntimeClassNodeSelector, "spec.nodeSelector[" + key + "]", value);
            }

            var tolerations = TolerationMerge.Merge(spec.Tolerations, rc.Tolerations);
            Coverage.RuleCoverage.Hit(AdmissionRules.RuntimeClassTolerations);
            if (log.On && !tolerations.Equals(spec.Tolerations))
            {
                log.Add(AdmissionRules.RuntimeClassTolerations, "spec.tolerations", Render(tolerations) + " (merged with RuntimeClass " + name + ")");
            }

            spec = spec with { NodeSelector = selector, Tolerations = tolerations };
        }

        return new PluginOutcome(pod with { Spec = spec }, Note: run.KeepsSteps ? "RuntimeClass " + name + " (handler " + rc.Handler + ")" : "");
    }

    /// <summary>
    /// validateOverhead: with a class that has an overhead, the pod's must equal it (ADM-018; after Admit it does, unless
    /// something changed it since); otherwise a pod that sets <c>spec.overhead</c> is refused (ADM-013). Go tests the map
    /// against nil there, so an empty <c>overhead: {}</c> is refused too (<see cref="PodSpec.OverheadGiven"/>).
    /// </summary>
    public PluginOutcome Validate(Pod pod, CreateRun run)
    {
        RuntimeClass? rc = null;
        if (pod.Spec.RuntimeClassName is { Length: > 0 } name)
        {
            // Admit already listed an unknown class as not checked.
            var lookup = Lookup(pod, name, run, recordUnchecked: false);
            if (lookup.Rejection is not null || lookup.Class is null)
            {
                return lookup.Rejection is null
                    ? new PluginOutcome(pod, Note: "not modelled: the overhead is not compared with RuntimeClass " + name)
                    : new PluginOutcome(pod, lookup.Rejection);
            }

            rc = lookup.Class;
        }

        if (rc is { HasOverhead: true })
        {
            Coverage.RuleCoverage.Hit(AdmissionRules.RuntimeClassValidateOverhead);
            return pod.Spec.Overhead == rc.PodFixed
                ? new PluginOutcome(pod, Note: run.KeepsSteps ? "the overhead is RuntimeClass " + rc.Name + "'s" : "")
                : new PluginOutcome(pod, AdmissionRejection.Forbidden(pod, AdmissionRules.RuntimeClassValidateOverhead, OverheadMismatch));
        }

        if (!pod.Spec.Overhead.IsEmpty || pod.Spec.OverheadGiven)
        {
            Coverage.RuleCoverage.Hit(AdmissionRules.RuntimeClassOverhead);
            return new PluginOutcome(pod, AdmissionRejection.Forbidden(pod, AdmissionRules.RuntimeClassOverhead,
                "pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead"));
        }

        return new PluginOutcome(pod, Note: run.KeepsSteps ? (rc is null ? "no runtimeClassName and no overhead" : "no overhead") : "");
    }

    /// <summary>
    /// prepareObjects: the class named, else the refusal (ADM-014) when the model knows the cluster's classes
    /// (<see cref="AdmissionObjects.RuntimeClassesKnown"/>), else a "not checked" entry and no class (ADM-012).
    /// </summary>
    private static ClassLookup Lookup(Pod pod, string name, CreateRun run, bool recordUnchecked)
    {
        if (run.Objects.FindRuntimeClass(name) is { } rc)
        {
            return new ClassLookup(rc, null, "");
        }

        if (run.Objects.RuntimeClassesKnown)
        {
            Coverage.RuleCoverage.Hit(AdmissionRules.RuntimeClassNotFound);
            return new ClassLookup(null, AdmissionRejection.Forbidden(pod, AdmissionRules.RuntimeClassNotFound, "pod rejected: RuntimeClass " + GoQuote.Quote(name) + " not found"), "");
        }

        if (recordUnchecked)
        {
            run.Unchecked("spec.runtimeClassName", "RuntimeClass " + name
                + " was not given (--objects): its existence, overhead and scheduling (the RuntimeClass admission plugin) are not checked");
        }

        return new ClassLookup(null, null, "not modelled: RuntimeClass " + name + " was not given; it would set overhead and scheduling");
    }

    private static string Render(ValueMap<Quantity> map)
    {
        var sb = new StringBuilder("{");
        foreach (var (k, v) in map)
        {
            sb.Append(sb.Length == 1 ? "" : ", ").Append(k).Append(": ").Append(v.ToString());
        }

        return sb.Append('}').ToString();
    }

    private static string Render(ValueList<Toleration> tolerations)
    {
        var sb = new StringBuilder("[");
        foreach (var t in tolerations)
        {
            sb.Append(sb.Length == 1 ? "{" : ", {");
            int start = sb.Length;
            Field(sb, start, "key", t.Key);
            Field(sb, start, "operator", t.Operator);
            Field(sb, start, "value", t.Value);
            Field(sb, start, "effect", t.Effect);
            if (t.TolerationSeconds is long s)
            {
                Field(sb, start, "tolerationSeconds", s.ToString(CultureInfo.InvariantCulture));
            }

            sb.Append('}');
        }

        return sb.Append(']').ToString();
    }

    private static void Field(StringBuilder sb, int start, string name, string value)
    {
        if (value.Length > 0)
        {
            sb.Append(sb.Length == start ? "" : ", ").Append(name).Append(": ").Append(value);
        }
    }

    private readonly record struct ClassLookup(RuntimeClass? Class, AdmissionRejection? Rejection, string Note);
}
