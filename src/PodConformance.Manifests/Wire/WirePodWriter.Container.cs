using System.Text.Json;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Wire;

/// <summary>Twins of Writing/PodTree.Container.cs: containers, env, resources, probes and lifecycle hooks.</summary>
static partial class WirePodWriter
{
    /// <summary>An explicit empty <c>ports</c>, <c>resizePolicy</c> or <c>restartPolicyRules</c> stays (the *GivenEmpty marks: Go keeps it non-nil, VAL-016).</summary>
    private static void Hand(Utf8JsonWriter w, Container x, ContainerField f)
    {
        switch (f)
        {
            case ContainerField.Name: StrAlways(w, "name"u8, x.Name); break;
            case ContainerField.Image: Str(w, "image"u8, x.Image); break;
            case ContainerField.Command: StringList(w, "command"u8, x.Command); break;
            case ContainerField.Args: StringList(w, "args"u8, x.Args); break;
            case ContainerField.WorkingDir: Str(w, "workingDir"u8, x.WorkingDir); break;
            case ContainerField.Ports: Items(w, "ports"u8, x.Ports, WriteContainerPort, keepEmpty: x.PortsGivenEmpty); break;
            case ContainerField.EnvFrom: Items(w, "envFrom"u8, x.EnvFrom, WriteEnvFromSource); break;
            case ContainerField.Env: Items(w, "env"u8, x.Env, WriteEnvVar); break;
            case ContainerField.Resources: w.WritePropertyName("resources"u8); WriteResources(w, x.Resources); break;
            case ContainerField.ResizePolicy: Items(w, "resizePolicy"u8, x.ResizePolicy, WriteContainerResizePolicy, keepEmpty: x.ResizePolicyGivenEmpty); break;
            case ContainerField.RestartPolicy: StrPointer(w, "restartPolicy"u8, x.RestartPolicy); break;
            case ContainerField.RestartPolicyRules: Items(w, "restartPolicyRules"u8, x.RestartPolicyRules, WriteContainerRestartRule, keepEmpty: x.RestartPolicyRulesGivenEmpty); break;
            case ContainerField.VolumeMounts: Items(w, "volumeMounts"u8, x.VolumeMounts, WriteVolumeMount); break;
            case ContainerField.LivenessProbe: Probe(w, "livenessProbe"u8, x.LivenessProbe); break;
            case ContainerField.ReadinessProbe: Probe(w, "readinessProbe"u8, x.ReadinessProbe); break;
            case ContainerField.StartupProbe: Probe(w, "startupProbe"u8, x.StartupProbe); break;
            case ContainerField.Lifecycle: Obj(w, "lifecycle"u8, x.Lifecycle, WriteLifecycle); break;
            case ContainerField.TerminationMessagePath: Str(w, "terminationMessagePath"u8, x.TerminationMessagePath); break;
            case ContainerField.TerminationMessagePolicy: Str(w, "terminationMessagePolicy"u8, x.TerminationMessagePolicy); break;
            case ContainerField.ImagePullPolicy: Str(w, "imagePullPolicy"u8, x.ImagePullPolicy); break;
            case ContainerField.TargetContainerName: Str(w, "targetContainerName"u8, x.TargetContainerName); break;
            default: throw Unknown(f);
        }
    }

    private static void WriteContainerPort(Utf8JsonWriter w, ContainerPort p)
    {
        w.WriteStartObject();
        Str(w, "name"u8, p.Name);
        Int(w, "hostPort"u8, p.HostPort);
        IntAlways(w, "containerPort"u8, p.Port);
        Str(w, "protocol"u8, p.Protocol);
        Str(w, "hostIP"u8, p.HostIP);
        w.WriteEndObject();
    }

    /// <summary>
    /// <see cref="WriteResourceRequirements"/>, keeping an explicit <c>claims: []</c> (ClaimsGiven: Go keeps it non-nil,
    /// VAL-342/VAL-016); claims is the struct's last member, so it follows the generated members.
    /// </summary>
    internal static void WriteResources(Utf8JsonWriter w, ResourceRequirements x)
    {
        w.WriteStartObject();
        WriteResourceRequirementsFields(w, x);
        if (x.ClaimsGiven && x.Claims.IsEmpty)
        {
            w.WriteStartArray("claims"u8);
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void Hand(Utf8JsonWriter w, ResourceRequirements x, ResourceRequirementsField f)
    {
        switch (f)
        {
            // An explicit empty map stays (LimitsGivenEmpty/RequestsGivenEmpty: Go keeps it non-nil, VAL-016).
            case ResourceRequirementsField.Limits: ResourceList(w, "limits"u8, x.Limits, keepEmpty: x.LimitsGivenEmpty); break;
            case ResourceRequirementsField.Requests: ResourceList(w, "requests"u8, x.Requests, keepEmpty: x.RequestsGivenEmpty); break;
            default: throw Unknown(f);
        }
    }

    private static void WriteContainerResizePolicy(Utf8JsonWriter w, ContainerResizePolicy r)
    {
        w.WriteStartObject();
        StrAlways(w, "resourceName"u8, r.ResourceName);
        StrAlways(w, "restartPolicy"u8, r.RestartPolicy);
        w.WriteEndObject();
    }

    private static void WriteContainerRestartRule(Utf8JsonWriter w, ContainerRestartRule r)
    {
        w.WriteStartObject();
        Str(w, "action"u8, r.Action);
        if (r.ExitCodes is { } exitCodes)
        {
            w.WriteStartObject("exitCodes"u8);
            StrAlways(w, "operator"u8, exitCodes.Operator);
            IntList(w, "values"u8, exitCodes.Values);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Hand(Utf8JsonWriter w, VolumeMount x, VolumeMountField f)
    {
        switch (f)
        {
            case VolumeMountField.Name: StrAlways(w, "name"u8, x.Name); break;
            case VolumeMountField.ReadOnly: Bool(w, "readOnly"u8, x.ReadOnly); break;
            case VolumeMountField.MountPath: StrAlways(w, "mountPath"u8, x.MountPath); break;
            case VolumeMountField.SubPath: Str(w, "subPath"u8, x.SubPath); break;
            case VolumeMountField.SubPathExpr: Str(w, "subPathExpr"u8, x.SubPathExpr); break;
            default: throw Unknown(f);
        }
    }

    private static void WriteEnvFromSource(Utf8JsonWriter w, EnvFromSource e)
    {
        w.WriteStartObject();
        Str(w, "prefix"u8, e.Prefix);
        Obj(w, "configMapRef"u8, e.ConfigMapRef, WriteConfigMapEnvSource);

        Obj(w, "secretRef"u8, e.SecretRef, WriteSecretEnvSource);

        w.WriteEndObject();
    }

    private static void WriteEnvVar(Utf8JsonWriter w, EnvVar e)
    {
        w.WriteStartObject();
        StrAlways(w, "name"u8, e.Name);
        Str(w, "value"u8, e.Value);
        Obj(w, "valueFrom"u8, e.ValueFrom, WriteEnvVarSource);

        w.WriteEndObject();
    }

    private static void Hand(Utf8JsonWriter w, EnvVarSource x, EnvVarSourceField f)
    {
        switch (f)
        {
            case EnvVarSourceField.FieldRef: Obj(w, "fieldRef"u8, x.FieldRef, WriteObjectFieldSelector); break;
            case EnvVarSourceField.ResourceFieldRef: Obj(w, "resourceFieldRef"u8, x.ResourceFieldRef, WriteResourceFieldSelector); break;
            case EnvVarSourceField.ConfigMapKeyRef: KeySelector(w, "configMapKeyRef"u8, x.ConfigMapKeyRef); break;
            case EnvVarSourceField.SecretKeyRef: KeySelector(w, "secretKeyRef"u8, x.SecretKeyRef); break;
            default: throw Unknown(f);
        }
    }

    private static void WriteObjectFieldSelector(Utf8JsonWriter w, ObjectFieldSelector s)
    {
        w.WriteStartObject();
        Str(w, "apiVersion"u8, s.ApiVersion);
        StrAlways(w, "fieldPath"u8, s.FieldPath);
        w.WriteEndObject();
    }

    private static void WriteResourceFieldSelector(Utf8JsonWriter w, ResourceFieldSelector s)
    {
        w.WriteStartObject();
        Str(w, "containerName"u8, s.ContainerName);
        StrAlways(w, "resource"u8, s.Resource);
        QuantityPointer(w, "divisor"u8, s.Divisor);
        w.WriteEndObject();
    }

    private static void KeySelector(Utf8JsonWriter w, ReadOnlySpan<byte> key, KeySelector? s)
    {
        if (s is null)
        {
            return;
        }

        w.WriteStartObject(key);
        Str(w, "name"u8, s.Name);
        StrAlways(w, "key"u8, s.Key);
        Bool(w, "optional"u8, s.Optional);
        w.WriteEndObject();
    }

    private static void Probe(Utf8JsonWriter w, ReadOnlySpan<byte> key, Probe? p)
    {
        if (p is null)
        {
            return;
        }

        w.WriteStartObject(key);
        Handler(w, p.Handler, lifecycle: false);
        Int(w, "initialDelaySeconds"u8, p.InitialDelaySeconds);
        Int(w, "timeoutSeconds"u8, p.TimeoutSeconds);
        Int(w, "periodSeconds"u8, p.PeriodSeconds);
        Int(w, "successThreshold"u8, p.SuccessThreshold);
        Int(w, "failureThreshold"u8, p.FailureThreshold);
        Int(w, "terminationGracePeriodSeconds"u8, p.TerminationGracePeriodSeconds);
        w.WriteEndObject();
    }

    private static void Hand(Utf8JsonWriter w, Lifecycle x, LifecycleField f)
    {
        switch (f)
        {
            case LifecycleField.PostStart: LifecycleHandler(w, "postStart"u8, x.PostStart); break;
            case LifecycleField.PreStop: LifecycleHandler(w, "preStop"u8, x.PreStop); break;
            default: throw Unknown(f);
        }
    }

    private static void LifecycleHandler(Utf8JsonWriter w, ReadOnlySpan<byte> key, ProbeHandler? h)
    {
        if (h is null)
        {
            return;
        }

        w.WriteStartObject(key);
        Handler(w, h, lifecycle: true);
        w.WriteEndObject();
    }

    /// <summary>Probes may use grpc, lifecycle hooks may sleep; each writes only the actions its Go type has.</summary>
    private static void Handler(Utf8JsonWriter w, ProbeHandler h, bool lifecycle)
    {
        if (h.ExecCommand is { } command)
        {
            w.WriteStartObject("exec"u8);
            StringList(w, "command"u8, command);
            w.WriteEndObject();
        }

        Obj(w, "httpGet"u8, h.HttpGet, WriteHTTPGetAction);

        if (h.TcpSocketPort is { } port)
        {
            w.WriteStartObject("tcpSocket"u8);
            IntOrStr(w, "port"u8, port);
            WriteProbeHandlerRestTcpSocket(w, h);
            w.WriteEndObject();
        }

        if (lifecycle)
        {
            if (h.SleepSeconds is { } seconds)
            {
                w.WriteStartObject("sleep"u8);
                IntAlways(w, "seconds"u8, seconds);
                w.WriteEndObject();
            }
        }
        else if (h.GrpcPort is { } grpc)
        {
            w.WriteStartObject("grpc"u8);
            IntAlways(w, "port"u8, grpc);
            WriteProbeHandlerRestGrpc(w, h);
            w.WriteEndObject();
        }
    }

    private static void Hand(Utf8JsonWriter w, HttpGetAction x, HttpGetActionField f)
    {
        switch (f)
        {
            case HttpGetActionField.Path: Str(w, "path"u8, x.Path); break;
            case HttpGetActionField.Port: IntOrStr(w, "port"u8, x.Port); break;
            case HttpGetActionField.Host: Str(w, "host"u8, x.Host); break;
            case HttpGetActionField.Scheme: Str(w, "scheme"u8, x.Scheme); break;
            default: throw Unknown(f);
        }
    }
}
