using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Defaulting;

/// <summary>
/// dropContainerStopSignals, the last step of pkg/api/pod/util.go <c>dropDisabledFields</c> (DEF-021): with
/// ContainerStopSignals off (and no old pod using it) every container's <c>lifecycle.stopSignal</c> is removed, and a
/// lifecycle left with nothing in it becomes nil — so a regular init container whose lifecycle only had a stop signal no
/// longer trips "may not be set for init containers".
/// </summary>
public static partial class PodDefaulter
{
    private static PodSpec DropContainerStopSignals(PodSpec spec, Profile profile, ChangeLog log)
    {
        if (!(HasStopSignal(spec.InitContainers) || HasStopSignal(spec.Containers) || HasStopSignal(spec.EphemeralContainers))
            || profile.IsEnabled(FeatureGateNames.ContainerStopSignals))
        {
            return spec;
        }

        return WithContainers(
            spec,
            DropStopSignals(spec.InitContainers, "spec.initContainers", log),
            DropStopSignals(spec.Containers, "spec.containers", log),
            DropStopSignals(spec.EphemeralContainers, "spec.ephemeralContainers", log));
    }

    private static bool HasStopSignal(ValueList<Container> containers)
    {
        for (int i = 0; i < containers.Count; i++)
        {
            if (containers[i].Lifecycle?.StopSignal is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static ValueList<Container> DropStopSignals(ValueList<Container> containers, string listPath, ChangeLog log)
    {
        Container[]? result = null;
        for (int i = 0; i < containers.Count; i++)
        {
            var c = containers[i];
            if (c.Lifecycle is { StopSignal: not null } lifecycle)
            {
                result ??= containers.AsSpan().ToArray();

                // `*ctr.Lifecycle == (api.Lifecycle{})`: nothing else set, the lifecycle itself goes.
                var kept = lifecycle with { StopSignal = null };
                result[i] = c with { Lifecycle = kept.PostStart is null && kept.PreStop is null ? null : kept };
                log.Add(DefaultingRules.DropContainerStopSignals, $"{listPath}[{i}].lifecycle.stopSignal", Dropped(FeatureGateNames.ContainerStopSignals));
            }
        }

        return result is null ? containers : new ValueList<Container>(result);
    }
}
