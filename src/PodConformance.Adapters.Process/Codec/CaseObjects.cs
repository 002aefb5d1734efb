using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>What a pod case's <c>objects</c> held (PROTO-015); default: no <c>objects</c>.</summary>
internal readonly record struct CaseObjects(
    EnvInputs? Env,
    ValueList<RuntimeClass> RuntimeClasses,
    ValueList<PriorityClass> PriorityClasses,
    ValueList<ServiceAccount> ServiceAccounts)
{
    /// <summary>
    /// The case of <paramref name="pod"/> with these objects. The ServiceAccounts are the pod namespace's (no namespace is
    /// sent), so they are put in the pod's namespace here, ADM-002's <c>default</c> for an empty one: the reader may meet
    /// <c>objects</c> before <c>pod</c>.
    /// </summary>
    public PodCase Case(Model.Api.Pod pod, Scenario scenario)
    {
        var accounts = ServiceAccounts;
        if (!accounts.IsEmpty)
        {
            string ns = pod.Metadata.Namespace.Length == 0 ? "default" : pod.Metadata.Namespace;
            var placed = new ServiceAccount[accounts.Count];
            for (int i = 0; i < placed.Length; i++)
            {
                placed[i] = accounts[i] with { Namespace = ns };
            }

            accounts = placed;
        }

        return new PodCase(pod, scenario) { Objects = Env, RuntimeClasses = RuntimeClasses, PriorityClasses = PriorityClasses, ServiceAccounts = accounts };
    }
}
