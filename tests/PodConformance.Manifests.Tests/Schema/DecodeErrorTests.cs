using PodConformance.Manifests.Reading;
using PodConformance.Model.Profiles;

namespace PodConformance.Manifests.Tests.Schema;

/// <summary>
/// Wrong JSON types are decode errors in the words of the API server's decoder (sigs.k8s.io/json, Go's
/// UnmarshalTypeError: internal/golang/encoding/json/decode.go at cfa47c3), with file, line, column and the field
/// path (SCHEMA-003, SCHEMA-004, SCHEMA-005).
/// </summary>
public sealed class DecodeErrorTests
{
    [Fact]
    public void Int32_given_a_string()
    {
        Assert.Equal(
            ["pod.yaml:11:12: spec.volumes[0].fc.lun: json: cannot unmarshal string into Go struct field FCVolumeSource.spec.volumes.fc.lun of type int32"],
            Errors(Pod("""
                  volumes:
                  - name: v
                    fc:
                      lun: "x"
                """)));
    }

    [Fact]
    public void Object_given_a_list()
    {
        Assert.Equal(
            ["pod.yaml:11:7: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution: json: cannot unmarshal array into Go struct field NodeAffinity.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution of type v1.NodeSelector"],
            Errors(Pod("""
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - nodeSelectorTerms: []
                """)));
    }

    [Fact]
    public void List_given_a_scalar()
    {
        Assert.Equal(
            ["pod.yaml:8:21: spec.imagePullSecrets: json: cannot unmarshal string into Go struct field PodSpec.spec.imagePullSecrets of type []v1.LocalObjectReference"],
            Errors(Pod("""
                  imagePullSecrets: regcred
                """)));
    }

    [Fact]
    public void Bool_given_a_string()
    {
        Assert.Equal(
            ["pod.yaml:9:19: spec.securityContext.runAsNonRoot: json: cannot unmarshal string into Go struct field PodSecurityContext.spec.securityContext.runAsNonRoot of type bool"],
            Errors(Pod("""
                  securityContext:
                    runAsNonRoot: "yes"
                """)));
    }

    [Fact]
    public void Integer_given_a_fraction_or_an_out_of_range_number_names_the_number()
    {
        Assert.Equal(
            [
                "pod.yaml:9:16: spec.securityContext.runAsUser: json: cannot unmarshal number 1.5 into Go struct field PodSecurityContext.spec.securityContext.runAsUser of type int64",
                "pod.yaml:10:14: spec.securityContext.fsGroup: json: cannot unmarshal number 9223372036854775808 into Go struct field PodSecurityContext.spec.securityContext.fsGroup of type int64",
                "pod.yaml:11:26: spec.activeDeadlineSeconds: json: cannot unmarshal string into Go struct field PodSpec.spec.activeDeadlineSeconds of type int64",
            ],
            Errors(Pod("""
                  securityContext:
                    runAsUser: 1.5
                    fsGroup: 9223372036854775808
                  activeDeadlineSeconds: "5"
                """)));
    }

    [Fact]
    public void Yaml_numbers_reach_the_decoder_as_json_numbers()
    {
        // go-yaml v2 reads 0x10 as 16 and 1e3 as the float 1000, which encoding/json writes as 1000.
        var result = Read(Pod("""
              securityContext:
                runAsUser: 0x10
                runAsGroup: 1e3
            """));

        Assert.Empty(Fixtures.Printed(result));
        Assert.Equal(16, result.Pods[0].Pod.Spec.SecurityContext!.RunAsUser);
        Assert.Equal(1000, result.Pods[0].Pod.Spec.SecurityContext!.RunAsGroup);
    }

    [Fact]
    public void Wrong_types_inside_a_list_and_a_map_name_the_element_type()
    {
        Assert.Equal(
            [
                "pod.yaml:11:7: spec.securityContext.supplementalGroups[1]: json: cannot unmarshal string into Go struct field PodSecurityContext.spec.securityContext.supplementalGroups of type int64",
                "pod.yaml:13:11: spec.nodeSelector.disk: json: cannot unmarshal number into Go struct field PodSpec.spec.nodeSelector of type string",
            ],
            Errors(Pod("""
                  securityContext:
                    supplementalGroups:
                    - 1
                    - "2"
                  nodeSelector:
                    disk: 5
                """)));
    }

    [Fact]
    public void Int_or_string_and_time_decode_inside_their_own_unmarshalers_without_struct_context()
    {
        const string text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              creationTimestamp: 5
            spec:
              containers:
              - name: c
                image: i
                livenessProbe:
                  tcpSocket:
                    port: true
            """;

        Assert.Equal(
            [
                "pod.yaml:5:22: metadata.creationTimestamp: json: cannot unmarshal number into Go value of type string",
                "pod.yaml:12:15: spec.containers[0].livenessProbe.tcpSocket.port: json: cannot unmarshal bool into Go value of type int32",
            ],
            Errors(text));
    }

    [Fact]
    public void Json_input_keeps_its_numbers_as_written()
    {
        const string text = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"i"}],"priority":1.0}}""";

        Assert.Equal(
            ["pod.json:1:116: spec.priority: json: cannot unmarshal number 1.0 into Go struct field PodSpec.spec.priority of type int32"],
            Fixtures.Printed(PodManifestReader.ReadText(text, "pod.json")));
    }

    [Fact]
    public void Null_creation_timestamp_is_fine()
    {
        var result = Read("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              creationTimestamp: null
            spec:
              containers:
              - name: c
                image: i
            """);

        Assert.Empty(Fixtures.Printed(result));
    }

    private static string Pod(string specFields) =>
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - {name: c, image: i}\n" + specFields;

    private static ManifestReadResult Read(string text) => PodManifestReader.ReadText(text, "pod.yaml", KubernetesVersion.Newest);

    private static string[] Errors(string text) => [.. Read(text).Errors.Select(e => e.ToString())];
}
