using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators;

/// <summary>
/// Shrinks a <see cref="ScenarioCase"/> toward "no behaviour" (every container on its defaults), fewer runs and objects,
/// shorter durations, and then a smaller pod (via <see cref="PodShrinker"/>, keeping the pod valid) whose scripts
/// and missing images follow renamed containers; steps are left out or moved earlier. Each candidate is strictly smaller by
/// <see cref="Size(ScenarioCase)"/>.
/// </summary>
public static class ScenarioShrinker
{
    /// <summary>Pod size plus scenario size (scripts, runs, non-default fields, seconds of every duration).</summary>
    public static long Size(ScenarioCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return PodSize.Of(c.Pod) + Size(c.Scenario);
    }

    public static long Size(Scenario s)
    {
        ArgumentNullException.ThrowIfNull(s);
        long size = Seconds(s.Until) + Seconds(s.Images.PullDuration) + s.Images.Missing.Sum(i => 30L + i.Length) + s.Images.Present.Sum(i => 30L + i.Length);
        foreach (var step in s.Steps)
        {
            size += 30 + Seconds(step.At);
        }

        foreach (var o in s.Objects)
        {
            size += 30 + (10L * o.Data.Count);
        }

        foreach (var (_, pod) in s.Pods)
        {
            size += 50 + (pod.DeleteAfter is { } d ? 5 + Seconds(d) : 0);
            foreach (var (_, script) in pod.Containers)
            {
                size += 100 + script.Runs.Sum(r => 20 + Size(r));
            }
        }

        return size;
    }

    /// <summary>0 for <see cref="ContainerRun.Default"/>; 5 per non-default field, plus the exit code and the seconds of its durations.</summary>
    public static long Size(ContainerRun r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return (r.ExitCode is { } code ? 5 + Math.Min(Math.Abs((long)code), 1000) : 0) + Seconds(r.After) + Seconds(r.ReadyAfter) + (r.NeverReady ? 5 : 0)
            + (r.AllocateMemory is null ? 0 : 10) + (r.UseCpu is null ? 0 : 10);
    }

    private static long Seconds(TimeSpan t) => (long)Math.Ceiling(t.TotalSeconds);

    public static IEnumerable<ScenarioCase> Shrink(ScenarioCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        long size = Size(c);
        // Keyed by text, not record equality: quantities compare by value, so "1000m" -> "1" would look like no change.
        var seen = new HashSet<string>(StringComparer.Ordinal) { c.ToString() };
        foreach (var candidate in Candidates(c))
        {
            if (Size(candidate) < size && seen.Add(candidate.ToString()))
            {
                yield return candidate;
            }
        }
    }

    private static IEnumerable<ScenarioCase> Candidates(ScenarioCase c)
    {
        var s = c.Scenario;
        if (!s.Pods.IsEmpty)
        {
            yield return c with { Scenario = s with { Pods = default } };
        }

        if (!s.Images.Missing.IsEmpty)
        {
            yield return c with { Scenario = s with { Images = s.Images with { Missing = default } } };
        }

        // Objects no container reads (a ConfigMap beside the missing one, a key beside the one read): each left out.
        for (int i = s.Objects.Count - 1; i >= 0; i--)
        {
            yield return c with { Scenario = s with { Objects = s.Objects.RemoveAt(i) } };
            var o = s.Objects[i];
            foreach (string key in o.Data.Keys)
            {
                yield return c with { Scenario = s with { Objects = s.Objects.SetItem(i, o with { Data = o.Data.Remove(key) }) } };
            }
        }

        // Steps: each one left out, then each one earlier.
        for (int i = s.Steps.Count - 1; i >= 0; i--)
        {
            yield return c with { Scenario = s with { Steps = s.Steps.RemoveAt(i) } };
        }

        for (int i = 0; i < s.Steps.Count; i++)
        {
            foreach (var at in ScenarioGen.RoundDurations.Where(d => d < s.Steps[i].At && (i == 0 || d >= s.Steps[i - 1].At)))
            {
                yield return c with { Scenario = s with { Steps = s.Steps.SetItem(i, s.Steps[i] with { At = at }) } };
            }
        }

        foreach (var (podName, pod) in s.Pods)
        {
            foreach (var smaller in ShrinkPodScript(pod))
            {
                yield return c with { Scenario = s with { Pods = s.Pods.SetItem(podName, smaller) } };
            }
        }

        foreach (var until in ScenarioGen.Untils.Where(u => u < s.Until))
        {
            yield return c with { Scenario = s with { Until = until } };
        }

        if (s.Images.PullDuration > TimeSpan.FromSeconds(1))
        {
            yield return c with { Scenario = s with { Images = s.Images with { PullDuration = TimeSpan.FromSeconds(1) } } };
        }

        foreach (var pod in PodShrinker.Shrink(c.Pod))
        {
            yield return new ScenarioCase(pod, Follow(c.Pod, pod, s));
        }
    }

    private static IEnumerable<PodScript> ShrinkPodScript(PodScript pod)
    {
        if (pod.DeleteAfter is not null)
        {
            yield return pod with { DeleteAfter = null };
        }

        foreach (var (name, script) in pod.Containers)
        {
            yield return pod with { Containers = pod.Containers.Remove(name) };
            foreach (var smaller in ShrinkScript(script))
            {
                yield return pod with { Containers = pod.Containers.SetItem(name, smaller) };
            }
        }
    }

    private static IEnumerable<ContainerScript> ShrinkScript(ContainerScript script)
    {
        var runs = script.Runs;
        for (int i = runs.Count - 1; i >= 0 && runs.Count > 1; i--)
        {
            yield return script with { Runs = runs.RemoveAt(i) };
        }

        for (int i = 0; i < runs.Count; i++)
        {
            foreach (var run in ShrinkRun(runs[i]))
            {
                yield return script with { Runs = runs.SetItem(i, run) };
            }
        }
    }

    private static IEnumerable<ContainerRun> ShrinkRun(ContainerRun r)
    {
        if (r != ContainerRun.Default)
        {
            yield return ContainerRun.Default;
        }

        if (r.ExitCode is { } code)
        {
            // Toward 0, through the codes that mean something (1 before 137 before 255).
            foreach (int smaller in ScenarioGen.ExitCodes.Where(e => e < Math.Abs(code)))
            {
                yield return r with { ExitCode = smaller };
            }
        }

        foreach (var d in ScenarioGen.RoundDurations.Where(d => d < r.After))
        {
            yield return r with { After = d };
        }

        foreach (var d in ScenarioGen.RoundDurations.Where(d => d < r.ReadyAfter))
        {
            yield return r with { ReadyAfter = d };
        }

        if (r.NeverReady)
        {
            yield return r with { NeverReady = false };
        }

        if (r.UseCpu is not null)
        {
            yield return r with { UseCpu = null };
        }
    }

    /// <summary>
    /// Carries the scenario over to a shrunk pod: scripts of containers that disappeared are dropped; when a list kept
    /// its length, containers are matched by position so a rename keeps its script and a changed image stays missing.
    /// </summary>
    private static Scenario Follow(Pod before, Pod after, Scenario s)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var images = new Dictionary<string, string>(StringComparer.Ordinal);
        Match(before.Spec.InitContainers, after.Spec.InitContainers, renames, images);
        Match(before.Spec.Containers, after.Spec.Containers, renames, images);
        var names = after.Spec.InitContainers.Concat(after.Spec.Containers).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var podImages = after.Spec.InitContainers.Concat(after.Spec.Containers).Select(c => c.Image).ToHashSet(StringComparer.Ordinal);

        var pods = s.Pods;
        foreach (var (podName, script) in s.Pods)
        {
            var containers = ValueMap.Create(script.Containers
                .Select(kv => KeyValuePair.Create(renames.GetValueOrDefault(kv.Key, kv.Key), kv.Value))
                .Where(kv => names.Contains(kv.Key)));
            pods = pods.SetItem(podName, script with { Containers = containers });
        }

        var missing = s.Images.Missing.Select(i => images.GetValueOrDefault(i, i)).Where(podImages.Contains).Distinct(StringComparer.Ordinal).ToValueList();
        return s with { Pods = pods, Images = s.Images with { Missing = missing } };
    }

    private static void Match(ValueList<Container> before, ValueList<Container> after, Dictionary<string, string> renames, Dictionary<string, string> images)
    {
        if (before.Count != after.Count)
        {
            return;
        }

        for (int i = 0; i < before.Count; i++)
        {
            renames[before[i].Name] = after[i].Name;
            images.TryAdd(before[i].Image, after[i].Image);
        }
    }
}
