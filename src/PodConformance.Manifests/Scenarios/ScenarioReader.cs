using System.Collections.Immutable;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;
using PodConformance.Model.Time;

namespace PodConformance.Manifests.Scenarios;

/// <summary>
/// Reads a scenario file (spec/scenario.md) in YAML or JSON. Strict like the Pod reader: wrong types and
/// unknown fields are errors here (a scenario is ours, so a typo must not be silently ignored), each with
/// file, line, column and field path.
/// </summary>
public static class ScenarioReader
{
    public static ScenarioReadResult ReadText(string text, string displayName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var r = new Reader(displayName);
        var stream = PodManifestReader.Parse(text);
        if (stream.Error is { } syntax)
        {
            r.Error(syntax.Position, "", "invalid YAML: " + syntax.Message);
            return r.Result(null);
        }

        ManifestNode? root = null;
        foreach (var doc in stream.Documents)
        {
            if (doc.Root is null)
            {
                continue;
            }

            if (root is not null)
            {
                r.Error(doc.Position, "", "a scenario file holds one document");
                return r.Result(null);
            }

            root = doc.Root;
        }

        if (root is null)
        {
            return r.Result(new Scenario());
        }

        var scenario = r.ReadScenario(root);
        return r.Result(scenario);
    }

    private sealed class Reader(string file)
    {
        private readonly ImmutableArray<ManifestDiagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<ManifestDiagnostic>();
        private int _errors;

        public void Error(SourcePosition position, string path, string message)
        {
            _errors++;
            _diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Error, file, position, path, message));
        }

        public ScenarioReadResult Result(Scenario? scenario) => new(_errors == 0 ? scenario : null, _diagnostics.ToImmutable());

        public Scenario ReadScenario(ManifestNode root)
        {
            var scenario = new Scenario();
            foreach (var (key, value, path) in Fields(root, ""))
            {
                switch (key)
                {
                    case "apiVersion":
                    case "kind":
                        Str(value, path);
                        break;
                    case "until":
                        scenario = scenario with { Until = Duration(value, path) ?? Scenario.DefaultUntil };
                        break;
                    case "nodes":
                        scenario = scenario with { Nodes = List(value, path, ReadNode) };
                        break;
                    case "images":
                        scenario = scenario with { Images = ReadImages(value, path) };
                        break;
                    case "pods":
                        scenario = scenario with { Pods = Map(value, path, ReadPodScript) };
                        break;
                    default:
                        Unknown(value, path);
                        break;
                }
            }

            return scenario;
        }

        private Node ReadNode(ManifestNode node, string path)
        {
            var n = new Node();
            foreach (var (key, value, p) in Fields(node, path))
            {
                switch (key)
                {
                    case "name": n = n with { Name = Str(value, p) }; break;
                    case "capacity": n = n with { Capacity = Map(value, p, QuantityOf) }; break;
                    case "allocatable": n = n with { Allocatable = Map(value, p, QuantityOf) }; break;
                    case "labels": n = n with { Labels = Map(value, p, Str) }; break;
                    case "addresses": n = n with { Addresses = List(value, p, Str) }; break;
                    case "unschedulable": n = n with { Unschedulable = Bool(value, p) }; break;
                    case "conditions": n = n with { Conditions = Map(value, p, Str) }; break;
                    case "taints": n = n with { Taints = List(value, p, ReadTaint) }; break;
                    default: Unknown(value, p); break;
                }
            }

            if (n.Name.Length == 0)
            {
                Error(node.Position, path + ".name", "Required value");
            }

            return n;
        }

        private Taint ReadTaint(ManifestNode node, string path)
        {
            var t = new Taint();
            foreach (var (key, value, p) in Fields(node, path))
            {
                switch (key)
                {
                    case "key": t = t with { Key = Str(value, p) }; break;
                    case "value": t = t with { Value = Str(value, p) }; break;
                    case "effect": t = t with { Effect = Str(value, p) }; break;
                    default: Unknown(value, p); break;
                }
            }

            return t;
        }

        private ImageCatalog ReadImages(ManifestNode node, string path)
        {
            var images = new ImageCatalog();
            foreach (var (key, value, p) in Fields(node, path))
            {
                switch (key)
                {
                    case "pullDuration": images = images with { PullDuration = Duration(value, p) ?? images.PullDuration }; break;
                    case "missing": images = images with { Missing = List(value, p, Str) }; break;
                    case "present": images = images with { Present = List(value, p, Str) }; break;
                    default: Unknown(value, p); break;
                }
            }

            return images;
        }

        private PodScript ReadPodScript(ManifestNode node, string path)
        {
            var script = new PodScript();
            foreach (var (key, value, p) in Fields(node, path))
            {
                switch (key)
                {
                    case "deleteAfter": script = script with { DeleteAfter = Duration(value, p) }; break;
                    case "containers": script = script with { Containers = Map(value, p, ReadContainerScript) }; break;
                    default: Unknown(value, p); break;
                }
            }

            return script;
        }

        /// <summary>One run (a mapping) stands for every run; a list gives the runs in order, the last repeating.</summary>
        private ContainerScript ReadContainerScript(ManifestNode node, string path) =>
            node is ManifestSequence
                ? new ContainerScript(List(node, path, ReadRun))
                : new ContainerScript(ValueList.Of(ReadRun(node, path)));

        private ContainerRun ReadRun(ManifestNode node, string path)
        {
            var run = new ContainerRun();
            bool forever = false;
            foreach (var (key, value, p) in Fields(node, path))
            {
                switch (key)
                {
                    case "exit": run = run with { ExitCode = Int(value, p) }; break;
                    case "after": run = run with { After = Duration(value, p) ?? TimeSpan.Zero }; break;
                    case "runForever": forever = Bool(value, p); break;
                    case "readyAfter": run = run with { ReadyAfter = Duration(value, p) ?? TimeSpan.Zero }; break;
                    case "neverReady": run = run with { NeverReady = Bool(value, p) }; break;
                    case "allocate": run = run with { AllocateMemory = QuantityOf(value, p) }; break;
                    case "useCpu": run = run with { UseCpu = QuantityOf(value, p) }; break;
                    default: Unknown(value, p); break;
                }
            }

            if (forever && run.ExitCode is not null)
            {
                Error(node.Position, path, "runForever and exit are mutually exclusive");
            }

            return run;
        }

        private IEnumerable<(string Key, ManifestNode Value, string Path)> Fields(ManifestNode node, string path)
        {
            if (node is not ManifestMapping mapping)
            {
                if (node is not ManifestScalar { IsNull: true })
                {
                    Error(node.Position, path, $"expected a mapping, got {node.Describe()}");
                }

                yield break;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, value) in mapping.Entries)
            {
                string p = path.Length == 0 ? key.Value : path + "." + key.Value;
                if (!seen.Add(key.Value))
                {
                    Error(key.Position, p, $"duplicate field \"{key.Value}\"");
                    continue;
                }

                yield return (key.Value, value, p);
            }
        }

        private ValueList<T> List<T>(ManifestNode node, string path, Func<ManifestNode, string, T> read)
        {
            if (node is ManifestScalar { IsNull: true })
            {
                return ValueList<T>.Empty;
            }

            if (node is not ManifestSequence seq)
            {
                Error(node.Position, path, $"expected a list, got {node.Describe()}");
                return ValueList<T>.Empty;
            }

            var items = new T[seq.Items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = read(seq.Items[i], string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}[{i}]"));
            }

            return items;
        }

        private ValueMap<T> Map<T>(ManifestNode node, string path, Func<ManifestNode, string, T> read)
        {
            var items = new List<(string, T)>();
            foreach (var (key, value, p) in Fields(node, path))
            {
                items.Add((key, read(value, p)));
            }

            return ValueMap.Of([.. items]);
        }

        private void Unknown(ManifestNode value, string path) => Error(value.Position, path, "unknown field \"" + path + "\"");

        private string Str(ManifestNode node, string path)
        {
            if (node is ManifestScalar { Kind: ScalarKind.String } s)
            {
                return s.Value;
            }

            Error(node.Position, path, $"expected a string, got {node.Describe()}");
            return "";
        }

        private bool Bool(ManifestNode node, string path)
        {
            if (node is ManifestScalar { Kind: ScalarKind.Bool } s)
            {
                return s.Value is "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y";
            }

            Error(node.Position, path, $"expected a boolean, got {node.Describe()}");
            return false;
        }

        private int? Int(ManifestNode node, string path)
        {
            if (node is ManifestScalar { Kind: ScalarKind.Int } s
                && int.TryParse(s.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int v))
            {
                return v;
            }

            Error(node.Position, path, $"expected an integer, got {node.Describe()}");
            return null;
        }

        private Quantity QuantityOf(ManifestNode node, string path)
        {
            if (node is ManifestScalar { IsNull: false } s && s.Kind != ScalarKind.Bool)
            {
                if (Quantity.TryParse(s.Value, out var q, out var error))
                {
                    return q;
                }

                Error(node.Position, path, Quantity.ErrorText(error));
                return Quantity.Zero;
            }

            Error(node.Position, path, $"expected a quantity, got {node.Describe()}");
            return Quantity.Zero;
        }

        private TimeSpan? Duration(ManifestNode node, string path)
        {
            if (node is ManifestScalar { Kind: ScalarKind.String } s)
            {
                if (GoDuration.TryParse(s.Value, out var d, out string error))
                {
                    if (d < TimeSpan.Zero)
                    {
                        Error(node.Position, path, "must not be negative");
                        return null;
                    }

                    return d;
                }

                Error(node.Position, path, error);
                return null;
            }

            Error(node.Position, path, $"expected a duration such as 30s or 1m30s, got {node.Describe()}");
            return null;
        }
    }
}
