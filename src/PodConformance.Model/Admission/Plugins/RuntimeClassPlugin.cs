using PodConformance.Model.Api;

namespace PodConformance.Model.Admission.Plugins;

/// <summary>
/// RuntimeClass (ADM-012): with <c>runtimeClassName</c> set, the plugin reads the RuntimeClass object to set the pod's
/// overhead and scheduling constraints and refuses an unknown class. The model has no RuntimeClass objects, so such a
/// pod is reported as not checked; a pod without the field is untouched, as upstream.
/// </summary>
internal sealed class RuntimeClassPlugin : IMutatingPlugin
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
}
