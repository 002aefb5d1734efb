using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Writing;

/// <summary>PodSpec, volumes and scheduling satellites.</summary>
internal static partial class PodTree
{
    private static ManifestMapping PodSpec(PodSpec s) =>
        new TreeBuilder()
            .List("volumes", s.Volumes, Volume)
            .List("initContainers", s.InitContainers, c => Container(c, ephemeral: false))
            .List("containers", s.Containers, c => Container(c, ephemeral: false), always: true)
            .List("ephemeralContainers", s.EphemeralContainers, c => Container(c, ephemeral: true))
            .Str("restartPolicy", s.RestartPolicy)
            .Int("terminationGracePeriodSeconds", s.TerminationGracePeriodSeconds)
            .Int("activeDeadlineSeconds", s.ActiveDeadlineSeconds)
            .Str("dnsPolicy", s.DnsPolicy)
            .StringMap("nodeSelector", s.NodeSelector)
            .Str("serviceAccountName", s.ServiceAccountName)
            .Str("nodeName", s.NodeName)
            .Bool("hostNetwork", s.HostNetwork)
            .Str("hostname", s.Hostname)
            .Str("subdomain", s.Subdomain)
            .Bool("setHostnameAsFQDN", s.SetHostnameAsFQDN)
            .Str("schedulerName", s.SchedulerName)
            .List("tolerations", s.Tolerations, Toleration)
            .Str("priorityClassName", s.PriorityClassName)
            .Int("priority", s.Priority)
            .List("readinessGates", s.ReadinessGates, g => new TreeBuilder().Str("conditionType", g.ConditionType, always: true).Build())
            .Bool("enableServiceLinks", s.EnableServiceLinks)
            .ResourceList("overhead", s.Overhead)
            .List("schedulingGates", s.SchedulingGates, g => new TreeBuilder().Str("name", g.Name, always: true).Build())
            .Node("resources", s.Resources is null ? null : Resources(s.Resources))
            .Build();

    private static ManifestMapping Toleration(Toleration t) =>
        new TreeBuilder()
            .Str("key", t.Key)
            .Str("operator", t.Operator)
            .Str("value", t.Value)
            .Str("effect", t.Effect)
            .Int("tolerationSeconds", t.TolerationSeconds)
            .Build();

    /// <summary>The source members follow VolumeSource's field order; an unmodelled source prints as <c>{}</c>.</summary>
    private static ManifestMapping Volume(Volume v)
    {
        var b = new TreeBuilder().Str("name", v.Name, always: true);
        bool modelled = v.SourceKind is "emptyDir" or "secret" or "configMap" or "downwardAPI" or "";
        if (!modelled)
        {
            b.Node(v.SourceKind, new TreeBuilder().Build());
        }

        if (v.EmptyDir is { } e)
        {
            b.Node("emptyDir", new TreeBuilder().Str("medium", e.Medium).Quantity("sizeLimit", e.SizeLimit).Build());
        }

        if (v.Secret is { } secret)
        {
            b.Node("secret", new TreeBuilder().Str("secretName", secret.Name).Bool("optional", secret.Optional).Build());
        }

        if (v.SourceKind == "downwardAPI" || !v.DownwardApiItems.IsEmpty)
        {
            b.Node("downwardAPI", new TreeBuilder().List("items", v.DownwardApiItems, DownwardApiFile).Build());
        }

        if (v.ConfigMap is { } configMap)
        {
            b.Node("configMap", ObjectReference(configMap));
        }

        return b.Build();
    }

    private static ManifestMapping DownwardApiFile(DownwardApiVolumeFile f) =>
        new TreeBuilder()
            .Str("path", f.Path, always: true)
            .Node("fieldRef", f.FieldRef is null ? null : FieldSelector(f.FieldRef))
            .Node("resourceFieldRef", f.ResourceFieldRef is null ? null : ResourceFieldSelector(f.ResourceFieldRef))
            .Build();
}
