using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PodConformance.Manifests.Mapping;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;

namespace PodConformance.Manifests.Objects;

/// <summary>
/// Maps the ConfigMaps, Secrets and Services that <see cref="PodManifestReader"/> returns as raw objects to what
/// env assembly reads. Rejects what the API server would reject at decode or validation time (a non-string data
/// value, bad base64, a bad key), each as a positioned error, so env never runs on objects a cluster could not hold.
/// </summary>
public static class EnvObjectMapper
{
    /// <summary>Maps <paramref name="objects"/> as the newest release decodes them (<see cref="Map(IEnumerable{ManifestObject}, KubernetesVersion)"/>).</summary>
    public static EnvObjects Map(IEnumerable<ManifestObject> objects) => Map(objects, KubernetesVersion.Newest);

    /// <summary>Maps <paramref name="objects"/>, decoded first with <paramref name="version"/>'s structs (ADM-019).</summary>
    public static EnvObjects Map(IEnumerable<ManifestObject> objects, KubernetesVersion version)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var configMaps = ImmutableArray.CreateBuilder<DataObject>();
        var secrets = ImmutableArray.CreateBuilder<DataObject>();
        var services = ImmutableArray.CreateBuilder<Service>();
        var diagnostics = ImmutableArray.CreateBuilder<ManifestDiagnostic>();
        foreach (var o in objects)
        {
            var m = new ObjectMapper(o, diagnostics);
            if (o.Kind is "ConfigMap" or "Secret" or "Service" && !ObjectDecoding.Check(o, version, diagnostics))
            {
                continue; // the API server refuses it at decoding (ADM-019)
            }

            switch (o.Kind)
            {
                case "ConfigMap":
                    if (m.ReadConfigMap() is { } cm)
                    {
                        configMaps.Add(cm);
                    }

                    break;
                case "Secret":
                    if (m.ReadSecret() is { } secret)
                    {
                        secrets.Add(secret);
                    }

                    break;
                case "Service":
                    if (m.ReadService() is { } service)
                    {
                        services.Add(service);
                    }

                    break;
                default:
                    if (AdmissionObjectMapper.Handles(o.Kind))
                    {
                        break; // read by AdmissionObjectMapper
                    }

                    diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Warning, o.File, o.Raw.Position, "", $"kind {o.Kind} is not used by env; ignored"));
                    break;
            }
        }

        return new EnvObjects(configMaps.ToImmutable(), secrets.ToImmutable(), services.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>
    /// Go's <c>base64.StdEncoding.Decode</c> as encoding/json uses it for <c>[]byte</c>: CR and LF are skipped, padding
    /// is required; on failure <paramref name="errorOffset"/> is the input byte Go's CorruptInputError names.
    /// </summary>
    public static bool TryDecodeBase64(string text, out byte[] bytes, out int errorOffset)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = new StringBuilder(text.Length);
        var offsets = new List<int>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\r' or '\n')
            {
                continue;
            }

            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '+' or '/' or '='))
            {
                bytes = [];
                errorOffset = i;
                return false;
            }

            clean.Append(c);
            offsets.Add(i);
        }

        string s = clean.ToString();
        int padAt = s.IndexOf('=', StringComparison.Ordinal);
        bool badPadding = padAt >= 0 && (s.Length % 4 != 0 || padAt < s.Length - 2 || s[padAt..].Any(c => c != '=') || padAt % 4 < 2);
        if (s.Length % 4 != 0 || badPadding)
        {
            int quantum = badPadding ? padAt - (padAt % 4) : s.Length - (s.Length % 4);
            bytes = [];
            errorOffset = quantum < offsets.Count ? offsets[quantum] : text.Length;
            return false;
        }

        bytes = Convert.FromBase64String(s);
        errorOffset = -1;
        return true;
    }

    private sealed class ObjectMapper(ManifestObject o, ImmutableArray<ManifestDiagnostic>.Builder diagnostics)
    {
        private int _errors;

        public DataObject? ReadConfigMap()
        {
            var data = StringMap("data");
            foreach (var (key, _) in ByteMap("binaryData"))
            {
                if (data.ContainsKey(key))
                {
                    Error(Entry("binaryData", key), $"binaryData[{key}]", $"Invalid value: \"{key}\": duplicate of key present in data");
                }
            }

            // The kubelet's env code reads ConfigMap.Data only: a key present only in binaryData is "not found" (ENV-007).
            return _errors == 0 ? new DataObject(Namespace, o.Name, data) : null;
        }

        public DataObject? ReadSecret()
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, bytes) in ByteMap("data"))
            {
                result[key] = Encoding.UTF8.GetString(bytes);
            }

            // The API server merges stringData over data at write time.
            foreach (var (key, value) in StringMap("stringData"))
            {
                result[key] = value;
            }

            return _errors == 0 ? new DataObject(Namespace, o.Name, ValueMap.Create(result)) : null;
        }

        public Service? ReadService()
        {
            var spec = o.Raw.Get("spec");
            if (spec is null)
            {
                return new Service { Name = o.Name, Namespace = Namespace };
            }

            if (spec is not ManifestMapping specMap)
            {
                Error(spec.Position, "spec", $"expected a mapping, got {spec.Describe()}");
                return null;
            }

            string clusterIP = "";
            if (specMap.Get("clusterIP") is { } ipNode)
            {
                clusterIP = String(ipNode, "spec.clusterIP") ?? "";
            }

            var ports = new List<ServicePort>();
            if (specMap.Get("ports") is { } portsNode)
            {
                if (portsNode is ManifestSequence seq)
                {
                    for (int i = 0; i < seq.Items.Length; i++)
                    {
                        if (ReadPort(seq.Items[i], string.Create(CultureInfo.InvariantCulture, $"spec.ports[{i}]")) is { } port)
                        {
                            ports.Add(port);
                        }
                    }
                }
                else if (portsNode is not ManifestScalar { IsNull: true })
                {
                    Error(portsNode.Position, "spec.ports", $"expected a list, got {portsNode.Describe()}");
                }
            }

            return _errors == 0 ? new Service { Name = o.Name, Namespace = Namespace, ClusterIP = clusterIP, Ports = [.. ports] } : null;
        }

        private string Namespace => o.Namespace.Length == 0 ? "default" : o.Namespace;

        private ServicePort? ReadPort(ManifestNode node, string path)
        {
            if (node is not ManifestMapping map)
            {
                Error(node.Position, path, $"expected a mapping, got {node.Describe()}");
                return null;
            }

            var port = new ServicePort();
            if (map.Get("name") is { } name)
            {
                port = port with { Name = String(name, path + ".name") ?? "" };
            }

            if (map.Get("protocol") is { } protocol)
            {
                port = port with { Protocol = String(protocol, path + ".protocol") ?? "" };
            }

            var portNode = map.Get("port");
            if (portNode is ManifestScalar { Kind: ScalarKind.Int or ScalarKind.Float } p
                && int.TryParse(JsonNumber.Text(p, o.IsJson), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number) && number is >= 1 and <= 65535)
            {
                return port with { Port = number };
            }

            if (portNode is null)
            {
                Error(map.Position, path + ".port", "Required value");
            }
            else
            {
                string shown = portNode is ManifestScalar { Kind: ScalarKind.Int or ScalarKind.Float } n ? JsonNumber.Text(n, o.IsJson) : portNode.Describe();
                Error(portNode.Position, path + ".port", $"Invalid value: {shown}: must be between 1 and 65535, inclusive");
            }

            return null;
        }

        /// <summary>A <c>map[string]string</c> field: every value a string (null counts as ""), every key a valid config key.</summary>
        private ValueMap<string> StringMap(string field)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in Entries(field))
            {
                if (value is ManifestScalar { Kind: ScalarKind.String or ScalarKind.Null } s)
                {
                    result[key.Value] = s.IsNull ? "" : s.Value;
                }
                else
                {
                    Error(value.Position, $"{field}[{key.Value}]", $"json: cannot unmarshal {GoType(value)} into Go struct field {o.Kind}.{field} of type string");
                }
            }

            return ValueMap.Create(result);
        }

        /// <summary>
        /// A <c>map[string][]byte</c> field: every value base64 or an array of numbers 0–255 (<see cref="GoByteSlice"/>),
        /// decoded as encoding/json would.
        /// </summary>
        private List<(string Key, byte[] Bytes)> ByteMap(string field)
        {
            var result = new List<(string, byte[])>();
            foreach (var (key, value) in Entries(field))
            {
                if (value is ManifestScalar { IsNull: true })
                {
                    result.Add((key.Value, []));
                    continue;
                }

                if (value is ManifestSequence array)
                {
                    if (Bytes(array, field, key.Value) is { } listed)
                    {
                        result.Add((key.Value, listed));
                    }

                    continue;
                }

                if (value is not ManifestScalar { Kind: ScalarKind.String } s)
                {
                    Error(value.Position, $"{field}[{key.Value}]", $"json: cannot unmarshal {GoType(value)} into Go struct field {o.Kind}.{field} of type {GoByteSlice.GoType}");
                    continue;
                }

                if (!TryDecodeBase64(s.Value, out var bytes, out int offset))
                {
                    Error(value.Position, $"{field}[{key.Value}]",
                        string.Create(CultureInfo.InvariantCulture, $"{o.Kind} in version \"v1\" cannot be handled as a {o.Kind}: illegal base64 data at input byte {offset}"));
                    continue;
                }

                result.Add((key.Value, bytes));
            }

            return result;
        }

        /// <summary>The bytes an array lists, or null after an error for each element that is not a byte.</summary>
        private byte[]? Bytes(ManifestSequence array, string field, string key)
        {
            var bytes = new byte[array.Items.Length];
            bool ok = true;
            for (int i = 0; i < bytes.Length; i++)
            {
                if (!GoByteSlice.TryElement(array.Items[i], o.IsJson, out bytes[i], out string goValue))
                {
                    Error(array.Items[i].Position, string.Create(CultureInfo.InvariantCulture, $"{field}[{key}][{i}]"),
                        $"json: cannot unmarshal {goValue} into Go struct field {o.Kind}.{field} of type {GoByteSlice.ElementGoType}");
                    ok = false;
                }
            }

            return ok ? bytes : null;
        }

        private IEnumerable<(ManifestScalar Key, ManifestNode Value)> Entries(string field)
        {
            var node = o.Raw.Get(field);
            if (node is null or ManifestScalar { IsNull: true })
            {
                yield break;
            }

            if (node is not ManifestMapping map)
            {
                Error(node.Position, field, $"expected a mapping, got {node.Describe()}");
                yield break;
            }

            // A repeated key never reaches here: the reader kept its later value only (KubectlRepeatedKeys, SCHEMA-008).
            foreach (var (key, value) in map.Entries)
            {
                string path = $"{field}[{key.Value}]";
                if (!IsConfigKey(key.Value))
                {
                    Error(key.Position, path, $"Invalid value: \"{key.Value}\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
                    continue;
                }

                yield return (key, value);
            }
        }

        private ManifestNode Entry(string field, string key) =>
            o.Raw.Get(field) is ManifestMapping m && m.Entries.FirstOrDefault(e => e.Key.Value == key).Key is { } k ? k : o.Raw;

        private string? String(ManifestNode node, string path)
        {
            if (node is ManifestScalar { Kind: ScalarKind.String } s)
            {
                return s.Value;
            }

            if (node is ManifestScalar { IsNull: true })
            {
                return "";
            }

            Error(node.Position, path, $"expected a string, got {node.Describe()}");
            return null;
        }

        private void Error(ManifestNode node, string path, string message) => Error(node.Position, path, message);

        private void Error(SourcePosition position, string path, string message)
        {
            _errors++;
            diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Error, o.File, position, path, message));
        }

        /// <summary>IsConfigMapKey: <c>[-._a-zA-Z0-9]+</c>, at most 253 characters, not <c>.</c> or <c>..</c> or starting with <c>..</c>.</summary>
        private static bool IsConfigKey(string key) =>
            key.Length is > 0 and <= 253 && key is not ("." or "..") && !key.StartsWith("..", StringComparison.Ordinal)
            && key.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.');

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
