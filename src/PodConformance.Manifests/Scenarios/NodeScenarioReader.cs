using System.Collections.Immutable;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Eviction;
using PodConformance.Model.Simulation;

namespace PodConformance.Manifests.Scenarios;

/// <summary>
/// Reads a node-pressure file (spec/scenario.md "Node scenarios"): one <c>kind: NodeScenario</c> document plus the
/// Pod documents it runs, in one YAML/JSON stream, so an episode is a single file. Strict like
/// <see cref="ScenarioReader"/>; the Pods are read by <see cref="PodManifestReader"/> and keep its diagnostics.
/// </summary>
public static class NodeScenarioReader
{
    public const string Kind = "NodeScenario";

    public static NodeScenarioReadResult ReadText(string text, string displayName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var manifest = PodManifestReader.ReadText(text, displayName);
        var r = new Reader(displayName);
        ManifestObject? found = null;
        foreach (var o in manifest.OtherObjects)
        {
            if (o.Kind != Kind)
            {
                // SCN-002's other direction: a simulate scenario given to evict says where it belongs.
                string hint = o.Kind == ScenarioReader.Kind ? " (a Scenario is read by podconf simulate --scenario)" : "";
                r.Warning(o.Raw.Position, "", $"kind {o.Kind} is not used by a node scenario; ignored{hint}");
                continue;
            }

            if (found is not null)
            {
                r.Error(o.Raw.Position, "", "a node-scenario file holds one NodeScenario document");
                continue;
            }

            found = o;
        }

        NodeScenario? scenario = null;
        if (found is null)
        {
            if (!manifest.HasErrors)
            {
                r.Error(SourcePosition.None, "", "no NodeScenario document found (kind: NodeScenario)");
            }
        }
        else
        {
            scenario = r.ReadScenario(found.Raw, manifest.Pods);
        }

        var diagnostics = manifest.Diagnostics.AddRange(r.Diagnostics);
        bool errors = diagnostics.Any(d => d.IsError);
        return new NodeScenarioReadResult(errors ? null : scenario, manifest.Pods, diagnostics);
    }

    private sealed class Reader(string file) : StrictFieldReader(file)
    {
        public NodeScenario ReadScenario(ManifestMapping root, ImmutableArray<LoadedPod> pods)
        {
            var s = new NodeScenario();
            var positions = new Dictionary<string, ManifestNode>(StringComparer.Ordinal);
            foreach (var (key, value, path) in Fields(root, ""))
            {
                positions[key] = value;
                switch (key)
                {
                    case "apiVersion":
                    case "kind":
                        Str(value, path);
                        break;
                    case "node": s = s with { Node = ReadNode(value, path) }; break;
                    case "evictionHard": s = s with { EvictionHard = Map(value, path, Str) }; break;
                    case "enforceNodeAllocatable": s = s with { EnforceNodeAllocatable = Bool(value, path) }; break;
                    case "period": s = s with { Period = Duration(value, path) ?? NodeScenario.DefaultPeriod }; break;
                    case "pressureTransitionPeriod": s = s with { PressureTransitionPeriod = Duration(value, path) ?? NodeScenario.DefaultPressureTransitionPeriod }; break;
                    case "until": s = s with { Until = Duration(value, path) }; break;
                    case "systemMemory": s = s with { SystemMemory = QuantityOf(value, path) }; break;
                    case "usage": s = s with { Usage = Map(value, path, ReadSamples) }; break;
                    case "nodefs": s = s with { NodeFs = ReadFs(value, path) }; break;
                    case "imagefs": s = s with { ImageFs = ReadFs(value, path) }; break;
                    case "diskLayout": s = s with { DiskLayout = ReadLayout(value, path) }; break;
                    case "pids": s = s with { Pids = ReadPids(value, path) }; break;
                    default: Unknown(value, path); break;
                }
            }

            if (s.Period <= TimeSpan.Zero && positions.TryGetValue("period", out var periodNode))
            {
                Error(periodNode.Position, "period", "must be positive");
            }

            if (s.MemoryCapacityBytes <= 0)
            {
                Error(positions.TryGetValue("node", out var n) ? n.Position : root.Position, "node.capacity.memory", "Required value: a positive memory capacity");
            }

            if (s.EvictionHard is { } hard && positions.TryGetValue("evictionHard", out var hardNode))
            {
                var parsed = ThresholdParser.Parse([], hard);
                if (!parsed.Ok)
                {
                    Error(hardNode.Position, "evictionHard", parsed.Error!);
                }
            }

            CheckFilesystems(s, root, positions);
            CheckPods(s, pods, positions.GetValueOrDefault("usage"));
            return s;
        }

        /// <summary>imagefs and diskLayout describe the node filesystem's neighbours, so they need nodefs; a dedicated layout needs imagefs.</summary>
        private void CheckFilesystems(NodeScenario s, ManifestMapping root, Dictionary<string, ManifestNode> positions)
        {
            if (s.NodeFs is null)
            {
                foreach (string key in (string[])["imagefs", "diskLayout"])
                {
                    if (positions.TryGetValue(key, out var n))
                    {
                        Error(n.Position, "nodefs", "Required value: " + key + " needs the node filesystem (nodefs)");
                    }
                }

                return;
            }

            if (s.DiskLayout == DiskLayout.SingleFs && positions.TryGetValue("imagefs", out var image))
            {
                Error(image.Position, "imagefs", "Forbidden: a separate imagefs needs diskLayout dedicatedImageFs or splitImageFs");
            }
            else if (s.DiskLayout != DiskLayout.SingleFs && s.ImageFs is null)
            {
                Error(positions.TryGetValue("diskLayout", out var l) ? l.Position : root.Position, "imagefs", "Required value: diskLayout " + DiskLayouts.Name(s.DiskLayout) + " needs imagefs");
            }
        }

        private FilesystemCapacity ReadFs(ManifestNode node, string path)
        {
            var fs = new FilesystemCapacity();
            bool hasCapacity = false;
            foreach (var (key, value, p) in Fields(node, path))
            {
                switch (key)
                {
                    case "capacity": fs = fs with { Capacity = QuantityOf(value, p) }; hasCapacity = true; break;
                    case "inodes": fs = fs with { Inodes = Count(value, p) }; break;
                    case "systemUsed": fs = fs with { SystemUsed = QuantityOf(value, p) }; break;
                    case "systemInodesUsed": fs = fs with { SystemInodesUsed = Count(value, p) }; break;
                    default: Unknown(value, p); break;
                }
            }

            if (node is ManifestMapping && (!hasCapacity || fs.Capacity.Value() <= 0))
            {
                Error(node.Position, path + ".capacity", "Required value: a positive size");
            }

            if (fs.Inodes is 0)
            {
                Error(node.Position, path + ".inodes", "must be positive");
            }

            return fs;
        }

        private PidCapacity ReadPids(ManifestNode node, string path)
        {
            var pids = new PidCapacity();
            foreach (var (key, value, p) in Fields(node, path))
            {
                switch (key)
                {
                    case "max": pids = pids with { Max = Count(value, p) }; break;
                    case "systemProcesses": pids = pids with { SystemProcesses = Count(value, p) }; break;
                    default: Unknown(value, p); break;
                }
            }

            if (node is ManifestMapping && pids.Max <= 0)
            {
                Error(node.Position, path + ".max", "Required value: a positive process limit");
            }

            return pids;
        }

        private DiskLayout ReadLayout(ManifestNode node, string path)
        {
            string name = Str(node, path);
            if (DiskLayouts.Parse(name) is { } layout)
            {
                return layout;
            }

            Error(node.Position, path, "Unsupported value: \"" + name + "\": supported values: \"" + string.Join("\", \"", DiskLayouts.Names) + "\"");
            return DiskLayout.SingleFs;
        }

        /// <summary>A count (inodes, processes): a non-negative whole number, quantity suffixes allowed (<c>100k</c>).</summary>
        private long Count(ManifestNode node, string path)
        {
            var q = QuantityOf(node, path);
            if (q.Sign < 0 || q.MilliValue() % 1000 != 0)
            {
                Error(node.Position, path, "must be a non-negative whole number");
                return 0;
            }

            return q.Value();
        }

        /// <summary>Usage names pods and containers of this file; a typo there would silently measure nothing.</summary>
        private void CheckPods(NodeScenario s, ImmutableArray<LoadedPod> pods, ManifestNode? usageNode)
        {
            var byName = new Dictionary<string, Pod>(StringComparer.Ordinal);
            foreach (var p in pods)
            {
                if (!byName.TryAdd(p.Pod.Metadata.Name, p.Pod))
                {
                    Error(p.Position, "metadata.name", $"Duplicate value: \"{p.Pod.Metadata.Name}\": pods of a node scenario need distinct names");
                }
            }

            if (usageNode is not ManifestMapping usage)
            {
                return;
            }

            foreach (var (key, value) in usage.Entries)
            {
                string path = "usage." + key.Value;
                if (!byName.TryGetValue(key.Value, out var pod))
                {
                    Error(key.Position, path, $"no Pod named \"{key.Value}\" in this file");
                    continue;
                }

                if (!s.Usage.TryGetValue(key.Value, out var samples))
                {
                    continue;
                }

                for (int i = 0; i < samples.Count; i++)
                {
                    var node = value is ManifestSequence seq && i < seq.Items.Length ? seq.Items[i] : value;
                    string p = PathOf(path, i);
                    if (i > 0 && samples[i].At <= samples[i - 1].At)
                    {
                        Error(node.Position, p + ".at", "samples must be in increasing time order");
                    }

                    foreach (string container in samples[i].Containers.Keys)
                    {
                        if (!HasContainer(pod, container))
                        {
                            Error(node.Position, p + ".containers." + container, $"pod \"{pod.Metadata.Name}\" has no container \"{container}\"");
                        }
                    }

                    foreach (string container in samples[i].Disk.Keys)
                    {
                        if (!HasContainer(pod, container))
                        {
                            Error(node.Position, p + ".disk." + container, $"pod \"{pod.Metadata.Name}\" has no container \"{container}\"");
                        }
                    }

                    foreach (string volume in samples[i].Volumes.Keys)
                    {
                        if (!pod.Spec.Volumes.Any(v => v.Name == volume))
                        {
                            Error(node.Position, p + ".volumes." + volume, $"pod \"{pod.Metadata.Name}\" has no volume \"{volume}\"");
                        }
                    }

                    if ((!samples[i].Disk.IsEmpty || !samples[i].Volumes.IsEmpty) && s.NodeFs is null)
                    {
                        Error(node.Position, p, "disk or volume use needs the node filesystem (nodefs) to be measured against");
                    }

                    if (samples[i].Processes is not null && s.Pids is null)
                    {
                        Error(node.Position, p + ".processes", "process counts need the node's process limit (pids)");
                    }
                }
            }
        }

        private ValueList<UsageSample> ReadSamples(ManifestNode node, string path) => List(node, path, ReadSample);

        private UsageSample ReadSample(ManifestNode node, string path)
        {
            var s = new UsageSample();
            bool hasAt = false;
            foreach (var (key, value, p) in Fields(node, path))
            {
                switch (key)
                {
                    case "at": s = s with { At = Duration(value, p) ?? TimeSpan.Zero }; hasAt = true; break;
                    case "containers": s = s with { Containers = Map(value, p, QuantityOf) }; break;
                    case "pod": s = s with { Pod = QuantityOf(value, p) }; break;
                    case "noStats": s = s with { NoStats = Bool(value, p) }; break;
                    case "disk": s = s with { Disk = Map(value, p, ReadContainerDisk) }; break;
                    case "volumes": s = s with { Volumes = Map(value, p, ReadVolumeDisk) }; break;
                    case "processes": s = s with { Processes = Count(value, p) }; break;
                    default: Unknown(value, p); break;
                }
            }

            if (!hasAt && node is ManifestMapping)
            {
                Error(node.Position, path + ".at", "Required value");
            }

            if (s.NoStats && (s.Pod is not null || !s.Containers.IsEmpty || !s.Disk.IsEmpty || !s.Volumes.IsEmpty || s.Processes is not null))
            {
                Error(node.Position, path, "noStats excludes pod, containers, disk, volumes and processes");
            }

            return s;
        }

        private ContainerDiskSample ReadContainerDisk(ManifestNode node, string path)
        {
            var d = new ContainerDiskSample();
            foreach (var (key, value, p) in Fields(node, path))
            {
                switch (key)
                {
                    case "rootfs": d = d with { Rootfs = QuantityOf(value, p) }; break;
                    case "logs": d = d with { Logs = QuantityOf(value, p) }; break;
                    case "rootfsInodes": d = d with { RootfsInodes = Count(value, p) }; break;
                    case "logsInodes": d = d with { LogsInodes = Count(value, p) }; break;
                    default: Unknown(value, p); break;
                }
            }

            return d;
        }

        private VolumeDiskSample ReadVolumeDisk(ManifestNode node, string path)
        {
            var v = new VolumeDiskSample();
            foreach (var (key, value, p) in Fields(node, path))
            {
                switch (key)
                {
                    case "used": v = v with { Used = QuantityOf(value, p) }; break;
                    case "inodes": v = v with { Inodes = Count(value, p) }; break;
                    default: Unknown(value, p); break;
                }
            }

            return v;
        }

        private static string PathOf(string path, int i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}[{i}]");

        private static bool HasContainer(Pod pod, string name) =>
            pod.Spec.Containers.Any(c => c.Name == name) || pod.Spec.InitContainers.Any(c => c.Name == name);
    }
}
