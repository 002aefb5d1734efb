using PodConformance.Model.Api;
using PodConformance.Model.Events;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Describe;

/// <summary>describePod's lines before the containers (DESC-010…016), in its order.</summary>
internal static class DescribeHeader
{
    private const string LastAppliedConfiguration = "kubectl.kubernetes.io/last-applied-configuration";

    public static void Write(DescribeWriter w, Pod pod, PodStatus status, DateTimeOffset now, Profile kubectl)
    {
        var meta = pod.Metadata;
        var spec = pod.Spec;
        w.Write(DescribeWriter.Level0, "Name:\t" + meta.Name + "\n");
        w.Write(DescribeWriter.Level0, "Namespace:\t" + meta.Namespace + "\n");
        if (spec.Priority is { } priority)
        {
            w.Write(DescribeWriter.Level0, "Priority:\t" + GoText.Int(priority) + "\n");
        }

        if (spec.PriorityClassName.Length > 0)
        {
            w.Write(DescribeWriter.Level0, "Priority Class Name:\t" + spec.PriorityClassName + "\n");
        }

        if (spec.RuntimeClassName is { Length: > 0 } runtimeClass)
        {
            w.Write(DescribeWriter.Level0, "Runtime Class Name:\t" + runtimeClass + "\n");
        }

        if (spec.ServiceAccountName.Length > 0)
        {
            w.Write(DescribeWriter.Level0, "Service Account:\t" + spec.ServiceAccountName + "\n");
        }

        // DESC-011: NODE/HOSTIP, the host IP empty until the kubelet reports it ("node-1/").
        w.Write(DescribeWriter.Level0, spec.NodeName.Length == 0 ? "Node:\t<none>\n" : "Node:\t" + spec.NodeName + "/" + status.HostIP + "\n");
        if (status.StartTime is { } start)
        {
            w.Write(DescribeWriter.Level0, "Start Time:\t" + GoText.Rfc1123Z(start) + "\n");
        }

        DescribeMultiline.Labels(w, "Labels", meta.Labels);
        DescribeMultiline.Annotations(w, "Annotations", meta.Annotations, LastAppliedConfiguration);
        WriteStatus(w, pod, status, now, kubectl);
        if (status.Reason.Length > 0)
        {
            w.Write(DescribeWriter.Level0, "Reason:\t" + status.Reason + "\n");
        }

        if (status.Message.Length > 0)
        {
            w.Write(DescribeWriter.Level0, "Message:\t" + status.Message + "\n");
        }

        if (spec.SecurityContext?.SeccompProfile is { } seccomp)
        {
            WriteSeccomp(w, seccomp, DescribeWriter.Level0, DescribeWriter.Level0);
        }

        w.Write(DescribeWriter.Level0, "IP:\t" + status.PodIP + "\n");
        if (status.PodIPs.IsEmpty)
        {
            w.Write(DescribeWriter.Level0, "IPs:\t<none>\n");
        }
        else
        {
            w.Write(DescribeWriter.Level0, "IPs:\n");
            foreach (string ip in status.PodIPs)
            {
                w.Write(DescribeWriter.Level1, "IP:\t" + ip + "\n");
            }
        }

        // metav1.GetControllerOf: the first owner reference with controller: true.
        foreach (var owner in meta.OwnerReferences)
        {
            if (owner.Controller == true)
            {
                w.Write(DescribeWriter.Level0, "Controlled By:\t" + owner.Kind + "/" + owner.Name + "\n");
                break;
            }
        }

        if (status.NominatedNodeName.Length > 0)
        {
            w.Write(DescribeWriter.Level0, "NominatedNodeName:\t" + status.NominatedNodeName + "\n");
        }

        // DESC-016: pod-level resources, from kubectl 1.32.
        if (kubectl.Version >= new KubernetesVersion(1, 32) && spec.Resources is { } resources)
        {
            w.Write(DescribeWriter.Level0, "Resources:\n");
            DescribeContainers.WriteResources(w, resources, DescribeWriter.Level1);
        }
    }

    /// <summary>
    /// DESC-012: <c>Terminating (lasts AGE)</c> and the grace period while a deletion is pending; from kubectl 1.31 only
    /// for a pod not yet Failed or Succeeded, before that for any phase.
    /// </summary>
    private static void WriteStatus(DescribeWriter w, Pod pod, PodStatus status, DateTimeOffset now, Profile kubectl)
    {
        bool terminal = status.Phase is "Failed" or "Succeeded";
        if (pod.Metadata.DeletionTimestamp is { } deleted && (!terminal || kubectl.Version < new KubernetesVersion(1, 31)))
        {
            w.Write(DescribeWriter.Level0, "Status:\tTerminating (lasts " + EventAge.Since(deleted, now) + ")\n");
            if (pod.Metadata.DeletionGracePeriodSeconds is { } grace)
            {
                w.Write(DescribeWriter.Level0, "Termination Grace Period:\t" + GoText.Int(grace) + "s\n");
            }
            else
            {
                w.NotRendered.Add("Termination Grace Period: deletionGracePeriodSeconds is unset, where kubectl dereferences a nil pointer");
            }

            return;
        }

        w.Write(DescribeWriter.Level0, "Status:\t" + status.Phase + "\n");
    }

    /// <summary>DESC-013: the seccomp profile type and, for Localhost, the profile (pod: level 0; container: 2 and 3).</summary>
    public static void WriteSeccomp(DescribeWriter w, SeccompProfile seccomp, int level, int localhostLevel)
    {
        w.Write(level, "SeccompProfile:\t" + seccomp.Type + "\n");
        if (seccomp.Type == "Localhost")
        {
            if (seccomp.LocalhostProfile is { } profile)
            {
                w.Write(localhostLevel, "LocalhostProfile:\t" + profile + "\n");
            }
            else
            {
                w.NotRendered.Add("LocalhostProfile: unset with type Localhost, where kubectl dereferences a nil pointer");
            }
        }
    }
}
