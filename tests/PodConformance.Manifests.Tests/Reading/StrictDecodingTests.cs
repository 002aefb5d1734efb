using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Tests.Reading;

/// <summary>
/// SCHEMA-002/SCHEMA-009: every unknown field is tied to the object it was met in (<see cref="LoadedPod.UnknownFields"/>),
/// named from that object's root, and listed for a strict refusal in the order the API server's strict decoder meets it
/// in the object kubectl sends (sorted keys, depth first), the first 100, in <c>transformDecodeError</c>'s words.
/// </summary>
public class StrictDecodingTests
{
    private const string Clean = "apiVersion: v1\nkind: Pod\nmetadata: {name: clean}\nspec:\n  containers:\n  - {name: c, image: x}\n";

    [Fact]
    public void Each_pod_of_a_multi_document_file_carries_its_own_unknown_fields()
    {
        const string typo = "apiVersion: v1\nkind: Pod\nmetadata: {name: typo, labelz: {a: b}}\nspec:\n  restartPolicyy: Never\n  containers:\n  - {name: c, image: x, imagePullPolice: Always}\n";

        var result = PodManifestReader.ReadText(Clean + "---\n" + typo + "---\n" + Clean, "f.yaml");

        Assert.Equal(["clean", "typo", "clean"], result.Pods.Select(p => p.Pod.Metadata.Name));
        Assert.Empty(result.Pods[0].UnknownFields);
        Assert.Empty(result.Pods[2].UnknownFields);
        Assert.Equal(
            ["f.yaml:10:24: unknown field \"metadata.labelz\"", "f.yaml:12:3: unknown field \"spec.restartPolicyy\"", "f.yaml:14:25: unknown field \"spec.containers[0].imagePullPolice\""],
            result.Pods[1].UnknownFields.Select(d => d.ToString()));
        // The same diagnostics the read reports, not copies with other text.
        Assert.Equal(result.Diagnostics.Where(d => d.UnknownField is not null), result.Pods[1].UnknownFields);
    }

    /// <summary>kubectl sends each item of a <c>kind: List</c> as an object of its own, so the path starts at the item (before session 13: <c>items[1].spec.foo</c>).</summary>
    [Fact]
    public void A_list_items_unknown_field_is_named_from_the_item()
    {
        const string list = "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: c, image: x}]}}\n"
            + "- {apiVersion: v1, kind: Pod, metadata: {name: b}, spec: {foo: 1, containers: [{name: c, image: x, bar: 2}]}}\n";

        var result = PodManifestReader.ReadText(list, "l.yaml");

        Assert.Empty(result.Pods[0].UnknownFields);
        Assert.Equal(["unknown field \"spec.foo\"", "unknown field \"spec.containers[0].bar\""], result.Pods[1].UnknownFields.Select(d => d.Message));
        Assert.Equal(["spec.foo", "spec.containers[0].bar"], result.Pods[1].UnknownFields.Select(d => d.UnknownField!.Path));
    }

    [Fact]
    public void A_workload_templates_unknown_field_is_named_from_the_workload_and_a_fragments_from_the_fragment()
    {
        const string deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: x}]\n      foo: 1\n";
        var workload = Assert.Single(PodManifestReader.ReadText(deployment, "d.yaml").Pods);
        Assert.Equal(["spec.template.spec.foo"], workload.UnknownFields.Select(d => d.UnknownField!.Path));

        var fragment = Assert.Single(PodManifestReader.ReadFragment("name: c\nimage: x\nimagePullPolice: Always\n", "c.yaml", ManifestFragment.Container).Pods);
        Assert.Equal(["imagePullPolice"], fragment.UnknownFields.Select(d => d.UnknownField!.Path));
    }

    /// <summary>sigs.k8s.io/json <c>newFieldError</c> quotes the path with <c>strconv.Quote</c>.</summary>
    [Fact]
    public void The_path_is_go_quoted()
    {
        var pod = Assert.Single(PodManifestReader.ReadText("apiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec:\n  containers: [{name: c, image: x}]\n  'a\"b\\c': 1\n", "q.yaml").Pods);

        Assert.Equal("unknown field \"spec.a\\\"b\\\\c\"", Assert.Single(pod.UnknownFields).Message);
    }

    /// <summary>
    /// The decoder meets fields as kubectl's re-encoded map lists them: Go's encoding/json sorts map keys by byte order
    /// (upper case before lower case; a key before a longer one it begins), lists in index order (10 after 9, not after 1).
    /// </summary>
    [Theory]
    [InlineData("spec", "restartPolicyy", "spec.containers[0]", "imagePullPolice", 1)]
    [InlineData("metadata", "zz", "spec", "aa", -1)]
    [InlineData("spec", "Zed", "spec", "abc", -1)]
    [InlineData("spec", "a", "spec", "a.b", -1)]
    [InlineData("spec.containers[9]", "x", "spec.containers[10]", "x", -1)]
    [InlineData("spec.containers[1].env[0]", "x", "spec.containers[0]", "zz", 1)]
    [InlineData("", "Kind", "", "apiVersion", -1)]
    [InlineData("spec.volumes[0].emptyDir", "mode", "spec.volumes[0]", "emptyDirr", -1)]
    public void Two_fields_compare_in_the_strict_decoders_order(string parentA, string keyA, string parentB, string keyB, int expected)
    {
        var a = new UnknownFieldPath(parentA, keyA);
        var b = new UnknownFieldPath(parentB, keyB);

        Assert.Equal(expected, Math.Sign(UnknownFieldPath.CompareInDecoderOrder(a, b)));
        Assert.Equal(-expected, Math.Sign(UnknownFieldPath.CompareInDecoderOrder(b, a)));
    }

    /// <summary>Byte order of UTF-8 is code point order: U+E000 comes before U+1F600, which UTF-16 ordinal order puts first.</summary>
    [Fact]
    public void Keys_compare_by_code_point_not_by_utf16_unit()
    {
        Assert.True(string.CompareOrdinal("\uE000", "\U0001F600") > 0);
        Assert.True(UnknownFieldPath.CompareInDecoderOrder(new UnknownFieldPath("spec", "\uE000"), new UnknownFieldPath("spec", "\U0001F600")) < 0);
    }

    [Fact]
    public void The_refusal_lists_the_fields_in_decoder_order_in_transformDecodeErrors_words()
    {
        const string typo = "apiVersion: v1\nkind: Pod\nmetadata: {name: typo}\nspec:\n  restartPolicyy: Never\n  containers:\n  - {name: c, image: x, imagePullPolice: Always}\n";
        var pod = Assert.Single(PodManifestReader.ReadText(typo, "t.yaml").Pods);

        var ordered = StrictDecoding.InDecoderOrder(pod.UnknownFields);

        Assert.Equal(
            "Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.containers[0].imagePullPolice\", unknown field \"spec.restartPolicyy\"",
            StrictDecoding.BadRequestMessage("Pod", "v1", ordered));
        Assert.Equal(
            "Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.containers[0].imagePullPolice\", unknown field \"spec.restartPolicyy\"",
            StrictDecoding.BadRequestMessage("Deployment", "apps/v1", ordered));
    }

    /// <summary>sigs.k8s.io/json <c>saveStrictError</c> keeps the first 100 errors the decoder meets.</summary>
    [Fact]
    public void Only_the_first_100_fields_in_decoder_order_are_listed()
    {
        // k000 … k149 written in reverse order: the first 100 met are k000 … k099.
        var keys = Enumerable.Range(0, 150).Select(i => "k" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        string text = "apiVersion: v1\nkind: Pod\nmetadata: {name: many}\nspec:\n  containers: [{name: c, image: x}]\n" + string.Concat(Enumerable.Reverse(keys).Select(k => "  " + k + ": 1\n"));
        var pod = Assert.Single(PodManifestReader.ReadText(text, "m.yaml").Pods);

        var ordered = StrictDecoding.InDecoderOrder(pod.UnknownFields);

        Assert.Equal(150, pod.UnknownFields.Count);
        Assert.Equal(keys.Take(100).Select(k => "spec." + k), ordered.Select(d => d.UnknownField!.Path));
    }
}
