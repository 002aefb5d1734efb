using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;
using static PodConformance.Model.Tests.Validation.TestPods;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// Exact texts, paths, order and release differences of the security rules (VAL-200…222), written from
/// pkg/apis/core/validation/validation.go at v1.28.0 … v1.35.7 (spec/validation.md "Security and host settings").
/// </summary>
public class SecurityValidationTests
{
    private static Pod WithSc(PodSecurityContext sc) => OneContainer().WithSpec(s => s with { SecurityContext = sc });

    private static Pod WithCsc(SecurityContext sc) => Pod(Container() with { SecurityContext = sc });

    private static string[] At(Pod pod, int minor) => Errors(pod, V(minor));

    private static Profile Gates(int minor, params (string Gate, bool On)[] gates) => new(new KubernetesVersion(1, minor), ValueMap.Of(gates));

    [Fact]
    public void Pod_ids_are_checked_in_upstream_order_VAL_200()
    {
        var pod = WithSc(new PodSecurityContext { RunAsGroup = -1, RunAsUser = 2147483648, FSGroup = -2, SupplementalGroups = [5, -1] });
        Assert.Equal(
            [
                "spec.securityContext.fsGroup: Invalid value: -2: must be between 0 and 2147483647, inclusive",
                "spec.securityContext.runAsUser: Invalid value: 2147483648: must be between 0 and 2147483647, inclusive",
                "spec.securityContext.runAsGroup: Invalid value: -1: must be between 0 and 2147483647, inclusive",
                "spec.securityContext.supplementalGroups[1]: Invalid value: -1: must be between 0 and 2147483647, inclusive",
            ],
            At(pod, 33));
    }

    [Fact]
    public void Share_process_namespace_with_host_pid_is_reported_at_the_internal_path_even_without_a_security_context_VAL_202()
    {
        var pod = OneContainer().WithSpec(s => s with { HostPID = true, ShareProcessNamespace = true, SecurityContext = null });
        Assert.Equal(["spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled"], At(pod, 28));
    }

    /// <summary>
    /// 1.37 (kubernetes validation.go at 78e971a4bc0dc76845d7986495607ed6d5b616a7): validateShareProcessNamespace(spec,
    /// specPath) runs right after the pod security context, at spec.shareProcessNamespace — after a bad sysctl, which
    /// came second before.
    /// </summary>
    [Fact]
    public void Share_process_namespace_with_host_pid_is_reported_on_the_spec_after_the_security_context_from_1_37_VAL_202()
    {
        var pod = WithSc(new PodSecurityContext { Sysctls = [new Sysctl { Name = "" }] }).WithSpec(s => s with { HostPID = true, ShareProcessNamespace = true });
        Assert.Equal(
            [
                "spec.securityContext.sysctls[0].name: Required value",
                "spec.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled",
            ],
            At(pod, 37));
        Assert.Equal(
            [
                "spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled",
                "spec.securityContext.sysctls[0].name: Required value",
            ],
            At(pod, 36));
        var bare = OneContainer().WithSpec(s => s with { HostPID = true, ShareProcessNamespace = true, SecurityContext = null });
        Assert.Equal(["spec.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled"], At(bare, 37));
    }

    [Fact]
    public void Sysctl_names_required_invalid_duplicate_VAL_203()
    {
        var pod = WithSc(new PodSecurityContext { Sysctls = [new Sysctl { Name = "" }, new Sysctl { Name = "_x" }, new Sysctl { Name = "_x" }, new Sysctl { Name = "kernel.msgmax" }, new Sysctl { Name = "kernel.msgmax" }] });
        Assert.Equal(
            [
                "spec.securityContext.sysctls[0].name: Required value",
                @"spec.securityContext.sysctls[1].name: Invalid value: ""_x"": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$",
                @"spec.securityContext.sysctls[2].name: Invalid value: ""_x"": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$",
                @"spec.securityContext.sysctls[4].name: Duplicate value: ""kernel.msgmax""",
            ],
            At(pod, 33));
    }

    [Theory]
    [InlineData("net.core.somaxconn", true, false, "hostNetwork")]
    [InlineData("net/ipv4/conf/eth0.100/forwarding", true, false, "hostNetwork")]
    [InlineData("kernel.shm_rmid_forced", false, true, "hostIPC")]
    [InlineData("fs.mqueue.msg_max", false, true, "hostIPC")]
    [InlineData("kernel.msgmax", false, true, "hostIPC")]
    public void Namespaced_sysctls_conflict_with_host_namespaces_from_1_29_VAL_204(string name, bool hostNetwork, bool hostIpc, string what)
    {
        var pod = WithSc(new PodSecurityContext { Sysctls = [new Sysctl { Name = name }] }).WithSpec(s => s with { HostNetwork = hostNetwork, HostIPC = hostIpc });
        Assert.Empty(At(pod, 28));
        Assert.Equal([$"spec.securityContext.sysctls[0].name: Invalid value: \"{name}\": may not be specified when '{what}' is true"], At(pod, 29));
    }

    [Theory]
    [InlineData("kernel.shmmaxx", SysctlNamespace.Unknown)]
    [InlineData("kernel.shm", SysctlNamespace.Ipc)]
    [InlineData("kernel.sem", SysctlNamespace.Ipc)]
    [InlineData("net", SysctlNamespace.Unknown)]
    [InlineData("net.*", SysctlNamespace.Net)]
    [InlineData("fs.mqueue", SysctlNamespace.Unknown)]
    [InlineData("vm.swappiness", SysctlNamespace.Unknown)]
    [InlineData("net/ipv4/ip_forward", SysctlNamespace.Net)]
    public void Sysctl_namespaces_follow_component_helpers_GetNamespace(string name, SysctlNamespace expected) =>
        Assert.Equal(expected, SysctlNames.NamespaceOf(name));

    [Fact]
    public void FsGroupChangePolicy_and_named_values_print_as_json_from_1_34_VAL_205()
    {
        var pod = WithSc(new PodSecurityContext { FSGroupChangePolicy = "<x>" });
        Assert.Equal([@"spec.securityContext.fsGroupChangePolicy: Unsupported value: ""<x>"": supported values: ""Always"", ""OnRootMismatch"""], At(pod, 33));
        Assert.Equal([@"spec.securityContext.fsGroupChangePolicy: Unsupported value: ""\u003cx\u003e"": supported values: ""Always"", ""OnRootMismatch"""], At(pod, 34));
    }

    [Fact]
    public void Seccomp_profile_fields_VAL_206()
    {
        Assert.Equal(["spec.securityContext.seccompProfile.type: Required value: type is required when seccompProfile is set"], At(WithSc(new PodSecurityContext { SeccompProfile = new SeccompProfile() }), 35));
        Assert.Equal(["spec.containers[0].securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost"],
            At(WithCsc(new SecurityContext { SeccompProfile = new SeccompProfile { Type = "Localhost" } }), 35));
        Assert.Equal(
            [
                @"spec.securityContext.seccompProfile.localhostProfile: Invalid value: ""/abs/../x"": must be a relative path",
                @"spec.securityContext.seccompProfile.localhostProfile: Invalid value: ""/abs/../x"": must not contain '..'",
            ],
            At(WithSc(new PodSecurityContext { SeccompProfile = new SeccompProfile { Type = "Localhost", LocalhostProfile = "/abs/../x" } }), 35));
        Assert.Equal([@"spec.securityContext.seccompProfile.type: Unsupported value: ""Strict"": supported values: ""Localhost"", ""RuntimeDefault"", ""Unconfined"""],
            At(WithSc(new PodSecurityContext { SeccompProfile = new SeccompProfile { Type = "Strict" } }), 30));
    }

    [Fact]
    public void A_localhost_profile_with_another_type_prints_the_whole_profile_VAL_201_VAL_206()
    {
        var pod = WithSc(new PodSecurityContext { SeccompProfile = new SeccompProfile { Type = "RuntimeDefault", LocalhostProfile = "x" } });
        Assert.Equal([@"spec.securityContext.seccompProfile.localhostProfile: Invalid value: core.SeccompProfile{Type:""RuntimeDefault"", LocalhostProfile:(*string)(0xc000000000)}: can only be set when seccomp type is Localhost"], At(pod, 33));
        Assert.Equal([@"spec.securityContext.seccompProfile.localhostProfile: Invalid value: {""Type"":""RuntimeDefault"",""LocalhostProfile"":""x""}: can only be set when seccomp type is Localhost"], At(pod, 34));
    }

    [Fact]
    public void Windows_run_as_user_name_reports_every_failing_part_VAL_207()
    {
        var pod = WithSc(new PodSecurityContext { WindowsOptions = new WindowsSecurityContextOptions { RunAsUserName = ".bad:domain\\" + new string('u', 105) + "@" } });
        string v = "\".bad:domain\\\\" + new string('u', 105) + "@\"";
        Assert.Equal(
            [
                $"spec.securityContext.windowsOptions.runAsUserName: Invalid value: {v}: runAsUserName's Domain doesn't match the NetBios nor the DNS format",
                $"spec.securityContext.windowsOptions.runAsUserName: Invalid value: {v}: runAsUserName's User length must not be longer than 104 characters",
                $"spec.securityContext.windowsOptions.runAsUserName: Invalid value: {v}: runAsUserName's User cannot contain the following characters: \"/\\:;|=,+*?<>@[]",
            ],
            At(pod, 33));
    }

    [Fact]
    public void AppArmor_localhost_profile_too_long_changed_wording_in_1_32_VAL_208()
    {
        var pod = WithSc(new PodSecurityContext { AppArmorProfile = new AppArmorProfile { Type = "Localhost", LocalhostProfile = new string('a', 4096) } });
        Assert.Equal(["spec.securityContext.appArmorProfile.localhostProfile: Too long: may not be longer than 4095"], At(pod, 31));
        Assert.Equal(["spec.securityContext.appArmorProfile.localhostProfile: Too long: may not be more than 4095 bytes"], At(pod, 32));
        Assert.Empty(At(pod, 29)); // no such field before 1.30
    }

    [Fact]
    public void AppArmor_padded_and_misplaced_localhost_profiles_VAL_208()
    {
        Assert.Equal([@"spec.containers[0].securityContext.appArmorProfile.localhostProfile: Invalid value: "" p"": must not be padded with whitespace"],
            At(WithCsc(new SecurityContext { AppArmorProfile = new AppArmorProfile { Type = "Localhost", LocalhostProfile = " p" } }), 35));
        Assert.Equal([@"spec.containers[0].securityContext.appArmorProfile.localhostProfile: Invalid value: ""p"": can only be set when AppArmor type is Localhost"],
            At(WithCsc(new SecurityContext { AppArmorProfile = new AppArmorProfile { Type = "Unconfined", LocalhostProfile = "p" } }), 35));
    }

    [Fact]
    public void Supplemental_groups_policy_is_dropped_while_its_gate_is_off_VAL_209()
    {
        var pod = WithSc(new PodSecurityContext { SupplementalGroupsPolicy = "Loose" });
        Assert.Empty(At(pod, 32));
        Assert.Equal([@"spec.securityContext.supplementalGroupsPolicy: Unsupported value: ""Loose"": supported values: ""Merge"", ""Strict"""], At(pod, 33));
    }

    [Fact]
    public void SELinux_change_policy_is_recursive_only_unless_SELinuxMount_VAL_210()
    {
        var pod = WithSc(new PodSecurityContext { SELinuxChangePolicy = "MountOption" });
        Assert.Empty(At(pod, 32)); // gate off: dropped
        Assert.Equal([@"spec.securityContext.seLinuxChangePolicy: Unsupported value: ""MountOption"": supported values: ""Recursive"""], At(pod, 33));
        Assert.Empty(Errors(pod, Gates(33, ("SELinuxMount", true))));
    }

    [Fact]
    public void Container_ids_come_after_the_other_container_checks_VAL_211()
    {
        var pod = Pod(Container() with { ImagePullPolicy = "Sometimes", SecurityContext = new SecurityContext { RunAsUser = -1, RunAsGroup = -1, Privileged = true } });
        Assert.Equal(
            [
                @"spec.containers[0].imagePullPolicy: Unsupported value: ""Sometimes"": supported values: ""Always"", ""IfNotPresent"", ""Never""",
                "spec.containers[0].securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive",
                "spec.containers[0].securityContext.runAsGroup: Invalid value: -1: must be between 0 and 2147483647, inclusive",
            ],
            At(pod, 35));
    }

    [Fact]
    public void ProcMount_needs_its_gate_and_from_1_30_a_user_namespace_for_Unmasked_VAL_212()
    {
        var unmasked = WithCsc(new SecurityContext { ProcMount = "Unmasked" });
        Assert.Empty(At(unmasked, 32)); // ProcMountType off: rewritten to Default before validation
        Assert.Equal([@"spec.containers[0].securityContext.procMount: Invalid value: ""Unmasked"": `hostUsers` must be false to use `Unmasked`"], At(unmasked, 33));
        Assert.Empty(At(unmasked.WithSpec(s => s with { HostUsers = false }), 33));
        Assert.Empty(Errors(unmasked, Gates(29, ("ProcMountType", true))));
        Assert.Equal([@"spec.containers[0].securityContext.procMount: Unsupported value: ""Masked"": supported values: ""Default"", ""Unmasked"""],
            At(WithCsc(new SecurityContext { ProcMount = "Masked" }), 35));
    }

    [Fact]
    public void No_privilege_escalation_conflicts_with_privileged_and_each_CAP_SYS_ADMIN_VAL_213()
    {
        var sc = new SecurityContext { AllowPrivilegeEscalation = false, Privileged = true, Capabilities = new Capabilities { Add = ["CAP_SYS_ADMIN", "NET_ADMIN", "CAP_SYS_ADMIN"] } };
        string json = @"{""Capabilities"":{""Add"":[""CAP_SYS_ADMIN"",""NET_ADMIN"",""CAP_SYS_ADMIN""],""Drop"":null},""Privileged"":true,""SELinuxOptions"":null,""WindowsOptions"":null,""RunAsUser"":null,""RunAsGroup"":null,""RunAsNonRoot"":null,""ReadOnlyRootFilesystem"":null,""AllowPrivilegeEscalation"":false,""ProcMount"":null,""SeccompProfile"":null,""AppArmorProfile"":null}";
        Assert.Equal(
            [
                "spec.containers[0].securityContext: Invalid value: " + json + ": cannot set `allowPrivilegeEscalation` to false and `privileged` to true",
                "spec.containers[0].securityContext: Invalid value: " + json + ": cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN",
                "spec.containers[0].securityContext: Invalid value: " + json + ": cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN",
            ],
            At(WithCsc(sc), 35));
        Assert.StartsWith("spec.containers[0].securityContext: Invalid value: core.SecurityContext{Capabilities:(*core.Capabilities)(0xc000000000), Privileged:(*bool)(0xc000000000), SELinuxOptions:(*core.SELinuxOptions)(nil)",
            At(WithCsc(sc), 28)[0], StringComparison.Ordinal);
        Assert.DoesNotContain("AppArmorProfile", At(WithCsc(sc), 29)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Host_process_pods_need_all_containers_and_host_network_VAL_214()
    {
        var pod = Pod(Container() with { SecurityContext = new SecurityContext { WindowsOptions = new WindowsSecurityContextOptions { HostProcess = false } } }, Container("b"))
            .WithSpec(s => s with { SecurityContext = new PodSecurityContext { WindowsOptions = new WindowsSecurityContextOptions { HostProcess = true } } });
        Assert.Equal(
            [
                "spec.containers[0].securityContext.windowsOptions.hostProcess: Invalid value: false: pod hostProcess value must be identical if both are specified, was true",
                @"spec: Invalid value: """": If pod contains any hostProcess containers then all containers must be HostProcess containers",
                "spec.hostNetwork: Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers",
            ],
            At(pod, 35));
    }

    [Fact]
    public void Host_users_false_forbids_host_namespaces_VAL_215()
    {
        var pod = Pod(Container() with { VolumeDevices = [new VolumeDevice { Name = "d", DevicePath = "/dev/x" }] })
            .WithSpec(s => s with
            {
                HostUsers = false, HostNetwork = true, HostPID = true, HostIPC = true,
                Volumes = [new Volume { Name = "d", PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = "c" } }],
            });
        Assert.Empty(At(pod, 32)); // UserNamespacesSupport off: hostUsers dropped
        Assert.Equal(
            [
                "spec.hostNetwork: Forbidden: when `pod.Spec.HostUsers` is false",
                "spec.HostPID: Forbidden: when `pod.Spec.HostUsers` is false",
                "spec.HostIPC: Forbidden: when `pod.Spec.HostUsers` is false",
            ],
            At(pod, 33));
        Assert.Equal(
            [
                "spec.hostNetwork: Forbidden: when `hostUsers` is false",
                "spec.HostPID: Forbidden: when `hostUsers` is false",
                "spec.HostIPC: Forbidden: when `hostUsers` is false",
                "spec.containers[0].volumeDevices: Forbidden: when `hostUsers` is false",
            ],
            At(pod, 34));
        Assert.DoesNotContain("spec.hostNetwork: Forbidden: when `hostUsers` is false", Errors(pod, Gates(35, ("UserNamespacesHostNetworkSupport", true))));
    }

    [Fact]
    public void Os_name_required_text_changed_in_1_34_VAL_216()
    {
        var pod = OneContainer().WithSpec(s => s with { OS = new PodOS() });
        Assert.Equal(["spec.os.name: Required value: cannot be empty"], At(pod, 33));
        Assert.Equal(["spec.os.name: Required value"], At(pod, 34));
        Assert.Equal([@"spec.os: Unsupported value: ""dummyOS"": supported values: ""linux"", ""windows"""], At(OneContainer().WithSpec(s => s with { OS = new PodOS { Name = "dummyOS" } }), 35));
    }

    [Fact]
    public void Linux_pods_forbid_windows_options_everywhere_VAL_217()
    {
        var windowsOptions = new WindowsSecurityContextOptions { RunAsUserName = "u" };
        var pod = Pod(Container() with { SecurityContext = new SecurityContext { WindowsOptions = windowsOptions } })
            .WithInit(Container("i") with { SecurityContext = new SecurityContext { WindowsOptions = windowsOptions } })
            .WithSpec(s => s with { OS = new PodOS { Name = "linux" }, SecurityContext = new PodSecurityContext { WindowsOptions = windowsOptions } });
        Assert.Equal(
            [
                "spec.securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod",
                "spec.initContainers[0].securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod",
                "spec.containers[0].securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod",
            ],
            At(pod, 35));
    }

    [Fact]
    public void Windows_pods_forbid_linux_fields_in_upstream_order_VAL_218()
    {
        var pod = Pod(Container() with { SecurityContext = new SecurityContext { RunAsGroup = 1, Capabilities = new Capabilities(), SeccompProfile = new SeccompProfile { Type = "RuntimeDefault" } } })
            .WithSpec(s => s with
            {
                OS = new PodOS { Name = "windows" },
                HostIPC = true,
                ShareProcessNamespace = false,
                SecurityContext = new PodSecurityContext { SELinuxOptions = new SELinuxOptions(), FSGroup = 1, SupplementalGroups = [1], SELinuxChangePolicy = "Recursive" },
            });
        const string no = ": Forbidden: cannot be set for a windows pod";
        Assert.Equal(
            [
                "spec.securityContext.seLinuxOptions" + no,
                "spec.hostIPC" + no,
                "spec.securityContext.fsGroup" + no,
                "spec.shareProcessNamespace" + no,
                "spec.securityContext.supplementalGroups" + no,
                "spec.securityContext.seLinuxChangePolicy" + no,
                "spec.containers[0].securityContext.seccompProfile" + no,
                "spec.containers[0].securityContext.capabilities" + no,
                "spec.containers[0].securityContext.runAsGroup" + no,
            ],
            At(pod, 35));
    }

    /// <summary>
    /// kubernetes validation.go at 78e971a4bc0dc76845d7986495607ed6d5b616a7 (master after v1.37.0-beta.0):
    /// validateWindows checks hostUsers, hostPID, hostIPC and shareProcessNamespace after every pod security context
    /// field, which now live on the internal PodSpec.
    /// </summary>
    [Fact]
    public void Windows_pods_forbid_host_namespaces_after_the_pod_security_context_from_1_37_VAL_218()
    {
        var pod = Pod(Container() with { SecurityContext = new SecurityContext { RunAsGroup = 1 } })
            .WithSpec(s => s with
            {
                OS = new PodOS { Name = "windows" },
                HostIPC = true,
                HostPID = true,
                ShareProcessNamespace = false,
                SecurityContext = new PodSecurityContext { SELinuxOptions = new SELinuxOptions(), FSGroup = 1, SupplementalGroups = [1], SELinuxChangePolicy = "Recursive" },
            });
        const string no = ": Forbidden: cannot be set for a windows pod";
        Assert.Equal(
            [
                "spec.securityContext.seLinuxOptions" + no,
                "spec.securityContext.fsGroup" + no,
                "spec.securityContext.supplementalGroups" + no,
                "spec.securityContext.seLinuxChangePolicy" + no,
                "spec.hostPID" + no,
                "spec.hostIPC" + no,
                "spec.shareProcessNamespace" + no,
                "spec.containers[0].securityContext.runAsGroup" + no,
            ],
            At(pod, 37));
        Assert.Equal(
            [
                "spec.securityContext.seLinuxOptions" + no,
                "spec.hostPID" + no,
                "spec.hostIPC" + no,
                "spec.securityContext.fsGroup" + no,
                "spec.shareProcessNamespace" + no,
                "spec.securityContext.supplementalGroups" + no,
                "spec.securityContext.seLinuxChangePolicy" + no,
                "spec.containers[0].securityContext.runAsGroup" + no,
            ],
            At(pod, 36));
    }

    [Fact]
    public void Seccomp_annotations_are_checked_at_a_child_path_before_the_spec_VAL_219()
    {
        var pod = Pod(Container() with { Image = "" }) with
        {
            Metadata = new ObjectMeta { Name = "web", Namespace = "default", Annotations = ValueMap.Of(("seccomp.security.alpha.kubernetes.io/pod", "foo"), ("container.seccomp.security.alpha.kubernetes.io/app", "localhost//x")) },
        };
        Assert.Equal(
            [
                @"metadata.annotations.seccomp.security.alpha.kubernetes.io/pod: Invalid value: ""foo"": must be a valid seccomp profile",
                @"metadata.annotations.container.seccomp.security.alpha.kubernetes.io/app: Invalid value: ""/x"": must be a relative path",
                "spec.containers[0].image: Required value",
            ],
            At(pod, 35));
    }

    [Fact]
    public void AppArmor_annotations_need_a_container_and_a_known_format_VAL_220()
    {
        var pod = OneContainer() with { Metadata = new ObjectMeta { Name = "web", Namespace = "default", Annotations = ValueMap.Of(("container.apparmor.security.beta.kubernetes.io/ghost", "strict")) } };
        Assert.Equal(
            [
                @"metadata.annotations[container.apparmor.security.beta.kubernetes.io/ghost]: Invalid value: ""ghost"": container not found",
                @"metadata.annotations[container.apparmor.security.beta.kubernetes.io/ghost]: Invalid value: ""strict"": invalid AppArmor profile name: ""strict""",
            ],
            At(pod, 28));
    }

    [Fact]
    public void Annotation_field_mismatches_are_create_errors_at_the_end_VAL_221_VAL_222()
    {
        var pod = Pod(Container() with
        {
            SecurityContext = new SecurityContext
            {
                SeccompProfile = new SeccompProfile { Type = "Localhost", LocalhostProfile = "a.json" },
                AppArmorProfile = new AppArmorProfile { Type = "Localhost", LocalhostProfile = "a" },
            },
        }) with
        {
            Metadata = new ObjectMeta
            {
                Name = "web",
                Namespace = "default",
                Annotations = ValueMap.Of(("container.seccomp.security.alpha.kubernetes.io/app", "localhost/b.json"), ("container.apparmor.security.beta.kubernetes.io/app", "runtime/default")),
            },
        };
        Assert.Equal(
            [
                "spec.containers[0].securityContext.seccompProfile.localhostProfile: Forbidden: seccomp profile in annotation and field must match",
                "spec.containers[0].securityContext.appArmorProfile.type: Forbidden: apparmor type in annotation and field must match",
            ],
            At(pod, 35));
        Assert.Equal(["spec.containers[0].securityContext.seccompProfile.localhostProfile: Forbidden: seccomp profile in annotation and field must match"], At(pod, 29));
        // Windows pods skip the AppArmor agreement (their AppArmor fields are Forbidden instead), not the seccomp one.
        string[] windows = At(pod.WithSpec(s => s with { OS = new PodOS { Name = "windows" } }), 35);
        Assert.DoesNotContain(windows, e => e.Contains("apparmor type in annotation", StringComparison.Ordinal));
        Assert.Contains("spec.containers[0].securityContext.seccompProfile.localhostProfile: Forbidden: seccomp profile in annotation and field must match", windows);
    }

    [Theory]
    [InlineData("a", "\"a\"")]
    [InlineData("<&>", "\"\\u003c\\u0026\\u003e\"")]
    [InlineData("tab\tnl\nbs\b", "\"tab\\tnl\\nbs\\b\"")]
    [InlineData("\u0001\u2028", "\"\\u0001\\u2028\"")]
    [InlineData("é\\\"", "\"é\\\\\\\"\"")]
    public void Json_strings_escape_as_Go_encoding_json(string value, string json) => Assert.Equal(json, GoValueText.JsonString(value));
}
