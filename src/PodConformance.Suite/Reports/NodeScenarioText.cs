using System.Globalization;
using System.Text;
using PodConformance.Model.Simulation;
using PodConformance.Model.Time;

namespace PodConformance.Suite.Reports;

/// <summary>
/// A node-pressure episode as the <c>kind: NodeScenario</c> document of spec/scenario.md (what
/// <c>NodeScenarioReader</c> reads back), writing only what differs from the format's defaults.
/// </summary>
public static class NodeScenarioText
{
    public static string Render(NodeScenario s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var w = new StringBuilder();
        w.Append("apiVersion: podconf/v1\nkind: NodeScenario\n");
        w.Append("node:\n  name: ").Append(CaseText.Quote(s.Node.Name)).Append('\n');
        CaseText.AppendQuantities(w, "  capacity", s.Node.Capacity);
        CaseText.AppendQuantities(w, "  allocatable", s.Node.Allocatable);
        if (s.EvictionHard is { } hard)
        {
            w.Append("evictionHard: {").Append(string.Join(", ", hard.Select(kv => CaseText.Quote(kv.Key) + ": " + CaseText.Quote(kv.Value)))).Append("}\n");
        }

        if (!s.EnforceNodeAllocatable)
        {
            w.Append("enforceNodeAllocatable: false\n");
        }

        if (s.Period != NodeScenario.DefaultPeriod)
        {
            w.Append("period: ").Append(GoDuration.Format(s.Period)).Append('\n');
        }

        if (s.PressureTransitionPeriod != NodeScenario.DefaultPressureTransitionPeriod)
        {
            w.Append("pressureTransitionPeriod: ").Append(GoDuration.Format(s.PressureTransitionPeriod)).Append('\n');
        }

        if (s.Until is { } until)
        {
            w.Append("until: ").Append(GoDuration.Format(until)).Append('\n');
        }

        if (!s.SystemMemory.IsZero)
        {
            w.Append("systemMemory: ").Append(CaseText.Quote(s.SystemMemory.ToString())).Append('\n');
        }

        AppendFs(w, "nodefs", s.NodeFs);
        AppendFs(w, "imagefs", s.ImageFs);
        if (s.DiskLayout != Model.Eviction.DiskLayout.SingleFs)
        {
            w.Append("diskLayout: ").Append(DiskLayouts.Name(s.DiskLayout)).Append('\n');
        }

        if (s.Pids is { } pids)
        {
            w.Append("pids: {max: ").Append(Count(pids.Max)).Append(", systemProcesses: ").Append(Count(pids.SystemProcesses)).Append("}\n");
        }

        if (!s.Usage.IsEmpty)
        {
            w.Append("usage:\n");
            foreach (var (pod, samples) in s.Usage)
            {
                w.Append("  ").Append(CaseText.Quote(pod)).Append(":\n");
                foreach (var sample in samples)
                {
                    w.Append("  - ").Append(Sample(sample)).Append('\n');
                }
            }
        }

        return w.ToString();
    }

    private static string Sample(UsageSample s)
    {
        var parts = new List<string> { "at: " + GoDuration.Format(s.At) };
        if (s.NoStats)
        {
            parts.Add("noStats: true");
        }

        if (s.Pod is { } pod)
        {
            parts.Add("pod: " + CaseText.Quote(pod.ToString()));
        }

        if (!s.Containers.IsEmpty)
        {
            parts.Add("containers: {" + string.Join(", ", s.Containers.Select(kv => CaseText.Quote(kv.Key) + ": " + CaseText.Quote(kv.Value.ToString()))) + "}");
        }

        if (!s.Disk.IsEmpty)
        {
            parts.Add("disk: {" + string.Join(", ", s.Disk.Select(kv => CaseText.Quote(kv.Key) + ": {" + string.Join(", ", DiskParts(kv.Value)) + "}")) + "}");
        }

        if (!s.Volumes.IsEmpty)
        {
            parts.Add("volumes: {" + string.Join(", ", s.Volumes.Select(kv => CaseText.Quote(kv.Key) + ": {" + string.Join(", ", VolumeParts(kv.Value)) + "}")) + "}");
        }

        if (s.Processes is long processes)
        {
            parts.Add("processes: " + Count(processes));
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    /// <summary>A filesystem of the episode (nodefs, imagefs), only when it has one.</summary>
    private static void AppendFs(StringBuilder w, string name, FilesystemCapacity? fs)
    {
        if (fs is null)
        {
            return;
        }

        w.Append(name).Append(": {capacity: ").Append(CaseText.Quote(fs.Capacity.ToString()));
        if (fs.Inodes is long inodes)
        {
            w.Append(", inodes: ").Append(Count(inodes));
        }

        if (!fs.SystemUsed.IsZero)
        {
            w.Append(", systemUsed: ").Append(CaseText.Quote(fs.SystemUsed.ToString()));
        }

        if (fs.SystemInodesUsed != 0)
        {
            w.Append(", systemInodesUsed: ").Append(Count(fs.SystemInodesUsed));
        }

        w.Append("}\n");
    }

    private static IEnumerable<string> DiskParts(ContainerDiskSample d)
    {
        if (d.Rootfs is { } rootfs)
        {
            yield return "rootfs: " + CaseText.Quote(rootfs.ToString());
        }

        if (d.Logs is { } logs)
        {
            yield return "logs: " + CaseText.Quote(logs.ToString());
        }

        if (d.RootfsInodes is long ri)
        {
            yield return "rootfsInodes: " + Count(ri);
        }

        if (d.LogsInodes is long li)
        {
            yield return "logsInodes: " + Count(li);
        }
    }

    private static IEnumerable<string> VolumeParts(VolumeDiskSample v)
    {
        if (v.Used is { } used)
        {
            yield return "used: " + CaseText.Quote(used.ToString());
        }

        if (v.Inodes is long inodes)
        {
            yield return "inodes: " + Count(inodes);
        }
    }

    private static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);
}
