using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators;

/// <summary>
/// Shrinks an <see cref="EnvCase"/>: fewer containers, env sources and variables first, then plainer variables
/// (a literal instead of a reference, no divisor), then fewer objects, keys, Services and addresses. Every candidate
/// is strictly smaller by <see cref="Size(EnvCase)"/> and its pod still admitted, so shrinking terminates on a valid case.
/// </summary>
public static class EnvShrinker
{
    /// <summary>A weight that falls with every removal or simplification the shrinker makes.</summary>
    public static long Size(EnvCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var pod = c.Pod;
        long size = pod.Metadata.Labels.Count * 3 + pod.Metadata.Annotations.Count * 3 + pod.Metadata.Namespace.Length
            + pod.Spec.ServiceAccountName.Length + (pod.Spec.EnableServiceLinks is null ? 0 : 2);
        foreach (var container in pod.Spec.InitContainers.Concat(pod.Spec.Containers))
        {
            size += 20 + container.EnvFrom.Sum(f => 5L + f.Prefix.Length + ((f.ConfigMapRef?.Optional ?? f.SecretRef?.Optional) is null ? 0 : 1))
                + container.Env.Sum(Size) + container.Resources.Requests.Count + container.Resources.Limits.Count;
        }

        var o = c.Objects;
        size += o.ConfigMaps.Sum(m => 5L + m.Value.Count) + o.Secrets.Sum(m => 5L + m.Value.Count) + (o.Services?.Count ?? 0) * 5
            + (o.ServicesSynced ? 0 : 3) + o.PodIPs.Count * 2 + (o.Node is { } n ? n.Addresses.Count * 2 + n.Allocatable.Count : 0)
            + o.VolumeFiles.Sum(v => 5L + v.Value.Count);
        return size;
    }

    private static long Size(EnvVar v) => 5 + (v.ValueFrom is { } s
        ? 4 + (s.ResourceFieldRef?.Divisor is null ? 0 : 1) + ((s.ConfigMapKeyRef?.Optional ?? s.SecretKeyRef?.Optional ?? s.FileKeyRef?.Optional) is null ? 0 : 1) + (s.FieldRef?.ApiVersion.Length ?? 0)
        : v.Value.Length);

    public static IEnumerable<EnvCase> Shrink(EnvCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        long size = Size(c);
        var seen = new HashSet<string>(StringComparer.Ordinal) { c.ToString() };
        foreach (var candidate in Candidates(c))
        {
            if (Size(candidate) < size && seen.Add(candidate.ToString()) && PodGen.IsAdmitted(candidate.Pod, Profile.Default))
            {
                yield return candidate;
            }
        }
    }

    private static IEnumerable<EnvCase> Candidates(EnvCase c)
    {
        var pod = c.Pod;
        var spec = pod.Spec;
        if (!spec.InitContainers.IsEmpty)
        {
            yield return c with { Pod = pod with { Spec = spec with { InitContainers = default } } };
        }

        for (int i = spec.Containers.Count - 1; i >= 0 && spec.Containers.Count > 1; i--)
        {
            yield return c with { Pod = pod with { Spec = spec with { Containers = spec.Containers.RemoveAt(i) } } };
        }

        for (int i = 0; i < spec.Containers.Count; i++)
        {
            int index = i;
            foreach (var smaller in ShrinkContainer(spec.Containers[i]))
            {
                yield return c with { Pod = pod with { Spec = spec with { Containers = spec.Containers.SetItem(index, smaller) } } };
            }
        }

        for (int i = 0; i < spec.InitContainers.Count; i++)
        {
            int index = i;
            foreach (var smaller in ShrinkContainer(spec.InitContainers[i]))
            {
                yield return c with { Pod = pod with { Spec = spec with { InitContainers = spec.InitContainers.SetItem(index, smaller) } } };
            }
        }

        foreach (var inputs in ShrinkInputs(c.Objects))
        {
            yield return c with { Objects = inputs };
        }

        var meta = pod.Metadata;
        if (!meta.Labels.IsEmpty)
        {
            yield return c with { Pod = pod with { Metadata = meta with { Labels = default } } };
        }

        if (!meta.Annotations.IsEmpty)
        {
            yield return c with { Pod = pod with { Metadata = meta with { Annotations = default } } };
        }

        if (spec.ServiceAccountName.Length != 0)
        {
            yield return c with { Pod = pod with { Spec = spec with { ServiceAccountName = "" } } };
        }

        if (spec.EnableServiceLinks is not null)
        {
            yield return c with { Pod = pod with { Spec = spec with { EnableServiceLinks = null } } };
        }
    }

    private static IEnumerable<Container> ShrinkContainer(Container c)
    {
        if (!c.EnvFrom.IsEmpty)
        {
            yield return c with { EnvFrom = default };
        }

        if (c.Env.Count > 1)
        {
            yield return c with { Env = default };
        }

        for (int i = c.EnvFrom.Count - 1; i >= 0 && c.EnvFrom.Count > 1; i--)
        {
            yield return c with { EnvFrom = c.EnvFrom.RemoveAt(i) };
        }

        for (int i = c.Env.Count - 1; i >= 0; i--)
        {
            yield return c with { Env = c.Env.RemoveAt(i) };
        }

        for (int i = 0; i < c.EnvFrom.Count; i++)
        {
            var f = c.EnvFrom[i];
            if (f.Prefix.Length != 0)
            {
                yield return c with { EnvFrom = c.EnvFrom.SetItem(i, f with { Prefix = "" }) };
            }

            if (f.ConfigMapRef is { Optional: not null } cm)
            {
                yield return c with { EnvFrom = c.EnvFrom.SetItem(i, f with { ConfigMapRef = cm with { Optional = null } }) };
            }

            if (f.SecretRef is { Optional: not null } sr)
            {
                yield return c with { EnvFrom = c.EnvFrom.SetItem(i, f with { SecretRef = sr with { Optional = null } }) };
            }
        }

        for (int i = 0; i < c.Env.Count; i++)
        {
            foreach (var v in ShrinkVar(c.Env[i]))
            {
                yield return c with { Env = c.Env.SetItem(i, v) };
            }
        }

        if (!c.Resources.Requests.IsEmpty || !c.Resources.Limits.IsEmpty)
        {
            yield return c with { Resources = ResourceRequirements.Empty };
        }

        // One resource at a time, so a counterexample keeps only the resource its variable reads.
        foreach (var (name, _) in c.Resources.Requests)
        {
            yield return c with { Resources = c.Resources with { Requests = c.Resources.Requests.Remove(name) } };
        }

        foreach (var (name, _) in c.Resources.Limits)
        {
            yield return c with { Resources = c.Resources with { Limits = c.Resources.Limits.Remove(name) } };
        }
    }

    private static IEnumerable<EnvVar> ShrinkVar(EnvVar v)
    {
        if (v.ValueFrom is not { } s)
        {
            if (v.Value.Length > 1)
            {
                yield return v with { Value = "x" };
            }

            if (v.Value.Length > 0)
            {
                yield return v with { Value = "" };
            }

            yield break;
        }

        yield return new EnvVar { Name = v.Name, Value = "x" };
        if (s.ResourceFieldRef is { Divisor: not null } r)
        {
            yield return v with { ValueFrom = s with { ResourceFieldRef = r with { Divisor = null } } };
        }

        if (s.ConfigMapKeyRef is { Optional: not null } cm)
        {
            yield return v with { ValueFrom = s with { ConfigMapKeyRef = cm with { Optional = null } } };
        }

        if (s.SecretKeyRef is { Optional: not null } sk)
        {
            yield return v with { ValueFrom = s with { SecretKeyRef = sk with { Optional = null } } };
        }

        if (s.FileKeyRef is { Optional: not null } fk)
        {
            yield return v with { ValueFrom = s with { FileKeyRef = fk with { Optional = null } } };
        }

        if (s.FieldRef is { ApiVersion.Length: > 0 } f)
        {
            yield return v with { ValueFrom = s with { FieldRef = f with { ApiVersion = "" } } };
        }
    }

    private static IEnumerable<EnvInputs> ShrinkInputs(EnvInputs o)
    {
        if (o.Services is { IsEmpty: false })
        {
            yield return o with { Services = ValueList<Service>.Empty };
        }

        if (!o.ServicesSynced)
        {
            yield return o with { ServicesSynced = true };
        }

        foreach (var name in o.ConfigMaps.Keys.ToArray())
        {
            yield return o with { ConfigMaps = o.ConfigMaps.Remove(name) };
            foreach (var key in o.ConfigMaps[name].Keys.ToArray())
            {
                yield return o with { ConfigMaps = o.ConfigMaps.SetItem(name, o.ConfigMaps[name].Remove(key)) };
            }
        }

        foreach (var name in o.Secrets.Keys.ToArray())
        {
            yield return o with { Secrets = o.Secrets.Remove(name) };
            foreach (var key in o.Secrets[name].Keys.ToArray())
            {
                yield return o with { Secrets = o.Secrets.SetItem(name, o.Secrets[name].Remove(key)) };
            }
        }

        if (!o.PodIPs.IsEmpty)
        {
            yield return o with { PodIPs = default };
            if (o.PodIPs.Count > 1)
            {
                yield return o with { PodIPs = ValueList.Of(o.PodIPs[^1]) };
            }
        }

        if (o.Node is { } n)
        {
            if (n.Addresses.Count > 1)
            {
                yield return o with { Node = n with { Addresses = ValueList.Of("10.0.0.1") } };
            }

            if (!n.Allocatable.IsEmpty)
            {
                yield return o with { Node = n with { Allocatable = default } };
            }
        }
    }
}
