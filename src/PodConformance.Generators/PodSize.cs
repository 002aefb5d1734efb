using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Generators;

/// <summary>
/// How big a manifest reads: containers dominate, then optional fields, then spelling (long names, unround
/// quantities). <see cref="PodShrinker"/> only proposes pods with a strictly smaller size, so shrinking terminates.
/// </summary>
public static partial class PodSize
{
    private const int PerContainer = 1000;
    private const int PerListItem = 30;
    private const int PerResourceEntry = 20;
    private const int PerOptionalField = 5;

    public static int Of(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var spec = pod.Spec;
        int size = 0;
        for (int i = 0; i < spec.Containers.Count; i++)
        {
            size += PerContainer + OfContainer(spec.Containers[i], PodShrinker.ShortName("c", i));
        }

        for (int i = 0; i < spec.InitContainers.Count; i++)
        {
            size += PerContainer + OfContainer(spec.InitContainers[i], PodShrinker.ShortName("i", i));
        }

        foreach (var c in spec.EphemeralContainers)
        {
            size += PerContainer + OfContainer(c, "");
        }

        size += (PerListItem * (pod.Metadata.Labels.Count + pod.Metadata.Annotations.Count + spec.Volumes.Count + spec.ReadinessGates.Count)) + Flag(pod.Metadata.Namespace.Length != 0) + Flag(spec.RestartPolicy.Length != 0) + Flag(spec.DnsPolicy.Length != 0)
            + Flag(spec.ActiveDeadlineSeconds is not null) + Flag(spec.TerminationGracePeriodSeconds is not null) + Flag(spec.Resources is not null) * 10
            + Flag(spec.ServiceAccountName.Length != 0) + Flag(spec.DeprecatedServiceAccount.Length != 0)
            + OfSecurity(spec) + OfPlacement(spec);
        return size;
    }

    /// <summary>A container's size; its name costs nothing when it is <paramref name="shortName"/> (<c>c0</c>), so any other name shrinks to it.</summary>
    public static int OfContainer(Container c, string shortName)
    {
        ArgumentNullException.ThrowIfNull(c);
        int size = string.Equals(c.Name, shortName, StringComparison.Ordinal) ? 0 : (2 * c.Name.Length) + 1;
        size += c.Image.Length;
        foreach (var p in c.Ports)
        {
            size += PerListItem + p.Name.Length + Flag(p.Protocol.Length != 0) + Flag(p.HostPort != 0);
        }

        foreach (var e in c.Env)
        {
            size += PerListItem + e.Name.Length + e.Value.Length + (e.ValueFrom is null ? 0 : 10);
        }

        size += OfResources(c.Resources.Requests) + OfResources(c.Resources.Limits);
        size += Flag(c.RestartPolicy is not null) + Flag(c.ImagePullPolicy.Length != 0) + Flag(c.LivenessProbe is not null) + Flag(c.ReadinessProbe is not null)
            + Flag(c.StartupProbe is not null) + Flag(c.Lifecycle is not null) + (PerListItem * (c.Command.Count + c.Args.Count + c.EnvFrom.Count + c.VolumeMounts.Count + c.VolumeDevices.Count))
            + (PerListItem * (c.RestartPolicyRules.Count + c.ResizePolicy.Count));
        return size;
    }

    private static int OfResources(ValueMap<Quantity> list)
    {
        int size = 0;
        foreach (var (name, q) in list)
        {
            size += PerResourceEntry + OfQuantity(name, q);
        }

        return size;
    }

    /// <summary>0.. for the round spellings of <see cref="QuantityGen.RoundFor"/> (in order), more for any other.</summary>
    public static int OfQuantity(string resourceName, Quantity q)
    {
        var rounds = QuantityGen.RoundFor(resourceName);
        string text = q.ToString();
        for (int i = 0; i < rounds.Count; i++)
        {
            if (string.Equals(rounds[i], text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return rounds.Count + text.Length;
    }

    private static int Flag(bool set) => set ? PerOptionalField : 0;
}
