namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// A failure of env assembly, with the kubelet's exact message. The kubelet turns any of these into the
/// container waiting reason <see cref="Reason"/> with this message, and retries on the next sync.
/// </summary>
public sealed record EnvError(string Rule, string Message)
{
    /// <summary><c>ErrCreateContainerConfig</c> in kuberuntime_container.go.</summary>
    public const string Reason = "CreateContainerConfigError";

    public override string ToString() => Message;
}
