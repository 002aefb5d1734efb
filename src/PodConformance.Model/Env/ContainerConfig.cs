using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// The parts of the kubelet's <c>generateContainerConfig</c> (GenerateRunContainerOptions) that can leave a container
/// waiting in <see cref="EnvError.Reason"/> (ENV-009, ENV-011 = <see cref="EnvRules.ConfigCheckOrder"/>), in the kubelet's order: the environment
/// (<c>makeEnvironmentVariables</c>, ENV-001…007, DOWNWARD-*), then each volume mount's <c>subPathExpr</c> in mount order
/// (<c>makeMounts</c>, EXPAND-004) against that environment. Null when the container can be created.
/// </summary>
public static class ContainerConfig
{
    public static EnvError? Check(Pod pod, Container container, EnvInputs inputs, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(profile);
        Coverage.RuleCoverage.Hit(EnvRules.ConfigCheckOrder);
        if (!Coverage.RuleCoverage.IsRecording && ReadsNoEnvironment(container))
        {
            // No env, envFrom or subPathExpr: nothing can fail but the environment's preconditions, so the variables
            // (the Services' link variables: a dozen strings) are not built. While coverage records, they are, for
            // their rules' hits.
            return EnvironmentBuilder.PreconditionError(pod, inputs);
        }

        var env = EnvironmentBuilder.Build(pod, container, inputs, profile);
        if (env.Error is { } error)
        {
            return error;
        }

        Dictionary<string, string>? map = null;
        foreach (var mount in container.VolumeMounts)
        {
            if (mount.SubPathExpr.Length == 0)
            {
                continue;
            }

            if (map is null)
            {
                map = new Dictionary<string, string>(env.Variables.Count, StringComparer.Ordinal);
                foreach (var v in env.Variables)
                {
                    map[v.Name] = v.Value;
                }
            }

            if (!Expansion.TryExpandSubPathExpr(mount.SubPathExpr, map, out _, out var subPathError))
            {
                if (env.OutcomeNotChecked && ReadsUnknown(mount.SubPathExpr, env))
                {
                    // ENV-019: a variable the model does not know may well have a value; no error is claimed for it.
                    continue;
                }

                return subPathError;
            }
        }

        return null;
    }

    private static bool ReadsUnknown(string subPathExpr, EnvResult env)
    {
        foreach (var v in env.Variables)
        {
            if (v.NotChecked && subPathExpr.Contains(Expansion.Wrap(v.Name), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadsNoEnvironment(Container container)
    {
        if (!container.Env.IsEmpty || !container.EnvFrom.IsEmpty)
        {
            return false;
        }

        foreach (var mount in container.VolumeMounts)
        {
            if (mount.SubPathExpr.Length != 0)
            {
                return false;
            }
        }

        return true;
    }
}
