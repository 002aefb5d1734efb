using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Generators;

/// <summary>
/// Security and host settings for generated pods (VAL-200…222, DEF-200…206), valid by construction under every supported
/// profile: ids in range, sysctls that do not clash with the host namespaces chosen, seccomp/AppArmor fields with
/// matching annotations, <c>os</c> consistent with the fields, host namespaces only where no host port or user namespace
/// forbids them. The larger FsCheck's size, the more settings a pod gets.
/// </summary>
public static class SecurityGen
{
    private static readonly string[] SafeSysctls = ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "kernel.msgmax", "vm.swappiness"];

    /// <summary>Adds security settings to a valid pod; how many grows with the generator's size.</summary>
    public static Gen<Pod> Decorate(Pod pod) =>
        Gen.Sized(size => Gen.Choose(0, 100).SelectMany(roll =>
            roll < 100 - Math.Min(size, 60) ? Gen.Constant(pod) : Secure(pod)));

    private static Gen<Pod> Secure(Pod pod) =>
        from os in Gen.Frequency((6, Gen.Constant("")), (3, Gen.Constant("linux")), (1, Gen.Constant("windows")))
        from secured in os == "windows" ? Windows(pod) : Linux(pod, os)
        select secured;

    /// <summary>A Windows pod: only Windows options (a host-process pod needs hostNetwork and no ports).</summary>
    private static Gen<Pod> Windows(Pod pod) =>
        from userName in Gen.Elements("ContainerUser", "NT AUTHORITY\\NETWORK SERVICE", "corp.example.com\\svc-web")
        from gmsa in GenSequence.Chance(30)
        select pod with
        {
            Spec = pod.Spec with
            {
                OS = new PodOS { Name = "windows" },
                SecurityContext = new PodSecurityContext
                {
                    WindowsOptions = new WindowsSecurityContextOptions { RunAsUserName = userName, GMSACredentialSpecName = gmsa ? "gmsa-webapp" : null },
                },
            },
        };

    private static Gen<Pod> Linux(Pod pod, string os) =>
        from runAsUser in Gen.Elements<long?>(null, 0, 1000, 65534, 2147483647)
        from runAsGroup in Gen.Elements<long?>(null, 0, 3000)
        from fsGroup in Gen.Elements<long?>(null, 2000, 0)
        from runAsNonRoot in Gen.Elements<bool?>(null, true, false)
        from groups in Gen.Elements<long[]>([], [4000], [1, 2147483647])
        from changePolicy in Gen.Elements<string?>(null, "OnRootMismatch", "Always")
        from groupsPolicy in Gen.Elements<string?>(null, null, "Merge", "Strict")
        from seLinuxChange in Gen.Elements<string?>(null, null, "Recursive")
        from seLinux in GenSequence.Chance(20)
        from seccomp in Gen.Elements<SeccompProfile?>(null, new SeccompProfile { Type = "RuntimeDefault" }, new SeccompProfile { Type = "Unconfined" }, new SeccompProfile { Type = "Localhost", LocalhostProfile = "profiles/audit.json" })
        from seccompAnnotation in GenSequence.Chance(25)
        from appArmor in Gen.Elements<AppArmorProfile?>(null, new AppArmorProfile { Type = "RuntimeDefault" }, new AppArmorProfile { Type = "Localhost", LocalhostProfile = "k8s-apparmor-example" })
        from sysctlCount in Gen.Choose(0, 2)
        from hostChoice in Gen.Choose(0, 9)
        from share in GenSequence.Chance(20)
        from containerSettings in GenSequence.Indexed(pod.Spec.Containers.Count, _ => ContainerSecurity)
        from containerAppArmorAnnotation in GenSequence.Chance(20)
        select Build(pod, os, new PodSecurityContext
        {
            RunAsUser = runAsUser,
            RunAsGroup = runAsGroup,
            FSGroup = fsGroup,
            RunAsNonRoot = runAsNonRoot,
            SupplementalGroups = ValueList.Of(groups),
            FSGroupChangePolicy = changePolicy,
            SupplementalGroupsPolicy = groupsPolicy,
            SELinuxChangePolicy = seLinuxChange,
            SELinuxOptions = seLinux ? new SELinuxOptions { Level = "s0:c123,c456" } : null,
            SeccompProfile = seccomp,
            AppArmorProfile = appArmor,
            Sysctls = ValueList.Of(SafeSysctls.Take(sysctlCount).Select(n => new Sysctl { Name = n, Value = "1" }).ToArray()),
        }, hostChoice, share, containerSettings, seccompAnnotation, containerAppArmorAnnotation);

    /// <summary>Container settings that hold under every profile (no Unmasked procMount, no CAP_SYS_ADMIN without escalation…).</summary>
    private static Gen<SecurityContext?> ContainerSecurity { get; } =
        from present in GenSequence.Chance(50)
        from privileged in Gen.Elements<bool?>(null, null, null, false, true)
        from escalation in Gen.Elements<bool?>(null, true, false)
        from readOnly in Gen.Elements<bool?>(null, true)
        from caps in Gen.Elements<Capabilities?>(null, new Capabilities { Drop = ["ALL"] }, new Capabilities { Add = ["NET_BIND_SERVICE"], Drop = ["ALL"] })
        from runAsUser in Gen.Elements<long?>(null, 1001)
        from procMount in Gen.Elements<string?>(null, null, "Default")
        from seccomp in Gen.Elements<SeccompProfile?>(null, null, new SeccompProfile { Type = "RuntimeDefault" })
        select present
            ? new SecurityContext
            {
                Privileged = privileged,
                AllowPrivilegeEscalation = privileged == true ? (escalation == false ? true : escalation) : escalation,
                ReadOnlyRootFilesystem = readOnly,
                Capabilities = caps,
                RunAsUser = runAsUser,
                ProcMount = procMount,
                SeccompProfile = seccomp,
            }
            : null;

    private static Pod Build(Pod pod, string os, PodSecurityContext sc, int hostChoice, bool share, SecurityContext?[] containerSettings, bool seccompAnnotation, bool containerAppArmorAnnotation)
    {
        var spec = pod.Spec;
        bool anyPorts = spec.Containers.AsSpan().ToArray().Any(c => !c.Ports.IsEmpty) || spec.InitContainers.AsSpan().ToArray().Any(c => !c.Ports.IsEmpty);

        // Host namespaces: hostNetwork only without ports (its defaulting would turn them into host ports that may clash),
        // and never together with a sysctl of that namespace; a user namespace only without any host namespace.
        bool hostNetwork = hostChoice == 1 && !anyPorts;
        bool hostPid = hostChoice == 2;
        bool hostIpc = hostChoice == 3;
        bool? hostUsers = hostChoice switch { 4 => false, 5 => true, _ => null };
        var sysctls = sc.Sysctls.AsSpan().ToArray()
            .Where(s => !(hostNetwork && s.Name.StartsWith("net.", StringComparison.Ordinal)) && !(hostIpc && s.Name.StartsWith("kernel.", StringComparison.Ordinal)))
            .ToArray();

        var containers = spec.Containers.AsSpan().ToArray();
        for (int i = 0; i < containers.Length; i++)
        {
            containers[i] = containers[i] with { SecurityContext = containerSettings[i] };
        }

        var annotations = pod.Metadata.Annotations;
        if (seccompAnnotation && sc.SeccompProfile is { } profile)
        {
            annotations = annotations.SetItem("seccomp.security.alpha.kubernetes.io/pod", profile.Type switch
            {
                "RuntimeDefault" => "runtime/default",
                "Unconfined" => "unconfined",
                _ => "localhost/" + profile.LocalhostProfile,
            });
        }

        if (containerAppArmorAnnotation && containers.Length > 0 && containers[0].SecurityContext?.AppArmorProfile is null)
        {
            // Copied into the container's field by the create strategy from 1.30 (DEF-205); equal to the pod's profile or not.
            annotations = annotations.SetItem("container.apparmor.security.beta.kubernetes.io/" + containers[0].Name, "runtime/default");
        }

        return pod with
        {
            Metadata = pod.Metadata with { Annotations = annotations },
            Spec = spec with
            {
                OS = os.Length == 0 ? null : new PodOS { Name = os },
                HostNetwork = hostNetwork,
                HostPID = hostPid,
                HostIPC = hostIpc,
                HostUsers = hostUsers,
                ShareProcessNamespace = share && !hostPid ? true : null,
                SecurityContext = sc with { Sysctls = ValueList.Of(sysctls) },
                Containers = ValueList.Of(containers),
            },
        };
    }
}
