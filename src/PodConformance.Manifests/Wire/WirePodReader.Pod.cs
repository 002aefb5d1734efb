using System.Text.Json;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Wire;

/// <summary>Twins of Mapping/PodMapper.Pod.cs and PodMapper.Spec.cs.</summary>
static partial class WirePodReader
{
    /// <summary>
    /// A Pod with <c>apiVersion: v1</c> and <c>kind: Pod</c> both given (what the writer writes); a status, or either
    /// of the two missing, is left to the manifest reader.
    /// </summary>
    private static bool ReadPod(ref Utf8JsonReader r, out Pod value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        ObjectMeta? metadata = null;
        PodSpec? spec = null;
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            if (key.SequenceEqual("apiVersion"u8))
            {
                if (!TakeString(ref r, out string s) || s != "v1")
                {
                    return false;
                }

                bit = 0;
            }
            else if (key.SequenceEqual("kind"u8))
            {
                if (!TakeString(ref r, out string s) || s != "Pod")
                {
                    return false;
                }

                bit = 1;
            }
            else if (key.SequenceEqual("metadata"u8))
            {
                if (!ReadObjectMeta(ref r, out var m))
                {
                    return false;
                }

                metadata = m;
                bit = 2;
            }
            else if (key.SequenceEqual("spec"u8))
            {
                if (!ReadPodSpec(ref r, out var s))
                {
                    return false;
                }

                spec = s;
                bit = 3;
            }
            else
            {
                return false;
            }

            if (!Mark(ref seen, bit))
            {
                return false;
            }
        }

        if (!AtEnd(ref r) || (seen & 3) != 3)
        {
            return false;
        }

        value = new Pod { Metadata = metadata ?? new(), Spec = spec ?? new() };
        return true;
    }

    internal static bool ReadObjectMeta(ref Utf8JsonReader r, out ObjectMeta value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var meta = new ObjectMeta();
        string name = meta.Name, generateName = meta.GenerateName, ns = meta.Namespace, uid = meta.Uid;
        DateTimeOffset? created = null, deleted = null;
        long? grace = null;
        var labels = meta.Labels;
        var annotations = meta.Annotations;
        var extra = default(ObjectMetaWireFields);
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            switch (key.Length)
            {
                case 3 when key.SequenceEqual("uid"u8): ok = TakeString(ref r, out uid); bit = 0; break;
                case 4 when key.SequenceEqual("name"u8): ok = TakeString(ref r, out name); bit = 1; break;
                case 6 when key.SequenceEqual("labels"u8): ok = TakeStringMap(ref r, out labels); bit = 2; break;
                case 9 when key.SequenceEqual("namespace"u8): ok = TakeString(ref r, out ns); bit = 3; break;
                case 11 when key.SequenceEqual("annotations"u8): ok = TakeStringMap(ref r, out annotations); bit = 4; break;
                case 12 when key.SequenceEqual("generateName"u8): ok = TakeString(ref r, out generateName); bit = 5; break;
                case 17 when key.SequenceEqual("creationTimestamp"u8): ok = TakeTime(ref r, out created); bit = 6; break;
                case 17 when key.SequenceEqual("deletionTimestamp"u8): ok = TakeTime(ref r, out deleted); bit = 7; break;
                case 26 when key.SequenceEqual("deletionGracePeriodSeconds"u8): ok = TakeInt64(ref r, out long g); grace = g; bit = 8; break;
                default:
                    if (!extra.TryReadObjectMeta(key, ref r))
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

        value = extra.ApplyTo(new ObjectMeta
        {
            Name = name,
            GenerateName = generateName,
            Namespace = ns,
            Uid = uid,
            CreationTimestamp = created,
            DeletionTimestamp = deleted,
            DeletionGracePeriodSeconds = grace,
            Labels = labels,
            Annotations = annotations,
        });
        return true;
    }

    private static bool ReadPodSpec(ref Utf8JsonReader r, out PodSpec value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var spec = new PodSpec();
        var volumes = spec.Volumes;
        var initContainers = spec.InitContainers;
        var containers = spec.Containers;
        var ephemeralContainers = spec.EphemeralContainers;
        string restartPolicy = spec.RestartPolicy, dnsPolicy = spec.DnsPolicy, serviceAccountName = spec.ServiceAccountName;
        string nodeName = spec.NodeName, schedulerName = spec.SchedulerName, priorityClassName = spec.PriorityClassName;
        long? terminationGracePeriodSeconds = null, activeDeadlineSeconds = null;
        var nodeSelector = spec.NodeSelector;
        bool hostNetwork = false;
        var tolerations = spec.Tolerations;
        int? priority = null;
        var readinessGates = spec.ReadinessGates;
        bool? enableServiceLinks = null;
        var overhead = spec.Overhead;
        bool overheadGiven = false;
        var schedulingGates = spec.SchedulingGates;
        ResourceRequirements? resources = null;
        var extra = default(PodSpecWireFields);
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            switch (key.Length)
            {
                case 7 when key.SequenceEqual("volumes"u8): ok = TakeList(ref r, out volumes, ReadVolume); bit = 0; break;
                case 14 when key.SequenceEqual("initContainers"u8): ok = TakeList(ref r, out initContainers, ReadContainer); bit = 1; break;
                case 10 when key.SequenceEqual("containers"u8): ok = TakeList(ref r, out containers, ReadContainer); bit = 2; break;
                case 19 when key.SequenceEqual("ephemeralContainers"u8): ok = TakeList(ref r, out ephemeralContainers, ReadEphemeralContainer); bit = 3; break;
                case 13 when key.SequenceEqual("restartPolicy"u8): ok = TakeString(ref r, out restartPolicy); bit = 4; break;
                case 29 when key.SequenceEqual("terminationGracePeriodSeconds"u8): ok = TakeInt64(ref r, out long tg); terminationGracePeriodSeconds = tg; bit = 5; break;
                case 21 when key.SequenceEqual("activeDeadlineSeconds"u8): ok = TakeInt64(ref r, out long ad); activeDeadlineSeconds = ad; bit = 6; break;
                case 9 when key.SequenceEqual("dnsPolicy"u8): ok = TakeString(ref r, out dnsPolicy); bit = 7; break;
                case 12 when key.SequenceEqual("nodeSelector"u8): ok = TakeStringMap(ref r, out nodeSelector); bit = 8; break;
                case 18 when key.SequenceEqual("serviceAccountName"u8): ok = TakeString(ref r, out serviceAccountName); bit = 9; break;
                case 8 when key.SequenceEqual("nodeName"u8): ok = TakeString(ref r, out nodeName); bit = 10; break;
                case 11 when key.SequenceEqual("hostNetwork"u8): ok = TakeBool(ref r, out hostNetwork); bit = 11; break;
                case 13 when key.SequenceEqual("schedulerName"u8): ok = TakeString(ref r, out schedulerName); bit = 12; break;
                case 11 when key.SequenceEqual("tolerations"u8): ok = TakeList(ref r, out tolerations, ReadToleration); bit = 13; break;
                case 17 when key.SequenceEqual("priorityClassName"u8): ok = TakeString(ref r, out priorityClassName); bit = 14; break;
                case 8 when key.SequenceEqual("priority"u8): ok = TakeInt32(ref r, out int pr); priority = pr; bit = 15; break;
                case 14 when key.SequenceEqual("readinessGates"u8): ok = TakeList(ref r, out readinessGates, ReadPodReadinessGate); bit = 16; break;
                case 18 when key.SequenceEqual("enableServiceLinks"u8): ok = TakeBool(ref r, out bool esl); enableServiceLinks = esl; bit = 17; break;
                case 8 when key.SequenceEqual("overhead"u8): overheadGiven = r.TokenType != JsonTokenType.Null; ok = TakeResourceList(ref r, out overhead); bit = 18; break;
                case 15 when key.SequenceEqual("schedulingGates"u8): ok = TakeList(ref r, out schedulingGates, ReadPodSchedulingGate); bit = 19; break;
                case 9 when key.SequenceEqual("resources"u8): ok = ReadResourceRequirements(ref r, out var res); resources = res; bit = 20; break;
                default:
                    if (!extra.TryReadPodSpec(key, ref r))
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

        value = extra.ApplyTo(new PodSpec
        {
            Volumes = volumes,
            InitContainers = initContainers,
            Containers = containers,
            EphemeralContainers = ephemeralContainers,
            RestartPolicy = restartPolicy,
            TerminationGracePeriodSeconds = terminationGracePeriodSeconds,
            ActiveDeadlineSeconds = activeDeadlineSeconds,
            DnsPolicy = dnsPolicy,
            NodeSelector = nodeSelector,
            ServiceAccountName = serviceAccountName,
            NodeName = nodeName,
            HostNetwork = hostNetwork,
            SchedulerName = schedulerName,
            Tolerations = tolerations,
            PriorityClassName = priorityClassName,
            Priority = priority,
            ReadinessGates = readinessGates,
            EnableServiceLinks = enableServiceLinks,
            Overhead = overhead,
            OverheadGiven = overheadGiven, // ADM-013: a map, even empty, is an overhead set (the manifest reader's rule)
            SchedulingGates = schedulingGates,
            Resources = resources,
        });
        return true;
    }

    private static bool ReadToleration(ref Utf8JsonReader r, out Toleration value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string k = "", op = "", v = "", effect = "";
        long? seconds = null;
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("key"u8)) { ok = TakeString(ref r, out k); bit = 0; }
            else if (key.SequenceEqual("operator"u8)) { ok = TakeString(ref r, out op); bit = 1; }
            else if (key.SequenceEqual("value"u8)) { ok = TakeString(ref r, out v); bit = 2; }
            else if (key.SequenceEqual("effect"u8)) { ok = TakeString(ref r, out effect); bit = 3; }
            else if (key.SequenceEqual("tolerationSeconds"u8)) { ok = TakeInt64(ref r, out long s); seconds = s; bit = 4; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = new Toleration { Key = k, Operator = op, Value = v, Effect = effect, TolerationSeconds = seconds };
        return AtEnd(ref r);
    }

    private static bool ReadPodReadinessGate(ref Utf8JsonReader r, out PodReadinessGate value)
    {
        bool ok = ReadOneString(ref r, "conditionType"u8, out string type);
        value = new PodReadinessGate(type);
        return ok;
    }

    private static bool ReadPodSchedulingGate(ref Utf8JsonReader r, out PodSchedulingGate value)
    {
        bool ok = ReadOneString(ref r, "name"u8, out string name);
        value = new PodSchedulingGate(name);
        return ok;
    }

    /// <summary>An object with one string field (absent: ""), as the gate and IP readers take it.</summary>
    private static bool ReadOneString(ref Utf8JsonReader r, ReadOnlySpan<byte> field, out string value)
    {
        value = "";
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        bool seen = false;
        while (NextKey(ref r, out var key))
        {
            if (seen || !key.SequenceEqual(field) || !TakeString(ref r, out value))
            {
                return false;
            }

            seen = true;
        }

        return AtEnd(ref r);
    }
}
