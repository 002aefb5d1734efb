using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Writing;

/// <summary>PodSpec, volumes and scheduling satellites.</summary>
internal static partial class PodTree
{
    private static ManifestMapping PodSpec(PodSpec s) =>
        WriteGenerated(new TreeBuilder()
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
            .Str("schedulerName", s.SchedulerName)
            .List("tolerations", s.Tolerations, Toleration)
            .Str("priorityClassName", s.PriorityClassName)
            .Int("priority", s.Priority)
            .List("readinessGates", s.ReadinessGates, g => new TreeBuilder().Str("conditionType", g.ConditionType, always: true).Build())
            .Bool("enableServiceLinks", s.EnableServiceLinks)
            .ResourceList("overhead", s.Overhead, keepEmpty: s.OverheadGiven) // a request keeps `overhead: {}` (ADM-013); a stored pod has OverheadGiven cleared
            .List("schedulingGates", s.SchedulingGates, g => new TreeBuilder().Str("name", g.Name, always: true).Build())
            .Node("resources", s.Resources is null ? null : Resources(s.Resources)), s)
            .Build(GoFieldOrder.PodSpec);

    private static ManifestMapping Toleration(Toleration t) =>
        new TreeBuilder()
            .Str("key", t.Key)
            .Str("operator", t.Operator)
            .Str("value", t.Value)
            .Str("effect", t.Effect)
            .Int("tolerationSeconds", t.TolerationSeconds)
            .Build();

    /// <summary>The four hand-written sources; every other VolumeSource member is written by the generated writer, all in VolumeSource's order.</summary>
    private static ManifestMapping Volume(Volume v)
    {
        var b = new TreeBuilder().Str("name", v.Name, always: true);
        if (v.EmptyDir is { } e)
        {
            b.Node("emptyDir", WriteGenerated(new TreeBuilder().Str("medium", e.Medium).Quantity("sizeLimit", e.SizeLimit), e).Build(GoFieldOrder.EmptyDirVolumeSource));
        }

        if (v.Secret is { } secret)
        {
            b.Node("secret", WriteGenerated(new TreeBuilder().Str("secretName", secret.Name).Bool("optional", secret.Optional), secret).Build(GoFieldOrder.SecretVolumeSource));
        }

        if (v.HasDownwardApi || !v.DownwardApiItems.IsEmpty)
        {
            b.Node("downwardAPI", WriteGeneratedDownwardApi(new TreeBuilder().List("items", v.DownwardApiItems, DownwardApiFile), v).Build());
        }

        if (v.ConfigMap is { } configMap)
        {
            b.Node("configMap", WriteGenerated(new TreeBuilder().Str("name", configMap.Name).Bool("optional", configMap.Optional), configMap).Build(GoFieldOrder.ConfigMapVolumeSource));
        }

        return WriteGenerated(b, v).Build(GoFieldOrder.Volume);
    }

    private static ManifestMapping WriteDownwardApiVolumeFile(DownwardApiVolumeFile f) => DownwardApiFile(f);

    private static ManifestMapping DownwardApiFile(DownwardApiVolumeFile f) =>
        WriteGenerated(new TreeBuilder()
            .Str("path", f.Path, always: true)
            .Node("fieldRef", f.FieldRef is null ? null : FieldSelector(f.FieldRef))
            .Node("resourceFieldRef", f.ResourceFieldRef is null ? null : ResourceFieldSelector(f.ResourceFieldRef)), f)
            .Build(GoFieldOrder.DownwardAPIVolumeFile);
}
