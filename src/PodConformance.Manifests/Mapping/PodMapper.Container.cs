using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Mapping;

/// <summary>Container (all three lists), ports, resources, mounts and restart rules.</summary>
internal sealed partial class PodMapper
{
    public Container ReadContainer(ManifestNode node, string path) => ReadContainer(node, path, ephemeral: false);

    private Container ReadEphemeralContainer(ManifestNode node, string path) => ReadContainer(node, path, ephemeral: true);

    private Container ReadContainer(ManifestNode node, string path, bool ephemeral)
    {
        var c = new Container();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name": c = c with { Name = Str(value, p) }; break;
                case "image": c = c with { Image = Str(value, p) }; break;
                case "command": c = c with { Command = StringList(value, p) }; break;
                case "args": c = c with { Args = StringList(value, p) }; break;
                case "workingDir": c = c with { WorkingDir = Str(value, p) }; break;
                case "ports": c = c with { Ports = List(value, p, ReadContainerPort) }; break;
                case "envFrom": c = c with { EnvFrom = List(value, p, ReadEnvFromSource) }; break;
                case "env": c = c with { Env = List(value, p, ReadEnvVar) }; break;
                case "resources": c = c with { Resources = ReadResources(value, p) }; break;
                case "resizePolicy": c = c with { ResizePolicy = List(value, p, ReadResizePolicy) }; break;
                case "restartPolicy": c = c with { RestartPolicy = IsNull(value) ? null : Str(value, p) }; break;
                case "restartPolicyRules": c = c with { RestartPolicyRules = List(value, p, ReadRestartRule) }; break;
                case "volumeMounts": c = c with { VolumeMounts = List(value, p, ReadVolumeMount) }; break;
                case "livenessProbe": c = c with { LivenessProbe = IsNull(value) ? null : ReadProbe(value, p) }; break;
                case "readinessProbe": c = c with { ReadinessProbe = IsNull(value) ? null : ReadProbe(value, p) }; break;
                case "startupProbe": c = c with { StartupProbe = IsNull(value) ? null : ReadProbe(value, p) }; break;
                case "lifecycle": c = c with { Lifecycle = IsNull(value) ? null : ReadLifecycle(value, p) }; break;
                case "terminationMessagePath": c = c with { TerminationMessagePath = Str(value, p) }; break;
                case "terminationMessagePolicy": c = c with { TerminationMessagePolicy = Str(value, p) }; break;
                case "imagePullPolicy": c = c with { ImagePullPolicy = Str(value, p) }; break;
                case "targetContainerName" when ephemeral: c = c with { TargetContainerName = Str(value, p) }; break;
                default: Other(key, path, NotModelledFields.Container); break;
            }
        }

        return c;
    }

    private ContainerPort ReadContainerPort(ManifestNode node, string path)
    {
        var port = new ContainerPort();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name": port = port with { Name = Str(value, p) }; break;
                case "hostPort": port = port with { HostPort = Int32(value, p) ?? 0 }; break;
                case "containerPort": port = port with { Port = Int32(value, p) ?? 0 }; break;
                case "protocol": port = port with { Protocol = Str(value, p) }; break;
                case "hostIP": port = port with { HostIP = Str(value, p) }; break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return port;
    }

    public ResourceRequirements ReadResources(ManifestNode node, string path)
    {
        var r = ResourceRequirements.Empty;
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "limits": r = r with { Limits = ResourceList(value, p) }; break;
                case "requests": r = r with { Requests = ResourceList(value, p) }; break;
                default: Other(key, path, NotModelledFields.ResourceRequirements); break;
            }
        }

        return r;
    }

    private ContainerResizePolicy ReadResizePolicy(ManifestNode node, string path)
    {
        string resource = "", policy = "";
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "resourceName": resource = Str(value, p); break;
                case "restartPolicy": policy = Str(value, p); break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return new ContainerResizePolicy(resource, policy);
    }

    private ContainerRestartRule ReadRestartRule(ManifestNode node, string path)
    {
        var rule = new ContainerRestartRule();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "action": rule = rule with { Action = Str(value, p) }; break;
                case "exitCodes": rule = rule with { ExitCodes = IsNull(value) ? null : ReadExitCodes(value, p) }; break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return rule;
    }

    private ContainerRestartRuleOnExitCodes ReadExitCodes(ManifestNode node, string path)
    {
        var codes = new ContainerRestartRuleOnExitCodes();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "operator": codes = codes with { Operator = Str(value, p) }; break;
                case "values": codes = codes with { Values = List(value, p, (n, ip) => Int32(n, ip) ?? 0) }; break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return codes;
    }

    private VolumeMount ReadVolumeMount(ManifestNode node, string path)
    {
        var m = new VolumeMount();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name": m = m with { Name = Str(value, p) }; break;
                case "readOnly": m = m with { ReadOnly = Bool(value, p) ?? false }; break;
                case "mountPath": m = m with { MountPath = Str(value, p) }; break;
                case "subPath": m = m with { SubPath = Str(value, p) }; break;
                case "subPathExpr": m = m with { SubPathExpr = Str(value, p) }; break;
                case "recursiveReadOnly" or "mountPropagation":
                    Other(key, path, MountNotModelled);
                    break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return m;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> MountNotModelled =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(["recursiveReadOnly", "mountPropagation"], StringComparer.Ordinal);
}
