namespace PodConformance.Model.Admission;

/// <summary>
/// The manifest fields a create is checked on in full (ADM-099): every rule Kubernetes applies to the field is in the
/// model, or Kubernetes applies none. Any other field a manifest sets is reported as not checked, so no verb answers
/// "valid" for something the model did not look at. An area that gains validation rules adds its paths here.
/// </summary>
/// <remarks>
/// Path patterns: segments separated by dots; <c>[]</c> stands for any list index, <c>*</c> for any one map key,
/// <c>**</c> for anything below. Patterns are matched against the fields the user set (defaulting and admission add
/// only what the model itself computes).
/// </remarks>
public static class CheckedFields
{
    /// <summary>Fields of a container of any list (regular, init, ephemeral): the container rules of spec/validation.md.</summary>
    private static readonly string[] ContainerFields =
    [
        "name", "image", "imagePullPolicy", "command[]", "args[]", "workingDir", "stdin", "stdinOnce", "tty",
        "terminationMessagePath", "terminationMessagePolicy",
        "ports[].name", "ports[].containerPort", "ports[].hostPort", "ports[].protocol",
        "env[].name", "env[].value", "env[].valueFrom.fieldRef.apiVersion", "env[].valueFrom.fieldRef.fieldPath",
        "env[].valueFrom.resourceFieldRef.containerName", "env[].valueFrom.resourceFieldRef.resource", "env[].valueFrom.resourceFieldRef.divisor",
        "env[].valueFrom.configMapKeyRef.name", "env[].valueFrom.configMapKeyRef.key", "env[].valueFrom.configMapKeyRef.optional",
        "env[].valueFrom.secretKeyRef.name", "env[].valueFrom.secretKeyRef.key", "env[].valueFrom.secretKeyRef.optional",
        "env[].valueFrom.fileKeyRef.key", "env[].valueFrom.fileKeyRef.volumeName", "env[].valueFrom.fileKeyRef.path", "env[].valueFrom.fileKeyRef.optional",
        "envFrom[].prefix", "envFrom[].configMapRef.name", "envFrom[].configMapRef.optional", "envFrom[].secretRef.name", "envFrom[].secretRef.optional",
        "resources.limits.*", "resources.requests.*",
        "resizePolicy[].resourceName", "resizePolicy[].restartPolicy",
        "restartPolicy", "restartPolicyRules[].action", "restartPolicyRules[].exitCodes.operator", "restartPolicyRules[].exitCodes.values[]",
        "volumeMounts[].name", "volumeMounts[].mountPath", "volumeMounts[].subPath", "volumeMounts[].subPathExpr", "volumeMounts[].readOnly",
        "lifecycle.postStart.exec.command[]", "lifecycle.postStart.httpGet.path", "lifecycle.postStart.httpGet.port", "lifecycle.postStart.httpGet.scheme",
        "lifecycle.postStart.tcpSocket.port", "lifecycle.postStart.sleep.seconds",
        "lifecycle.preStop.exec.command[]", "lifecycle.preStop.httpGet.path", "lifecycle.preStop.httpGet.port", "lifecycle.preStop.httpGet.scheme",
        "lifecycle.preStop.tcpSocket.port", "lifecycle.preStop.sleep.seconds", "lifecycle.stopSignal",
        "lifecycle.postStart.httpGet.protocol", "lifecycle.preStop.httpGet.protocol",
        "targetContainerName",

        // Security area (VAL-200…222).
        "securityContext.**",

        // Claims (VAL-342), mounts and devices (volumes area, VAL-6xx; what it skips it reports itself).
        "resources.claims[].**", "volumeMounts[].**", "volumeDevices[].**",
    ];

    private static readonly string[] ProbeFields =
    [
        "exec.command[]", "httpGet.path", "httpGet.port", "httpGet.scheme", "httpGet.protocol", "tcpSocket.port", "grpc.port", "grpc.mode",
        "initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold", "terminationGracePeriodSeconds",
    ];

    /// <summary>Every checked field pattern.</summary>
    public static IReadOnlyList<string> Patterns { get; } = Build();

    /// <summary>
    /// Annotations whose values change behaviour beyond admission. VAL-004 checks their values at create (mirror pod
    /// needs a node name, deletion cost an int32), but what they do (a kubelet's mirror pod, ReplicaSet scale-down
    /// order) is not modelled, so they stay "not checked" rather than pass for understood.
    /// </summary>
    public static IReadOnlyList<string> InterpretedAnnotationPrefixes { get; } =
    [
        "controller.kubernetes.io/pod-deletion-cost",
        "kubernetes.io/config.mirror",
    ];

    private static string[] Build()
    {
        var list = new List<string>
        {
            "apiVersion", "kind", "status.**",
            "metadata.name", "metadata.generateName", "metadata.namespace", "metadata.labels.*", "metadata.annotations.*",
            "metadata.uid", "metadata.creationTimestamp", "metadata.deletionTimestamp", "metadata.deletionGracePeriodSeconds", "metadata.selfLink",
            "spec.restartPolicy", "spec.dnsPolicy", "spec.terminationGracePeriodSeconds", "spec.activeDeadlineSeconds",
            "spec.nodeSelector.*", "spec.serviceAccountName", "spec.automountServiceAccountToken", "spec.nodeName", "spec.hostNetwork",
            "spec.schedulerName", "spec.priorityClassName", "spec.priority", "spec.enableServiceLinks", "spec.overhead.*",
            "spec.schedulingGates[].name", "spec.resources.limits.*", "spec.resources.requests.*",
            "spec.volumes[].name",

            // Security and host settings (VAL-200…222; the seccomp and AppArmor annotations are checked as well).
            "spec.securityContext.**", "spec.hostPID", "spec.hostIPC", "spec.hostUsers", "spec.os.name", "spec.shareProcessNamespace",

            // Scheduling, DNS and naming, claims (VAL-071…079, VAL-300…342).
            "spec.readinessGates[].conditionType", "spec.affinity.**", "spec.tolerations[].**", "spec.topologySpreadConstraints[].**",
            "spec.dnsConfig.**", "spec.hostAliases[].**", "spec.hostname", "spec.subdomain", "spec.hostnameOverride", "spec.runtimeClassName",
            "spec.preemptionPolicy", "spec.workloadRef.**", "spec.schedulingGroup.**", "spec.resourceClaims[].**",

            // Volumes (VAL-6xx; the fields the volume rules skip are reported by validation itself).
            "spec.volumes[].**",
            "spec.volumes[].downwardAPI.items[].path", "spec.volumes[].downwardAPI.items[].fieldRef.apiVersion",
            "spec.volumes[].downwardAPI.items[].fieldRef.fieldPath", "spec.volumes[].downwardAPI.items[].resourceFieldRef.containerName",
            "spec.volumes[].downwardAPI.items[].resourceFieldRef.resource", "spec.volumes[].downwardAPI.items[].resourceFieldRef.divisor",
        };

        foreach (string list2 in (string[])["spec.containers[]", "spec.initContainers[]", "spec.ephemeralContainers[]"])
        {
            foreach (string f in ContainerFields)
            {
                list.Add(list2 + "." + f);
            }

            foreach (string probe in (string[])["livenessProbe", "readinessProbe", "startupProbe"])
            {
                foreach (string f in ProbeFields)
                {
                    list.Add(list2 + "." + probe + "." + f);
                }
            }
        }

        return [.. list];
    }
}
