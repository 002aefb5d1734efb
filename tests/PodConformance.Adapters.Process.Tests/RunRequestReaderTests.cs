using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Generators;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Wire;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Running;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// Issue 12 item 6, session 11: a run request is read in one pass (<see cref="RunRequestReader"/>: one
/// <c>Utf8JsonReader</c> over the line, the pod read by <see cref="WirePodReader"/> from it) where the strict path built a
/// document of the line and parsed the pod's bytes again. It must give the request the strict path gives — which is
/// <see cref="ProtocolMessages.ReadRequest(string)"/>, the text path, unchanged — or give up, never a request the strict path
/// refuses; and the bytes path's errors must stay the strict path's words. Checked on every request of a default run, an
/// FsCheck property over generated cases and profiles (fixed seed; the pod also against the manifest reader), and damaged
/// lines aimed at what only the strict path's document checks (duplicate keys at every level, escapes, depth, syntax).
/// </summary>
public class RunRequestReaderTests
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private static byte[] Line(long id, ConformanceCase testCase, Profile profile)
    {
        var buffer = new ArrayBufferWriter<byte>();
        ProtocolMessages.WriteRunLine(buffer, id, testCase, profile);
        return buffer.WrittenSpan[..^1].ToArray();
    }

    /// <summary>The strict path's reading of a line (the document, then the strict readers): the request, or its error's text.</summary>
    private static object Strict(string line)
    {
        try
        {
            return ProtocolMessages.ReadRequest(line);
        }
        catch (ProtocolException e)
        {
            return "error " + e.Message;
        }
    }

    /// <summary>The pod of a pod case's request as the direct reader alone takes it from the pod's own bytes (null: it gives up).</summary>
    private static Model.Api.Pod? DirectPod(byte[] line)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(line);
        return doc.RootElement.GetProperty("case").TryGetProperty("pod", out var pod)
            ? WirePodReader.TryRead(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(pod))
            : null;
    }

    /// <summary>
    /// The one-pass reading agrees with the strict path: the same request (record equality, and the same line written back),
    /// or null where the strict path errs. Returns whether the one pass read it.
    /// </summary>
    private static bool AssertAgrees(byte[] line)
    {
        var fast = RunRequestReader.TryRead(line);
        object strict = Strict(Utf8.GetString(line));
        if (fast is null)
        {
            return false;
        }

        var expected = Assert.IsType<RunRequest>(strict);
        Assert.Equal(expected, fast);
        Assert.Equal(ProtocolMessages.Run(expected.Id, expected.Case, expected.Profile), ProtocolMessages.Run(fast.Id, fast.Case, fast.Profile));
        return true;
    }

    [Fact]
    public void Every_request_of_a_default_run_is_read_in_one_pass_as_the_strict_path_reads_it()
    {
        int read = 0, total = 0, podCases = 0;
        foreach (var property in Suite.Rules.Catalog.All)
        {
            var gen = property.Cases(Profile.Default);
            for (int i = 0; i < RunOptions.DefaultCount; i++)
            {
                var testCase = SuiteRunner.CaseAt(gen, RunOptions.DefaultSeed, i, RunOptions.DefaultCount);
                byte[] line = Line(i, testCase, Profile.Default);
                total++;
                bool one = AssertAgrees(line);
                read += one ? 1 : 0;
                if (testCase is PodCase)
                {
                    podCases++;

                    // Only a pod the direct reader does not take may leave a pod case to the strict path.
                    Assert.True(one || DirectPod(line) is null, property.Id + " case " + i + " was not read in one pass");
                }
                else
                {
                    Assert.True(one, property.Id + " case " + i + " (" + testCase.GetType().Name + ") was not read in one pass");
                }
            }
        }

        Assert.True(podCases > 1000, "too few pod cases: " + podCases);
        Assert.True(read > total * 9 / 10, $"only {read} of {total} requests read in one pass");
    }

    [Fact]
    public void Generated_cases_of_every_area_are_read_as_the_strict_path_reads_them()
    {
        int read = 0, total = 0;
        foreach (var testCase in GeneratedCases())
        {
            total++;
            read += AssertAgrees(Line(total, testCase, Profile.Default)) ? 1 : 0;
        }

        Assert.True(read > total * 9 / 10, $"only {read} of {total} requests read in one pass");
    }

    private static IEnumerable<ConformanceCase> GeneratedCases()
    {
        foreach (string t in Seeds.Sample(QuantityGen.AnyText, ReplaySeed.Of(11101), 40))
        {
            yield return new QuantityCase(t);
        }

        foreach (var pod in Seeds.Sample(PodGen.ValidWholeApi, ReplaySeed.Of(11102), 60))
        {
            yield return new PodCase(pod);
        }

        foreach (var c in Seeds.Sample(PodGen.Invalid(Profile.Default), ReplaySeed.Of(11103), 60))
        {
            yield return new PodCase(c.Pod);
        }

        foreach (var c in Seeds.Sample(ScenarioGen.Case, ReplaySeed.Of(11104), 30))
        {
            yield return new PodCase(c.Pod, c.Scenario);
        }

        foreach (var e in Seeds.Sample(EnvGen.Case, ReplaySeed.Of(11105), 30))
        {
            yield return new PodCase(e.Pod) { Objects = e.Objects };
        }

        foreach (var c in Seeds.Sample(EvictionGen.Case, ReplaySeed.Of(11106), 10))
        {
            yield return new NodePressureCase(c.Pods, c.Scenario);
        }
    }

    private static readonly string[] GateNames = [FeatureGateCatalog.AllAlpha, FeatureGateCatalog.AllBeta, "SidecarContainers", "PodLevelResources", "NoSuchGate"];

    /// <summary>A release the model implements and up to five gate overrides (the run's profile is sent with every request).</summary>
    private static readonly Gen<Profile> Profiles =
        from minor in Gen.Choose(KubernetesVersion.Oldest.Minor, KubernetesVersion.Newest.Minor)
        from mask in Gen.Choose(0, (1 << GateNames.Length) - 1)
        from values in Gen.Choose(0, (1 << GateNames.Length) - 1)
        select new Profile(
            new KubernetesVersion(KubernetesVersion.Oldest.Major, minor),
            ValueMap.Of([.. GateNames.Select((g, i) => (g, ((values >> i) & 1) == 1)).Where((_, i) => ((mask >> i) & 1) == 1)]));

    private static readonly Gen<ConformanceCase> Cases = Gen.OneOf(
        QuantityGen.AnyText.Select(t => (ConformanceCase)new QuantityCase(t)),
        PodGen.ValidWholeApi.Select(p => (ConformanceCase)new PodCase(p)),
        PodGen.Invalid(Profile.Default).Select(c => (ConformanceCase)new PodCase(c.Pod)),
        ScenarioGen.Case.Select(c => (ConformanceCase)new PodCase(c.Pod, c.Scenario)),
        EnvGen.Case.Select(e => (ConformanceCase)new PodCase(e.Pod) { Objects = e.Objects }));

    /// <summary>
    /// Generated cases under generated profiles: the one pass reads the request the strict path reads, and its pod is the
    /// manifest reader's (the reader the strict path falls back to, which words every error) wherever that reader takes it.
    /// </summary>
    [Property(Replay = "(20261207,11107)", MaxTest = 300)]
    public Property A_generated_request_is_read_as_the_strict_path_and_the_manifest_reader_read_it() =>
        Prop.ForAll(Cases.ToArbitrary(), Profiles.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (testCase, profile, id) =>
        {
            byte[] line = Line(id, testCase, profile);
            var fast = RunRequestReader.TryRead(line);
            if (fast is null)
            {
                // Given up: only a pod the direct reader does not take may cause it.
                return testCase is PodCase && DirectPod(line) is null;
            }

            if (!fast.Equals(Strict(Utf8.GetString(line))) || !fast.Profile.Equals(profile))
            {
                return false;
            }

            if (fast.Case is PodCase p && testCase is PodCase)
            {
                var podBytes = new ArrayBufferWriter<byte>();
                using (var w = new System.Text.Json.Utf8JsonWriter(podBytes))
                {
                    WirePodWriter.Write(w, p.Pod);
                }

                var manifest = PodManifestReader.ReadUtf8Json(podBytes.WrittenSpan, "pod");
                return manifest.HasErrors || (manifest.Pods.Length == 1 && manifest.Pods[0].Pod.Equals(p.Pod));
            }

            return true;
        });

    /// <summary>Damaged copies of a line, aimed at what only the strict path's document checks, and at the fields the one pass reads.</summary>
    private static IEnumerable<string> Damaged(string line)
    {
        string[] keys =
        [
            // The root, the profile, the case, the pod, the scenario, the env objects, a quantity case, a node-pressure case.
            "type", "id", "profile", "kubernetesVersion", "featureGates", "SidecarContainers", "case", "kind", "pod", "apiVersion",
            "metadata", "name", "scenario", "until", "images", "pods", "containers", "objects", "configMaps", "input", "nodeScenario",
        ];
        foreach (string key in keys)
        {
            string aim = "\"" + key + "\":";
            int at = line.IndexOf(aim, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            int valueAt = at + aim.Length;
            string escaped = "\"\\u00" + ((int)key[0]).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + key[1..] + "\":";

            // The key repeated (after, and before, the original), and escaped.
            yield return line[..valueAt] + "null," + aim + line[valueAt..];
            yield return line[..at] + aim + "1," + line[at..];
            yield return line[..at] + escaped + line[valueAt..];

            // The value nulled or retyped; an unknown key or an extension (with a repeated key inside) beside it.
            yield return line[..valueAt] + "null" + AfterValue(line, valueAt);
            yield return line[..valueAt] + "[]" + AfterValue(line, valueAt);
            yield return line[..valueAt] + "\"1\"" + AfterValue(line, valueAt);
            yield return line[..at] + "\"extra\":[1]," + line[at..];
            yield return line[..at] + "\"x-extra\":{\"a\":1}," + line[at..];
            yield return line[..at] + "\"x-extra\":{\"a\":1,\"a\":2}," + line[at..];
        }

        // An object's first member repeated whole (the same key and value): only the document refuses that.
        foreach (string map in new[] { "", "profile", "featureGates", "case", "pod", "scenario", "pods", "containers", "objects", "configMaps", "labels", "nodeScenario", "images", "metadata" })
        {
            int at = map.Length == 0 ? -3 : line.IndexOf("\"" + map + "\":{\"", StringComparison.Ordinal);
            if (at != -1)
            {
                int inner = at + map.Length + 4;
                string afterKey = AfterValue(line, inner);
                string afterMember = AfterValue(afterKey, 1);
                string member = line[inner..(line.Length - afterMember.Length)];
                yield return line[..inner] + member + "," + line[inner..];
            }
        }

        // Syntax the document refuses, whitespace it allows, and nesting past its depth inside each part.
        yield return line + "x";
        yield return line + "  ";
        yield return " \t" + line;
        yield return line[..^1] + ",}";
        yield return line[..^1] + "/*c*/}";
        yield return "\uFEFF" + line;
        foreach (string part in new[] { "\"scenario\":{", "\"objects\":{", "\"featureGates\":{", "\"case\":{", "\"nodeScenario\":{" })
        {
            int at = line.IndexOf(part, StringComparison.Ordinal);
            if (at >= 0)
            {
                int valueAt = at + part.Length;
                yield return line[..valueAt] + "\"deep\":" + new string('[', 300) + new string(']', 300) + "," + line[valueAt..];
                yield return line[..valueAt] + "\"deep\":" + new string('[', 250) + new string(']', 250) + "," + line[valueAt..];
                yield return line[..valueAt] + "\"k\":{\"a\":1,\"b\":{\"a\":1},\"a\":2}," + line[valueAt..];
                yield return line[..valueAt] + "\"k\":{\"a\":1,\"b\":{\"a\":1}}," + line[valueAt..];
            }
        }

        // The root's fields in another order.
        yield return "{" + line["{\"type\":\"run\",".Length..^1] + ",\"type\":\"run\"}";
    }

    /// <summary>The rest of the line after the JSON value that starts at <paramref name="at"/>.</summary>
    private static string AfterValue(string line, int at)
    {
        byte[] rest = Utf8.GetBytes(line[at..]);
        var r = new System.Text.Json.Utf8JsonReader(rest, new System.Text.Json.JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 512 });
        r.Read();
        r.Skip();
        return Utf8.GetString(rest.AsSpan((int)r.BytesConsumed));
    }

    [Fact]
    public void Damaged_requests_are_read_as_the_strict_path_reads_them_or_left_to_it()
    {
        var profile = new Profile(KubernetesVersion.Newest, ValueMap.Of(("SidecarContainers", true), (FeatureGateCatalog.AllAlpha, false)));
        var samples = new List<ConformanceCase>
        {
            new QuantityCase("100m"),
            Seeds.Sample(ScenarioGen.Case, ReplaySeed.Of(11108), 1).Select(c => new PodCase(c.Pod, c.Scenario)).Single(),
            Seeds.Sample(EnvGen.Case, ReplaySeed.Of(11109), 1).Select(e => new PodCase(e.Pod) { Objects = e.Objects }).Single(),
            Seeds.Sample(EvictionGen.Case, ReplaySeed.Of(11110), 1).Select(c => new NodePressureCase(c.Pods, c.Scenario)).Single(),
        };
        int errors = 0, read = 0, total = 0;
        foreach (var testCase in samples)
        {
            string line = Utf8.GetString(Line(7, testCase, profile));
            foreach (string damaged in Damaged(line))
            {
                total++;
                object strict = Strict(damaged);
                var fast = RunRequestReader.TryRead(Utf8.GetBytes(damaged));
                if (strict is string)
                {
                    errors++;
                    Assert.True(fast is null, "read in one pass, refused by the strict path (" + strict + "): " + damaged);

                    // And the bytes path, which tries the one pass first, words the error as before.
                    Assert.Equal(strict, Strict(() => ProtocolMessages.ReadRequest(Utf8.GetBytes(damaged).AsMemory())));
                }
                else if (fast is not null)
                {
                    read++;
                    Assert.Equal(strict, fast);
                }
                else
                {
                    Assert.Equal(strict, ProtocolMessages.ReadRequest(Utf8.GetBytes(damaged).AsMemory()));
                }
            }
        }

        Assert.True(errors > 100, "damaged lines must reach the error paths: " + errors + " of " + total);
        Assert.True(read >= 12, "some damaged lines are still read in one pass (whitespace, the root reordered): " + read + " of " + total);
    }

    private static object Strict(Func<ClientMessage> read)
    {
        try
        {
            return read();
        }
        catch (ProtocolException e)
        {
            return "error " + e.Message;
        }
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData("{\"a\":1,\"b\":[{\"a\":1},{\"a\":2}],\"c\":{\"a\":{\"a\":1}}}", true)] // the same key in other objects
    [InlineData("{\"a\":1,\"b\":2,\"a\":3}", false)]
    [InlineData("{\"a\":{\"x\":1,\"y\":{},\"x\":2}}", false)] // deeper, after a nested object closed
    [InlineData("{\"a\":[{\"x\":1,\"x\":1}]}", false)] // in an array's object
    [InlineData("{\"a\":{\"b\":1},\"a\":{\"b\":1}}", false)] // repeated whole
    [InlineData("{\"a\":1,\"\\u0062\":2}", false)] // an escaped key: left to the document
    [InlineData("{\"ab\":1,\"a\":2,\"b\":3}", true)]
    public void The_scenario_pass_finds_repeated_keys_as_the_document_does(string json, bool unique)
    {
        byte[] bytes = Utf8.GetBytes("[" + json + ",0]");
        var r = new System.Text.Json.Utf8JsonReader(bytes);
        r.Read();
        r.Read();
        var skipped = r;
        skipped.Skip();
        Assert.Equal(unique, RunRequestReader.SkipWithoutDuplicates(ref r, bytes));
        if (unique)
        {
            Assert.Equal(skipped.BytesConsumed, r.BytesConsumed); // it stops where Skip stops
        }

        bool documentTakes;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json, StrictJson.Options);
            documentTakes = true;
        }
        catch (System.Text.Json.JsonException)
        {
            documentTakes = false;
        }

        Assert.True(documentTakes || !unique, "the document refuses what the pass takes");
    }

    [Fact]
    public void An_object_with_many_keys_is_left_to_the_document()
    {
        string many = "{" + string.Join(",", Enumerable.Range(0, 300).Select(i => "\"k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\":1")) + "}";
        byte[] bytes = Utf8.GetBytes(many);
        var r = new System.Text.Json.Utf8JsonReader(bytes);
        r.Read();
        Assert.False(RunRequestReader.SkipWithoutDuplicates(ref r, bytes));
    }

    [Fact]
    public void Other_messages_are_left_to_the_strict_path()
    {
        foreach (string line in new[] { ProtocolMessages.Hello("podconf", pipelining: true), ProtocolMessages.Bye(), "{\"type\":\"run\"}", "{}", "[]", "1", "" })
        {
            Assert.Null(RunRequestReader.TryRead(Utf8.GetBytes(line)));
        }
    }

    [Fact]
    public void The_same_scenario_bytes_give_the_same_scenario_object_and_others_their_own()
    {
        var cases = Seeds.Sample(ScenarioGen.Case, ReplaySeed.Of(11111), 2).ToArray();
        var first = (PodCase)RunRequestReader.TryRead(Line(1, new PodCase(cases[0].Pod), Profile.Default))!.Case;
        var second = (PodCase)RunRequestReader.TryRead(Line(2, new PodCase(cases[1].Pod), Profile.Default))!.Case;
        Assert.Same(first.Scenario, second.Scenario); // both the default scenario
        Assert.Equal(new Model.Simulation.Scenario(), first.Scenario);
        var own = (PodCase)RunRequestReader.TryRead(Line(3, new PodCase(cases[0].Pod, cases[0].Scenario), Profile.Default))!.Case;
        var other = (PodCase)RunRequestReader.TryRead(Line(4, new PodCase(cases[1].Pod, cases[1].Scenario), Profile.Default))!.Case;
        Assert.Equal(cases[0].Scenario, own.Scenario);
        Assert.Equal(cases[1].Scenario, other.Scenario);
        Assert.NotEqual(own.Scenario, other.Scenario);
    }

    [Fact]
    public void The_same_profile_bytes_give_the_same_profile_object()
    {
        var profile = new Profile(KubernetesVersion.Newest, ValueMap.Of(("SidecarContainers", false)));
        var first = RunRequestReader.TryRead(Line(1, new QuantityCase("1"), profile))!;
        var second = RunRequestReader.TryRead(Line(2, new QuantityCase("2"), profile))!;
        var other = RunRequestReader.TryRead(Line(3, new QuantityCase("3"), Profile.Default))!;
        Assert.Same(first.Profile, second.Profile);
        Assert.Equal(profile, first.Profile);
        Assert.Equal(Profile.Default, other.Profile);
        Assert.NotSame(first.Profile, other.Profile);
    }
}
