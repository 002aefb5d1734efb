using System.Globalization;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Admission;

/// <summary>
/// dropDisabledFields for a create (kubernetes pkg/api/pod/util.go, called from PrepareForCreate with no old pod,
/// ADM-080…096): a field whose feature gate is off is cleared before validation, so the API server stores the pod
/// without it. A drop applies only in releases that register the gate (a gate removed after GA takes its drop with it).
/// The security fields (hostUsers, supplementalGroupsPolicy, procMount, AppArmor, seLinuxChangePolicy) are dropped by
/// the security rules (DEF-201), the scheduling fields by DEF-300 and the volume fields by DEF-409 (PodDefaulter).
/// </summary>
/// <remarks>
/// Pods without gated fields pay a few null checks: every part looks at the field before it asks the profile.
/// </remarks>
internal static partial class DisabledFields
{
    public static Pod Drop(Pod pod, Profile profile, StepLog log)
    {
        var spec = pod.Spec;
        var d = new Dropper(profile, log) { ContainersHaveGatedFields = AnyGatedContainerField(spec) };
        spec = d.PodLevelResources(spec);
        spec = d.ContainerPolicies(spec);
        spec = d.EnvFilesAndSleep(spec);
        spec = d.StopSignals(spec);
        spec = d.NewIn137(spec);
        return ReferenceEquals(spec, pod.Spec) ? pod : pod with { Spec = spec };
    }

    /// <summary>A quick scan so that pods whose containers use no gated field skip the per-container passes.</summary>
    private static bool AnyGatedContainerField(PodSpec spec) =>
        AnyGated(spec.InitContainers) || AnyGated(spec.Containers) || AnyGated(spec.EphemeralContainers);

    private static bool AnyGated(ValueList<Container> list)
    {
        foreach (var c in list)
        {
            if (!c.ResizePolicy.IsEmpty || c.ResizePolicyGivenEmpty || c.RestartPolicy is not null || !c.RestartPolicyRules.IsEmpty
                || c.RestartPolicyRulesGivenEmpty || c.Lifecycle is not null
                || GatedProbe(c.LivenessProbe) || GatedProbe(c.ReadinessProbe) || GatedProbe(c.StartupProbe))
            {
                return true;
            }

            foreach (var e in c.Env)
            {
                if (e.ValueFrom?.FileKeyRef is not null)
                {
                    return true;
                }
            }
        }

        return false;

        static bool GatedProbe(Probe? p) => p is not null && (p.Handler.GrpcMode is not null || p.Handler.HttpGet?.Protocol is not null);
    }

    /// <summary>One create's drops: the profile's answers, asked only when a gated field is present.</summary>
    private sealed partial class Dropper(Profile profile, StepLog log)
    {
        /// <summary>The gate is registered in this release and off.</summary>
        public bool Off(string gate) => profile.IsGateOff(gate);

        public KubernetesVersion Version => profile.Version;

        /// <summary>False when no container uses a gated field: the per-container passes then return at once.</summary>
        public bool ContainersHaveGatedFields { get; init; }

        /// <summary>Records the drop for <c>explain</c> and, when a run measures coverage, as a hit of its rule (session 13).</summary>
        public void Dropped(string rule, string field, string gate)
        {
            RuleCoverage.Hit(rule);
            log.Add(rule, field, "(dropped: feature gate " + gate + " is off)");
        }

        public static string Index(string path, int i) => path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";

        /// <summary>Applies <paramref name="map"/> to each container of the three lists, copying a list only when one changes.</summary>
        public PodSpec EachContainer(PodSpec spec, Func<Container, string, Container> map) => spec with
        {
            InitContainers = Map(spec.InitContainers, "spec.initContainers", map),
            Containers = Map(spec.Containers, "spec.containers", map),
            EphemeralContainers = Map(spec.EphemeralContainers, "spec.ephemeralContainers", map),
        };

        private static ValueList<Container> Map(ValueList<Container> list, string path, Func<Container, string, Container> map)
        {
            Container[]? result = null;
            for (int i = 0; i < list.Count; i++)
            {
                var c = map(list[i], Index(path, i));
                if (!ReferenceEquals(c, list[i]))
                {
                    result ??= list.AsSpan().ToArray();
                    result[i] = c;
                }
            }

            return result is null ? list : new ValueList<Container>(result);
        }
    }
}
