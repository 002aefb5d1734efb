using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Describe;

/// <summary>
/// describe.go <c>describeContainers</c> (DESC-020…027): per container its basic information, command and args, state
/// (when the pod has a status for it), resources, probes, environment and mounts, all under the section's label.
/// </summary>
internal static class DescribeContainers
{
    public static void Write(DescribeWriter w, string label, ValueList<Container> containers, ValueList<ContainerStatus> statuses,
        DescribeContainerEnv env, Profile kubectl)
    {
        // A map by name, as kubectl builds it: a later status of the same name wins.
        var byName = new Dictionary<string, ContainerStatus>(StringComparer.Ordinal);
        foreach (var s in statuses)
        {
            byName[s.Name] = s;
        }

        w.Write(DescribeWriter.Level0, label + ":" + (containers.IsEmpty ? " <none>" : "") + "\n");
        foreach (var c in containers)
        {
            bool known = byName.TryGetValue(c.Name, out var status);
            WriteBasicInfo(w, c, known ? status : null, kubectl);
            WriteCommand(w, c);
            if (status is not null)
            {
                DescribeContainerState.Write(w, status);
            }

            WriteResources(w, c.Resources, DescribeWriter.Level2);
            DescribeProbe.WriteAll(w, c, kubectl);
            if (!c.EnvFrom.IsEmpty)
            {
                env.WriteEnvFrom(w, c);
            }

            env.WriteEnv(w, c);
            WriteMounts(w, c);
        }
    }

    /// <summary>DESC-020: name, Container ID / Image ID only with a status, ports and host ports, seccomp profile.</summary>
    private static void WriteBasicInfo(DescribeWriter w, Container c, ContainerStatus? status, Profile kubectl)
    {
        w.Write(DescribeWriter.Level1, c.Name + ":\n");
        if (status is not null)
        {
            w.Write(DescribeWriter.Level2, "Container ID:\t" + status.ContainerID + "\n");
        }

        w.Write(DescribeWriter.Level2, "Image:\t" + c.Image + "\n");
        if (status is not null)
        {
            w.Write(DescribeWriter.Level2, "Image ID:\t" + status.ImageID + "\n");
        }

        bool named = kubectl.Version >= new KubernetesVersion(1, 34);
        string ports = Ports(c.Ports, host: false, named);
        w.Write(DescribeWriter.Level2, ports.Contains(',', StringComparison.Ordinal) ? "Ports:\t" + ports + "\n" : "Port:\t" + OrNone(ports) + "\n");
        string hostPorts = Ports(c.Ports, host: true, named);
        w.Write(DescribeWriter.Level2, hostPorts.Contains(',', StringComparison.Ordinal) ? "Host Ports:\t" + hostPorts + "\n" : "Host Port:\t" + OrNone(hostPorts) + "\n");
        if (c.SecurityContext?.SeccompProfile is { } seccomp)
        {
            DescribeHeader.WriteSeccomp(w, seccomp, DescribeWriter.Level2, DescribeWriter.Level3);
        }
    }

    /// <summary>
    /// DESC-021 <c>describeContainerPorts</c>/<c>HostPorts</c>: <c>PORT/PROTOCOL</c>, from kubectl 1.34 followed by
    /// <c>(name)</c> when the port is named; joined by ", ". A host port of an unset hostPort prints 0.
    /// </summary>
    internal static string Ports(ValueList<ContainerPort> ports, bool host, bool named)
    {
        var parts = new List<string>(ports.Count);
        foreach (var p in ports)
        {
            string s = GoText.Int(host ? p.HostPort : p.Port) + "/" + p.Protocol;
            parts.Add(named && p.Name.Length != 0 ? s + " (" + p.Name + ")" : s);
        }

        return string.Join(", ", parts);
    }

    private static string OrNone(string s) => s.Length == 0 ? "<none>" : s;

    /// <summary>DESC-022: command and args one item per line, an item's own lines each on a line of their own.</summary>
    private static void WriteCommand(DescribeWriter w, Container c)
    {
        WriteLines(w, "Command:\n", c.Command);
        WriteLines(w, "Args:\n", c.Args);
    }

    private static void WriteLines(DescribeWriter w, string title, ValueList<string> items)
    {
        if (items.IsEmpty)
        {
            return;
        }

        w.Write(DescribeWriter.Level2, title);
        foreach (string item in items)
        {
            foreach (string line in item.Split('\n'))
            {
                w.Write(DescribeWriter.Level3, line + "\n");
            }
        }
    }

    /// <summary>
    /// DESC-024 <c>describeResources</c> (<c>describeContainerResource</c> before 1.32, the same text): Limits then
    /// Requests, names sorted, each quantity's canonical string.
    /// </summary>
    public static void WriteResources(DescribeWriter w, ResourceRequirements resources, int level)
    {
        WriteResourceList(w, "Limits:\n", resources.Limits, level);
        WriteResourceList(w, "Requests:\n", resources.Requests, level);
    }

    private static void WriteResourceList(DescribeWriter w, string title, ValueMap<Quantity> list, int level)
    {
        if (list.IsEmpty)
        {
            return;
        }

        w.Write(level, title);
        foreach (var (name, quantity) in list)
        {
            w.Write(level + 1, name + ":\t" + quantity.ToCanonicalString() + "\n");
        }
    }

    /// <summary>
    /// DESC-027: mounts sorted by mount path, <c>PATH from VOLUME (ro|rw[,path="SUBPATH"])</c>, then block devices sorted by
    /// device path. Go's sort.Sort is not stable; the model keeps manifest order among equal paths (validation refuses
    /// two mounts at one path).
    /// </summary>
    private static void WriteMounts(DescribeWriter w, Container c)
    {
        string none = c.VolumeMounts.IsEmpty ? "\t<none>" : "";
        w.Write(DescribeWriter.Level2, "Mounts:" + none + "\n");
        foreach (var m in c.VolumeMounts.Select((m, i) => (m, i)).OrderBy(x => x.m.MountPath, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.m))
        {
            string flags = (m.ReadOnly ? "ro" : "rw") + (m.SubPath.Length > 0 ? ",path=" + Validation.GoQuote.Quote(m.SubPath) : "");
            w.Write(DescribeWriter.Level3, m.MountPath + " from " + m.Name + " (" + flags + ")\n");
        }

        if (!c.VolumeDevices.IsEmpty)
        {
            w.Write(DescribeWriter.Level2, "Devices:" + none + "\n");
            foreach (var d in c.VolumeDevices.Select((d, i) => (d, i)).OrderBy(x => x.d.DevicePath, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.d))
            {
                w.Write(DescribeWriter.Level3, d.DevicePath + " from " + d.Name + "\n");
            }
        }
    }
}
