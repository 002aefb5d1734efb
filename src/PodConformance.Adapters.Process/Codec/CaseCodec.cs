using System.Text.Json;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// Cases and profiles on the wire (spec/adapter-protocol.md, "Run"). The pod is the Kubernetes JSON object
/// exactly as <see cref="PodManifestWriter.ToJson"/> writes it, so any Kubernetes client library can decode
/// it; the scenario is spec/scenario.md as JSON (<see cref="ScenarioJson"/>).
/// </summary>
public static class CaseCodec
{
    /// <summary>The case; with <paramref name="withholdSecrets"/>, Secret values are sent as stand-ins (<see cref="EnvInputsJson.StandIn"/>).</summary>
    public static void Write(Utf8JsonWriter w, ConformanceCase testCase, bool withholdSecrets = false)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(testCase);
        w.WriteStartObject();
        switch (testCase)
        {
            case QuantityCase q:
                w.WriteString("kind", "quantity");
                w.WriteString("input", q.Input);
                break;
            case PodCase p:
                w.WriteString("kind", "pod");
                w.WritePropertyName("pod");
                Manifests.Wire.WirePodWriter.Write(w, p.Pod);

                w.WritePropertyName("scenario");
                ScenarioJson.Write(w, p.Scenario);
                if (p.Objects is not null || !p.RuntimeClasses.IsEmpty || !p.PriorityClasses.IsEmpty || !p.ServiceAccounts.IsEmpty)
                {
                    w.WriteStartObject("objects");
                    if (p.Objects is { } objects)
                    {
                        EnvInputsJson.WriteMembers(w, objects, withholdSecrets);
                    }

                    if (!p.RuntimeClasses.IsEmpty)
                    {
                        // Added within v1 (session 13): written only when the case has classes, and ProcessAdapter sends
                        // such a case only to an adapter that declared runtime-classes (PROTO-015).
                        RuntimeClassesJson.Write(w, p.RuntimeClasses);
                    }

                    if (!p.PriorityClasses.IsEmpty)
                    {
                        // Added within v1 (session 14), as runtimeClasses: only to an adapter that declared priority-classes (PROTO-015).
                        PriorityClassesJson.Write(w, p.PriorityClasses);
                    }

                    if (!p.ServiceAccounts.IsEmpty)
                    {
                        // Added within v1 (session 15), as priorityClasses: only to an adapter that declared service-accounts (PROTO-015).
                        ServiceAccountsJson.Write(w, p.ServiceAccounts);
                    }

                    w.WriteEndObject();
                }

                break;
            case NodePressureCase n:
                w.WriteString("kind", "nodePressure");
                w.WritePropertyName("pods");
                NodeScenarioJson.WritePods(w, n.Pods);
                w.WritePropertyName("nodeScenario");
                NodeScenarioJson.Write(w, n.Scenario);
                break;
            default:
                throw new ArgumentException("no wire form for case type " + testCase.GetType().Name, nameof(testCase));
        }

        w.WriteEndObject();
    }

    /// <summary>Unknown fields are ignored here: podconf may add optional request fields within v1.</summary>
    public static ConformanceCase Read(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        string kind = o.RequiredString("kind");
        switch (kind)
        {
            case "quantity":
                return new QuantityCase(o.RequiredString("input"));
            case "pod":
                var pod = ReadPod(o.Required("pod"), o.Child("pod"));
                var scenario = o.Optional("scenario") is { } s ? ScenarioJson.Read(s, o.Child("scenario")) : new Model.Simulation.Scenario();
                var objects = o.Optional("objects") is { } given ? ReadObjects(given, o.Child("objects")) : default;
                return objects.Case(pod, scenario);
            case "nodePressure":
                var (pods, nodeScenario) = NodeScenarioJson.Read(o.Required("pods"), o.Child("pods"), o.Required("nodeScenario"), o.Child("nodeScenario"));
                return new NodePressureCase(pods, nodeScenario);
            default:
                throw new ProtocolException(o.Child("kind"), "unknown case kind " + Excerpt.Quote(kind, 40) + " (expected quantity, pod or nodePressure)");
        }
    }

    /// <summary>
    /// A pod case's <c>objects</c>: what env reads (<see cref="EnvInputsJson"/>), the RuntimeClasses
    /// (<see cref="RuntimeClassesJson"/>), the PriorityClasses (<see cref="PriorityClassesJson"/>) and the ServiceAccounts
    /// (<see cref="ServiceAccountsJson"/>), read strictly. An object that holds only some of <c>runtimeClasses</c>,
    /// <c>priorityClasses</c> and <c>serviceAccounts</c> (besides <c>x-</c> extensions) gives no env objects, as if
    /// <c>objects</c> were absent (the scenario's objects and first node): that is how a case with cluster objects and no env
    /// objects is written.
    /// </summary>
    internal static CaseObjects ReadObjects(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        var given = o.Optional("runtimeClasses");
        var classes = RuntimeClassesJson.Read(given, o.Child("runtimeClasses"));
        var givenPriority = o.Optional("priorityClasses");
        var priorityClasses = PriorityClassesJson.Read(givenPriority, o.Child("priorityClasses"));
        var givenAccounts = o.Optional("serviceAccounts");
        var accounts = ServiceAccountsJson.Read(givenAccounts, o.Child("serviceAccounts"));
        bool envGiven = given is null && givenPriority is null && givenAccounts is null; // null means absent here too (PROTO-022)
        foreach (var member in e.EnumerateObject())
        {
            envGiven |= member.Name is not ("runtimeClasses" or "priorityClasses" or "serviceAccounts") && !member.Name.StartsWith("x-", StringComparison.Ordinal);
        }

        var env = envGiven ? EnvInputsJson.ReadMembers(o, e) : null;
        o.RejectUnknown();
        return new CaseObjects(env, classes, priorityClasses, accounts);
    }

    public static void WriteProfile(Utf8JsonWriter w, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(profile);
        w.WriteStartObject();
        w.WriteString("kubernetesVersion", profile.Version.ToString());
        w.WriteStartObject("featureGates");
        foreach (var (gate, on) in profile.Overrides)
        {
            w.WriteBoolean(gate, on);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static Profile ReadProfile(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        string versionText = o.RequiredString("kubernetesVersion");
        if (!KubernetesVersion.TryParse(versionText, out var version, out string error))
        {
            throw new ProtocolException(o.Child("kubernetesVersion"), error);
        }

        ValueMap<bool> gates = StrictJson.Map(o.Optional("featureGates"), o.Child("featureGates"), StrictJson.Bool);
        return new Profile(version, gates);
    }

    private static Model.Api.Pod ReadPod(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw StrictObject.Wrong(path, "a Pod object", e);
        }

        // The pod's raw UTF-8 bytes as the message holds them: the same text GetRawText would give, without the string.
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(e);

        // The direct reader takes what the writer writes and gives up on anything else (WirePodTests: the same pod).
        if (Manifests.Wire.WirePodReader.TryRead(raw) is { } pod)
        {
            return pod;
        }

        // The manifest reader reads the rest and words every error.
        var result = PodManifestReader.ReadUtf8Json(raw, path);
        if (result.HasErrors)
        {
            throw new ProtocolException(path, "invalid Pod: " + string.Join("; ", result.Errors.Select(d => d.Path.Length == 0 ? d.Message : d.Path + ": " + d.Message)));
        }

        if (result.Pods.Length != 1)
        {
            throw new ProtocolException(path, "expected one Pod object (kind: Pod)");
        }

        return result.Pods[0].Pod;
    }
}
