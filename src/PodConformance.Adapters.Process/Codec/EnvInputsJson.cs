using System.Text.Json;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Simulation;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// The optional <c>objects</c> of a pod case (spec/adapter-protocol.md, PROTO-015): the ConfigMaps, Secrets and
/// Services env reads, the node and pod IPs, and the files of the pod's emptyDir volumes (ENV-016). Secret values travel in clear — the adapter needs them — and the
/// adapter masks them in its env facet (ENV-010), as the observation is compared masked.
/// </summary>
public static class EnvInputsJson
{
    /// <summary>
    /// What is sent instead of a Secret value when secrets are withheld (PROTO-015): unique per Secret and key, so an
    /// adapter that shows it unmasked is caught like one that shows a real value, and plainly not a secret.
    /// </summary>
    public static string StandIn(string secret, string key) => "podconf-withheld-secret:" + secret + "/" + key;

    /// <summary>The objects; with <paramref name="withholdSecrets"/>, every non-empty Secret value replaced by its <see cref="StandIn"/> and <c>secretsWithheld: true</c>.</summary>
    public static void Write(Utf8JsonWriter w, EnvInputs o, bool withholdSecrets = false)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(o);
        w.WriteStartObject();
        WriteMembers(w, o, withholdSecrets);
        w.WriteEndObject();
    }

    /// <summary><see cref="Write"/>'s members, inside an object the caller opened (a pod case's <c>objects</c> also holds its RuntimeClasses).</summary>
    internal static void WriteMembers(Utf8JsonWriter w, EnvInputs o, bool withholdSecrets)
    {
        WriteData(w, "configMaps", o.ConfigMaps);
        WriteData(w, "secrets", o.Secrets, withholdSecrets);
        if (withholdSecrets)
        {
            w.WriteBoolean("secretsWithheld", true);
        }

        if (o.Services is { } services)
        {
            w.WriteStartArray("services");
            foreach (var s in services)
            {
                w.WriteStartObject();
                w.WriteString("name", s.Name);
                w.WriteString("namespace", s.Namespace);
                w.WriteString("clusterIP", s.ClusterIP);
                w.WriteStartArray("ports");
                foreach (var p in s.Ports)
                {
                    w.WriteStartObject();
                    w.WriteString("name", p.Name);
                    w.WriteString("protocol", p.Protocol);
                    w.WriteNumber("port", p.Port);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("services");
        }

        w.WriteBoolean("servicesSynced", o.ServicesSynced);
        if (o.Node is { } node)
        {
            w.WritePropertyName("node");
            ScenarioJson.WriteNode(w, node);
        }

        w.WriteStartArray("podIPs");
        foreach (string ip in o.PodIPs)
        {
            w.WriteStringValue(ip);
        }

        w.WriteEndArray();
        if (!o.VolumeFiles.IsEmpty)
        {
            // Added within v1 (session 12): written only when given, so a case without files reads as before.
            WriteData(w, "volumeFiles", o.VolumeFiles);
        }
    }

    public static EnvInputs Read(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        var inputs = ReadMembers(o, e);
        o.RejectUnknown();
        return inputs;
    }

    /// <summary><see cref="Read"/>'s members of <paramref name="o"/> (the object <paramref name="e"/>), leaving the check for unknown ones to the caller.</summary>
    internal static EnvInputs ReadMembers(StrictObject o, JsonElement e)
    {
        var services = o.Optional("services");
        bool noLister = e.TryGetProperty("services", out var rawServices) && rawServices.ValueKind == JsonValueKind.Null;
        var inputs = new EnvInputs
        {
            ConfigMaps = StrictJson.Map(o.Optional("configMaps"), o.Child("configMaps"), (v, p) => StrictJson.StringMap(v, p)),
            Secrets = StrictJson.Map(o.Optional("secrets"), o.Child("secrets"), (v, p) => StrictJson.StringMap(v, p)),
            Services = noLister ? (ValueList<Service>?)null : StrictJson.List(services, o.Child("services"), ReadService),
            ServicesSynced = o.Optional("servicesSynced") is not { } synced || StrictJson.Bool(synced, o.Child("servicesSynced")),
            Node = o.Optional("node") is { } node ? ReadNode(node, o.Child("node")) : null,
            PodIPs = StrictJson.Strings(o.Optional("podIPs"), o.Child("podIPs")),
            VolumeFiles = StrictJson.Map(o.Optional("volumeFiles"), o.Child("volumeFiles"), (v, p) => StrictJson.StringMap(v, p)),
        };

        // Read for its type only: an adapter treats stand-ins as the values they replace (masked answers are the same).
        _ = o.Optional("secretsWithheld") is { } withheld && StrictJson.Bool(withheld, o.Child("secretsWithheld"));
        return inputs;
    }

    private static Service ReadService(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        var s = new Service
        {
            Name = o.RequiredString("name"),
            Namespace = o.OptionalString("namespace"),
            ClusterIP = o.OptionalString("clusterIP"),
            Ports = StrictJson.List(o.Optional("ports"), o.Child("ports"), ReadPort),
        };
        o.RejectUnknown();
        return s;
    }

    private static ServicePort ReadPort(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        var p = new ServicePort { Name = o.OptionalString("name"), Protocol = o.OptionalString("protocol"), Port = StrictJson.Int32(o.Required("port"), o.Child("port")) };
        o.RejectUnknown();
        return p;
    }

    /// <summary>A node in the scenario format, read strictly by the scenario reader (as the only node of a scenario).</summary>
    private static Model.Api.Node ReadNode(JsonElement e, string path)
    {
        var text = "{\"nodes\":[" + e.GetRawText() + "]}";
        using var doc = JsonDocument.Parse(text);
        return ScenarioJson.Read(doc.RootElement, path).EffectiveNodes[0];
    }

    private static void WriteData(Utf8JsonWriter w, string name, ValueMap<ValueMap<string>> objects, bool standIns = false)
    {
        w.WriteStartObject(name);
        foreach (var (objectName, data) in objects)
        {
            w.WriteStartObject(objectName);
            foreach (var (k, v) in data)
            {
                w.WriteString(k, standIns && v.Length > 0 ? StandIn(objectName, k) : v);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
