using PodConformance.Model.Api;

namespace PodConformance.Model.Admission.Plugins;

/// <summary>
/// RuntimeClass (ADM-012, ADM-013): with <c>runtimeClassName</c> set, the plugin reads the RuntimeClass object to set the
/// pod's overhead and scheduling constraints, refuses an unknown class, and (Validate) refuses an overhead that differs from
/// the class's. The model has no RuntimeClass objects, so such a pod is reported as not checked. A pod without the field is
/// not mutated, but its Validate still refuses an overhead: only a RuntimeClass may supply one (<c>validateOverhead</c>).
/// </summary>
internal sealed class RuntimeClassPlugin : IMutatingPlugin, IValidatingPlugin
{
    public static RuntimeClassPlugin Instance { get; } = new();

    public string Name => "RuntimeClass";

    public PluginOutcome Admit(Pod pod, CreateRun run, StepLog log)
    {
        if (pod.Spec.RuntimeClassName is not { Length: > 0 } name)
        {
            return new PluginOutcome(pod, Note: "no runtimeClassName");
        }

        run.Unchecked("spec.runtimeClassName", "the RuntimeClass admission plugin (" + name + ": its existence, overhead and scheduling) is not modelled");
        return new PluginOutcome(pod, Note: "not modelled: RuntimeClass " + name + " would set overhead and scheduling");
    }

    /// <summary>
    /// validateOverhead with no RuntimeClass: a pod that sets <c>spec.overhead</c> is refused (ADM-013). Go tests the map
    /// against nil, so an empty <c>overhead: {}</c> is refused too (<see cref="PodSpec.OverheadGiven"/>).
    /// </summary>
    public PluginOutcome Validate(Pod pod, CreateRun run)
    {
        if (pod.Spec.RuntimeClassName is { Length: > 0 } name)
        {
            // Admit already listed the class as not checked.
            return new PluginOutcome(pod, Note: "not modelled: the overhead is not compared with RuntimeClass " + name);
        }

        if (!pod.Spec.Overhead.IsEmpty || pod.Spec.OverheadGiven)
        {
            Coverage.RuleCoverage.Hit(AdmissionRules.RuntimeClassOverhead);
            return new PluginOutcome(pod, AdmissionRejection.Forbidden(pod, AdmissionRules.RuntimeClassOverhead,
                "pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead"));
        }

        return new PluginOutcome(pod, Note: run.KeepsSteps ? "no runtimeClassName and no overhead" : "");
    }
}
