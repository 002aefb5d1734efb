using System.Globalization;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Generators;

/// <summary>
/// Shrinks a pod toward the smallest readable manifest: fewer containers (never fewer than one regular container),
/// fewer init containers, optional fields dropped (resources, env, ports, policies), round quantities, short names
/// (<c>c0</c>, <c>i0</c>), short images. Candidates come biggest step first and each is strictly smaller by
/// <see cref="PodSize"/>; a valid pod only shrinks to valid pods.
/// </summary>
public static partial class PodShrinker
{
    /// <summary>The short name a container shrinks to: <c>c0</c>, <c>c1</c> for regular containers, <c>i0</c> for init containers.</summary>
    public static string ShortName(string prefix, int index) => prefix + index.ToString(CultureInfo.InvariantCulture);

    private static readonly string[] ShortImages = ["nginx", "busybox"];

    /// <summary>Shrinks under <see cref="Profile.Default"/>.</summary>
    public static IEnumerable<Pod> Shrink(Pod pod) => Shrink(pod, Profile.Default);

    /// <summary>Smaller pods; when <paramref name="pod"/> is admitted under <paramref name="profile"/>, only admitted ones.</summary>
    public static IEnumerable<Pod> Shrink(Pod pod, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(profile);
        bool valid = PodGen.IsAdmitted(pod, profile);
        return ShrinkKeeping(pod, valid ? p => PodGen.IsAdmitted(p, profile) : _ => true);
    }

    /// <summary>Smaller pods that satisfy <paramref name="keep"/> (for invalid cases: "still shows the same error").</summary>
    public static IEnumerable<Pod> ShrinkKeeping(Pod pod, Func<Pod, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(keep);
        int size = PodSize.Of(pod);
        // Keyed by text, not record equality: quantities compare by value, so "1000m" -> "1" would look like no change.
        var seen = new HashSet<string>(StringComparer.Ordinal) { pod.ToString() };
        foreach (var candidate in Candidates(pod))
        {
            if (PodSize.Of(candidate) < size && seen.Add(candidate.ToString()) && keep(candidate))
            {
                yield return candidate;
            }
        }
    }

    private static IEnumerable<Pod> Candidates(Pod pod)
    {
        var spec = pod.Spec;

        // Whole containers first: the biggest steps.
        if (spec.Containers.Count > 1)
        {
            for (int i = spec.Containers.Count - 1; i >= 0; i--)
            {
                yield return pod with { Spec = spec with { Containers = spec.Containers.RemoveAt(i) } };
            }
        }

        if (!spec.InitContainers.IsEmpty)
        {
            yield return pod with { Spec = spec with { InitContainers = default } };
            for (int i = spec.InitContainers.Count - 1; i >= 0 && spec.InitContainers.Count > 1; i--)
            {
                yield return pod with { Spec = spec with { InitContainers = spec.InitContainers.RemoveAt(i) } };
            }
        }

        if (!spec.EphemeralContainers.IsEmpty)
        {
            yield return pod with { Spec = spec with { EphemeralContainers = default } };
        }

        // Then each container's optional fields.
        for (int i = 0; i < spec.Containers.Count; i++)
        {
            int index = i;
            foreach (var c in ShrinkContainer(spec.Containers[i], ShortName("c", i), pod))
            {
                yield return pod with { Spec = spec with { Containers = spec.Containers.SetItem(index, c) } };
            }
        }

        for (int i = 0; i < spec.InitContainers.Count; i++)
        {
            int index = i;
            foreach (var c in ShrinkContainer(spec.InitContainers[i], ShortName("i", i), pod))
            {
                yield return pod with { Spec = spec with { InitContainers = spec.InitContainers.SetItem(index, c) } };
            }
        }

        // Volumes no container mounts any more (the mounts go first, in ShrinkContainer), then readiness gates.
        if (!spec.Volumes.IsEmpty)
        {
            var unused = spec.Volumes.Where(v => !IsMounted(spec, v.Name)).ToValueList();
            if (unused.Count == spec.Volumes.Count)
            {
                yield return pod with { Spec = spec with { Volumes = default } };
            }
            else if (!unused.IsEmpty)
            {
                yield return pod with { Spec = spec with { Volumes = spec.Volumes.Where(v => IsMounted(spec, v.Name)).ToValueList() } };
            }
        }

        if (!spec.ReadinessGates.IsEmpty)
        {
            yield return pod with { Spec = spec with { ReadinessGates = default } };
            for (int i = spec.ReadinessGates.Count - 1; i >= 0 && spec.ReadinessGates.Count > 1; i--)
            {
                yield return pod with { Spec = spec with { ReadinessGates = spec.ReadinessGates.RemoveAt(i) } };
            }
        }

        // Pod-level decoration last.
        if (!pod.Metadata.Labels.IsEmpty || !pod.Metadata.Annotations.IsEmpty)
        {
            yield return pod with { Metadata = pod.Metadata with { Labels = default, Annotations = default } };
            if (!pod.Metadata.Labels.IsEmpty && !pod.Metadata.Annotations.IsEmpty)
            {
                // Either alone, so a failure that needs an annotation (or a label) does not keep the other.
                yield return pod with { Metadata = pod.Metadata with { Labels = default } };
                yield return pod with { Metadata = pod.Metadata with { Annotations = default } };
            }
        }

        if (pod.Metadata.Namespace.Length != 0)
        {
            yield return pod with { Metadata = pod.Metadata with { Namespace = "" } };
        }

        if (spec.RestartPolicy.Length != 0)
        {
            yield return pod with { Spec = spec with { RestartPolicy = "" } };
        }

        if (spec.DnsPolicy.Length != 0)
        {
            yield return pod with { Spec = spec with { DnsPolicy = "" } };
        }

        if (spec.ActiveDeadlineSeconds is not null || spec.TerminationGracePeriodSeconds is not null)
        {
            yield return pod with { Spec = spec with { ActiveDeadlineSeconds = null, TerminationGracePeriodSeconds = null } };
        }

        if (spec.Resources is not null)
        {
            yield return pod with { Spec = spec with { Resources = null } };
        }

        // The service account's name and alias: both, then each (one may be needed, the other not).
        if (spec.ServiceAccountName.Length != 0 || spec.DeprecatedServiceAccount.Length != 0)
        {
            yield return pod with { Spec = spec with { ServiceAccountName = "", DeprecatedServiceAccount = "" } };
            if (spec.ServiceAccountName.Length != 0 && spec.DeprecatedServiceAccount.Length != 0)
            {
                yield return pod with { Spec = spec with { DeprecatedServiceAccount = "" } };
                yield return pod with { Spec = spec with { ServiceAccountName = "" } };
            }
        }

        foreach (var smaller in SecurityCandidates(pod))
        {
            yield return smaller;
        }

        foreach (var smaller in PlacementCandidates(pod))
        {
            yield return smaller;
        }
    }

    private static IEnumerable<Container> ShrinkContainer(Container c, string shortName, Pod pod)
    {
        var r = c.Resources;
        if (!r.Requests.IsEmpty || !r.Limits.IsEmpty)
        {
            yield return c with { Resources = ResourceRequirements.Empty };
        }

        if (!c.Env.IsEmpty)
        {
            yield return c with { Env = default };
        }

        if (!c.EnvFrom.IsEmpty)
        {
            // Sources of whole ConfigMaps or Secrets (the ServiceAccount cases' secretRef, ADM-036, session 15).
            yield return c with { EnvFrom = default };
        }

        if (!c.Ports.IsEmpty)
        {
            yield return c with { Ports = default };
        }

        if (!c.VolumeDevices.IsEmpty)
        {
            // Raw block devices, as mounts: without them the volume they name is unused and goes next.
            yield return c with { VolumeDevices = default };
        }

        if (!c.VolumeMounts.IsEmpty)
        {
            yield return c with { VolumeMounts = default };
            for (int i = c.VolumeMounts.Count - 1; i >= 0 && c.VolumeMounts.Count > 1; i--)
            {
                yield return c with { VolumeMounts = c.VolumeMounts.RemoveAt(i) };
            }
        }

        if (!r.Requests.IsEmpty && !r.Limits.IsEmpty)
        {
            yield return c with { Resources = r with { Requests = default } };
            yield return c with { Resources = r with { Limits = default } };
        }

        foreach (string key in r.Requests.Keys.Concat(r.Limits.Keys).Distinct(StringComparer.Ordinal).ToArray())
        {
            yield return c with { Resources = new ResourceRequirements { Requests = r.Requests.Remove(key), Limits = r.Limits.Remove(key) } };
        }

        foreach (var rounded in RoundQuantities(r))
        {
            yield return c with { Resources = rounded };
        }

        for (int i = c.Env.Count - 1; i >= 0 && c.Env.Count > 1; i--)
        {
            yield return c with { Env = c.Env.RemoveAt(i) };
        }

        for (int i = c.EnvFrom.Count - 1; i >= 0 && c.EnvFrom.Count > 1; i--)
        {
            yield return c with { EnvFrom = c.EnvFrom.RemoveAt(i) };
        }

        for (int i = c.Ports.Count - 1; i >= 0 && c.Ports.Count > 1; i--)
        {
            yield return c with { Ports = c.Ports.RemoveAt(i) };
        }

        if (!string.Equals(c.Name, shortName, StringComparison.Ordinal) && !NameInUse(pod, shortName))
        {
            yield return c with { Name = shortName };
        }

        foreach (string image in ShortImages)
        {
            if (image.Length < c.Image.Length)
            {
                yield return c with { Image = image };
            }
        }

        // Restart rules need the container's own policy (VAL-041): both go together, then the rules alone, then one rule.
        if (!c.RestartPolicyRules.IsEmpty)
        {
            yield return c with { RestartPolicy = null, RestartPolicyRules = default };
            yield return c with { RestartPolicyRules = default };
            for (int i = c.RestartPolicyRules.Count - 1; i >= 0 && c.RestartPolicyRules.Count > 1; i--)
            {
                yield return c with { RestartPolicyRules = c.RestartPolicyRules.RemoveAt(i) };
            }
        }

        if (c.RestartPolicy is not null)
        {
            yield return c with { RestartPolicy = null };
        }

        if (!c.ResizePolicy.IsEmpty)
        {
            yield return c with { ResizePolicy = default };
        }

        if (c.ImagePullPolicy.Length != 0)
        {
            yield return c with { ImagePullPolicy = "" };
        }

        if (c.LivenessProbe is not null || c.ReadinessProbe is not null || c.StartupProbe is not null || c.Lifecycle is not null)
        {
            yield return c with { LivenessProbe = null, ReadinessProbe = null, StartupProbe = null, Lifecycle = null };

            // Then one at a time, so a case that needs one probe keeps only that one.
            if (c.LivenessProbe is not null)
            {
                yield return c with { LivenessProbe = null };
            }

            if (c.ReadinessProbe is not null)
            {
                yield return c with { ReadinessProbe = null };
            }

            if (c.StartupProbe is not null)
            {
                yield return c with { StartupProbe = null };
            }

            if (c.Lifecycle is not null)
            {
                yield return c with { Lifecycle = null };
            }
        }
    }

    /// <summary>
    /// Replaces one quantity with a rounder spelling of <see cref="QuantityGen.RoundFor"/>; a request and limit of the
    /// same resource that were equal move together, so Guaranteed stays Guaranteed.
    /// </summary>
    private static IEnumerable<ResourceRequirements> RoundQuantities(ResourceRequirements r)
    {
        foreach (string key in r.Requests.Keys.Concat(r.Limits.Keys).Distinct(StringComparer.Ordinal).ToArray())
        {
            bool hasReq = r.Requests.TryGetValue(key, out var req);
            bool hasLim = r.Limits.TryGetValue(key, out var lim);
            foreach (string text in QuantityGen.RoundFor(key))
            {
                var q = Quantity.Parse(text);
                if (hasReq && hasLim && req == lim)
                {
                    yield return new ResourceRequirements { Requests = r.Requests.SetItem(key, q), Limits = r.Limits.SetItem(key, q) };
                    continue;
                }

                if (hasLim)
                {
                    yield return r with { Limits = r.Limits.SetItem(key, q) };
                }

                if (hasReq)
                {
                    yield return r with { Requests = r.Requests.SetItem(key, q) };
                }
            }
        }
    }

    private static bool IsMounted(PodSpec spec, string volume) =>
        spec.Containers.Concat(spec.InitContainers).Any(c => c.VolumeMounts.Any(m => string.Equals(m.Name, volume, StringComparison.Ordinal)))
        || spec.EphemeralContainers.Any(c => c.VolumeMounts.Any(m => string.Equals(m.Name, volume, StringComparison.Ordinal)));

    private static bool NameInUse(Pod pod, string name) =>
        pod.Spec.Containers.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal))
        || pod.Spec.InitContainers.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal))
        || pod.Spec.EphemeralContainers.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
