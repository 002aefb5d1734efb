using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// VAL-052's PodHostIPs check (validateDownwardAPIHostIPs): a fieldRef to <c>status.hostIPs</c> is Forbidden while the
/// gate exists and is off — in 1.28 by default (alpha). Text from the 1.28.1 validation.go vendored in ceph/ceph-csi
/// 28d2a865f; AllowHostIPsField = the gate on create in the 1.29.9 util.go (rancher/support-bundle-kit c37d268c4).
/// </summary>
public class PodHostIpsValidationTests
{
    private const string Forbidden = "Forbidden: may not be set when feature gate 'PodHostIPs' is not enabled";

    private static Pod EnvPod(string fieldPath) => new()
    {
        Metadata = new ObjectMeta { Name = "p", Namespace = "ns" },
        Spec = new PodSpec
        {
            Containers = ValueList.Of(new Container
            {
                Name = "c",
                Image = "nginx",
                Env = ValueList.Of(new EnvVar { Name = "IPS", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = fieldPath } } }),
            }),
        },
    };

    private static string[] Errors(Pod pod, Profile profile) => [.. PodCreate.Run(pod, profile).Validation.Errors.Select(e => e.ToString())];

    private static Profile V(int minor) => Profile.For(new KubernetesVersion(1, minor));

    [Fact]
    public void Status_host_ips_in_env_is_forbidden_while_the_gate_is_off()
    {
        Assert.Equal(["spec.containers[0].env[0].valueFrom.fieldRef: " + Forbidden], Errors(EnvPod("status.hostIPs"), V(28)));
        Assert.Empty(Errors(EnvPod("status.hostIP"), V(28)));
        Assert.Empty(Errors(EnvPod("status.hostIPs"), V(29)));
        Assert.Single(Errors(EnvPod("status.hostIPs"), new Profile(new KubernetesVersion(1, 29), ValueMap.Of(("PodHostIPs", false)))));
        Assert.Empty(Errors(EnvPod("status.hostIPs"), new Profile(new KubernetesVersion(1, 28), ValueMap.Of(("PodHostIPs", true)))));
        Assert.Empty(Errors(EnvPod("status.hostIPs"), V(33))); // the gate is gone
    }

    [Fact]
    public void A_downward_api_file_gets_it_after_the_unsupported_path()
    {
        var volume = new Volume
        {
            Name = "info",
            SourceKind = "downwardAPI",
            DownwardApiItems = ValueList.Of(new DownwardApiVolumeFile { Path = "ips", FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "status.hostIPs" } }),
        };
        var pod = EnvPod("metadata.name") with { Spec = EnvPod("metadata.name").Spec with { Volumes = ValueList.Of(volume) } };
        var errors = Errors(pod, V(28));
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("spec.volumes[0].downwardAPI.fieldRef.fieldPath: Unsupported value: \"status.hostIPs\"", errors[0], StringComparison.Ordinal);
        Assert.Equal("spec.volumes[0].downwardAPI.fieldRef: " + Forbidden, errors[1]);
        Assert.Single(Errors(pod, V(29)));
    }
}
