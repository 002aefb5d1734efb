using System.Text;
using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Tests.Parsing;

/// <summary>
/// MANI-007 (YAML 1.1 merge keys, as go-yaml v2 decodes them) and MANI-008 (invalid UTF-8 refused with its place, the
/// problem named as go-yaml v2's reader names it). Expected values follow go-yaml v2 decode.go and readerc.go
/// (gopkg.in/yaml.v2 branch v2, commit 7649d45).
/// </summary>
public class MergeKeyAndEncodingTests
{
    private const string Head = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n";

    [Fact]
    public void A_merge_key_brings_in_the_entries_of_an_anchored_mapping()
    {
        const string text = Head + """
            spec:
              containers:
              - &base
                name: a
                image: nginx
                resources: {limits: {memory: 64Mi}}
              - <<: *base
                name: b
            """;
        var result = PodManifestReader.ReadText(text, "pod.yaml");

        // `name` is set twice in b (merged from a, then explicitly): go-yaml v2's non-strict map keeps the later (SCHEMA-008).
        Assert.Empty(Fixtures.Printed(result));
        var pod = Assert.Single(result.Pods).Pod;
        Assert.Equal(["a", "b"], pod.Spec.Containers.Select(c => c.Name));
        Assert.Equal("nginx", pod.Spec.Containers[1].Image);
    }

    [Fact]
    public void A_merge_without_overlap_decodes_as_if_written_out()
    {
        const string text = Head + """
            x-defaults: &limits {limits: {memory: 64Mi}}
            spec:
              containers:
              - name: a
                image: nginx
                resources:
                  <<: *limits
                  requests: {memory: 32Mi}
            """;
        var merged = PodManifestReader.ReadText(text, "pod.yaml");
        var plain = PodManifestReader.ReadText(Head + "spec:\n  containers:\n  - name: a\n    image: nginx\n    resources: {limits: {memory: 64Mi}, requests: {memory: 32Mi}}\n", "pod.yaml");

        Assert.DoesNotContain(Fixtures.Printed(merged), d => d.Contains("<<", StringComparison.Ordinal) || d.Contains("error", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(plain.Pods[0].Pod.Spec, merged.Pods[0].Pod.Spec);
        Assert.Equal("64Mi", merged.Pods[0].Pod.Spec.Containers[0].Resources.Limits["memory"].ToString());
    }

    [Fact]
    public void A_sequence_of_maps_merges_from_the_last_to_the_first()
    {
        // go-yaml visits [*first, *second] backwards: second's entries, then first's; our mapping keeps both orders
        // visible through the duplicate report (the strict decoder's "already set").
        const string text = Head + """
            x-a: &first {name: one}
            x-b: &second {image: nginx}
            spec:
              containers:
              - <<: [*first, *second]
            """;
        var result = PodManifestReader.ReadText(text, "pod.yaml");
        Assert.DoesNotContain(Fixtures.Printed(result), d => !d.Contains("unknown field", StringComparison.Ordinal));
        var c = result.Pods[0].Pod.Spec.Containers[0];
        Assert.Equal(("one", "nginx"), (c.Name, c.Image));
    }

    [Theory]
    [InlineData("  - <<: 5\n    name: a\n", "pod.yaml:7:9: invalid YAML: map merge requires map or sequence of maps as the value")]
    [InlineData("  - <<: [{name: a}, x]\n", "pod.yaml:7:21: invalid YAML: map merge requires map or sequence of maps as the value")]
    [InlineData("  - <<:\n    name: a\n", "pod.yaml:7:8: invalid YAML: map merge requires map or sequence of maps as the value")]
    public void A_merge_of_anything_but_maps_is_refused_at_the_value(string container, string expected)
    {
        var result = PodManifestReader.ReadText(Head + "spec:\n  containers:\n" + container, "pod.yaml");
        Assert.Equal([expected], Fixtures.Printed(result));
    }

    [Fact]
    public void A_quoted_merge_key_is_an_ordinary_key()
    {
        var result = PodManifestReader.ReadText(Head + "spec:\n  containers:\n  - \"<<\": {name: a}\n    name: b\n", "pod.yaml");
        Assert.Contains(Fixtures.Printed(result), d => d.Contains("unknown field \"spec.containers[0].<<\"", StringComparison.Ordinal));
        Assert.Equal("b", result.Pods[0].Pod.Spec.Containers[0].Name);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', 0xFF }, 1, 2, 1, "invalid leading UTF-8 octet 0xFF at byte 1")]
    [InlineData(new byte[] { (byte)'a', (byte)'\n', (byte)'b', 0xC3 }, 2, 2, 3, "incomplete UTF-8 octet sequence at byte 3")]
    [InlineData(new byte[] { 0xC3, (byte)'A' }, 1, 1, 1, "invalid trailing UTF-8 octet 0x41 at byte 1")]
    [InlineData(new byte[] { 0xC0, 0x80 }, 1, 1, 0, "invalid length of a UTF-8 sequence at byte 0")]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 1, 1, 0, "invalid Unicode character at byte 0")]
    [InlineData(new byte[] { 0xC3, 0xA9, 0xF4, 0x90, 0x80, 0x80 }, 1, 2, 2, "invalid Unicode character at byte 2")]
    public void Invalid_utf8_is_located_and_named_as_go_yaml_names_it(byte[] bytes, int line, int column, long offset, string what)
    {
        Assert.Null(Utf8Input.Decode(bytes, out var problem));
        Assert.Equal((line, column, offset), (problem!.Position.Line, problem.Position.Column, problem.Offset));
        Assert.Equal("invalid UTF-8: " + what + " (save the file as UTF-8)", problem.Message);
    }

    [Fact]
    public void Valid_utf8_a_bom_and_utf16_with_a_bom_decode()
    {
        Assert.Equal("é: 1", Utf8Input.Decode(Encoding.UTF8.GetBytes("é: 1"), out var none));
        Assert.Null(none);
        Assert.Equal("a: 1", Utf8Input.Decode([0xEF, 0xBB, 0xBF, .. "a: 1"u8], out _));
        Assert.Equal("a: é", Utf8Input.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("a: é")], out _));
    }

    [Fact]
    public void A_file_with_invalid_utf8_is_an_error_diagnostic_with_its_place()
    {
        string path = Path.Combine(Path.GetTempPath(), "podconf-utf8-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(Head + "  labels: {a: \""), 0xFF, .. "\"}\n"u8]);
        try
        {
            var result = PodManifestReader.ReadFile(path);
            Assert.Equal([path + ":5:16: invalid UTF-8: invalid leading UTF-8 octet 0xFF at byte 62 (save the file as UTF-8)"], Fixtures.Printed(result));
            Assert.Empty(result.Pods);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
