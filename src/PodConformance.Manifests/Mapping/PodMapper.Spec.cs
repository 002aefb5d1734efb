using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Mapping;

/// <summary>PodSpec and its small satellite types (tolerations, gates).</summary>
internal sealed partial class PodMapper
{
    public PodSpec ReadPodSpec(ManifestNode node, string path)
    {
        var spec = new PodSpec();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "volumes": spec = spec with { Volumes = List(value, p, ReadVolume) }; break;
                case "initContainers": spec = spec with { InitContainers = List(value, p, ReadContainer) }; break;
                case "containers": spec = spec with { Containers = List(value, p, ReadContainer) }; break;
                case "ephemeralContainers": spec = spec with { EphemeralContainers = List(value, p, ReadEphemeralContainer) }; break;
                case "restartPolicy": spec = spec with { RestartPolicy = Str(value, p) }; break;
                case "terminationGracePeriodSeconds": spec = spec with { TerminationGracePeriodSeconds = Int64(value, p) }; break;
                case "activeDeadlineSeconds": spec = spec with { ActiveDeadlineSeconds = Int64(value, p) }; break;
                case "dnsPolicy": spec = spec with { DnsPolicy = Str(value, p) }; break;
                case "nodeSelector": spec = spec with { NodeSelector = StringMap(value, p) }; break;
                case "serviceAccountName": spec = spec with { ServiceAccountName = Str(value, p) }; break;
                case "nodeName": spec = spec with { NodeName = Str(value, p) }; break;
                case "hostNetwork": spec = spec with { HostNetwork = Bool(value, p) ?? false }; break;
                case "hostname": spec = spec with { Hostname = Str(value, p) }; break;
                case "subdomain": spec = spec with { Subdomain = Str(value, p) }; break;
                case "setHostnameAsFQDN": spec = spec with { SetHostnameAsFQDN = Bool(value, p) }; break;
                case "schedulerName": spec = spec with { SchedulerName = Str(value, p) }; break;
                case "tolerations": spec = spec with { Tolerations = List(value, p, ReadToleration) }; break;
                case "priorityClassName": spec = spec with { PriorityClassName = Str(value, p) }; break;
                case "priority": spec = spec with { Priority = Int32(value, p) }; break;
                case "readinessGates": spec = spec with { ReadinessGates = List(value, p, ReadReadinessGate) }; break;
                case "enableServiceLinks": spec = spec with { EnableServiceLinks = Bool(value, p) }; break;
                case "overhead": spec = spec with { Overhead = ResourceList(value, p) }; break;
                case "schedulingGates": spec = spec with { SchedulingGates = List(value, p, ReadSchedulingGate) }; break;
                case "resources": spec = spec with { Resources = IsNull(value) ? null : ReadResources(value, p) }; break;
                default: Other(key, path, NotModelledFields.PodSpec); break;
            }
        }

        return spec;
    }

    private static bool IsNull(ManifestNode node) => node is ManifestScalar { IsNull: true };

    private Toleration ReadToleration(ManifestNode node, string path)
    {
        var t = new Toleration();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "key": t = t with { Key = Str(value, p) }; break;
                case "operator": t = t with { Operator = Str(value, p) }; break;
                case "value": t = t with { Value = Str(value, p) }; break;
                case "effect": t = t with { Effect = Str(value, p) }; break;
                case "tolerationSeconds": t = t with { TolerationSeconds = Int64(value, p) }; break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return t;
    }

    private PodReadinessGate ReadReadinessGate(ManifestNode node, string path)
    {
        string type = "";
        foreach (var (key, value) in Fields(node, path))
        {
            if (key.Value == "conditionType")
            {
                type = Str(value, Child(path, key.Value));
            }
            else
            {
                Other(key, path, NotModelledFields.None);
            }
        }

        return new PodReadinessGate(type);
    }

    private PodSchedulingGate ReadSchedulingGate(ManifestNode node, string path)
    {
        string name = "";
        foreach (var (key, value) in Fields(node, path))
        {
            if (key.Value == "name")
            {
                name = Str(value, Child(path, key.Value));
            }
            else
            {
                Other(key, path, NotModelledFields.None);
            }
        }

        return new PodSchedulingGate(name);
    }
}
