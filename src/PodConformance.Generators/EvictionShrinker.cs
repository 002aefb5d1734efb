using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators;

/// <summary>
/// Shrinks a <see cref="PressureCase"/> toward fewer pods (their usage goes with them), one sample per pod, smaller
/// round usage, no priorities or critical markers, no requests, and the node's defaults. Every candidate is strictly
/// smaller by <see cref="Size"/>, keeps pod names (usage is keyed by them), and keeps every pod admitted.
/// </summary>
public static class EvictionShrinker
{
    private const long Mi = 1024 * 1024;

    /// <summary>Round working sets a shrunk sample may take, in MiB.</summary>
    public static IReadOnlyList<long> RoundMi { get; } = [0, 32, 64, 128, 256, 512, 1024];

    public static long Size(PressureCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        long size = 0;
        foreach (var pod in c.Pods)
        {
            size += 40 + (pod.Spec.Priority is null ? 0 : 5) + pod.Spec.PriorityClassName.Length + pod.Metadata.Annotations.Count * 5
                + pod.Spec.Containers.Sum(k => 3L * (k.Resources.Requests.Count + k.Resources.Limits.Count) + 2L * k.VolumeMounts.Count) + 5L * pod.Spec.Volumes.Count;
        }

        foreach (var samples in c.Scenario.Usage.Values)
        {
            size += samples.Sum(s => 5 + (s.NoStats ? 3 : 0) + (s.Pod is null ? 0 : 1) + s.PodWorkingSetBytes / (32 * Mi));
        }

        var n = c.Scenario;
        size += (n.EvictionHard is null ? 0 : 5) + (n.EnforceNodeAllocatable ? 0 : 3) + n.SystemMemory.Value() / (32 * Mi) + (n.Node.Allocatable.IsEmpty ? 0 : 3);
        return size;
    }

    public static IEnumerable<PressureCase> Shrink(PressureCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        long size = Size(c);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Key(c) };
        foreach (var candidate in Candidates(c))
        {
            if (Size(candidate) < size && seen.Add(Key(candidate)) && candidate.Pods.All(p => PodGen.IsAdmitted(p, Profile.Default)))
            {
                yield return candidate;
            }
        }
    }

    /// <summary>Keyed by text: quantities compare by value, so a respelling would look like no change.</summary>
    private static string Key(PressureCase c) => string.Join(";", c.Pods.Select(p => p.ToString())) + c.Scenario.ToString() + string.Join(";", c.Scenario.Usage.Select(u => u.Key + string.Join(",", u.Value.Select(s => s.ToString()))));

    private static IEnumerable<PressureCase> Candidates(PressureCase c)
    {
        var s = c.Scenario;
        for (int i = c.Pods.Count - 1; i >= 0 && c.Pods.Count > 1; i--)
        {
            string name = c.Pods[i].Metadata.Name;
            yield return new PressureCase(c.Pods.RemoveAt(i), s with { Usage = s.Usage.Remove(name) });
        }

        foreach (var (name, samples) in s.Usage)
        {
            if (samples.Count > 1)
            {
                yield return c with { Scenario = s with { Usage = s.Usage.SetItem(name, ValueList.Of(samples[0])) } };
                yield return c with { Scenario = s with { Usage = s.Usage.SetItem(name, ValueList.Of(samples[^1] with { At = TimeSpan.Zero })) } };
            }

            for (int k = 0; k < samples.Count; k++)
            {
                var sample = samples[k];
                long bytes = sample.PodWorkingSetBytes;
                if (sample.NoStats || sample.Pod is not null)
                {
                    yield return Set(c, name, k, new UsageSample { At = sample.At, Containers = ValueMap.Of(("app", Quantity.FromInt64(bytes, QuantityFormat.BinarySI))) });
                }

                foreach (long mi in RoundMi)
                {
                    if (mi * Mi < bytes)
                    {
                        yield return Set(c, name, k, new UsageSample { At = sample.At, Containers = ValueMap.Of(("app", EvictionGen.Memory(mi))) });
                    }
                }
            }
        }

        for (int i = 0; i < c.Pods.Count; i++)
        {
            var pod = c.Pods[i];
            if (pod.Spec.Priority is not null || pod.Spec.PriorityClassName.Length != 0)
            {
                yield return c with { Pods = c.Pods.SetItem(i, pod with { Spec = pod.Spec with { Priority = null, PriorityClassName = "" } }) };
            }

            if (!pod.Metadata.Annotations.IsEmpty)
            {
                yield return c with { Pods = c.Pods.SetItem(i, pod with { Metadata = pod.Metadata with { Annotations = default } }) };
            }

            var app = pod.Spec.Containers[0];

            // One resource at a time (a memory episode does not need the cpu request), before all of them at once.
            foreach (string name in app.Resources.Requests.Keys)
            {
                yield return c with { Pods = c.Pods.SetItem(i, pod with { Spec = pod.Spec with { Containers = [app with { Resources = app.Resources with { Requests = app.Resources.Requests.Remove(name) } }] } }) };
            }

            foreach (string name in app.Resources.Limits.Keys)
            {
                yield return c with { Pods = c.Pods.SetItem(i, pod with { Spec = pod.Spec with { Containers = [app with { Resources = app.Resources with { Limits = app.Resources.Limits.Remove(name) } }] } }) };
            }

            // A volume with its mounts and its usage samples (disk episodes measure emptyDir volumes).
            for (int v = 0; v < pod.Spec.Volumes.Count; v++)
            {
                var volume = pod.Spec.Volumes[v];
                string podName = pod.Metadata.Name;
                var without = pod with
                {
                    Spec = pod.Spec with
                    {
                        Volumes = pod.Spec.Volumes.RemoveAt(v),
                        Containers = pod.Spec.Containers.Select(k => k with { VolumeMounts = k.VolumeMounts.Where(m => m.Name != volume.Name).ToValueList() }).ToValueList(),
                    },
                };
                var usage = s.Usage.TryGetValue(podName, out var samples)
                    ? s.Usage.SetItem(podName, samples.Select(u => u.Volumes.ContainsKey(volume.Name) ? u with { Volumes = u.Volumes.Remove(volume.Name) } : u).ToValueList())
                    : s.Usage;
                yield return new PressureCase(c.Pods.SetItem(i, without), s with { Usage = usage });
            }

            if (!app.Resources.Limits.IsEmpty)
            {
                yield return c with { Pods = c.Pods.SetItem(i, pod with { Spec = pod.Spec with { Containers = [app with { Resources = app.Resources with { Limits = default } }] } }) };
            }

            if (!app.Resources.Requests.IsEmpty)
            {
                yield return c with { Pods = c.Pods.SetItem(i, pod with { Spec = pod.Spec with { Containers = [app with { Resources = ResourceRequirements.Empty }] } }) };
            }
        }

        if (s.EvictionHard is not null)
        {
            yield return c with { Scenario = s with { EvictionHard = null } };
        }

        if (!s.EnforceNodeAllocatable)
        {
            yield return c with { Scenario = s with { EnforceNodeAllocatable = true } };
        }

        if (!s.SystemMemory.IsZero)
        {
            yield return c with { Scenario = s with { SystemMemory = Quantity.Zero } };
        }

        if (!s.Node.Allocatable.IsEmpty)
        {
            yield return c with { Scenario = s with { Node = s.Node with { Allocatable = default } } };
        }
    }

    private static PressureCase Set(PressureCase c, string pod, int index, UsageSample sample) =>
        c with { Scenario = c.Scenario with { Usage = c.Scenario.Usage.SetItem(pod, c.Scenario.Usage[pod].SetItem(index, sample)) } };
}
