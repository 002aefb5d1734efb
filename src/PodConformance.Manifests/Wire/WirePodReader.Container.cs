using System.Text.Json;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Wire;

/// <summary>Twins of Mapping/PodMapper.Container.cs.</summary>
static partial class WirePodReader
{
    private static bool ReadContainer(ref Utf8JsonReader r, out Container value) => ReadContainer(ref r, out value, ephemeral: false);

    private static bool ReadEphemeralContainer(ref Utf8JsonReader r, out Container value) => ReadContainer(ref r, out value, ephemeral: true);

    private static bool ReadContainer(ref Utf8JsonReader r, out Container value, bool ephemeral)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var c = new Container();
        string name = c.Name, image = c.Image, workingDir = c.WorkingDir;
        string terminationMessagePath = c.TerminationMessagePath, terminationMessagePolicy = c.TerminationMessagePolicy;
        string imagePullPolicy = c.ImagePullPolicy, targetContainerName = c.TargetContainerName;
        string? restartPolicy = null;
        var command = c.Command;
        var args = c.Args;
        var ports = c.Ports;
        var envFrom = c.EnvFrom;
        var env = c.Env;
        var resources = c.Resources;
        var resizePolicy = c.ResizePolicy;
        var restartPolicyRules = c.RestartPolicyRules;
        var volumeMounts = c.VolumeMounts;
        Probe? liveness = null, readiness = null, startup = null;
        Lifecycle? lifecycle = null;
        var extra = default(ContainerWireFields);
        ulong seen = 0;

        // `[]` is a non-nil empty slice in Go, `null` none (the manifest reader's rule; VAL-016).
        bool portsNull = true, resizePolicyNull = true, restartPolicyRulesNull = true;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            Probe probe;
            switch (key.Length)
            {
                case 4 when key.SequenceEqual("name"u8): ok = TakeString(ref r, out name); bit = 0; break;
                case 5 when key.SequenceEqual("image"u8): ok = TakeString(ref r, out image); bit = 1; break;
                case 7 when key.SequenceEqual("command"u8): ok = TakeStringList(ref r, out command); bit = 2; break;
                case 4 when key.SequenceEqual("args"u8): ok = TakeStringList(ref r, out args); bit = 3; break;
                case 10 when key.SequenceEqual("workingDir"u8): ok = TakeString(ref r, out workingDir); bit = 4; break;
                case 5 when key.SequenceEqual("ports"u8): portsNull = r.TokenType == JsonTokenType.Null; ok = TakeList(ref r, out ports, ReadContainerPort); bit = 5; break;
                case 7 when key.SequenceEqual("envFrom"u8): ok = TakeList(ref r, out envFrom, ReadEnvFromSource); bit = 6; break;
                case 3 when key.SequenceEqual("env"u8): ok = TakeList(ref r, out env, ReadEnvVar); bit = 7; break;
                case 9 when key.SequenceEqual("resources"u8): ok = ReadResourceRequirements(ref r, out resources); bit = 8; break;
                case 12 when key.SequenceEqual("resizePolicy"u8): resizePolicyNull = r.TokenType == JsonTokenType.Null; ok = TakeList(ref r, out resizePolicy, ReadContainerResizePolicy); bit = 9; break;
                case 13 when key.SequenceEqual("restartPolicy"u8): ok = TakeString(ref r, out string rp); restartPolicy = rp; bit = 10; break;
                case 18 when key.SequenceEqual("restartPolicyRules"u8): restartPolicyRulesNull = r.TokenType == JsonTokenType.Null; ok = TakeList(ref r, out restartPolicyRules, ReadContainerRestartRule); bit = 11; break;
                case 12 when key.SequenceEqual("volumeMounts"u8): ok = TakeList(ref r, out volumeMounts, ReadVolumeMount); bit = 12; break;
                case 13 when key.SequenceEqual("livenessProbe"u8): ok = ReadProbe(ref r, out probe); liveness = probe; bit = 13; break;
                case 14 when key.SequenceEqual("readinessProbe"u8): ok = ReadProbe(ref r, out probe); readiness = probe; bit = 14; break;
                case 12 when key.SequenceEqual("startupProbe"u8): ok = ReadProbe(ref r, out probe); startup = probe; bit = 15; break;
                case 9 when key.SequenceEqual("lifecycle"u8): ok = ReadLifecycle(ref r, out var lc); lifecycle = lc; bit = 16; break;
                case 22 when key.SequenceEqual("terminationMessagePath"u8): ok = TakeString(ref r, out terminationMessagePath); bit = 17; break;
                case 24 when key.SequenceEqual("terminationMessagePolicy"u8): ok = TakeString(ref r, out terminationMessagePolicy); bit = 18; break;
                case 15 when key.SequenceEqual("imagePullPolicy"u8): ok = TakeString(ref r, out imagePullPolicy); bit = 19; break;
                case 19 when ephemeral && key.SequenceEqual("targetContainerName"u8): ok = TakeString(ref r, out targetContainerName); bit = 20; break;
                default:
                    if (!(ephemeral ? extra.TryReadEphemeralContainer(key, ref r) : extra.TryReadContainer(key, ref r)))
                    {
                        return false;
                    }

                    continue;
            }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        if (!AtEnd(ref r))
        {
            return false;
        }

        value = extra.ApplyTo(new Container
        {
            Name = name,
            Image = image,
            Command = command,
            Args = args,
            WorkingDir = workingDir,
            Ports = ports,
            EnvFrom = envFrom,
            Env = env,
            Resources = resources,
            ResizePolicy = resizePolicy,
            RestartPolicy = restartPolicy,
            RestartPolicyRules = restartPolicyRules,
            VolumeMounts = volumeMounts,
            LivenessProbe = liveness,
            ReadinessProbe = readiness,
            StartupProbe = startup,
            Lifecycle = lifecycle,
            TerminationMessagePath = terminationMessagePath,
            TerminationMessagePolicy = terminationMessagePolicy,
            ImagePullPolicy = imagePullPolicy,
            TargetContainerName = targetContainerName,
            PortsGivenEmpty = !portsNull && ports.IsEmpty,
            ResizePolicyGivenEmpty = !resizePolicyNull && resizePolicy.IsEmpty,
            RestartPolicyRulesGivenEmpty = !restartPolicyRulesNull && restartPolicyRules.IsEmpty,
        });
        return true;
    }

    private static bool ReadContainerPort(ref Utf8JsonReader r, out ContainerPort value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string name = "", protocol = "", hostIP = "";
        int hostPort = 0, port = 0;
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("name"u8)) { ok = TakeString(ref r, out name); bit = 0; }
            else if (key.SequenceEqual("hostPort"u8)) { ok = TakeInt32(ref r, out hostPort); bit = 1; }
            else if (key.SequenceEqual("containerPort"u8)) { ok = TakeInt32(ref r, out port); bit = 2; }
            else if (key.SequenceEqual("protocol"u8)) { ok = TakeString(ref r, out protocol); bit = 3; }
            else if (key.SequenceEqual("hostIP"u8)) { ok = TakeString(ref r, out hostIP); bit = 4; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = new ContainerPort { Name = name, HostPort = hostPort, Port = port, Protocol = protocol, HostIP = hostIP };
        return AtEnd(ref r);
    }

    internal static bool ReadResourceRequirements(ref Utf8JsonReader r, out ResourceRequirements value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var limits = ResourceRequirements.Empty.Limits;
        var requests = ResourceRequirements.Empty.Requests;
        var extra = default(ResourceRequirementsWireFields);
        ulong seen = 0;
        bool claimsGiven = false, limitsNull = true, requestsNull = true;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            // `{}` is a non-nil empty map in Go, `null` none (the manifest reader's rule; VAL-016).
            if (key.SequenceEqual("limits"u8)) { limitsNull = r.TokenType == JsonTokenType.Null; ok = TakeResourceList(ref r, out limits); bit = 0; }
            else if (key.SequenceEqual("requests"u8)) { requestsNull = r.TokenType == JsonTokenType.Null; ok = TakeResourceList(ref r, out requests); bit = 1; }
            else if (extra.TryReadResourceRequirements(key, ref r))
            {
                // A list, even `[]`, is a non-nil slice in Go (the manifest reader's rule; VAL-342, VAL-016).
                claimsGiven |= key.SequenceEqual("claims"u8) && r.TokenType == JsonTokenType.EndArray;
                continue;
            }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = extra.ApplyTo(seen == 0 ? ResourceRequirements.Empty : new ResourceRequirements { Limits = limits, Requests = requests });
        bool limitsGivenEmpty = !limitsNull && limits.IsEmpty, requestsGivenEmpty = !requestsNull && requests.IsEmpty;
        if (claimsGiven || limitsGivenEmpty || requestsGivenEmpty)
        {
            value = value with { ClaimsGiven = claimsGiven, LimitsGivenEmpty = limitsGivenEmpty, RequestsGivenEmpty = requestsGivenEmpty };
        }

        return AtEnd(ref r);
    }

    private static bool ReadContainerResizePolicy(ref Utf8JsonReader r, out ContainerResizePolicy value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string resource = "", policy = "";
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("resourceName"u8)) { ok = TakeString(ref r, out resource); bit = 0; }
            else if (key.SequenceEqual("restartPolicy"u8)) { ok = TakeString(ref r, out policy); bit = 1; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = new ContainerResizePolicy(resource, policy);
        return AtEnd(ref r);
    }

    private static bool ReadContainerRestartRule(ref Utf8JsonReader r, out ContainerRestartRule value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string action = "";
        ContainerRestartRuleOnExitCodes? exitCodes = null;
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("action"u8)) { ok = TakeString(ref r, out action); bit = 0; }
            else if (key.SequenceEqual("exitCodes"u8)) { ok = ReadContainerRestartRuleOnExitCodes(ref r, out var codes); exitCodes = codes; bit = 1; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = new ContainerRestartRule { Action = action, ExitCodes = exitCodes };
        return AtEnd(ref r);
    }

    private static bool ReadContainerRestartRuleOnExitCodes(ref Utf8JsonReader r, out ContainerRestartRuleOnExitCodes value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string op = "";
        Model.Collections.ValueList<int> values = default;
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("operator"u8)) { ok = TakeString(ref r, out op); bit = 0; }
            else if (key.SequenceEqual("values"u8)) { ok = TakeList(ref r, out values, TakeInt32); bit = 1; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = new ContainerRestartRuleOnExitCodes { Operator = op, Values = values };
        return AtEnd(ref r);
    }

    private static bool ReadVolumeMount(ref Utf8JsonReader r, out VolumeMount value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string name = "", mountPath = "", subPath = "", subPathExpr = "";
        bool readOnly = false;
        var extra = default(VolumeMountWireFields);
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("name"u8)) { ok = TakeString(ref r, out name); bit = 0; }
            else if (key.SequenceEqual("readOnly"u8)) { ok = TakeBool(ref r, out readOnly); bit = 1; }
            else if (key.SequenceEqual("mountPath"u8)) { ok = TakeString(ref r, out mountPath); bit = 2; }
            else if (key.SequenceEqual("subPath"u8)) { ok = TakeString(ref r, out subPath); bit = 3; }
            else if (key.SequenceEqual("subPathExpr"u8)) { ok = TakeString(ref r, out subPathExpr); bit = 4; }
            else if (extra.TryReadVolumeMount(key, ref r)) { continue; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = extra.ApplyTo(new VolumeMount { Name = name, ReadOnly = readOnly, MountPath = mountPath, SubPath = subPath, SubPathExpr = subPathExpr });
        return AtEnd(ref r);
    }
}
