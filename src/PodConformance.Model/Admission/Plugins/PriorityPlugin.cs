using System.Globalization;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;

namespace PodConformance.Model.Admission.Plugins;

/// <summary>
/// Priority (kubernetes plugin/pkg/admission/priority, <c>admitPod</c> on create): resolves <c>spec.priority</c> and
/// <c>spec.preemptionPolicy</c> from the PriorityClass (ADM-040…044). Its <c>Validate</c> only looks at PriorityClass
/// objects, so it has no validating part here.
/// </summary>
internal sealed class PriorityPlugin : IMutatingPlugin
{
    public const string PreemptLowerPriority = "PreemptLowerPriority";

    public static PriorityPlugin Instance { get; } = new();

    public string Name => "Priority";

    public PluginOutcome Admit(Pod pod, CreateRun run, StepLog log)
    {
        // The class name, priority and preemption policy set are gathered and the spec copied once.
        var spec = pod.Spec;
        string className = spec.PriorityClassName;
        int priority;
        string? preemption;
        string rule;
        if (spec.PriorityClassName.Length == 0)
        {
            // ADM-040: the global default class with the lowest value, else 0 and PreemptLowerPriority.
            var global = GlobalDefault(run.Objects);
            priority = global?.Value ?? 0;
            preemption = global is null ? PreemptLowerPriority : global.PreemptionPolicy;
            rule = AdmissionRules.PriorityDefault;
            Coverage.RuleCoverage.Hit(rule, global is null ? "no global default: 0" : "the global default's");
            if (global is not null)
            {
                className = global.Name;
                log.Add(rule, "spec.priorityClassName", global.Name);
            }
        }
        else
        {
            var pc = run.Objects.FindPriorityClass(spec.PriorityClassName);
            if (pc is null)
            {
                if (run.Objects.PriorityClassesKnown)
                {
                    Coverage.RuleCoverage.Hit(AdmissionRules.PriorityClassNotFound, "absent: refused");
                    return new PluginOutcome(pod, AdmissionRejection.Forbidden(pod, AdmissionRules.PriorityClassNotFound,
                        "no PriorityClass with name " + spec.PriorityClassName + " was found"));
                }

                run.Unchecked("spec.priorityClassName", "PriorityClass " + spec.PriorityClassName
                    + " was not given (--objects): assumed to exist, but its value is unknown, so spec.priority and spec.preemptionPolicy are not set"
                    + (spec.Priority is null ? "" : " and the spec.priority given is not checked against it"));
                return new PluginOutcome(pod, Note: "PriorityClass " + spec.PriorityClassName + " unknown; priority not resolved");
            }

            priority = pc.Value;
            preemption = pc.PreemptionPolicy;
            rule = AdmissionRules.PriorityClassResolution;
            Coverage.RuleCoverage.Hit(AdmissionRules.PriorityClassNotFound, "found");
            Coverage.RuleCoverage.Hit(rule);
        }

        if (spec.Priority is int given)
        {
            // ADM-043: a priority the pod sets must be the one computed.
            bool differs = given != priority;
            Coverage.RuleCoverage.Hit(AdmissionRules.PriorityValueMismatch, differs ? "differs: refused" : "equal: kept");
            if (differs)
            {
                return new PluginOutcome(pod, AdmissionRejection.Forbidden(pod, AdmissionRules.PriorityValueMismatch, string.Create(CultureInfo.InvariantCulture,
                    $"the integer value of priority ({given}) must not be provided in pod spec; priority admission controller computed {priority} from the given PriorityClass name")));
            }
        }

        if (spec.Priority is null && log.On)
        {
            log.Add(rule, "spec.priority", priority.ToString(CultureInfo.InvariantCulture));
        }

        string? policy = spec.PreemptionPolicy;
        if (preemption is { Length: > 0 })
        {
            if (spec.PreemptionPolicy is { } givenPolicy)
            {
                // ADM-044: a preemption policy the pod sets must be the one computed.
                bool differs = givenPolicy != preemption;
                Coverage.RuleCoverage.Hit(AdmissionRules.PreemptionPolicy, differs ? "differs: refused" : "equal: kept");
                if (differs)
                {
                    return new PluginOutcome(pod, AdmissionRejection.Forbidden(pod, AdmissionRules.PreemptionPolicy,
                        "the string value of PreemptionPolicy (" + givenPolicy + ") must not be provided in pod spec; priority admission controller computed "
                        + preemption + " from the given PriorityClass name"));
                }
            }

            if (spec.PreemptionPolicy is null)
            {
                Coverage.RuleCoverage.Hit(AdmissionRules.PreemptionPolicy, "written");
                log.Add(AdmissionRules.PreemptionPolicy, "spec.preemptionPolicy", preemption);
            }

            policy = preemption;
        }

        return new PluginOutcome(pod with { Spec = spec with { PriorityClassName = className, Priority = priority, PreemptionPolicy = policy } });
    }

    /// <summary>getDefaultPriorityClass: of the classes marked globalDefault, the one with the lowest value (the first such in input order on a tie).</summary>
    private static PriorityClass? GlobalDefault(AdmissionObjects objects)
    {
        PriorityClass? result = null;
        foreach (var pc in objects.PriorityClasses)
        {
            if (pc.GlobalDefault && (result is null || result.Value > pc.Value))
            {
                result = pc;
            }
        }

        return result;
    }
}
