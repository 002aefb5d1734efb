using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Schema;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Mapping;

/// <summary>Container (all three lists), ports, resources, mounts and restart rules.</summary>
internal sealed partial class PodMapper
{
    public Container ReadContainer(ManifestNode node, string path, SchemaField self) => ReadContainer(node, path, self, ephemeral: false);

    private Container ReadEphemeralContainer(ManifestNode node, string path, SchemaField self) => ReadContainer(node, path, self, ephemeral: true);

    private Container ReadContainer(ManifestNode node, string path, SchemaField self, bool ephemeral)
    {
        var c = new Container();
        var readName = c.Name;
        var readImage = c.Image;
        var readCommand = c.Command;
        var readArgs = c.Args;
        var readWorkingDir = c.WorkingDir;
        var readPorts = c.Ports;
        var readEnvFrom = c.EnvFrom;
        var readEnv = c.Env;
        var readResources = c.Resources;
        var readResizePolicy = c.ResizePolicy;
        var readRestartPolicy = c.RestartPolicy;
        var readRestartPolicyRules = c.RestartPolicyRules;
        var readVolumeMounts = c.VolumeMounts;
        var readLivenessProbe = c.LivenessProbe;
        var readReadinessProbe = c.ReadinessProbe;
        var readStartupProbe = c.StartupProbe;
        var readLifecycle = c.Lifecycle;
        var readTerminationMessagePath = c.TerminationMessagePath;
        var readTerminationMessagePolicy = c.TerminationMessagePolicy;
        var readImagePullPolicy = c.ImagePullPolicy;
        var readTargetContainerName = c.TargetContainerName;

        // `[]` is a non-nil empty slice in Go, `null` none: an ephemeral container's list is then set (VAL-016).
        bool portsGivenEmpty = false, resizePolicyGivenEmpty = false, restartPolicyRulesGivenEmpty = false;
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name": readName = Str(value, p, field); break;
                case "image": readImage = Str(value, p, field); break;
                case "command": readCommand = StringList(value, p, field); break;
                case "args": readArgs = StringList(value, p, field); break;
                case "workingDir": readWorkingDir = Str(value, p, field); break;
                case "ports": readPorts = StructList(value, p, field, ReadContainerPort); portsGivenEmpty = readPorts.IsEmpty && !IsNull(value); break;
                case "envFrom": readEnvFrom = StructList(value, p, field, ReadEnvFromSource); break;
                case "env": readEnv = StructList(value, p, field, ReadEnvVar); break;
                case "resources": readResources = ReadResourceRequirements(value, p, field); break;
                case "resizePolicy": readResizePolicy = StructList(value, p, field, ReadResizePolicy); resizePolicyGivenEmpty = readResizePolicy.IsEmpty && !IsNull(value); break;
                case "restartPolicy": readRestartPolicy = IsNull(value) ? null : Str(value, p, field); break;
                case "restartPolicyRules": readRestartPolicyRules = StructList(value, p, field, ReadRestartRule); restartPolicyRulesGivenEmpty = readRestartPolicyRules.IsEmpty && !IsNull(value); break;
                case "volumeMounts": readVolumeMounts = StructList(value, p, field, ReadVolumeMount); break;
                case "livenessProbe": readLivenessProbe = IsNull(value) ? null : ReadProbe(value, p, field); break;
                case "readinessProbe": readReadinessProbe = IsNull(value) ? null : ReadProbe(value, p, field); break;
                case "startupProbe": readStartupProbe = IsNull(value) ? null : ReadProbe(value, p, field); break;
                case "lifecycle": readLifecycle = IsNull(value) ? null : ReadLifecycle(value, p, field); break;
                case "terminationMessagePath": readTerminationMessagePath = Str(value, p, field); break;
                case "terminationMessagePolicy": readTerminationMessagePolicy = Str(value, p, field); break;
                case "imagePullPolicy": readImagePullPolicy = Str(value, p, field); break;
                case "targetContainerName" when ephemeral: readTargetContainerName = Str(value, p, field); break;
                default: ReadGenerated(ref c, key, value, p, field); break;
            }
        }

        return c with
        {
            Name = readName,
            Image = readImage,
            Command = readCommand,
            Args = readArgs,
            WorkingDir = readWorkingDir,
            Ports = readPorts,
            EnvFrom = readEnvFrom,
            Env = readEnv,
            Resources = readResources,
            ResizePolicy = readResizePolicy,
            RestartPolicy = readRestartPolicy,
            RestartPolicyRules = readRestartPolicyRules,
            VolumeMounts = readVolumeMounts,
            LivenessProbe = readLivenessProbe,
            ReadinessProbe = readReadinessProbe,
            StartupProbe = readStartupProbe,
            Lifecycle = readLifecycle,
            TerminationMessagePath = readTerminationMessagePath,
            TerminationMessagePolicy = readTerminationMessagePolicy,
            ImagePullPolicy = readImagePullPolicy,
            TargetContainerName = readTargetContainerName,
            PortsGivenEmpty = portsGivenEmpty,
            ResizePolicyGivenEmpty = resizePolicyGivenEmpty,
            RestartPolicyRulesGivenEmpty = restartPolicyRulesGivenEmpty,
        };
    }

    private ContainerPort ReadContainerPort(ManifestNode node, string path, SchemaField self)
    {
        var port = new ContainerPort();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name": port = port with { Name = Str(value, p, field) }; break;
                case "hostPort": port = port with { HostPort = Int32(value, p, field) ?? 0 }; break;
                case "containerPort": port = port with { Port = Int32(value, p, field) ?? 0 }; break;
                case "protocol": port = port with { Protocol = Str(value, p, field) }; break;
                case "hostIP": port = port with { HostIP = Str(value, p, field) }; break;
            }
        }

        return port;
    }

    public ResourceRequirements ReadResourceRequirements(ManifestNode node, string path, SchemaField self)
    {
        var r = ResourceRequirements.Empty;
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                // `{}` is a non-nil empty map in Go, `null` none (LimitsGivenEmpty/RequestsGivenEmpty; VAL-016).
                case "limits":
                    r = r with { Limits = ResourceList(value, p, field) };
                    r = r with { LimitsGivenEmpty = r.Limits.IsEmpty && !IsNull(value) };
                    break;
                case "requests":
                    r = r with { Requests = ResourceList(value, p, field) };
                    r = r with { RequestsGivenEmpty = r.Requests.IsEmpty && !IsNull(value) };
                    break;
                case "claims":
                    // A list, even `[]`, is a non-nil slice in Go (ClaimsGiven; VAL-342, VAL-016); `null` is none.
                    ReadGenerated(ref r, key, value, p, field);
                    r = r with { ClaimsGiven = !IsNull(value) };
                    break;
                default: ReadGenerated(ref r, key, value, p, field); break;
            }
        }

        return r;
    }

    private ContainerResizePolicy ReadResizePolicy(ManifestNode node, string path, SchemaField self)
    {
        string resource = "", policy = "";
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "resourceName": resource = Str(value, p, field); break;
                case "restartPolicy": policy = Str(value, p, field); break;
            }
        }

        return new ContainerResizePolicy(resource, policy);
    }

    private ContainerRestartRule ReadRestartRule(ManifestNode node, string path, SchemaField self)
    {
        var rule = new ContainerRestartRule();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "action": rule = rule with { Action = Str(value, p, field) }; break;
                case "exitCodes": rule = rule with { ExitCodes = IsNull(value) ? null : ReadExitCodes(value, p, field) }; break;
            }
        }

        return rule;
    }

    private ContainerRestartRuleOnExitCodes ReadExitCodes(ManifestNode node, string path, SchemaField self)
    {
        var codes = new ContainerRestartRuleOnExitCodes();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "operator": codes = codes with { Operator = Str(value, p, field) }; break;
                case "values": codes = codes with { Values = List(value, p, field, (n, ip, f) => Int32(n, ip, f) ?? 0) }; break;
            }
        }

        return codes;
    }

    private VolumeMount ReadVolumeMount(ManifestNode node, string path, SchemaField self)
    {
        var m = new VolumeMount();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name": m = m with { Name = Str(value, p, field) }; break;
                case "readOnly": m = m with { ReadOnly = Bool(value, p, field) ?? false }; break;
                case "mountPath": m = m with { MountPath = Str(value, p, field) }; break;
                case "subPath": m = m with { SubPath = Str(value, p, field) }; break;
                case "subPathExpr": m = m with { SubPathExpr = Str(value, p, field) }; break;
                default: ReadGenerated(ref m, key, value, p, field); break;
            }
        }

        return m;
    }
}
