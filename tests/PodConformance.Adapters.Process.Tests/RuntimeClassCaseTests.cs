using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Adapters.Process.Tests.Support;
using PodConformance.Generators;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Running;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// RuntimeClass objects over the protocol (spec/adapter-protocol.md PROTO-012, PROTO-015; spec/admission.md ADM-014…018,
/// session 13): a case's classes travel in <c>objects.runtimeClasses</c>, only to an adapter whose hello declares
/// <c>runtime-classes</c>; any other adapter is never sent such a case and it is "not performed" (not checked), never passed.
/// </summary>
public sealed class RuntimeClassCaseTests : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private static readonly ProcessAdapterOptions Slow = new() { HandshakeTimeout = TimeSpan.FromMinutes(3), CaseTimeout = TimeSpan.FromMinutes(2), ExitGrace = TimeSpan.FromSeconds(1) };

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static RuntimeClass Kata { get; } = new()
    {
        Name = "kata",
        Handler = "kata-qemu",
        HasOverhead = true,
        PodFixed = ValueMap.Of(("cpu", Quantity.Parse("250m")), ("memory", Quantity.Parse("120Mi"))),
        HasScheduling = true,
        NodeSelector = ValueMap.Of(("runtime", "kata")),
        Tolerations = ValueList.Of(
            new Toleration { Key = "sandbox", Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 30 },
            new Toleration { Operator = "Exists" }),
    };

    private static PodCase Named(string className, params RuntimeClass[] classes) =>
        new(new Pod { Metadata = new ObjectMeta { Name = "p" }, Spec = new PodSpec { RuntimeClassName = className, Containers = [new Container { Name = "c", Image = "busybox" }] } })
        {
            RuntimeClasses = classes.ToValueList(),
        };

    [Fact]
    public void The_classes_are_written_as_node_k8s_io_v1_fields_under_their_name_and_read_back()
    {
        var c = Named("kata", Kata, new RuntimeClass { Name = "plain", Handler = "runc" }, new RuntimeClass { Name = "empty", Handler = "h", HasOverhead = true, HasScheduling = true });
        string line = ProtocolMessages.Run(5, c, Profile.Default);
        Assert.EndsWith(
            "\"objects\":{\"runtimeClasses\":["
            + "{\"name\":\"kata\",\"handler\":\"kata-qemu\",\"overhead\":{\"podFixed\":{\"cpu\":\"250m\",\"memory\":\"120Mi\"}},"
            + "\"scheduling\":{\"nodeSelector\":{\"runtime\":\"kata\"},\"tolerations\":[{\"key\":\"sandbox\",\"operator\":\"Exists\",\"effect\":\"NoExecute\",\"tolerationSeconds\":30},{\"operator\":\"Exists\"}]}},"
            + "{\"name\":\"plain\",\"handler\":\"runc\"},"
            + "{\"name\":\"empty\",\"handler\":\"h\",\"overhead\":{},\"scheduling\":{}}]}}}",
            line,
            StringComparison.Ordinal);

        // Both readers: the strict one (a string) and the one-pass one (bytes; its objects go through the strict reader).
        var strict = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(line));
        Assert.NotNull(RunRequestReader.TryRead(Utf8.GetBytes(line))); // read in one pass, not left to the strict path
        var fast = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory()));
        Assert.Equal(c, strict.Case);
        Assert.Equal(c, fast.Case);
        Assert.Null(((PodCase)strict.Case).Objects); // classes alone: no env objects, as before (the scenario's)
    }

    [Fact]
    public void A_case_without_classes_is_written_as_before()
    {
        var c = new PodCase(new Pod { Metadata = new ObjectMeta { Name = "p" } });
        Assert.DoesNotContain("objects", ProtocolMessages.Run(1, c, Profile.Default), StringComparison.Ordinal);
        var env = c with { Objects = new EnvInputs { ConfigMaps = ValueMap.Of(("cm", ValueMap.Of(("k", "v")))) } };
        Assert.DoesNotContain("runtimeClasses", ProtocolMessages.Run(1, env, Profile.Default), StringComparison.Ordinal);
    }

    /// <summary>An empty <c>objects</c> is still the empty env objects (not none), and <c>runtimeClasses: null</c> is as absent.</summary>
    [Theory]
    [InlineData("{}", true)]
    [InlineData("{\"runtimeClasses\":null}", true)]
    [InlineData("{\"runtimeClasses\":[]}", false)]
    [InlineData("{\"runtimeClasses\":[],\"x-note\":1}", false)]
    [InlineData("{\"runtimeClasses\":[],\"podIPs\":[]}", true)]
    public void Env_objects_are_given_unless_the_classes_stand_alone(string objects, bool envGiven)
    {
        string line = "{\"type\":\"run\",\"id\":1,\"profile\":{\"kubernetesVersion\":\"1.37\"},\"case\":{\"kind\":\"pod\",\"pod\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}},\"scenario\":{},\"objects\":" + objects + "}}";
        foreach (var request in new[] { ProtocolMessages.ReadRequest(line), ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory()) })
        {
            var p = Assert.IsType<PodCase>(Assert.IsType<RunRequest>(request).Case);
            Assert.Equal(envGiven, p.Objects is not null);
            Assert.True(p.RuntimeClasses.IsEmpty);
        }
    }

    [Theory]
    [InlineData("[{\"handler\":\"h\"}]", "case.objects.runtimeClasses[0].name: required field is missing")]
    [InlineData("[{\"name\":\"k\",\"overhead\":{\"podFixed\":{\"cpu\":\"lots\"}}}]", "case.objects.runtimeClasses[0].overhead.podFixed.cpu: expected a quantity (\"250m\", \"120Mi\"), got \"lots\"")]
    [InlineData("[{\"name\":\"k\",\"overhead\":{\"podfixed\":{}}}]", "case.objects.runtimeClasses[0].overhead.podfixed: unknown field")]
    [InlineData("[{\"name\":\"k\",\"scheduling\":{\"tolerations\":[{\"tolerationSeconds\":\"30\"}]}}]", "case.objects.runtimeClasses[0].scheduling.tolerations[0].tolerationSeconds: expected an integer (int64), got the string \"30\"")]
    [InlineData("{\"kata\":{}}", "case.objects.runtimeClasses: expected an array")]
    public void A_malformed_class_fails_with_its_path(string classes, string expected)
    {
        string line = "{\"type\":\"run\",\"id\":1,\"profile\":{\"kubernetesVersion\":\"1.37\"},\"case\":{\"kind\":\"pod\",\"pod\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}},\"scenario\":{},\"objects\":{\"runtimeClasses\":" + classes + "}}}";
        var strict = Assert.Throws<ProtocolException>(() => ProtocolMessages.ReadRequest(line));
        Assert.StartsWith(expected, strict.Message, StringComparison.Ordinal);

        // The one-pass reader gives up, and the strict reader words the same error.
        Assert.Null(RunRequestReader.TryRead(Utf8.GetBytes(line)));
        var fromBytes = Assert.Throws<ProtocolException>(() => ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory()));
        Assert.Equal(strict.Message, fromBytes.Message);
    }

    /// <summary>Each class's overhead and scheduling present, empty or absent, as a stored class can have them.</summary>
    private static RuntimeClass Shaped(RuntimeClass rc, int shape) => shape switch
    {
        1 => rc with { PodFixed = default }, // overhead: {}
        2 => rc with { HasOverhead = false, PodFixed = default },
        3 => rc with { NodeSelector = default, Tolerations = default }, // scheduling: {}
        4 => rc with { HasScheduling = false, NodeSelector = default, Tolerations = default },
        _ => rc,
    };

    private static readonly Gen<PodCase> Cases =
        from rc in RuntimeClassCases.Any
        from shapes in Gen.Choose(0, 4).ArrayOf(3)
        from env in Gen.Frequency((1, Gen.Constant<EnvInputs?>(null)), (1, EnvGen.Case.Select(e => (EnvInputs?)e.Objects)))
        select new PodCase(rc.Pod) { Objects = env, RuntimeClasses = rc.Classes.Select((c, i) => Shaped(c, shapes[i])).ToValueList() };

    /// <summary>
    /// Generated RuntimeClass cases (every generator variant, the classes' overhead and scheduling in each shape, with and
    /// without env objects) round-trip through both request readers: the same classes and env objects, the two readers'
    /// cases equal, and the line written back the same. (The pod is compared by its wire form: some generated pods hold a
    /// downwardAPI volume with <c>DownwardApiPresent</c> false, which the pod reader reads back as true; seen at this seed.)
    /// </summary>
    [Property(Replay = "(20261207,13301)", MaxTest = 200)]
    public Property Generated_runtime_class_cases_round_trip() =>
        Prop.ForAll(Cases.ToArbitrary(), Gen.Choose(1, int.MaxValue).ToArbitrary(), (c, id) =>
        {
            string line = ProtocolMessages.Run(id, c, Profile.Default);
            var strict = (PodCase)((RunRequest)ProtocolMessages.ReadRequest(line)).Case;
            var fast = (PodCase)((RunRequest)ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory())).Case;
            return strict.RuntimeClasses.Equals(c.RuntimeClasses) && Equals(strict.Objects, c.Objects) && fast.Equals(strict)
                && ProtocolMessages.Run(id, strict, Profile.Default) == line;
        });

    /// <summary>Tolerations of every shape: any strings (escaping included), tolerationSeconds unset, zero, negative or large.</summary>
    private static Gen<Toleration> AnyToleration { get; } =
        from key in Gen.Elements("", "sandbox", "k\"é<&>\u2028", "example.com/a")
        from op in Gen.Elements("", "Exists", "Equal", "bogus")
        from value in Gen.Elements("", "true", "\t\n")
        from effect in Gen.Elements("", "NoSchedule", "NoExecute")
        from seconds in Gen.Elements<long?>(null, 0, -5, 30, long.MaxValue, long.MinValue)
        select new Toleration { Key = key, Operator = op, Value = value, Effect = effect, TolerationSeconds = seconds };

    /// <summary>
    /// A class's <c>scheduling.tolerations</c> are written as the pod's own <c>spec.tolerations</c> (PROTO-015 says they are
    /// node.k8s.io/v1's fields, whose Toleration is core/v1's): the same tolerations on both give the same JSON text.
    /// </summary>
    [Property(Replay = "(20261207,14003)", MaxTest = 200)]
    public Property A_class_writes_its_tolerations_as_the_pod_writes_its_own() =>
        Prop.ForAll(Gen.Choose(1, 4).SelectMany(n => AnyToleration.ArrayOf(n)).ToArbitrary(), tolerations =>
        {
            var list = tolerations.ToValueList();
            var c = new PodCase(new Pod { Metadata = new ObjectMeta { Name = "p" }, Spec = new PodSpec { Tolerations = list, Containers = [new Container { Name = "c", Image = "busybox" }] } })
            {
                RuntimeClasses = ValueList.Of(new RuntimeClass { Name = "k", Handler = "h", HasScheduling = true, Tolerations = list }),
            };
            using var doc = System.Text.Json.JsonDocument.Parse(ProtocolMessages.Run(1, c, Profile.Default));
            var caseElement = doc.RootElement.GetProperty("case");
            string pod = caseElement.GetProperty("pod").GetProperty("spec").GetProperty("tolerations").GetRawText();
            string rc = caseElement.GetProperty("objects").GetProperty("runtimeClasses")[0].GetProperty("scheduling").GetProperty("tolerations").GetRawText();
            return (pod == rc).Label(pod + " vs " + rc);
        });

    [Fact]
    public void Podconf_adapter_serve_declares_runtime_classes()
    {
        var server = new AdapterServer(new ModelAdapter(), "0", AdapterServer.ModelVersions);
        string hello = ProtocolMessages.AdapterHello(server.Hello);
        Assert.Contains(",\"runtime-classes\"", hello, StringComparison.Ordinal);
        Assert.True((ProtocolMessages.ReadAdapterHello(hello).Capabilities & Capability.RuntimeClasses) != 0);
    }

    /// <summary>
    /// <c>podconf adapter serve</c> behind <c>tee</c> (every request logged) and <c>sed</c>, which drops <c>runtime-classes</c>
    /// from its hello when asked: the same model, as an adapter that declared the capability and as one that did not.
    /// </summary>
    private ProcessAdapter Relay(bool declare, out string log)
    {
        log = Path.Combine(_dir.Path, declare ? "with.log" : "without.log");
        string edit = declare ? "s/^//" : "s/,\"runtime-classes\"//";
        return new ProcessAdapter(
            [Tools.Sh!, "-c", "tee -a \"$1\" | \"$2\" \"$3\" adapter serve | sed -u \"$4\"", "relay", log, Tools.Dotnet, ServeAgreementTests.PodconfDll, edit],
            Slow);
    }

    [ShellFact]
    public async Task An_adapter_without_the_capability_is_never_sent_a_case_with_classes()
    {
        await using var adapter = Relay(declare: false, out string log);
        var hello = await adapter.StartAsync(CancellationToken.None);
        Assert.Equal(Capability.None, hello.Capabilities & Capability.RuntimeClasses);
        Assert.NotEqual(Capability.None, hello.Capabilities & Capability.Admission);

        var c = Named("kata", Kata);
        Assert.False(adapter.TrySendAhead(c, Profile.Default));
        var o = await adapter.RunAsync(c, Profile.Default, CancellationToken.None);
        Assert.Equal("the case needs RuntimeClass objects (kata), which are sent only to an adapter whose hello declares the capability runtime-classes", o.NotPerformed);
        Assert.Null(o.Admission);

        // The same pod without classes is sent and answered (a named class then is not checked, ADM-012).
        var plain = await adapter.RunAsync(c with { RuntimeClasses = default }, Profile.Default, CancellationToken.None);
        Assert.Null(plain.Failure);
        Assert.NotNull(plain.Admission);
        await adapter.DisposeAsync();
        string sent = await File.ReadAllTextAsync(log);
        Assert.Contains("\"type\":\"run\"", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("runtimeClasses", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adapter_with_the_capability_receives_the_classes_and_answers_as_the_model()
    {
        await using var served = new ProcessAdapter([Tools.Dotnet, ServeAgreementTests.PodconfDll, "adapter", "serve"], Slow);
        var hello = await served.StartAsync(CancellationToken.None);
        Assert.Equal(Capability.RuntimeClasses, hello.Capabilities & Capability.RuntimeClasses);

        // Accepted with the class's overhead, node selector and tolerations; refused as not found (ADM-014) and for a
        // conflicting node selector (ADM-016); all as the in-process model answers.
        var accepted = Named("kata", Kata);
        var notFound = Named("gvisor", Kata);
        var conflict = accepted with { Pod = accepted.Pod with { Spec = accepted.Pod.Spec with { NodeSelector = ValueMap.Of(("runtime", "other")) } } };
        foreach (var c in new[] { accepted, notFound, conflict })
        {
            var expected = ModelAdapter.Run(c, Profile.Default);
            var actual = await served.RunAsync(c, Profile.Default, CancellationToken.None);
            Assert.Null(actual.NotPerformed);
            Assert.True(expected == actual, c.Pod.Spec.RuntimeClassName + ": the served model differs from the in-process model");
        }

        Assert.True(ModelAdapter.Run(accepted, Profile.Default).Admission!.Accepted);
        Assert.False(ModelAdapter.Run(notFound, Profile.Default).Admission!.Accepted);
        Assert.False(ModelAdapter.Run(conflict, Profile.Default).Admission!.Accepted);
        Assert.True(served.TrySendAhead(accepted, Profile.Default));
        Assert.Null((await served.RunAsync(accepted, Profile.Default, CancellationToken.None)).NotPerformed);
        Assert.Equal(1, served.AnsweredAhead);
    }

    /// <summary>
    /// The admission properties that draw RuntimeClass cases (P-ADM-VALIDATION a fifth, P-ADM-DEFAULTS a sixth), through
    /// <c>podconf adapter serve</c> end to end: with the capability every case is compared and passes; without it the
    /// RuntimeClass cases are not observed (named in the result), the rest compared, and none of them sent.
    /// </summary>
    [ShellFact]
    public async Task Runtime_class_cases_run_and_agree_through_adapter_serve_and_are_not_observed_without_the_capability()
    {
        var options = new RunOptions { Rules = "P-ADM-VALIDATION,P-ADM-DEFAULTS" };
        int withClasses = 0;
        foreach (var property in Suite.Rules.Catalog.All.Where(options.Selects))
        {
            var gen = property.Cases(Profile.Default);
            int count = options.CountFor(property);
            for (int i = 0; i < count; i++)
            {
                withClasses += SuiteRunner.CaseAt(gen, options.Seed, i, count) is PodCase { RuntimeClasses.IsEmpty: false } ? 1 : 0;
            }
        }

        Assert.True(withClasses >= 20, "only " + withClasses + " RuntimeClass cases in the run");

        string withLog, withoutLog;
        RunReport with, without;
        await using (var declaring = Relay(declare: true, out withLog))
        {
            with = SuiteRun.Execute(declaring, options);
        }

        await using (var plain = Relay(declare: false, out withoutLog))
        {
            without = SuiteRun.Execute(plain, options);
        }

        Assert.Equal(2, with.Results.Count);
        Assert.All(with.Results, r => Assert.Equal(Suite.Running.Outcome.Passed, r.Outcome));
        Assert.All(with.Results, r => Assert.DoesNotContain("not performed", r.Reason, StringComparison.Ordinal));
        Assert.All(without.Results, r => Assert.Equal(Suite.Running.Outcome.Passed, r.Outcome));
        Assert.All(without.Results, r => Assert.Contains("not performed by the adapter: the case needs RuntimeClass objects", r.Reason, StringComparison.Ordinal));

        var sentWith = (await File.ReadAllLinesAsync(withLog)).Count(l => l.Contains("\"runtimeClasses\"", StringComparison.Ordinal));
        Assert.True(sentWith >= withClasses, sentWith + " requests with classes sent, " + withClasses + " cases drawn");
        Assert.DoesNotContain("runtimeClasses", await File.ReadAllTextAsync(withoutLog), StringComparison.Ordinal);
    }
}
