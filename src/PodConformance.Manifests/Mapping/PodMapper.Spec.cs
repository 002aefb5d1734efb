using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Schema;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Mapping;

/// <summary>PodSpec and its small satellite types (tolerations, gates).</summary>
internal sealed partial class PodMapper
{
    public PodSpec ReadPodSpec(ManifestNode node, string path, SchemaField self)
    {
        var spec = new PodSpec();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "volumes": spec = spec with { Volumes = StructList(value, p, field, ReadVolume) }; break;
                case "initContainers": spec = spec with { InitContainers = StructList(value, p, field, ReadContainer) }; break;
                case "containers": spec = spec with { Containers = StructList(value, p, field, ReadContainer) }; break;
                case "ephemeralContainers": spec = spec with { EphemeralContainers = StructList(value, p, field, ReadEphemeralContainer) }; break;
                case "restartPolicy": spec = spec with { RestartPolicy = Str(value, p, field) }; break;
                case "terminationGracePeriodSeconds": spec = spec with { TerminationGracePeriodSeconds = Int64(value, p, field) }; break;
                case "activeDeadlineSeconds": spec = spec with { ActiveDeadlineSeconds = Int64(value, p, field) }; break;
                case "dnsPolicy": spec = spec with { DnsPolicy = Str(value, p, field) }; break;
                case "nodeSelector": spec = spec with { NodeSelector = StringMap(value, p, field) }; break;
                case "serviceAccountName": spec = spec with { ServiceAccountName = Str(value, p, field) }; break;
                case "nodeName": spec = spec with { NodeName = Str(value, p, field) }; break;
                case "hostNetwork": spec = spec with { HostNetwork = Bool(value, p, field) ?? false }; break;
                case "schedulerName": spec = spec with { SchedulerName = Str(value, p, field) }; break;
                case "tolerations": spec = spec with { Tolerations = StructList(value, p, field, ReadToleration) }; break;
                case "priorityClassName": spec = spec with { PriorityClassName = Str(value, p, field) }; break;
                case "priority": spec = spec with { Priority = Int32(value, p, field) }; break;
                case "readinessGates": spec = spec with { ReadinessGates = StructList(value, p, field, ReadReadinessGate) }; break;
                case "enableServiceLinks": spec = spec with { EnableServiceLinks = Bool(value, p, field) }; break;
                case "overhead": spec = spec with { Overhead = ResourceList(value, p, field) }; break;
                case "schedulingGates": spec = spec with { SchedulingGates = StructList(value, p, field, ReadSchedulingGate) }; break;
                case "resources": spec = spec with { Resources = IsNull(value) ? null : ReadResourceRequirements(value, p, field) }; break;
                default: ReadGenerated(ref spec, key, value, p, field); break;
            }
        }

        return spec;
    }

    private static bool IsNull(ManifestNode node) => node is ManifestScalar { IsNull: true };

    private Toleration ReadToleration(ManifestNode node, string path, SchemaField self)
    {
        var t = new Toleration();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "key": t = t with { Key = Str(value, p, field) }; break;
                case "operator": t = t with { Operator = Str(value, p, field) }; break;
                case "value": t = t with { Value = Str(value, p, field) }; break;
                case "effect": t = t with { Effect = Str(value, p, field) }; break;
                case "tolerationSeconds": t = t with { TolerationSeconds = Int64(value, p, field) }; break;
            }
        }

        return t;
    }

    private PodReadinessGate ReadReadinessGate(ManifestNode node, string path, SchemaField self)
    {
        string type = "";
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            if (key.Value == "conditionType")
            {
                type = Str(value, Child(path, key.Value), field);
            }
        }

        return new PodReadinessGate(type);
    }

    private PodSchedulingGate ReadSchedulingGate(ManifestNode node, string path, SchemaField self)
    {
        string name = "";
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            if (key.Value == "name")
            {
                name = Str(value, Child(path, key.Value), field);
            }
        }

        return new PodSchedulingGate(name);
    }
}
