using System.Buffers;
using System.Text;
using System.Text.Json;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Wire;

namespace PodConformance.Manifests.Tests.Wire;

/// <summary>
/// VAL-016: the wire reader records an explicit empty <c>ports</c>, <c>resizePolicy</c>, <c>restartPolicyRules</c> (a
/// non-nil Go slice) as the manifest reader does, <c>null</c> as absent, and the wire writer writes it back.
/// </summary>
public class EmptyContainerListsWireTests
{
    [Fact]
    public void Empty_lists_are_read_as_the_manifest_reader_reads_them_and_written_back()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"},\"spec\":{"
            + "\"containers\":[{\"name\":\"c\",\"image\":\"i\",\"ports\":null,\"resizePolicy\":null,\"restartPolicyRules\":null}],"
            + "\"ephemeralContainers\":[{\"name\":\"d\",\"image\":\"i\",\"ports\":[],\"resizePolicy\":[],\"restartPolicyRules\":[]}]}}");
        var pod = WirePodReader.TryRead(bytes);
        Assert.NotNull(pod);
        var e = pod.Spec.EphemeralContainers[0];
        Assert.True(e.PortsGivenEmpty && e.ResizePolicyGivenEmpty && e.RestartPolicyRulesGivenEmpty);
        var c = pod.Spec.Containers[0];
        Assert.False(c.PortsGivenEmpty || c.ResizePolicyGivenEmpty || c.RestartPolicyRulesGivenEmpty);

        var strict = PodManifestReader.ReadUtf8Json(bytes, "pod");
        Assert.False(strict.HasErrors);
        Assert.Equal(strict.Pods[0].Pod, pod);

        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            WirePodWriter.Write(w, pod);
        }

        string written = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.True(written.Contains("{\"name\":\"d\",\"image\":\"i\",\"ports\":[],\"resources\":{},\"resizePolicy\":[],\"restartPolicyRules\":[]", StringComparison.Ordinal), written);
        foreach (string key in new[] { "\"ports\"", "\"resizePolicy\"", "\"restartPolicyRules\"" })
        {
            // Only the ephemeral container's: a null list is absent and written as nothing.
            Assert.Equal(written.IndexOf(key, StringComparison.Ordinal), written.LastIndexOf(key, StringComparison.Ordinal));
        }

        Assert.Equal(pod, WirePodReader.TryRead(buffer.WrittenSpan));
    }
}
