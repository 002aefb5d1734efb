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
        var readVolumes = spec.Volumes;
        var readInitContainers = spec.InitContainers;
        var readContainers = spec.Containers;
        var readEphemeralContainers = spec.EphemeralContainers;
        var readRestartPolicy = spec.RestartPolicy;
        var readTerminationGracePeriodSeconds = spec.TerminationGracePeriodSeconds;
        var readActiveDeadlineSeconds = spec.ActiveDeadlineSeconds;
        var readDnsPolicy = spec.DnsPolicy;
        var readNodeSelector = spec.NodeSelector;
        var readServiceAccountName = spec.ServiceAccountName;
        var readNodeName = spec.NodeName;
        var readHostNetwork = spec.HostNetwork;
        var readSchedulerName = spec.SchedulerName;
        var readTolerations = spec.Tolerations;
        var readPriorityClassName = spec.PriorityClassName;
        var readPriority = spec.Priority;
        var readReadinessGates = spec.ReadinessGates;
        var readEnableServiceLinks = spec.EnableServiceLinks;
        var readOverhead = spec.Overhead;
        bool readOverheadGiven = false;
        var readSchedulingGates = spec.SchedulingGates;
        var readResources = spec.Resources;
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "volumes": readVolumes = StructList(value, p, field, ReadVolume); break;
                case "initContainers": readInitContainers = StructList(value, p, field, ReadContainer); break;
                case "containers": readContainers = StructList(value, p, field, ReadContainer); break;
                case "ephemeralContainers": readEphemeralContainers = StructList(value, p, field, ReadEphemeralContainer); break;
                case "restartPolicy": readRestartPolicy = Str(value, p, field); break;
                case "terminationGracePeriodSeconds": readTerminationGracePeriodSeconds = Int64(value, p, field); break;
                case "activeDeadlineSeconds": readActiveDeadlineSeconds = Int64(value, p, field); break;
                case "dnsPolicy": readDnsPolicy = Str(value, p, field); break;
                case "nodeSelector": readNodeSelector = StringMap(value, p, field); break;
                case "serviceAccountName": readServiceAccountName = Str(value, p, field); break;
                case "nodeName": readNodeName = Str(value, p, field); break;
                case "hostNetwork": readHostNetwork = Bool(value, p, field) ?? false; break;
                case "schedulerName": readSchedulerName = Str(value, p, field); break;
                case "tolerations": readTolerations = StructList(value, p, field, ReadToleration); break;
                case "priorityClassName": readPriorityClassName = Str(value, p, field); break;
                case "priority": readPriority = Int32(value, p, field); break;
                case "readinessGates": readReadinessGates = StructList(value, p, field, ReadReadinessGate); break;
                case "enableServiceLinks": readEnableServiceLinks = Bool(value, p, field); break;
                case "overhead": readOverhead = ResourceList(value, p, field); readOverheadGiven = !IsNull(value); break;
                case "schedulingGates": readSchedulingGates = StructList(value, p, field, ReadSchedulingGate); break;
                case "resources": readResources = IsNull(value) ? null : ReadResourceRequirements(value, p, field); break;
                default: ReadGenerated(ref spec, key, value, p, field); break;
            }
        }

        return spec with
        {
            Volumes = readVolumes,
            InitContainers = readInitContainers,
            Containers = readContainers,
            EphemeralContainers = readEphemeralContainers,
            RestartPolicy = readRestartPolicy,
            TerminationGracePeriodSeconds = readTerminationGracePeriodSeconds,
            ActiveDeadlineSeconds = readActiveDeadlineSeconds,
            DnsPolicy = readDnsPolicy,
            NodeSelector = readNodeSelector,
            ServiceAccountName = readServiceAccountName,
            NodeName = readNodeName,
            HostNetwork = readHostNetwork,
            SchedulerName = readSchedulerName,
            Tolerations = readTolerations,
            PriorityClassName = readPriorityClassName,
            Priority = readPriority,
            ReadinessGates = readReadinessGates,
            EnableServiceLinks = readEnableServiceLinks,
            Overhead = readOverhead,
            OverheadGiven = readOverheadGiven,
            SchedulingGates = readSchedulingGates,
            Resources = readResources,
        };
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
