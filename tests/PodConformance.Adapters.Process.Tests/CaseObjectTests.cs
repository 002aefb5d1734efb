using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Adapters.Process.Tests.Support;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Running;
using Outcome = PodConformance.Suite.Running.Outcome;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// The tests a kind of object a case carries shares over the protocol (PROTO-012, PROTO-015): a case's objects of the kind
/// (PriorityClasses, RuntimeClasses, ServiceAccounts) travel in one member of <c>objects</c>, only to an adapter whose hello
/// declares the kind's capability; any other adapter is never sent such a case and it is "not performed" (not checked),
/// never passed. <see cref="PriorityClassCaseTests"/>, <see cref="RuntimeClassCaseTests"/> and
/// <see cref="ServiceAccountCaseTests"/> say which kind and hold what differs (their wire text, examples and malformed
/// inputs); the shape of each test is here once, and xUnit runs the tests declared here under each of them.
/// </summary>
public abstract class CaseObjectTests : IDisposable
{
    protected static readonly UTF8Encoding Utf8 = new(false);

    private static readonly ProcessAdapterOptions Slow = new() { HandshakeTimeout = TimeSpan.FromMinutes(3), CaseTimeout = TimeSpan.FromMinutes(2), ExitGrace = TimeSpan.FromSeconds(1) };

    private readonly TempDir _dir = new();

    /// <summary>The member of <c>objects</c> the objects travel in (<c>priorityClasses</c>, <c>runtimeClasses</c>, <c>serviceAccounts</c>).</summary>
    protected abstract string Member { get; }

    /// <summary>The capability as the hello spells it (<c>priority-classes</c>).</summary>
    protected abstract string CapabilityName { get; }

    protected abstract Capability Capability { get; }

    /// <summary>The object kind as the "not performed" reason names it (<c>PriorityClass</c>).</summary>
    protected abstract string Kind { get; }

    /// <summary>A case whose pod names one of its classes, and the class names the "not performed" reason lists for it.</summary>
    protected abstract (PodCase Case, string Names) Unsent { get; }

    /// <summary>Cases the served model and the in-process model must answer alike, each with whether it is accepted; the first is accepted.</summary>
    protected abstract IReadOnlyList<(PodCase Case, bool Accepted)> Served { get; }

    /// <summary>The same case with no classes of this kind.</summary>
    protected abstract PodCase WithoutObjects(PodCase c);

    protected abstract bool HasObjects(PodCase c);

    /// <summary>What else the relay that hides this capability must still declare.</summary>
    protected abstract void AssertOtherCapabilities(Capability capabilities);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dir.Dispose();
        }
    }

    /// <summary>A run request for pod <c>p</c> at 1.37 whose <c>case.objects</c> is <paramref name="objects"/> (JSON text).</summary>
    protected static string RunLineWithObjects(string objects) =>
        "{\"type\":\"run\",\"id\":1,\"profile\":{\"kubernetesVersion\":\"1.37\"},\"case\":{\"kind\":\"pod\",\"pod\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}},\"scenario\":{},\"objects\":" + objects + "}}";

    /// <summary>The case of <paramref name="line"/> as the strict reader (a string) and the one-pass reader (bytes) read it.</summary>
    protected static (PodCase Strict, PodCase Fast) ReadBoth(string line) =>
        (Assert.IsType<PodCase>(Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(line)).Case),
         Assert.IsType<PodCase>(Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory())).Case));

    /// <summary>
    /// Generated cases round-trip through both request readers: the case's objects of this kind as written
    /// (<paramref name="sameObjects"/>: the case read back, the case written) and its env objects read back, the two
    /// readers' cases equal, and the line written back the same. Each kind's property keeps its own generator and replay seed.
    /// </summary>
    protected static Property RoundTrips(Gen<PodCase> cases, Func<PodCase, PodCase, bool> sameObjects) =>
        Prop.ForAll(cases.ToArbitrary(), Gen.Choose(1, int.MaxValue).ToArbitrary(), (c, id) =>
        {
            string line = ProtocolMessages.Run(id, c, Profile.Default);
            var (strict, fast) = ReadBoth(line);
            return (sameObjects(strict, c) && Equals(strict.Objects, c.Objects) && fast.Equals(strict)
                && ProtocolMessages.Run(id, strict, Profile.Default) == line).Label(line);
        });

    /// <summary>
    /// <paramref name="line"/> read by both readers, first asserting that the one-pass reader read it itself (objects
    /// included) rather than leaving it to the strict path; the two cases are asserted equal to <paramref name="expected"/>.
    /// </summary>
    protected static PodCase AssertReadInOnePass(string line, PodCase expected)
    {
        var strict = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(line));
        Assert.NotNull(RunRequestReader.TryRead(Utf8.GetBytes(line)));
        var fast = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory()));
        Assert.Equal(expected, strict.Case);
        Assert.Equal(expected, fast.Case);
        return (PodCase)strict.Case;
    }

    /// <summary>
    /// A run request whose <c>objects.{Member}</c> is <paramref name="classes"/> is refused with <paramref name="expected"/> at
    /// the start of the message; the one-pass reader gives up and the strict reader words the same error for the bytes.
    /// </summary>
    protected void AssertMalformed(string classes, string expected)
    {
        string line = RunLineWithObjects("{\"" + Member + "\":" + classes + "}");
        var strict = Assert.Throws<ProtocolException>(() => ProtocolMessages.ReadRequest(line));
        Assert.StartsWith(expected, strict.Message, StringComparison.Ordinal);
        Assert.Null(RunRequestReader.TryRead(Utf8.GetBytes(line)));
        var fromBytes = Assert.Throws<ProtocolException>(() => ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory()));
        Assert.Equal(strict.Message, fromBytes.Message);
    }

    [Fact]
    public void A_case_without_these_objects_is_written_as_before()
    {
        var c = new PodCase(new Model.Api.Pod { Metadata = new Model.Api.ObjectMeta { Name = "p" } });
        Assert.DoesNotContain("objects", ProtocolMessages.Run(1, c, Profile.Default), StringComparison.Ordinal);
        var env = c with { Objects = new EnvInputs { ConfigMaps = ValueMap.Of(("cm", ValueMap.Of(("k", "v")))) } };
        Assert.DoesNotContain(Member, ProtocolMessages.Run(1, env, Profile.Default), StringComparison.Ordinal);
    }

    [Fact]
    public void Podconf_adapter_serve_declares_the_capability()
    {
        var server = new AdapterServer(new ModelAdapter(), "0", AdapterServer.ModelVersions);
        string hello = ProtocolMessages.AdapterHello(server.Hello);
        Assert.Contains(",\"" + CapabilityName + "\"", hello, StringComparison.Ordinal);
        Assert.True((ProtocolMessages.ReadAdapterHello(hello).Capabilities & Capability) != 0);
    }

    /// <summary>
    /// <c>podconf adapter serve</c> behind <c>tee</c> (every request logged) and <c>sed</c>, which drops the capability from
    /// its hello when asked: the same model, as an adapter that declared the capability and as one that did not.
    /// </summary>
    private ProcessAdapter Relay(bool declare, out string log)
    {
        log = Path.Combine(_dir.Path, declare ? "with.log" : "without.log");
        string edit = declare ? "s/^//" : "s/,\"" + CapabilityName + "\"//";
        return new ProcessAdapter(
            [Tools.Sh!, "-c", "tee -a \"$1\" | \"$2\" \"$3\" adapter serve | sed -u \"$4\"", "relay", log, Tools.Dotnet, ServeAgreementTests.PodconfDll, edit],
            Slow);
    }

    [ShellFact]
    public async Task An_adapter_without_the_capability_is_never_sent_a_case_with_these_objects()
    {
        await using var adapter = Relay(declare: false, out string log);
        var hello = await adapter.StartAsync(CancellationToken.None);
        Assert.Equal(Capability.None, hello.Capabilities & Capability);
        AssertOtherCapabilities(hello.Capabilities);

        var (c, names) = Unsent;
        Assert.False(adapter.TrySendAhead(c, Profile.Default));
        var o = await adapter.RunAsync(c, Profile.Default, CancellationToken.None);
        Assert.Equal($"the case needs {Kind} objects ({names}), which are sent only to an adapter whose hello declares the capability {CapabilityName}", o.NotPerformed);
        Assert.Null(o.Admission);

        // The same pod without classes is sent and answered (the named class is then assumed or not checked: ADM-098, ADM-012).
        var plain = await adapter.RunAsync(WithoutObjects(c), Profile.Default, CancellationToken.None);
        Assert.Null(plain.Failure);
        Assert.NotNull(plain.Admission);
        await adapter.DisposeAsync();
        string sent = await File.ReadAllTextAsync(log);
        Assert.Contains("\"type\":\"run\"", sent, StringComparison.Ordinal);
        Assert.DoesNotContain(Member, sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adapter_with_the_capability_receives_the_objects_and_answers_as_the_model()
    {
        await using var served = new ProcessAdapter([Tools.Dotnet, ServeAgreementTests.PodconfDll, "adapter", "serve"], Slow);
        var hello = await served.StartAsync(CancellationToken.None);
        Assert.Equal(Capability, hello.Capabilities & Capability);

        foreach (var (c, _) in Served)
        {
            var expected = ModelAdapter.Run(c, Profile.Default);
            var actual = await served.RunAsync(c, Profile.Default, CancellationToken.None);
            Assert.Null(actual.NotPerformed);
            Assert.True(expected == actual, c.Pod.Spec.PriorityClassName + c.Pod.Spec.RuntimeClassName + c.Pod.Spec.ServiceAccountName + ": the served model differs from the in-process model");
        }

        foreach (var (c, accepted) in Served)
        {
            Assert.Equal(accepted, ModelAdapter.Run(c, Profile.Default).Admission!.Accepted);
        }

        var first = Served[0].Case;
        Assert.True(served.TrySendAhead(first, Profile.Default));
        Assert.Null((await served.RunAsync(first, Profile.Default, CancellationToken.None)).NotPerformed);
        Assert.Equal(1, served.AnsweredAhead);
    }

    /// <summary>
    /// The admission properties that draw this kind's cases (P-ADM-VALIDATION, P-ADM-DEFAULTS), through <c>podconf adapter
    /// serve</c> end to end: with the capability every case is compared and passes; without it the cases with classes are
    /// not observed (named in the result), the rest compared, and none of them sent.
    /// </summary>
    [ShellFact]
    public async Task Object_cases_run_and_agree_through_adapter_serve_and_are_not_observed_without_the_capability()
    {
        var options = new RunOptions { Rules = "P-ADM-VALIDATION,P-ADM-DEFAULTS" };
        int withClasses = 0;
        foreach (var property in Suite.Rules.Catalog.All.Where(options.Selects))
        {
            var gen = property.Cases(Profile.Default);
            int count = options.CountFor(property);
            for (int i = 0; i < count; i++)
            {
                withClasses += SuiteRunner.CaseAt(gen, options.Seed, i, count) is PodCase p && HasObjects(p) ? 1 : 0;
            }
        }

        Assert.True(withClasses >= 20, "only " + withClasses + " " + Kind + " cases in the run");

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
        Assert.All(with.Results, r => Assert.Equal(Outcome.Passed, r.Outcome));
        Assert.All(with.Results, r => Assert.DoesNotContain("not performed", r.Reason, StringComparison.Ordinal));
        Assert.All(without.Results, r => Assert.Equal(Outcome.Passed, r.Outcome));
        Assert.All(without.Results, r => Assert.Contains("not performed by the adapter: the case needs " + Kind + " objects", r.Reason, StringComparison.Ordinal));

        var sentWith = (await File.ReadAllLinesAsync(withLog)).Count(l => l.Contains("\"" + Member + "\"", StringComparison.Ordinal));
        Assert.True(sentWith >= withClasses, sentWith + " requests with classes sent, " + withClasses + " cases drawn");
        Assert.DoesNotContain(Member, await File.ReadAllTextAsync(withoutLog), StringComparison.Ordinal);
    }
}
