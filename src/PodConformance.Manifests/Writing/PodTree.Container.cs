using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Writing;

/// <summary>Containers, env, resources, probes and lifecycle hooks.</summary>
internal static partial class PodTree
{
    /// <summary>An explicit empty <c>ports</c>, <c>resizePolicy</c> or <c>restartPolicyRules</c> stays (the *GivenEmpty marks: Go keeps it non-nil, VAL-016).</summary>
    private static ManifestMapping Container(Container c, bool ephemeral)
    {
        var b = new TreeBuilder()
            .Str("name", c.Name, always: true)
            .Str("image", c.Image)
            .StringList("command", c.Command)
            .StringList("args", c.Args)
            .Str("workingDir", c.WorkingDir)
            .List("ports", c.Ports, ContainerPort, keepEmpty: c.PortsGivenEmpty)
            .List("envFrom", c.EnvFrom, EnvFrom)
            .List("env", c.Env, EnvVar)
            .Node("resources", Resources(c.Resources))
            .List("resizePolicy", c.ResizePolicy, r => new TreeBuilder()
                .Str("resourceName", r.ResourceName, always: true)
                .Str("restartPolicy", r.RestartPolicy, always: true)
                .Build(), keepEmpty: c.ResizePolicyGivenEmpty)
            .StrPointer("restartPolicy", c.RestartPolicy)
            .List("restartPolicyRules", c.RestartPolicyRules, RestartRule, keepEmpty: c.RestartPolicyRulesGivenEmpty)
            .List("volumeMounts", c.VolumeMounts, VolumeMount)
            .Node("livenessProbe", c.LivenessProbe is null ? null : Probe(c.LivenessProbe))
            .Node("readinessProbe", c.ReadinessProbe is null ? null : Probe(c.ReadinessProbe))
            .Node("startupProbe", c.StartupProbe is null ? null : Probe(c.StartupProbe))
            .Node("lifecycle", c.Lifecycle is null ? null : Lifecycle(c.Lifecycle))
            .Str("terminationMessagePath", c.TerminationMessagePath)
            .Str("terminationMessagePolicy", c.TerminationMessagePolicy)
            .Str("imagePullPolicy", c.ImagePullPolicy);
        if (ephemeral)
        {
            b.Str("targetContainerName", c.TargetContainerName);
        }

        return WriteGenerated(b, c).Build(ephemeral ? GoFieldOrder.EphemeralContainer : GoFieldOrder.Container);
    }

    private static ManifestMapping ContainerPort(ContainerPort p) =>
        new TreeBuilder()
            .Str("name", p.Name)
            .Int("hostPort", p.HostPort)
            .Int("containerPort", p.Port, always: true)
            .Str("protocol", p.Protocol)
            .Str("hostIP", p.HostIP)
            .Build();

    private static ManifestMapping WriteResourceRequirements(ResourceRequirements r) => Resources(r);

    private static ManifestMapping Resources(ResourceRequirements r)
    {
        // An explicit empty `limits: {}` / `requests: {}` stays too (Go keeps it non-nil, VAL-016).
        var b = WriteGenerated(new TreeBuilder().ResourceList("limits", r.Limits, keepEmpty: r.LimitsGivenEmpty).ResourceList("requests", r.Requests, keepEmpty: r.RequestsGivenEmpty), r);

        // An explicit `claims: []` stays in a request (ClaimsGiven: Go keeps it non-nil, VAL-342/VAL-016).
        if (r.ClaimsGiven && r.Claims.IsEmpty)
        {
            b.Node("claims", new ManifestSequence(System.Collections.Immutable.ImmutableArray<ManifestNode>.Empty));
        }

        return b.Build(GoFieldOrder.ResourceRequirements);
    }

    private static ManifestMapping RestartRule(ContainerRestartRule r) =>
        new TreeBuilder()
            .Str("action", r.Action)
            .Node("exitCodes", r.ExitCodes is null ? null : new TreeBuilder()
                .Str("operator", r.ExitCodes.Operator, always: true)
                .List("values", r.ExitCodes.Values, v => new ManifestScalar(v.ToString(System.Globalization.CultureInfo.InvariantCulture), ScalarKind.Int))
                .Build())
            .Build();

    private static ManifestMapping VolumeMount(VolumeMount m) =>
        WriteGenerated(new TreeBuilder()
            .Str("name", m.Name, always: true)
            .Bool("readOnly", m.ReadOnly)
            .Str("mountPath", m.MountPath, always: true)
            .Str("subPath", m.SubPath)
            .Str("subPathExpr", m.SubPathExpr), m)
            .Build(GoFieldOrder.VolumeMount);

    private static ManifestMapping EnvFrom(EnvFromSource e) =>
        new TreeBuilder()
            .Str("prefix", e.Prefix)
            .Node("configMapRef", e.ConfigMapRef is null ? null : ObjectReference(e.ConfigMapRef))
            .Node("secretRef", e.SecretRef is null ? null : ObjectReference(e.SecretRef))
            .Build();

    private static ManifestMapping ObjectReference(ObjectReference r) =>
        new TreeBuilder().Str("name", r.Name).Bool("optional", r.Optional).Build();

    private static ManifestMapping EnvVar(EnvVar e) =>
        new TreeBuilder()
            .Str("name", e.Name, always: true)
            .Str("value", e.Value)
            .Node("valueFrom", e.ValueFrom is null ? null : WriteGenerated(new TreeBuilder()
                .Node("fieldRef", e.ValueFrom.FieldRef is null ? null : FieldSelector(e.ValueFrom.FieldRef))
                .Node("resourceFieldRef", e.ValueFrom.ResourceFieldRef is null ? null : ResourceFieldSelector(e.ValueFrom.ResourceFieldRef))
                .Node("configMapKeyRef", e.ValueFrom.ConfigMapKeyRef is null ? null : KeySelector(e.ValueFrom.ConfigMapKeyRef))
                .Node("secretKeyRef", e.ValueFrom.SecretKeyRef is null ? null : KeySelector(e.ValueFrom.SecretKeyRef)), e.ValueFrom)
                .Build(GoFieldOrder.EnvVarSource))
            .Build();

    private static ManifestMapping FieldSelector(ObjectFieldSelector s) =>
        new TreeBuilder().Str("apiVersion", s.ApiVersion).Str("fieldPath", s.FieldPath, always: true).Build();

    private static ManifestMapping ResourceFieldSelector(ResourceFieldSelector s) =>
        new TreeBuilder()
            .Str("containerName", s.ContainerName)
            .Str("resource", s.Resource, always: true)
            .Quantity("divisor", s.Divisor)
            .Build();

    private static ManifestMapping KeySelector(KeySelector s) =>
        new TreeBuilder().Str("name", s.Name).Str("key", s.Key, always: true).Bool("optional", s.Optional).Build();

    private static ManifestMapping Probe(Probe p) =>
        Handler(new TreeBuilder(), p.Handler, lifecycle: false)
            .Int("initialDelaySeconds", p.InitialDelaySeconds)
            .Int("timeoutSeconds", p.TimeoutSeconds)
            .Int("periodSeconds", p.PeriodSeconds)
            .Int("successThreshold", p.SuccessThreshold)
            .Int("failureThreshold", p.FailureThreshold)
            .Int("terminationGracePeriodSeconds", p.TerminationGracePeriodSeconds)
            .Build();

    private static ManifestMapping Lifecycle(Lifecycle l) =>
        WriteGenerated(new TreeBuilder()
            .Node("postStart", l.PostStart is null ? null : Handler(new TreeBuilder(), l.PostStart, lifecycle: true).Build())
            .Node("preStop", l.PreStop is null ? null : Handler(new TreeBuilder(), l.PreStop, lifecycle: true).Build()), l)
            .Build(GoFieldOrder.Lifecycle);

    /// <summary>Probes may use grpc, lifecycle hooks may sleep; each writes only the actions its Go type has.</summary>
    private static TreeBuilder Handler(TreeBuilder b, ProbeHandler h, bool lifecycle)
    {
        b.Node("exec", h.ExecCommand is { } command ? new TreeBuilder().StringList("command", command).Build() : null)
            .Node("httpGet", h.HttpGet is { } get ? WriteGenerated(new TreeBuilder()
                .Str("path", get.Path)
                .Node("port", IntOrStr(get.Port))
                .Str("host", get.Host)
                .Str("scheme", get.Scheme), get)
                .Build(GoFieldOrder.HTTPGetAction) : null)
            .Node("tcpSocket", h.TcpSocketPort is { } port ? WriteGeneratedTcpSocket(new TreeBuilder().Node("port", IntOrStr(port)), h).Build() : null);
        if (lifecycle)
        {
            b.Node("sleep", h.SleepSeconds is { } s ? new TreeBuilder().Int("seconds", s, always: true).Build() : null);
        }
        else
        {
            b.Node("grpc", h.GrpcPort is { } g ? WriteGeneratedGrpc(new TreeBuilder().Int("port", g, always: true), h).Build() : null);
        }

        return b;
    }
}
