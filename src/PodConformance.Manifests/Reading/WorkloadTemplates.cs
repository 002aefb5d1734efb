namespace PodConformance.Manifests.Reading;

/// <summary>
/// The workload kinds whose Pods are read from their pod template, and where the template is: kubectl and the
/// controllers take it from <c>spec.template</c> (apps/v1 Deployment, StatefulSet, DaemonSet, ReplicaSet; batch/v1
/// Job; v1 ReplicationController) or <c>spec.jobTemplate.spec.template</c> (batch/v1 CronJob).
/// </summary>
public static class WorkloadTemplates
{
    /// <summary>The path of the pod template in an object of <paramref name="kind"/>, or null for a kind without one.</summary>
    public static string? PathOf(string kind) => kind switch
    {
        "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" or "ReplicationController" => "spec.template",
        "CronJob" => "spec.jobTemplate.spec.template",
        _ => null,
    };
}
