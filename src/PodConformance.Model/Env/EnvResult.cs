using PodConformance.Model.Collections;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// The outcome of <see cref="EnvironmentBuilder.Build"/>: either the variables, ordered by name (ordinal over
/// UTF-8 bytes, as the upstream tests sort them; the kubelet itself emits Go map order), or the error that
/// leaves the container waiting in <see cref="EnvError.Reason"/>.
/// </summary>
public sealed record EnvResult
{
    public ValueList<EnvVariable> Variables { get; init; }

    public EnvError? Error { get; init; }

    /// <summary>Warning events the kubelet would record (envFrom keys skipped before relaxed validation).</summary>
    public ValueList<string> Warnings { get; init; }

    public bool Succeeded => Error is null;

    /// <summary>
    /// True when a <c>fileKeyRef</c> into a volume whose files are not given was read (ENV-019): the container may instead
    /// fail with that file's error (<c>couldn't parse env file</c> or a missing key), so neither this result's success nor
    /// its error is checked; the variables marked <see cref="EnvVariable.NotChecked"/> are not either.
    /// </summary>
    public bool OutcomeNotChecked { get; init; }

    /// <summary>The rule IDs that shaped this result, for explain output.</summary>
    public ValueList<string> Rules { get; init; }

    /// <summary>The variable of that name, or null.</summary>
    public EnvVariable? Find(string name)
    {
        foreach (var v in Variables)
        {
            if (v.Name == name)
            {
                return v;
            }
        }

        return null;
    }
}
