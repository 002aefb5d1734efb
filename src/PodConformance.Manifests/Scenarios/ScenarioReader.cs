using System.Collections.Immutable;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Objects;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
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
    /// <summary>The <c>kind</c> a scenario document may carry (optional; SCN-002).</summary>
    public const string Kind = "Scenario";

    /// <summary>The <c>apiVersion</c> a scenario document may carry (optional; SCN-002).</summary>
    public const string ApiVersion = "podconf/v1";

    /// <summary>Reads a scenario; its <c>objects</c> are decoded with the newest release's structs (ADM-019).</summary>
    public static ScenarioReadResult ReadText(string text, string displayName) => ReadText(text, displayName, KubernetesVersion.Newest);

    /// <summary>Reads a scenario whose <c>objects</c> are decoded with <paramref name="version"/>'s structs (ADM-019), as the verb's <c>--objects</c> are.</summary>
    public static ScenarioReadResult ReadText(string text, string displayName, KubernetesVersion version)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(PodManifestReader.Parse(text), displayName, PodManifestReader.IsJson(text), version);
    }

    /// <summary>One JSON value given as UTF-8: the same as <see cref="ReadText(string, string)"/> of its text, without the round trip through a string.</summary>
    public static ScenarioReadResult ReadUtf8Json(ReadOnlySpan<byte> json, string displayName)
    {
        byte[] rented = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(1, json.Length));
        try
        {
            json.CopyTo(rented);
            return Read(Parsing.JsonTreeBuilder.Parse(rented, json.Length), displayName, isJson: true, KubernetesVersion.Newest);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static ScenarioReadResult Read(Parsing.ParsedStream stream, string displayName, bool isJson, KubernetesVersion version)
    {
        var r = new Reader(displayName, isJson, version);
        if (stream.Error is { } syntax)
        {
            r.Error(syntax.Position, "", "invalid YAML: " + syntax.Message);
            return r.Result(null);
        }

        ManifestNode? root = null;
        foreach (var doc in stream.Documents)
        {
            // An empty or null document is no object, as kubectl's stream visitor skips it.
            if (doc.Root is null or ManifestScalar { IsNull: true })
            {
                continue;
            }

            if (root is null && !r.IsScenarioKind(doc.Root))
            {
                return r.Result(null);
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
            // SCN-001: kubectl apply -f of such a file is an error ("no objects passed to apply"), not a no-op; so an
            // empty scenario file is not silently the default scenario, which `{}` (or no file at all) asks for.
            r.Error(SourcePosition.None, "", "no scenario found: the file holds no document (for the default scenario write {} or give no scenario)");
            return r.Result(null);
        }

        var scenario = r.ReadScenario(root);
        return r.Result(scenario);
    }

    /// <param name="file">What diagnostics call the file.</param>
    /// <param name="isJson">JSON input: an object's numbers reach its decoder as written (SCHEMA-006, ADM-019).</param>
    /// <param name="version">The release whose structs decode the objects (ADM-019).</param>
    private sealed class Reader(string file, bool isJson, KubernetesVersion version) : StrictFieldReader(file)
    {
        public ScenarioReadResult Result(Scenario? scenario) => new(ErrorCount == 0 ? scenario : null, Diagnostics);

        /// <summary>
        /// SCN-002: a document of another kind (a Pod given where the scenario goes) is named as such, at its
        /// <c>kind</c>, instead of one "unknown field" per Kubernetes field. A string <c>kind</c> must be Scenario and a
        /// string <c>apiVersion</c> podconf/v1; both may be left out. Wrong types are left to <see cref="ReadScenario"/>.
        /// </summary>
        public bool IsScenarioKind(ManifestNode root)
        {
            if (root is not ManifestMapping mapping)
            {
                return true;
            }

            ManifestScalar? kind = null;
            ManifestScalar? apiVersion = null;
            foreach (var (key, value) in mapping.Entries)
            {
                if (value is ManifestScalar { Kind: ScalarKind.String } s)
                {
                    if (key.Value == "kind")
                    {
                        kind ??= s;
                    }
                    else if (key.Value == "apiVersion")
                    {
                        apiVersion ??= s;
                    }
                }
            }

            if (kind is not null && kind.Value != Kind)
            {
                string article = kind.Value.Length > 0 && "AEIOUaeiou".Contains(kind.Value[0], StringComparison.Ordinal) ? "an" : "a";
                string version = apiVersion is null ? "" : " (apiVersion " + apiVersion.Value + ")";
                string hint = kind.Value == NodeScenarioReader.Kind ? "; a NodeScenario is read by podconf evict" : "";
                Error(kind.Position, "kind", $"{article} {kind.Value}{version} was given where a scenario was expected: a scenario has kind {Kind} and apiVersion {ApiVersion}, both optional (spec/scenario.md){hint}");
                return false;
            }

            if (apiVersion is not null && apiVersion.Value != ApiVersion)
            {
                // kubectl's words for a kind its API server does not serve (apimachinery pkg/api/meta/errors.go, NoKindMatchError).
                Error(apiVersion.Position, "apiVersion", $"no matches for kind \"{Kind}\" in version \"{apiVersion.Value}\": a scenario has apiVersion {ApiVersion} (optional; spec/scenario.md)");
                return false;
            }

            return true;
        }

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
                    case "steps":
                        scenario = scenario with { Steps = List(value, path, ReadStep) };
                        break;
                    case "objects":
                        scenario = scenario with { Objects = List(value, path, ReadObject) };
                        break;
                    default:
                        Unknown(value, path);
                        break;
                }
            }

            return scenario;
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
                    case "podIPs": script = script with { PodIPs = List(value, p, Str) }; break;
                    default: Unknown(value, p); break;
                }
            }

            return script;
        }

        /// <summary>One client action at a time: <c>at</c>, and exactly one action with what it needs.</summary>
        private ScenarioStep ReadStep(ManifestNode node, string path)
        {
            var step = new ScenarioStep();
            bool hasAt = false;
            int actions = 0;
            foreach (var (key, value, p) in Fields(node, path))
            {
                switch (key)
                {
                    case "at":
                        step = step with { At = Duration(value, p) ?? TimeSpan.Zero };
                        hasAt = true;
                        break;
                    case "pod":
                        step = step with { Pod = Str(value, p) };
                        break;
                    case "removeSchedulingGates":
                        actions++;
                        step = step with { RemoveSchedulingGates = GateNames(value, p) };
                        break;
                    case "create":
                        actions++;
                        step = step with { Create = ReadObject(value, p) };
                        break;
                    case "setCondition":
                        actions++;
                        step = step with { SetCondition = ReadCondition(value, p) };
                        break;
                    case "removeCondition":
                        actions++;
                        step = step with { RemoveCondition = ConditionType(value, p) };
                        break;
                    default:
                        Unknown(value, p);
                        break;
                }
            }

            if (!hasAt)
            {
                Error(node.Position, path + ".at", "Required value");
            }

            if (actions != 1)
            {
                Error(node.Position, path, actions == 0 ? "a step needs an action (removeSchedulingGates, create, setCondition, removeCondition)" : "a step has exactly one action");
            }

            if (step.RemoveSchedulingGates is not null && step.Pod.Length == 0)
            {
                Error(node.Position, path + ".pod", "Required value: removeSchedulingGates applies to a pod");
            }

            if ((step.SetCondition is not null || step.RemoveCondition is not null) && step.Pod.Length == 0)
            {
                Error(node.Position, path + ".pod", "Required value: " + (step.SetCondition is not null ? "setCondition" : "removeCondition") + " applies to a pod");
            }

            return step;
        }

        /// <summary>
        /// A ConfigMap, Secret or Service in Kubernetes' form, checked as the API server would (EnvObjectMapper: data
        /// types, base64, keys, ports); other kinds are errors, since nothing in a scenario would read them.
        /// </summary>
        private ClusterObject ReadObject(ManifestNode node, string path)
        {
            if (node is not ManifestMapping mapping)
            {
                Error(node.Position, path, $"expected an object (a mapping), got {node.Describe()}");
                return new ClusterObject();
            }

            // A Kubernetes object as kubectl would send it: a repeated key keeps its later value (SCHEMA-008).
            mapping = (ManifestMapping)KubectlRepeatedKeys.Collapse(mapping);

            string kind = mapping.GetString("kind");
            var metadata = mapping.Get("metadata") as ManifestMapping;
            string name = metadata?.GetString("name") ?? "";
            string ns = metadata?.GetString("namespace") ?? "";
            if (kind is not (ClusterObject.ConfigMapKind or ClusterObject.SecretKind or ClusterObject.ServiceKind))
            {
                Error(mapping.Position, path + ".kind", (kind.Length == 0 ? "Required value" : "Unsupported value: \"" + kind + "\"") + ": supported kinds are ConfigMap, Secret, Service");
                return new ClusterObject();
            }

            if (name.Length == 0)
            {
                Error(mapping.Position, path + ".metadata.name", "Required value");
                return new ClusterObject();
            }

            var mapped = EnvObjectMapper.Map([new ManifestObject(mapping.GetString("apiVersion"), kind, name, ns, mapping, File, 0, -1) { IsJson = isJson }], version);
            foreach (var d in mapped.Diagnostics)
            {
                Add(d with { Path = d.Path.Length == 0 ? path : path + "." + d.Path });
            }

            if (mapped.ConfigMaps.Length == 1)
            {
                return ClusterObject.ConfigMap(ns, name, mapped.ConfigMaps[0].Data);
            }

            if (mapped.Secrets.Length == 1)
            {
                return ClusterObject.Secret(ns, name, mapped.Secrets[0].Data);
            }

            return mapped.Services.Length == 1 ? ClusterObject.FromService(mapped.Services[0] with { Namespace = ns.Length == 0 ? "default" : ns }) : new ClusterObject();
        }

        /// <summary><c>true</c> removes every gate; a list names the gates to remove.</summary>
        /// <summary><c>{type: T, status: True|False|Unknown}</c>: a condition a controller writes (SIM-015).</summary>
        private StepCondition ReadCondition(ManifestNode node, string path)
        {
            string type = "";
            string status = "";
            bool hasType = false;
            bool hasStatus = false;
            foreach (var (key, value, p) in Fields(node, path))
            {
                switch (key)
                {
                    case "type":
                        hasType = true;
                        type = ConditionType(value, p);
                        break;
                    case "status":
                        hasStatus = true;
                        status = Str(value, p);
                        if (value is ManifestScalar { Kind: ScalarKind.String } && status is not ("True" or "False" or "Unknown"))
                        {
                            Error(value.Position, p, "Unsupported value: \"" + status + "\": supported values: \"False\", \"True\", \"Unknown\"");
                        }

                        break;
                    default:
                        Unknown(value, p);
                        break;
                }
            }

            if (!hasType)
            {
                Error(node.Position, path + ".type", "Required value");
            }

            if (!hasStatus)
            {
                Error(node.Position, path + ".status", "Required value");
            }

            return new StepCondition(type, status);
        }

        /// <summary>A condition type a client may write: not one the kubelet owns (it would overwrite it at its next sync, COND-001).</summary>
        private string ConditionType(ManifestNode node, string path)
        {
            string type = Str(node, path);
            if (Model.Kubelet.PodConditionNames.IsOwnedByKubelet(type))
            {
                Error(node.Position, path, "\"" + type + "\" is written by the kubelet, which replaces it at its next status update: a step sets the conditions of readiness gates and others the kubelet does not own");
            }

            return type;
        }

        private ValueList<string> GateNames(ManifestNode node, string path)
        {
            if (node is ManifestScalar { Kind: ScalarKind.Bool })
            {
                if (!Bool(node, path))
                {
                    Error(node.Position, path, "must be true (every gate) or a list of gate names");
                }

                return ValueList<string>.Empty;
            }

            var names = List(node, path, Str);
            if (names.IsEmpty)
            {
                Error(node.Position, path, "must be true (every gate) or a non-empty list of gate names");
            }

            return names;
        }

        /// <summary>One run (a mapping) stands for every run; a list gives the runs in order, the last repeating.</summary>
        /// <remarks>An empty list is refused: adapters would have to guess between "runs forever" and the kind's default.</remarks>
        private ContainerScript ReadContainerScript(ManifestNode node, string path)
        {
            if (node is ManifestSequence { Items.IsEmpty: true })
            {
                Error(node.Position, path, "at least one run is required (leave the container out for its default)");
            }

            return node is ManifestSequence
                ? new ContainerScript(List(node, path, ReadRun))
                : new ContainerScript(ValueList.Of(ReadRun(node, path)));
        }

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
    }
}
