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
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Running;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// PriorityClass objects over the protocol (spec/adapter-protocol.md PROTO-012, PROTO-015; spec/admission.md ADM-040…044,
/// session 14): a case's classes travel in <c>objects.priorityClasses</c>, only to an adapter whose hello declares
/// <c>priority-classes</c>; any other adapter is never sent such a case and it is "not performed" (not checked), never passed.
/// </summary>
public sealed class PriorityClassCaseTests : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private static readonly ProcessAdapterOptions Slow = new() { HandshakeTimeout = TimeSpan.FromMinutes(3), CaseTimeout = TimeSpan.FromMinutes(2), ExitGrace = TimeSpan.FromSeconds(1) };

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static PriorityClass High { get; } = new() { Name = "high", Value = 1000000000, PreemptionPolicy = "Never" };

    private static PriorityClass Fallback { get; } = new() { Name = "fallback", Value = -7, GlobalDefault = true };

    private static PodCase Named(string className, int? priority, params PriorityClass[] classes) =>
        new(new Pod { Metadata = new ObjectMeta { Name = "p" }, Spec = new PodSpec { PriorityClassName = className, Priority = priority, Containers = [new Container { Name = "c", Image = "busybox" }] } })
        {
            PriorityClasses = classes.ToValueList(),
        };

    [Fact]
    public void The_classes_are_written_as_scheduling_k8s_io_v1_fields_beside_their_name_and_read_back()
    {
        var c = Named("high", null, High, Fallback, new PriorityClass { Name = "least", Value = int.MinValue });
        string line = ProtocolMessages.Run(5, c, Profile.Default);
        Assert.EndsWith(
            "\"objects\":{\"priorityClasses\":["
            + "{\"name\":\"high\",\"value\":1000000000,\"preemptionPolicy\":\"Never\"},"
            + "{\"name\":\"fallback\",\"value\":-7,\"globalDefault\":true,\"preemptionPolicy\":\"PreemptLowerPriority\"},"
            + "{\"name\":\"least\",\"value\":-2147483648,\"preemptionPolicy\":\"PreemptLowerPriority\"}]}}}",
            line,
            StringComparison.Ordinal);

        var strict = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(line));
        Assert.NotNull(RunRequestReader.TryRead(Utf8.GetBytes(line))); // read in one pass, not left to the strict path
        var fast = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory()));
        Assert.Equal(c, strict.Case);
        Assert.Equal(c, fast.Case);
        Assert.Null(((PodCase)strict.Case).Objects); // classes alone: no env objects

        // Beside RuntimeClasses in the same objects.
        var both = c with { RuntimeClasses = [new RuntimeClass { Name = "kata", Handler = "kata" }] };
        string bothLine = ProtocolMessages.Run(6, both, Profile.Default);
        Assert.Contains("\"objects\":{\"runtimeClasses\":[{\"name\":\"kata\",\"handler\":\"kata\"}],\"priorityClasses\":[", bothLine, StringComparison.Ordinal);
        Assert.Equal(both, ((RunRequest)ProtocolMessages.ReadRequest(bothLine)).Case);
        Assert.Null(((PodCase)((RunRequest)ProtocolMessages.ReadRequest(bothLine)).Case).Objects);
    }

    [Fact]
    public void A_case_without_classes_is_written_as_before()
    {
        var c = new PodCase(new Pod { Metadata = new ObjectMeta { Name = "p" } });
        Assert.DoesNotContain("objects", ProtocolMessages.Run(1, c, Profile.Default), StringComparison.Ordinal);
        var env = c with { Objects = new EnvInputs { ConfigMaps = ValueMap.Of(("cm", ValueMap.Of(("k", "v")))) } };
        Assert.DoesNotContain("priorityClasses", ProtocolMessages.Run(1, env, Profile.Default), StringComparison.Ordinal);
    }

    /// <summary>An absent preemptionPolicy is the one the API server defaults (SetDefaults_PriorityClass); <c>priorityClasses: null</c> is as absent.</summary>
    [Theory]
    [InlineData("{\"priorityClasses\":[{\"name\":\"a\",\"value\":3}]}", false, 1)]
    [InlineData("{\"priorityClasses\":null}", true, 0)]
    [InlineData("{\"priorityClasses\":[],\"podIPs\":[]}", true, 0)]
    public void Absent_members_read_as_their_defaults(string objects, bool envGiven, int count)
    {
        string line = "{\"type\":\"run\",\"id\":1,\"profile\":{\"kubernetesVersion\":\"1.37\"},\"case\":{\"kind\":\"pod\",\"pod\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}},\"scenario\":{},\"objects\":" + objects + "}}";
        foreach (var request in new[] { ProtocolMessages.ReadRequest(line), ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory()) })
        {
            var p = Assert.IsType<PodCase>(Assert.IsType<RunRequest>(request).Case);
            Assert.Equal(envGiven, p.Objects is not null);
            Assert.Equal(count, p.PriorityClasses.Count);
            Assert.All(p.PriorityClasses, pc => Assert.Equal("PreemptLowerPriority", pc.PreemptionPolicy));
            Assert.All(p.PriorityClasses, pc => Assert.False(pc.GlobalDefault));
        }
    }

    [Theory]
    [InlineData("[{\"value\":1}]", "case.objects.priorityClasses[0].name: required field is missing")]
    [InlineData("[{\"name\":\"a\"}]", "case.objects.priorityClasses[0].value: required field is missing")]
    [InlineData("[{\"name\":\"a\",\"value\":2147483648}]", "case.objects.priorityClasses[0].value: expected an integer (int32)")]
    [InlineData("[{\"name\":\"a\",\"value\":\"1\"}]", "case.objects.priorityClasses[0].value: expected an integer (int32), got the string \"1\"")]
    [InlineData("[{\"name\":\"a\",\"value\":1,\"preemptionPolicy\":\"never\"}]", "case.objects.priorityClasses[0].preemptionPolicy: expected \"Never\" or \"PreemptLowerPriority\", got \"never\"")]
    [InlineData("[{\"name\":\"a\",\"value\":1,\"globalDefault\":\"true\"}]", "case.objects.priorityClasses[0].globalDefault: expected a boolean")]
    [InlineData("[{\"name\":\"a\",\"value\":1,\"description\":\"d\"}]", "case.objects.priorityClasses[0].description: unknown field")]
    [InlineData("{\"a\":{}}", "case.objects.priorityClasses: expected an array")]
    public void A_malformed_class_fails_with_its_path(string classes, string expected)
    {
        string line = "{\"type\":\"run\",\"id\":1,\"profile\":{\"kubernetesVersion\":\"1.37\"},\"case\":{\"kind\":\"pod\",\"pod\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}},\"scenario\":{},\"objects\":{\"priorityClasses\":" + classes + "}}}";
        var strict = Assert.Throws<ProtocolException>(() => ProtocolMessages.ReadRequest(line));
        Assert.StartsWith(expected, strict.Message, StringComparison.Ordinal);

        // The one-pass reader gives up, and the strict reader words the same error.
        Assert.Null(RunRequestReader.TryRead(Utf8.GetBytes(line)));
        var fromBytes = Assert.Throws<ProtocolException>(() => ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory()));
        Assert.Equal(strict.Message, fromBytes.Message);
    }

    private static readonly Gen<PodCase> Cases =
        from pc in PriorityClassCases.Any
        from rc in Gen.Frequency((3, Gen.Constant<RuntimeClassCase?>(null)), (1, RuntimeClassCases.Any.Select(r => (RuntimeClassCase?)r)))
        from env in Gen.Frequency((1, Gen.Constant<EnvInputs?>(null)), (1, EnvGen.Case.Select(e => (EnvInputs?)e.Objects)))
        select new PodCase(pc.Pod) { Objects = env, PriorityClasses = pc.Classes, RuntimeClasses = rc is null ? default : rc.Classes };

    /// <summary>
    /// Generated PriorityClass cases (every generator variant, with and without RuntimeClasses and env objects) round-trip
    /// through both request readers: the same classes and env objects, the two readers' cases equal, and the line written
    /// back the same.
    /// </summary>
    [Property(Replay = "(20261207,14101)", MaxTest = 200)]
    public Property Generated_priority_class_cases_round_trip() =>
        Prop.ForAll(Cases.ToArbitrary(), Gen.Choose(1, int.MaxValue).ToArbitrary(), (c, id) =>
        {
            string line = ProtocolMessages.Run(id, c, Profile.Default);
            var strict = (PodCase)((RunRequest)ProtocolMessages.ReadRequest(line)).Case;
            var fast = (PodCase)((RunRequest)ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory())).Case;
            return (strict.PriorityClasses.Equals(c.PriorityClasses) && strict.RuntimeClasses.Equals(c.RuntimeClasses) && Equals(strict.Objects, c.Objects)
                && fast.Equals(strict) && ProtocolMessages.Run(id, strict, Profile.Default) == line).Label(line);
        });

    [Fact]
    public void Podconf_adapter_serve_declares_priority_classes()
    {
        var server = new AdapterServer(new ModelAdapter(), "0", AdapterServer.ModelVersions);
        string hello = ProtocolMessages.AdapterHello(server.Hello);
        Assert.Contains(",\"priority-classes\"", hello, StringComparison.Ordinal);
        Assert.True((ProtocolMessages.ReadAdapterHello(hello).Capabilities & Capability.PriorityClasses) != 0);
    }

    /// <summary><c>podconf adapter serve</c> behind <c>tee</c> (requests logged) and <c>sed</c>, which drops <c>priority-classes</c> from its hello when asked.</summary>
    private ProcessAdapter Relay(bool declare, out string log)
    {
        log = Path.Combine(_dir.Path, declare ? "with.log" : "without.log");
        string edit = declare ? "s/^//" : "s/,\"priority-classes\"//";
        return new ProcessAdapter(
            [Tools.Sh!, "-c", "tee -a \"$1\" | \"$2\" \"$3\" adapter serve | sed -u \"$4\"", "relay", log, Tools.Dotnet, ServeAgreementTests.PodconfDll, edit],
            Slow);
    }

    [ShellFact]
    public async Task An_adapter_without_the_capability_is_never_sent_a_case_with_classes()
    {
        await using var adapter = Relay(declare: false, out string log);
        var hello = await adapter.StartAsync(CancellationToken.None);
        Assert.Equal(Capability.None, hello.Capabilities & Capability.PriorityClasses);
        Assert.Equal(Capability.RuntimeClasses, hello.Capabilities & Capability.RuntimeClasses);

        var c = Named("high", null, High, Fallback);
        Assert.False(adapter.TrySendAhead(c, Profile.Default));
        var o = await adapter.RunAsync(c, Profile.Default, CancellationToken.None);
        Assert.Equal("the case needs PriorityClass objects (high,fallback), which are sent only to an adapter whose hello declares the capability priority-classes", o.NotPerformed);
        Assert.Null(o.Admission);

        // The same pod without classes is sent and answered (the named class is then assumed, ADM-098).
        var plain = await adapter.RunAsync(c with { PriorityClasses = default }, Profile.Default, CancellationToken.None);
        Assert.Null(plain.Failure);
        Assert.NotNull(plain.Admission);
        await adapter.DisposeAsync();
        string sent = await File.ReadAllTextAsync(log);
        Assert.Contains("\"type\":\"run\"", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("priorityClasses", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adapter_with_the_capability_receives_the_classes_and_answers_as_the_model()
    {
        await using var served = new ProcessAdapter([Tools.Dotnet, ServeAgreementTests.PodconfDll, "adapter", "serve"], Slow);
        var hello = await served.StartAsync(CancellationToken.None);
        Assert.Equal(Capability.PriorityClasses, hello.Capabilities & Capability.PriorityClasses);

        // Accepted with the class's value and policy, and with the global default; refused as not found (ADM-042) and for a
        // priority that differs (ADM-043); all as the in-process model answers.
        var accepted = Named("high", 1000000000, High, Fallback);
        var defaulted = Named("", -7, High, Fallback);
        var notFound = Named("low", null, High, Fallback);
        var mismatch = Named("high", 1, High);
        foreach (var c in new[] { accepted, defaulted, notFound, mismatch })
        {
            var expected = ModelAdapter.Run(c, Profile.Default);
            var actual = await served.RunAsync(c, Profile.Default, CancellationToken.None);
            Assert.Null(actual.NotPerformed);
            Assert.True(expected == actual, c.Pod.Spec.PriorityClassName + ": the served model differs from the in-process model");
        }

        Assert.True(ModelAdapter.Run(accepted, Profile.Default).Admission!.Accepted);
        Assert.True(ModelAdapter.Run(defaulted, Profile.Default).Admission!.Accepted);
        Assert.False(ModelAdapter.Run(notFound, Profile.Default).Admission!.Accepted);
        Assert.False(ModelAdapter.Run(mismatch, Profile.Default).Admission!.Accepted);
        Assert.True(served.TrySendAhead(accepted, Profile.Default));
        Assert.Null((await served.RunAsync(accepted, Profile.Default, CancellationToken.None)).NotPerformed);
        Assert.Equal(1, served.AnsweredAhead);
    }

    /// <summary>
    /// The admission properties that draw PriorityClass cases (P-ADM-VALIDATION a sixth, P-ADM-DEFAULTS a seventh), through
    /// <c>podconf adapter serve</c> end to end: with the capability every case is compared and passes; without it the cases
    /// with classes are not observed (named in the result), the rest compared, and none of them sent.
    /// </summary>
    [ShellFact]
    public async Task Priority_class_cases_run_and_agree_through_adapter_serve_and_are_not_observed_without_the_capability()
    {
        var options = new RunOptions { Rules = "P-ADM-VALIDATION,P-ADM-DEFAULTS" };
        int withClasses = 0;
        foreach (var property in Suite.Rules.Catalog.All.Where(options.Selects))
        {
            var gen = property.Cases(Profile.Default);
            int count = options.CountFor(property);
            for (int i = 0; i < count; i++)
            {
                withClasses += SuiteRunner.CaseAt(gen, options.Seed, i, count) is PodCase { PriorityClasses.IsEmpty: false } ? 1 : 0;
            }
        }

        Assert.True(withClasses >= 20, "only " + withClasses + " PriorityClass cases in the run");

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
        Assert.All(without.Results, r => Assert.Contains("not performed by the adapter: the case needs PriorityClass objects", r.Reason, StringComparison.Ordinal));

        var sentWith = (await File.ReadAllLinesAsync(withLog)).Count(l => l.Contains("\"priorityClasses\"", StringComparison.Ordinal));
        Assert.True(sentWith >= withClasses, sentWith + " requests with classes sent, " + withClasses + " cases drawn");
        Assert.DoesNotContain("priorityClasses", await File.ReadAllTextAsync(withoutLog), StringComparison.Ordinal);
    }
}
