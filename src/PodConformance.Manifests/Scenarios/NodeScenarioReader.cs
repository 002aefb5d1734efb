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
                r.Warning(o.Raw.Position, "", $"kind {o.Kind} is not used by a node scenario; ignored");
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

            CheckPods(s, pods, positions.GetValueOrDefault("usage"));
            return s;
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
                    default: Unknown(value, p); break;
                }
            }

            if (!hasAt && node is ManifestMapping)
            {
                Error(node.Position, path + ".at", "Required value");
            }

            if (s.NoStats && (s.Pod is not null || !s.Containers.IsEmpty))
            {
                Error(node.Position, path, "noStats excludes pod and containers");
            }

            return s;
        }

        private static string PathOf(string path, int i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}[{i}]");

        private static bool HasContainer(Pod pod, string name) =>
            pod.Spec.Containers.Any(c => c.Name == name) || pod.Spec.InitContainers.Any(c => c.Name == name);
    }
}
