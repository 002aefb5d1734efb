using System.Collections.Immutable;
using System.Globalization;
using PodConformance.Manifests.Mapping;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Objects;

/// <summary>
/// The objects the admission plugins read, from <c>--objects</c> manifests: ServiceAccount, PriorityClass, LimitRange,
/// ResourceQuota, RuntimeClass (spec/admission.md). Each is first decoded whole as the API server's strict decoder does
/// (ADM-019, <see cref="ObjectDecoding"/>: wrong types are errors and leave the object out, a repeated key keeps its later value, unknown
/// fields are warnings); then only the fields the plugins use are read.
/// </summary>
public static class AdmissionObjectMapper
{
    /// <summary>The kinds this mapper reads.</summary>
    public static bool Handles(string kind) => kind is "ServiceAccount" or "PriorityClass" or "LimitRange" or "ResourceQuota" or "RuntimeClass";

    /// <summary>Maps <paramref name="objects"/> as the newest release decodes them (<see cref="Map(IEnumerable{ManifestObject}, KubernetesVersion)"/>).</summary>
    public static (AdmissionObjects Objects, ImmutableArray<ManifestDiagnostic> Diagnostics) Map(IEnumerable<ManifestObject> objects) =>
        Map(objects, KubernetesVersion.Newest);

    /// <summary>Maps <paramref name="objects"/>, decoded first with <paramref name="version"/>'s structs (ADM-019).</summary>
    public static (AdmissionObjects Objects, ImmutableArray<ManifestDiagnostic> Diagnostics) Map(IEnumerable<ManifestObject> objects, KubernetesVersion version)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var accounts = new List<ServiceAccount>();
        var classes = new List<PriorityClass>();
        var ranges = new List<LimitRange>();
        var quotas = new List<ResourceQuota>();
        var runtimeClasses = new List<RuntimeClass>();
        var diagnostics = ImmutableArray.CreateBuilder<ManifestDiagnostic>();
        foreach (var o in objects)
        {
            if (Handles(o.Kind) && !ObjectDecoding.Check(o, version, diagnostics))
            {
                continue; // the API server refuses it at decoding (ADM-019)
            }

            var r = new Reader(o, diagnostics);
            switch (o.Kind)
            {
                case "ServiceAccount":
                    accounts.Add(new ServiceAccount
                    {
                        Namespace = r.Namespace,
                        Name = o.Name,
                        AutomountServiceAccountToken = r.Bool(o.Raw, "automountServiceAccountToken"),
                        ImagePullSecrets = r.Names(o.Raw, "imagePullSecrets"),
                        Secrets = r.Names(o.Raw, "secrets"),
                        Annotations = r.StringMap(o.Raw.Get("metadata") as ManifestMapping, "annotations", "metadata.annotations"),
                    });
                    break;
                case "PriorityClass":
                    classes.Add(new PriorityClass
                    {
                        Name = o.Name,
                        Value = r.Int(o.Raw, "value") ?? 0,
                        GlobalDefault = r.Bool(o.Raw, "globalDefault") ?? false,
                        PreemptionPolicy = r.String(o.Raw, "preemptionPolicy") is { Length: > 0 } p ? p : "PreemptLowerPriority",
                    });
                    break;
                case "LimitRange":
                    ranges.Add(new LimitRange { Namespace = r.Namespace, Name = o.Name, Limits = r.LimitItems() });
                    break;
                case "ResourceQuota":
                    quotas.Add(r.Quota());
                    break;
                case "RuntimeClass":
                    runtimeClasses.Add(r.RuntimeClass());
                    break;
            }
        }

        var result = new AdmissionObjects
        {
            ServiceAccounts = accounts.ToValueList(),
            PriorityClasses = classes.ToValueList(),
            LimitRanges = ranges.ToValueList(),
            ResourceQuotas = quotas.ToValueList(),
            RuntimeClasses = runtimeClasses.ToValueList(),
        };
        return (result, diagnostics.ToImmutable());
    }

    private sealed class Reader(ManifestObject o, ImmutableArray<ManifestDiagnostic>.Builder diagnostics)
    {
        public string Namespace => o.Namespace.Length == 0 ? "default" : o.Namespace;

        public bool? Bool(ManifestMapping map, string field)
        {
            var node = map.Get(field);
            if (node is null or ManifestScalar { IsNull: true })
            {
                return null;
            }

            if (node is ManifestScalar { Kind: ScalarKind.Bool } b)
            {
                return b.Value == "true";
            }

            Error(node, field, "json: cannot unmarshal " + GoType(node) + " into Go struct field " + o.Kind + "." + field + " of type bool");
            return null;
        }

        public int? Int(ManifestMapping map, string field)
        {
            var node = map.Get(field);
            if (node is null or ManifestScalar { IsNull: true })
            {
                return null;
            }

            if (node is ManifestScalar { Kind: ScalarKind.Int or ScalarKind.Float } n && int.TryParse(JsonNumber.Text(n, o.IsJson), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            Error(node, field, "json: cannot unmarshal " + GoType(node) + " into Go struct field " + o.Kind + "." + field + " of type int32");
            return null;
        }

        public string String(ManifestMapping map, string field, string? path = null)
        {
            var node = map.Get(field);
            if (node is null or ManifestScalar { IsNull: true })
            {
                return "";
            }

            if (node is ManifestScalar { Kind: ScalarKind.String } s)
            {
                return s.Value;
            }

            path ??= field;
            Error(node, path, "json: cannot unmarshal " + GoType(node) + " into Go struct field " + o.Kind + "." + GoPath(path) + " of type string");
            return "";
        }

        /// <summary>An int64 field (tolerationSeconds), read as Go's json decoder does: a whole number in range.</summary>
        public long? Int64(ManifestMapping map, string field, string path)
        {
            var node = map.Get(field);
            if (node is null or ManifestScalar { IsNull: true })
            {
                return null;
            }

            if (node is ManifestScalar { Kind: ScalarKind.Int or ScalarKind.Float } n && long.TryParse(JsonNumber.Text(n, o.IsJson), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            {
                return value;
            }

            Error(node, path, "json: cannot unmarshal " + GoType(node) + " into Go struct field " + o.Kind + "." + GoPath(path) + " of type int64");
            return null;
        }

        /// <summary>
        /// A node.k8s.io/v1 RuntimeClass: <c>handler</c>, <c>overhead.podFixed</c>, <c>scheduling.nodeSelector</c> and
        /// <c>scheduling.tolerations</c> (ADM-014…018). An empty podFixed reads as none: the plugin reads the stored
        /// class, and storage does not keep an empty map.
        /// </summary>
        public RuntimeClass RuntimeClass()
        {
            var rc = new RuntimeClass { Name = o.Name, Handler = String(o.Raw, "handler") };
            if (Object(o.Raw, "overhead", "overhead") is { } overhead)
            {
                rc = rc with { HasOverhead = true, PodFixed = Quantities(overhead, "podFixed", "overhead") };
            }

            if (Object(o.Raw, "scheduling", "scheduling") is { } scheduling)
            {
                var tolerations = new List<Model.Api.Toleration>();
                foreach (var (item, path) in Items(scheduling, "tolerations", "scheduling.tolerations"))
                {
                    if (item is not ManifestMapping m)
                    {
                        Error(item, path, "expected a mapping, got " + item.Describe());
                        continue;
                    }

                    tolerations.Add(new Model.Api.Toleration
                    {
                        Key = String(m, "key", path + ".key"),
                        Operator = String(m, "operator", path + ".operator"),
                        Value = String(m, "value", path + ".value"),
                        Effect = String(m, "effect", path + ".effect"),
                        TolerationSeconds = Int64(m, "tolerationSeconds", path + ".tolerationSeconds"),
                    });
                }

                rc = rc with
                {
                    HasScheduling = true,
                    NodeSelector = StringMap(scheduling, "nodeSelector", "scheduling.nodeSelector"),
                    Tolerations = tolerations.ToValueList(),
                };
            }

            return rc;
        }

        /// <summary>A nested object; null when absent or null, and an error (then null) when not a mapping.</summary>
        private ManifestMapping? Object(ManifestMapping map, string field, string path)
        {
            var node = map.Get(field);
            if (node is null or ManifestScalar { IsNull: true })
            {
                return null;
            }

            if (node is ManifestMapping m)
            {
                return m;
            }

            Error(node, path, "json: cannot unmarshal " + GoType(node) + " into Go struct field " + o.Kind + "." + GoPath(path) + " of type v1." + char.ToUpperInvariant(field[0]) + field[1..]);
            return null;
        }

        /// <summary>The field path as Go's json errors name it: list indexes left out.</summary>
        private static string GoPath(string path)
        {
            var sb = new System.Text.StringBuilder(path.Length);
            int depth = 0;
            foreach (char c in path)
            {
                if (c == '[')
                {
                    depth++;
                }
                else if (c == ']')
                {
                    depth--;
                }
                else if (depth == 0)
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        /// <summary>A list of <c>{name: …}</c> references (imagePullSecrets, secrets).</summary>
        public ValueList<string> Names(ManifestMapping map, string field)
        {
            var result = new List<string>();
            foreach (var (item, path) in Items(map, field, field))
            {
                if (item is ManifestMapping m)
                {
                    result.Add(String(m, "name"));
                }
                else
                {
                    Error(item, path, "expected a mapping, got " + item.Describe());
                }
            }

            return result.ToValueList();
        }

        public ValueMap<string> StringMap(ManifestMapping? map, string field, string path)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (map?.Get(field) is not { } node || node is ManifestScalar { IsNull: true })
            {
                return ValueMap<string>.Empty;
            }

            if (node is not ManifestMapping m)
            {
                Error(node, path, "expected a mapping, got " + node.Describe());
                return ValueMap<string>.Empty;
            }

            foreach (var (key, value) in m.Entries)
            {
                result[key.Value] = value is ManifestScalar s && !s.IsNull ? s.Value : "";
            }

            return ValueMap.Create(result);
        }

        public ValueList<LimitRangeItem> LimitItems()
        {
            var result = new List<LimitRangeItem>();
            if (o.Raw.Get("spec") is not ManifestMapping spec)
            {
                return ValueList<LimitRangeItem>.Empty;
            }

            foreach (var (item, path) in Items(spec, "limits", "spec.limits"))
            {
                if (item is not ManifestMapping m)
                {
                    Error(item, path, "expected a mapping, got " + item.Describe());
                    continue;
                }

                result.Add(new LimitRangeItem
                {
                    Type = String(m, "type"),
                    Max = Quantities(m, "max", path),
                    Min = Quantities(m, "min", path),
                    Default = Quantities(m, "default", path),
                    DefaultRequest = Quantities(m, "defaultRequest", path),
                    MaxLimitRequestRatio = Quantities(m, "maxLimitRequestRatio", path),
                });
            }

            return result.ToValueList();
        }

        public ResourceQuota Quota()
        {
            var q = new ResourceQuota { Namespace = Namespace, Name = o.Name };
            if (o.Raw.Get("spec") is ManifestMapping spec)
            {
                var scopes = new List<string>();
                foreach (var (item, path) in Items(spec, "scopes", "spec.scopes"))
                {
                    if (item is ManifestScalar { Kind: ScalarKind.String } s)
                    {
                        scopes.Add(s.Value);
                    }
                    else
                    {
                        Error(item, path, "expected a string, got " + item.Describe());
                    }
                }

                var selectors = new List<ScopedResourceSelectorRequirement>();
                if (spec.Get("scopeSelector") is ManifestMapping selector)
                {
                    foreach (var (item, path) in Items(selector, "matchExpressions", "spec.scopeSelector.matchExpressions"))
                    {
                        if (item is ManifestMapping m)
                        {
                            var values = new List<string>();
                            foreach (var (v, _) in Items(m, "values", path + ".values"))
                            {
                                values.Add(v is ManifestScalar s ? s.Value : "");
                            }

                            selectors.Add(new ScopedResourceSelectorRequirement { ScopeName = String(m, "scopeName"), Operator = String(m, "operator"), Values = values.ToValueList() });
                        }
                    }
                }

                q = q with { Hard = Quantities(spec, "hard", "spec"), Scopes = scopes.ToValueList(), ScopeSelector = selectors.ToValueList() };
            }

            if (o.Raw.Get("status") is ManifestMapping status)
            {
                q = q with
                {
                    StatusHard = status.Get("hard") is null ? null : Quantities(status, "hard", "status"),
                    StatusUsed = status.Get("used") is null ? null : Quantities(status, "used", "status"),
                };
            }

            return q;
        }

        private ValueMap<Quantity> Quantities(ManifestMapping map, string field, string path)
        {
            var node = map.Get(field);
            if (node is null or ManifestScalar { IsNull: true })
            {
                return ValueMap<Quantity>.Empty;
            }

            if (node is not ManifestMapping m)
            {
                Error(node, path + "." + field, "expected a mapping, got " + node.Describe());
                return ValueMap<Quantity>.Empty;
            }

            var result = new Dictionary<string, Quantity>(StringComparer.Ordinal);
            foreach (var (key, value) in m.Entries)
            {
                // A YAML number reaches ParseQuantity as the JSON text kubectl sends (SCHEMA-006), as in a pod.
                string text = value is not ManifestScalar s || s.IsNull ? ""
                    : s.Kind is ScalarKind.Int or ScalarKind.Float ? JsonNumber.Text(s, o.IsJson) : s.Value;
                if (Quantity.TryParse(text, out var q, out var error))
                {
                    result[key.Value] = q;
                }
                else
                {
                    Error(value, path + "." + field + "." + key.Value, Quantity.ErrorText(error));
                }
            }

            return ValueMap.Create(result);
        }

        private IEnumerable<(ManifestNode Item, string Path)> Items(ManifestMapping map, string field, string path)
        {
            var node = map.Get(field);
            if (node is null or ManifestScalar { IsNull: true })
            {
                yield break;
            }

            if (node is not ManifestSequence seq)
            {
                Error(node, path, "expected a list, got " + node.Describe());
                yield break;
            }

            for (int i = 0; i < seq.Items.Length; i++)
            {
                yield return (seq.Items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
            }
        }

        private void Error(ManifestNode node, string path, string message) =>
            diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Error, o.File, node.Position, path, message));

        private static string GoType(ManifestNode node) => node switch
        {
            ManifestScalar { Kind: ScalarKind.Int or ScalarKind.Float } => "number",
            ManifestScalar { Kind: ScalarKind.Bool } => "bool",
            ManifestMapping => "object",
            ManifestSequence => "array",
            _ => "string",
        };
    }
}
