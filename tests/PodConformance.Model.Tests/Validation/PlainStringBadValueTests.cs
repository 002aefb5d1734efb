using PodConformance.Manifests.Reading;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;
using static PodConformance.Model.Tests.Validation.TestPods;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// Issue 9: two 1.34+ fields whose bad value is a plain Go <c>string</c>, not a named string type, so apimachinery's
/// ErrorBody takes its <c>case string</c> and prints <c>%q</c> at every release, also from 1.34 where named types go to
/// <c>json.Marshal</c> (NamedStringBadValueTests; errors.go ErrorBody at apimachinery master <c>eed236ceee2c</c>, local
/// mirror: <c>case string: fmt.Sprintf("%s: %q", …)</c> before the json.Marshal default).
/// <list type="bullet">
/// <item><c>podCertificate.keyType</c> (VAL-631): internal <c>PodCertificateProjection.KeyType string</c> (pkg/apis/core/types.go
/// vendored by openshift-kni/scheduler-plugins at v1.34.1 <c>313dff1ce</c> and v1.35.4 <c>4495d2058</c>), passed as
/// <c>source.PodCertificate.KeyType</c> to field.NotSupported in validateProjectionSources there and in kubernetes
/// validation.go at <c>78e971a4bc0d</c> (U37).</item>
/// <item><c>volumeMounts[j].bindMountOptions[k]</c> (VAL-706, 1.37): <c>validateBindMountOptions(bindMountOptions []string, …)</c>
/// passes the entry <c>opt</c>, a <c>string</c>, to field.NotSupported and field.Duplicate (fork MikeZappa87/kubernetes
/// validation.go at <c>50b500bcc862</c>, "FM"; k8s.io/api master <c>10b39a39b</c> has <c>BindMountOptions []string</c> beside an
/// unused named <c>BindMountOption</c>); the image-volume error passes the whole <c>[]string</c>, which json.Marshal prints.</item>
/// </list>
/// </summary>
public class PlainStringBadValueTests
{
    /// <summary>Characters the two printers treat differently (<c>&lt;</c>, U+0001), and two non-ASCII runes: é (printable, raw in both) and U+00A0 (not printable for Go's %q, raw in JSON).</summary>
    private const string Bad = "<é\u00a0\u0001>";

    private const string GoQuoted = "\"<é\\u00a0\\x01>\"";

    private const string JsonQuoted = "\"\\u003cé\u00a0\\u0001\\u003e\"";

    private static readonly Profile V37 = new(new KubernetesVersion(1, 37), ValueMap.Of(
        (FeatureGateNames.VolumeBindMountOptions, true), (FeatureGateNames.ImageVolume, true), (FeatureGateNames.PodCertificateRequest, true)));

    private static string[] Errors(Pod pod, Profile profile) =>
        [.. PodValidator.Validate(PodDefaulter.Apply(pod, profile), profile).Errors.Select(e => e.ToString())];

    [Theory]
    [InlineData(34)]
    [InlineData(35)]
    [InlineData(37)]
    public void A_pod_certificate_key_type_is_go_quoted_at_every_release(int minor)
    {
        var profile = new Profile(new KubernetesVersion(1, minor), ValueMap.Of((FeatureGateNames.PodCertificateRequest, true)));
        string manifest = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: i}]\n  volumes:\n  - name: v\n    projected:\n      sources:\n"
            + "      - podCertificate: {signerName: example.com/signer, keyType: \"<é\\u00a0\\x01>\", keyPath: k}\n";
        var read = PodManifestReader.ReadText(manifest, "test", profile.Version);
        Assert.False(read.HasErrors, string.Join("; ", read.Errors));
        var pod = Assert.Single(read.Pods).Pod;
        Assert.Equal(Bad, pod.Spec.Volumes[0].Projected!.Sources[0].PodCertificate!.KeyType);
        Assert.Equal(
            ["spec.volumes[0].projected.sources[0].podCertificate.keyType: Unsupported value: " + GoQuoted
                + ": supported values: \"RSA3072\", \"RSA4096\", \"ECDSAP256\", \"ECDSAP384\", \"ECDSAP521\", \"ED25519\""],
            Errors(pod, profile));
    }

    [Fact]
    public void A_bind_mount_option_is_go_quoted_and_the_image_volume_list_is_json()
    {
        var image = new Volume { Name = "v", Image = new ImageVolumeSource { Reference = "registry.example.com/data:1", PullPolicy = "IfNotPresent" } };
        var pod = Pod(Container() with { VolumeMounts = ValueList.Of(new VolumeMount { Name = "v", MountPath = "/v", BindMountOptions = ValueList.Of(Bad, Bad) }) })
            .WithSpec(s => s with { Volumes = ValueList.Of(image) });
        const string At = "spec.containers[0].volumeMounts[0].bindMountOptions";
        const string Supported = ": supported values: \"nodev\", \"noexec\", \"nosuid\"";
        Assert.Equal(
            [
                At + "[0]: Unsupported value: " + GoQuoted + Supported,
                At + "[1]: Unsupported value: " + GoQuoted + Supported,
                At + "[1]: Duplicate value: " + GoQuoted,
                At + ": Invalid value: [" + JsonQuoted + "," + JsonQuoted + "]: bindMountOptions may not be used with image volumes",
            ],
            Errors(pod, V37));
    }
}
