using PodConformance.Manifests.Reading;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// podCertificate projected sources (spec/validation.md VAL-631). Source: validateProjectionSources in validation.go
/// v1.34.1 and v1.35.4/v1.35.7 (openshift-kni/scheduler-plugins 313dff1ce, 4495d2058, 2117d3e30), ValidateSignerName and
/// IsKubernetesSignerName (names.go, same commits), ValidateUserAnnotations (1.35), certificates.MaxMaxExpirationSeconds /
/// KubernetesMaxMaxExpirationSeconds (pkg/apis/certificates/types.go). No upstream test file of 1.34+ was available: the
/// cases are written from the source.
/// </summary>
public class PodCertificateValidationTests
{
    private const string At = "spec.volumes[0].projected.sources[0].podCertificate";
    private const string KeyTypes = "\"RSA3072\", \"RSA4096\", \"ECDSAP256\", \"ECDSAP384\", \"ECDSAP521\", \"ED25519\"";

    private static Profile On(int minor) => new(new KubernetesVersion(1, minor), ValueMap.Of((FeatureGateNames.PodCertificateRequest, true)));

    private static string[] Errors(string podCertificate, int minor = 34, string otherSources = "")
    {
        var profile = On(minor);
        string manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: i\n  volumes:\n  - name: v\n    projected:\n      sources:\n      - podCertificate: "
            + podCertificate + "\n" + otherSources;
        var read = PodManifestReader.ReadText(manifest, "test", profile.Version);
        Assert.False(read.HasErrors, string.Join("; ", read.Errors));
        Assert.Empty(read.Diagnostics);
        var result = PodValidator.Validate(PodDefaulter.Apply(Assert.Single(read.Pods).Pod, profile), profile);
        Assert.Empty(result.NotChecked);
        return result.Errors.Select(e => e.ToString()).ToArray();
    }

    [Theory]
    [InlineData(34)]
    [InlineData(35)]
    [InlineData(36)]
    public void A_complete_projection_is_valid(int minor)
    {
        Assert.Empty(Errors("{signerName: example.com/signer, keyType: ED25519, credentialBundlePath: bundle.pem}", minor));
        Assert.Empty(Errors("{signerName: kubernetes.io/kube-apiserver-client-pod, keyType: RSA3072, maxExpirationSeconds: 86400, keyPath: k, certificateChainPath: c}", minor));
    }

    [Fact]
    public void Signer_key_type_and_paths_are_checked_in_upstream_order()
    {
        Assert.Equal(
            [
                At + ".signerName: Required value",
                At + ".keyType: Unsupported value: \"\": supported values: " + KeyTypes,
                At + ": Required value: specify at least one of credentialBundlePath, keyPath, and certificateChainPath",
            ],
            Errors("{}"));
        Assert.Equal(
            [
                At + ".signerName: Invalid value: \"signer\": must be a fully qualified domain and path of the form 'example.com/signer-name'",
                At + ".keyType: Unsupported value: \"RSA2048\": supported values: " + KeyTypes,
            ],
            Errors("{signerName: signer, keyType: RSA2048, keyPath: k}"));
    }

    /// <summary>
    /// ML-DSA key types arrive with kubernetes PR #142108 (opened 2026-09-14, approved 2026-09-17: 1.38 development), so 1.37
    /// still answers with the six-value switch. In 1.37 the projection is kept by default (PodCertificateRequest GA, on,
    /// in kubernetes pkg/features/kube_features.go at ae5d4d35bd942887007f2932150e87e7cfce8361).
    /// </summary>
    [Theory]
    [InlineData("MLDSA44")]
    [InlineData("MLDSA65")]
    [InlineData("MLDSA87")]
    public void Ml_dsa_key_types_are_not_yet_supported_in_1_37(string keyType)
    {
        Assert.Equal([At + ".keyType: Unsupported value: \"" + keyType + "\": supported values: " + KeyTypes],
            Errors("{signerName: example.com/signer, keyType: " + keyType + ", keyPath: k}", 37));
        Assert.True(Profile.Default.IsEnabled(FeatureGateNames.PodCertificateRequest));
    }

    [Theory]
    [InlineData("example.com/s", 3599, "must be >= 3600")]
    [InlineData("example.com/s", 7862401, "must be <= 7862400")]
    [InlineData("kubernetes.io/s", 86401, "must be <= 86400")]
    [InlineData("foo.kubernetes.io/s", 90000, "must be <= 86400")]
    public void Max_expiration_is_bounded_by_the_signer(string signer, int seconds, string bound)
    {
        Assert.Equal(
            [At + ".maxExpirationSeconds: Invalid value: " + seconds + ": if provided, maxExpirationSeconds " + bound],
            Errors("{signerName: " + signer + ", keyType: ECDSAP256, maxExpirationSeconds: " + seconds + ", keyPath: k}"));
        Assert.Empty(Errors("{signerName: notkubernetes.io/s, keyType: ECDSAP256, maxExpirationSeconds: 90000, keyPath: k}"));
    }

    [Fact]
    public void Paths_are_local_and_unique_across_the_volume()
    {
        string[] errors = Errors("{signerName: example.com/s, keyType: ED25519, keyPath: ../k}");
        Assert.StartsWith(At + ".keyPath: Invalid value: \"../k\": ", Assert.Single(errors), StringComparison.Ordinal);

        Assert.Equal(
            ["spec.volumes[0].projected: Invalid value: \"same\": conflicting duplicate paths"],
            Errors("{signerName: example.com/s, keyType: ED25519, credentialBundlePath: same, certificateChainPath: same}"));
        // The configMap source comes second, so its item is the duplicate, reported with the source's name (VAL-627).
        Assert.Equal(
            ["spec.volumes[0].projected: Invalid value: \"cm\": conflicting duplicate paths"],
            Errors("{signerName: example.com/s, keyType: ED25519, keyPath: a}", 35, "      - configMap:\n          name: cm\n          items:\n          - {key: k, path: a}\n"));
    }

    [Fact]
    public void User_annotations_need_domain_prefixed_keys_from_1_35()
    {
        Assert.Empty(Errors("{signerName: example.com/s, keyType: ED25519, keyPath: k, userAnnotations: {Example.COM/Team: x}}", 35));
        Assert.Equal(
            [At + ".userAnnotations: Invalid value: \"team\": must be a domain-prefixed key (such as \"acme.io/foo\")"],
            Errors("{signerName: example.com/s, keyType: ED25519, keyPath: k, userAnnotations: {Team: x}}", 35));
    }
}
