using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PodConformance.Generators;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Wire;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Running;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// Issue 12 item 6, the wire pod: <see cref="WirePodReader"/> (a direct UTF-8 → model reader, generated in part by
/// tools/PodConformance.SchemaGen) must give exactly the pod the manifest reader gives whenever it gives one, and give
/// up wherever the manifest reader reports an error, so a request's answer and error text cannot change. Checked over
/// the pods of every property's default-run cases, fixed-seed generated pods of every area (whole-API valid pods,
/// one invalid pod per validation rule, env, scenario and eviction cases), and damaged copies of their bytes.
/// </summary>
public class WirePodTests
{
    private static readonly JsonWriterOptions WireOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    internal static IEnumerable<Pod> DefaultRunPods()
    {
        foreach (var property in Suite.Rules.Catalog.All)
        {
            var gen = property.Cases(Profile.Default);
            for (int i = 0; i < RunOptions.DefaultCount; i++)
            {
                switch (SuiteRunner.CaseAt(gen, RunOptions.DefaultSeed, i, RunOptions.DefaultCount))
                {
                    case PodCase p:
                        yield return p.Pod;
                        break;
                    case NodePressureCase n:
                        foreach (var pod in n.Pods)
                        {
                            yield return pod;
                        }

                        break;
                }
            }
        }
    }

    internal static IEnumerable<Pod> GeneratedPods()
    {
        foreach (var pod in Seeds.Sample(PodGen.ValidWholeApi, ReplaySeed.Of(9601), 150))
        {
            yield return pod;
        }

        foreach (var c in Seeds.Sample(PodGen.Invalid(Profile.Default), ReplaySeed.Of(9602), 300))
        {
            yield return c.Pod;
        }

        foreach (var c in Seeds.Sample(EnvGen.Case, ReplaySeed.Of(9603), 60))
        {
            yield return c.Pod;
        }

        foreach (var c in Seeds.Sample(ScenarioGen.Case, ReplaySeed.Of(9604), 60))
        {
            yield return c.Pod;
        }

        foreach (var c in Seeds.Sample(EvictionGen.Case, ReplaySeed.Of(9605), 20))
        {
            foreach (var pod in c.Pods)
            {
                yield return pod;
            }
        }
    }

    /// <summary>The pod as a run request carries it (<see cref="Codec.CaseCodec"/>'s writer options).</summary>
    private static byte[] Wire(Pod pod)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, WireOptions))
        {
            PodManifestWriter.WriteJson(w, pod);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Null when the two agree; otherwise what differs. Giving up is always allowed.</summary>
    private static string? Disagreement(byte[] json)
    {
        var fast = WirePodReader.TryRead(json);
        if (fast is null)
        {
            return null;
        }

        var strict = PodManifestReader.ReadUtf8Json(json, "pod");
        if (strict.HasErrors || strict.Pods.Length != 1)
        {
            return "the direct reader read a pod the manifest reader refuses: " + string.Join("; ", strict.Errors.Select(e => e.Path + ": " + e.Message));
        }

        var expected = strict.Pods[0].Pod;
        if (fast != expected || PodManifestWriter.ToJson(fast) != PodManifestWriter.ToJson(expected))
        {
            return "different pods:\n" + PodManifestWriter.ToJson(expected) + "\nagainst\n" + PodManifestWriter.ToJson(fast);
        }

        return null;
    }

    private static void AssertAgreesAndReads(IEnumerable<Pod> pods)
    {
        int count = 0;
        var missed = new List<string>();
        foreach (var pod in pods)
        {
            count++;
            byte[] json = Wire(pod);
            string? problem = Disagreement(json);
            Assert.True(problem is null, problem + "\ninput: " + Encoding.UTF8.GetString(json));
            if (WirePodReader.TryRead(json) is null)
            {
                missed.Add(Encoding.UTF8.GetString(json));
            }
        }

        Assert.True(count > 100, "too few pods: " + count);

        // Every pod the writer writes is read directly, except a status or raw managedFields (left to the manifest reader).
        var unexpected = missed.Where(m => !m.Contains("\"status\":", StringComparison.Ordinal) && !m.Contains("\"managedFields\":", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} of {count} written pods not read directly, first: {unexpected.FirstOrDefault()}");
    }

    [Fact]
    public void Agrees_with_the_manifest_reader_on_every_default_run_pod() => AssertAgreesAndReads(DefaultRunPods());

    [Fact]
    public void Agrees_with_the_manifest_reader_on_generated_pods_of_every_area() => AssertAgreesAndReads(GeneratedPods());

    [Fact]
    public void Agrees_on_the_indented_form_too()
    {
        foreach (var pod in Seeds.Sample(PodGen.ValidWholeApi, ReplaySeed.Of(9606), 40))
        {
            byte[] json = Encoding.UTF8.GetBytes(PodManifestWriter.ToJson(pod));
            Assert.Null(Disagreement(json));
            Assert.NotNull(WirePodReader.TryRead(json));
        }
    }

    /// <summary>
    /// Damaged bytes (the ByteLineTests style): every byte deleted in turn and replaced by characters that change a token's
    /// type or close a value early, plus key and value edits: the direct reader must read the same pod or give up.
    /// </summary>
    [Fact]
    public void Damaged_pods_get_the_same_answer_or_the_manifest_reader()
    {
        int checkedCount = 0, gaveUp = 0;
        foreach (var c in Seeds.Sample(PodGen.Invalid(Profile.Default), ReplaySeed.Of(9607), 12))
        {
            byte[] json = Wire(c.Pod);
            foreach (byte[] damaged in Damage(json))
            {
                checkedCount++;
                string? problem = Disagreement(damaged);
                Assert.True(problem is null, problem + "\ninput: " + Encoding.UTF8.GetString(damaged));
                gaveUp += WirePodReader.TryRead(damaged) is null ? 1 : 0;
            }
        }

        Assert.True(checkedCount > 1000);
        Assert.True(gaveUp > checkedCount / 2, $"{gaveUp} of {checkedCount} damaged inputs given up");
    }

    [Theory]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\",\"name\":\"b\"}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":null}]}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"priority\":1.5}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"priority\":\"1\"}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"priority\":4294967296}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"unknownField\":1}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"targetContainerName\":\"b\"}]}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"livenessProbe\":{\"sleep\":{\"seconds\":1}}}]}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"lifecycle\":{\"preStop\":{\"grpc\":{\"port\":1}}}}]}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"volumes\":[{\"name\":\"a\",\"secret\":{\"name\":\"s\"}}]}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"envFrom\":[{\"configMapRef\":{\"name\":\"c\",\"items\":[]}}]}]}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{\"a\":\"1\",\"a\":\"2\"}}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"yesterday\"}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"overhead\":{\"cpu\":\"1x\"}}}")]
    [InlineData("{\"apiVersion\":\"v2\",\"kind\":\"Pod\"}")]
    [InlineData("{\"kind\":\"Pod\"}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"status\":{}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"n\\u0061me\":\"a\"}}")]
    public void Gives_up_on_what_the_manifest_reader_warns_about_or_refuses(string json)
    {
        Assert.Null(WirePodReader.TryRead(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void An_empty_overhead_map_is_an_overhead_set_as_the_manifest_reader_says()
    {
        // ADM-013: the RuntimeClass plugin refuses any non-nil overhead, so `overhead: {}` must survive the wire reader.
        byte[] bytes = Encoding.UTF8.GetBytes("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"},\"spec\":{\"overhead\":{},\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}");
        Assert.True(WirePodReader.TryRead(bytes)?.Spec.OverheadGiven);
        Assert.Null(Disagreement(bytes));
    }

    /// <summary>The request carries what the user wrote: the writer keeps a given empty map, so the adapter reads it as given.</summary>
    [Fact]
    public void An_empty_overhead_map_survives_a_write_and_a_read()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "a" },
            Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "i" }], OverheadGiven = true },
        };
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            WirePodWriter.Write(w, pod);
        }

        Assert.Contains("\"overhead\":{}", Encoding.UTF8.GetString(buffer.WrittenSpan), StringComparison.Ordinal);
        var read = WirePodReader.TryRead(buffer.WrittenSpan.ToArray());
        Assert.True(read?.Spec.OverheadGiven);
        Assert.True(read!.Spec.Overhead.IsEmpty);
    }

    /// <summary>VAL-342/VAL-016: an explicit <c>claims: []</c> is a non-nil slice; the wire reader records it as the manifest reader does, and the writer keeps it.</summary>
    [Fact]
    public void An_empty_claims_list_is_read_as_given_and_written_back()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"},\"spec\":{\"resources\":{\"claims\":[]},\"containers\":[{\"name\":\"c\",\"image\":\"i\",\"resources\":{\"claims\":null}}]}}");
        var pod = WirePodReader.TryRead(bytes);
        Assert.True(pod?.Spec.Resources?.ClaimsGiven);
        Assert.False(pod!.Spec.Containers[0].Resources.ClaimsGiven);
        Assert.Null(Disagreement(bytes));

        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            WirePodWriter.Write(w, pod);
        }

        Assert.Contains("\"resources\":{\"claims\":[]}", Encoding.UTF8.GetString(buffer.WrittenSpan), StringComparison.Ordinal);
    }

    /// <summary>VAL-016: an explicit <c>limits: {}</c> / <c>requests: {}</c> is a non-nil Go map; the wire reader records it as the manifest reader does, and the writer keeps it.</summary>
    [Fact]
    public void Empty_limits_and_requests_maps_are_read_as_given_and_written_back()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\",\"resources\":{\"limits\":null,\"requests\":{\"cpu\":\"1\"}}}],"
            + "\"ephemeralContainers\":[{\"name\":\"d\",\"image\":\"i\",\"resources\":{\"limits\":{},\"requests\":{}}}]}}");
        var pod = WirePodReader.TryRead(bytes);
        var given = pod!.Spec.EphemeralContainers[0].Resources;
        Assert.True(given.LimitsGivenEmpty && given.RequestsGivenEmpty);
        var regular = pod.Spec.Containers[0].Resources;
        Assert.False(regular.LimitsGivenEmpty || regular.RequestsGivenEmpty);
        Assert.Null(Disagreement(bytes));

        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            WirePodWriter.Write(w, pod);
        }

        string written = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.Contains("\"resources\":{\"limits\":{},\"requests\":{}}", written, StringComparison.Ordinal);
        Assert.Contains("\"resources\":{\"requests\":{\"cpu\":\"1\"}}", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_typed_scalars_as_the_manifest_reader_does()
    {
        const string json = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\",\"creationTimestamp\":\"2024-01-02T03:04:05.678+01:00\",\"labels\":{}},"
            + "\"spec\":{\"priority\":-7,\"overhead\":{\"cpu\":0.5,\"memory\":\"1Gi\"},\"containers\":[{\"name\":\"c\",\"image\":\"i\","
            + "\"livenessProbe\":{\"httpGet\":{\"port\":\"http\"},\"periodSeconds\":3},\"readinessProbe\":{\"tcpSocket\":{\"port\":80,\"host\":\"h\"}},"
            + "\"startupProbe\":{\"grpc\":{\"port\":9,\"service\":\"s\"}},\"lifecycle\":{\"preStop\":{\"sleep\":{\"seconds\":4}}},\"command\":[]}],"
            + "\"volumes\":[{\"name\":\"v\",\"hostPath\":{\"path\":\"/x\"}},{\"name\":\"w\",\"downwardAPI\":{\"defaultMode\":420,\"items\":[{\"path\":\"p\",\"fieldRef\":{\"fieldPath\":\"metadata.name\"}}]}}]}}";
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        Assert.NotNull(WirePodReader.TryRead(bytes));
        Assert.Null(Disagreement(bytes));
    }

    private static IEnumerable<byte[]> Damage(byte[] json)
    {
        byte[] replacements = "\"1n,}{x-.["u8.ToArray();
        for (int i = 0; i < json.Length; i += 3)
        {
            yield return [.. json.AsSpan(0, i), .. json.AsSpan(i + 1)];
            yield return Replace(json, i, replacements[i % replacements.Length]);
        }

        string text = Encoding.UTF8.GetString(json);
        foreach (var (from, to) in new[] { (":\"", ":null,\"x\":\""), (":\"", ":1,\"y\":\""), (":1", ":\"1\""), (":[", ":{}"), ("\"name\":", "\"name\":\"d\",\"name\":"), (":{", ":{\"zz\":true,") })
        {
            int at = 0;
            while ((at = text.IndexOf(from, at + 1, StringComparison.Ordinal)) > 0)
            {
                yield return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length)));
            }
        }
    }

    private static byte[] Replace(byte[] json, int i, byte b)
    {
        byte[] copy = (byte[])json.Clone();
        copy[i] = b;
        return copy;
    }
}
