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

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// ServiceAccount objects over the protocol (spec/adapter-protocol.md PROTO-012, PROTO-015; spec/admission.md ADM-030…036,
/// session 15): a case's accounts travel in <c>objects.serviceAccounts</c>, only to an adapter whose hello declares
/// <c>service-accounts</c>; any other adapter is never sent such a case and it is "not performed" (not checked), never passed.
/// </summary>
public sealed class ServiceAccountCaseTests : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private static readonly ProcessAdapterOptions Slow = new() { HandshakeTimeout = TimeSpan.FromMinutes(3), CaseTimeout = TimeSpan.FromMinutes(2), ExitGrace = TimeSpan.FromSeconds(1) };

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ServiceAccount Builder { get; } = new()
    {
        Namespace = "team-a",
        Name = "builder",
        AutomountServiceAccountToken = false,
        ImagePullSecrets = ["regcred"],
        Secrets = ["app-token", "db-pass"],
        Annotations = ValueMap.Of(("kubernetes.io/enforce-mountable-secrets", "true")),
    };

    private static ServiceAccount BareDefault { get; } = new() { Namespace = "team-a", Name = "default" };

    private static PodCase Named(string account, params ServiceAccount[] accounts) =>
        new(new Pod { Metadata = new ObjectMeta { Name = "p", Namespace = "team-a" }, Spec = new PodSpec { ServiceAccountName = account, Containers = [new Container { Name = "c", Image = "busybox" }] } })
        {
            ServiceAccounts = accounts.ToValueList(),
        };

    [Fact]
    public void The_accounts_are_written_as_core_v1_fields_beside_their_name_and_read_back_in_the_pods_namespace()
    {
        var c = Named("builder", Builder, BareDefault with { AutomountServiceAccountToken = true });
        string line = ProtocolMessages.Run(5, c, Profile.Default);
        Assert.EndsWith(
            "\"objects\":{\"serviceAccounts\":["
            + "{\"name\":\"builder\",\"annotations\":{\"kubernetes.io/enforce-mountable-secrets\":\"true\"},\"automountServiceAccountToken\":false,"
            + "\"secrets\":[{\"name\":\"app-token\"},{\"name\":\"db-pass\"}],\"imagePullSecrets\":[{\"name\":\"regcred\"}]},"
            + "{\"name\":\"default\",\"automountServiceAccountToken\":true}]}}}",
            line,
            StringComparison.Ordinal);

        var strict = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(line));
        Assert.NotNull(RunRequestReader.TryRead(Utf8.GetBytes(line))); // read in one pass, not left to the strict path
        var fast = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory()));
        Assert.Equal(c, strict.Case);
        Assert.Equal(c, fast.Case);
        Assert.Null(((PodCase)strict.Case).Objects); // accounts alone: no env objects

        // No namespace travels: a pod in the request's namespace (empty) has its accounts in "default" (ADM-002).
        var unnamespaced = c with { Pod = c.Pod with { Metadata = c.Pod.Metadata with { Namespace = "" } } };
        var read = (PodCase)((RunRequest)ProtocolMessages.ReadRequest(ProtocolMessages.Run(6, unnamespaced, Profile.Default))).Case;
        Assert.All(read.ServiceAccounts, sa => Assert.Equal("default", sa.Namespace));

        // Beside PriorityClasses in the same objects.
        var both = c with { PriorityClasses = [new PriorityClass { Name = "high", Value = 5 }] };
        string bothLine = ProtocolMessages.Run(7, both, Profile.Default);
        Assert.Contains("\"priorityClasses\":[{\"name\":\"high\",\"value\":5,\"preemptionPolicy\":\"PreemptLowerPriority\"}],\"serviceAccounts\":[", bothLine, StringComparison.Ordinal);
        Assert.Equal(both, ((RunRequest)ProtocolMessages.ReadRequest(bothLine)).Case);
    }

    [Fact]
    public void A_case_without_accounts_is_written_as_before()
    {
        var c = new PodCase(new Pod { Metadata = new ObjectMeta { Name = "p" } });
        Assert.DoesNotContain("objects", ProtocolMessages.Run(1, c, Profile.Default), StringComparison.Ordinal);
        var env = c with { Objects = new EnvInputs { ConfigMaps = ValueMap.Of(("cm", ValueMap.Of(("k", "v")))) } };
        Assert.DoesNotContain("serviceAccounts", ProtocolMessages.Run(1, env, Profile.Default), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"serviceAccounts\":[{\"name\":\"a\"}]}", false, 1)]
    [InlineData("{\"serviceAccounts\":null}", true, 0)]
    [InlineData("{\"serviceAccounts\":[],\"podIPs\":[]}", true, 0)]
    public void Absent_members_read_as_unset(string objects, bool envGiven, int count)
    {
        string line = "{\"type\":\"run\",\"id\":1,\"profile\":{\"kubernetesVersion\":\"1.37\"},\"case\":{\"kind\":\"pod\",\"pod\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}},\"scenario\":{},\"objects\":" + objects + "}}";
        foreach (var request in new[] { ProtocolMessages.ReadRequest(line), ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory()) })
        {
            var p = Assert.IsType<PodCase>(Assert.IsType<RunRequest>(request).Case);
            Assert.Equal(envGiven, p.Objects is not null);
            Assert.Equal(count, p.ServiceAccounts.Count);
            Assert.All(p.ServiceAccounts, sa => Assert.Equal(new ServiceAccount { Namespace = "default", Name = "a" }, sa));
        }
    }

    [Theory]
    [InlineData("[{\"automountServiceAccountToken\":true}]", "case.objects.serviceAccounts[0].name: required field is missing")]
    [InlineData("[{\"name\":\"a\",\"automountServiceAccountToken\":\"false\"}]", "case.objects.serviceAccounts[0].automountServiceAccountToken: expected a boolean")]
    [InlineData("[{\"name\":\"a\",\"secrets\":[\"s\"]}]", "case.objects.serviceAccounts[0].secrets[0]: expected an object")]
    [InlineData("[{\"name\":\"a\",\"secrets\":[{\"name\":\"s\",\"namespace\":\"x\"}]}]", "case.objects.serviceAccounts[0].secrets[0].namespace: unknown field")]
    [InlineData("[{\"name\":\"a\",\"imagePullSecrets\":[{}]}]", "case.objects.serviceAccounts[0].imagePullSecrets[0].name: required field is missing")]
    [InlineData("[{\"name\":\"a\",\"annotations\":{\"k\":true}}]", "case.objects.serviceAccounts[0].annotations.k: expected a string")]
    [InlineData("[{\"name\":\"a\",\"namespace\":\"x\"}]", "case.objects.serviceAccounts[0].namespace: unknown field")]
    [InlineData("{\"a\":{}}", "case.objects.serviceAccounts: expected an array")]
    public void A_malformed_account_fails_with_its_path(string accounts, string expected)
    {
        string line = "{\"type\":\"run\",\"id\":1,\"profile\":{\"kubernetesVersion\":\"1.37\"},\"case\":{\"kind\":\"pod\",\"pod\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}},\"scenario\":{},\"objects\":{\"serviceAccounts\":" + accounts + "}}}";
        var strict = Assert.Throws<ProtocolException>(() => ProtocolMessages.ReadRequest(line));
        Assert.StartsWith(expected, strict.Message, StringComparison.Ordinal);

        // The one-pass reader gives up, and the strict reader words the same error.
        Assert.Null(RunRequestReader.TryRead(Utf8.GetBytes(line)));
        var fromBytes = Assert.Throws<ProtocolException>(() => ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory()));
        Assert.Equal(strict.Message, fromBytes.Message);
    }

    private static readonly Gen<PodCase> Cases =
        from sa in ServiceAccountCases.Any
        from pc in Gen.Frequency((3, Gen.Constant<PriorityClassCase?>(null)), (1, PriorityClassCases.Any.Select(r => (PriorityClassCase?)r)))
        from env in Gen.Frequency((1, Gen.Constant<EnvInputs?>(null)), (1, EnvGen.Case.Select(e => (EnvInputs?)e.Objects)))
        select new PodCase(sa.Pod) { Objects = env, ServiceAccounts = sa.Accounts, PriorityClasses = pc is null ? default : pc.Classes };

    /// <summary>
    /// Generated ServiceAccount cases (every generator variant, with and without PriorityClasses and env objects) round-trip
    /// through both request readers: the same accounts (in the pod's namespace, as generated) and env objects, the two
    /// readers' cases equal, and the line written back the same.
    /// </summary>
    [Property(Replay = "(20261207,15101)", MaxTest = 200)]
    public Property Generated_service_account_cases_round_trip() =>
        Prop.ForAll(Cases.ToArbitrary(), Gen.Choose(1, int.MaxValue).ToArbitrary(), (c, id) =>
        {
            string line = ProtocolMessages.Run(id, c, Profile.Default);
            var strict = (PodCase)((RunRequest)ProtocolMessages.ReadRequest(line)).Case;
            var fast = (PodCase)((RunRequest)ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory())).Case;
            return (strict.ServiceAccounts.Equals(c.ServiceAccounts) && strict.PriorityClasses.Equals(c.PriorityClasses) && Equals(strict.Objects, c.Objects)
                && fast.Equals(strict) && ProtocolMessages.Run(id, strict, Profile.Default) == line).Label(line);
        });

    [Fact]
    public void Podconf_adapter_serve_declares_service_accounts()
    {
        var server = new AdapterServer(new ModelAdapter(), "0", AdapterServer.ModelVersions);
        string hello = ProtocolMessages.AdapterHello(server.Hello);
        Assert.Contains(",\"service-accounts\"", hello, StringComparison.Ordinal);
        Assert.True((ProtocolMessages.ReadAdapterHello(hello).Capabilities & Capability.ServiceAccounts) != 0);
    }

    /// <summary><c>podconf adapter serve</c> behind <c>tee</c> (requests logged) and <c>sed</c>, which drops <c>service-accounts</c> from its hello.</summary>
    [ShellFact]
    public async Task An_adapter_without_the_capability_is_never_sent_a_case_with_accounts()
    {
        string log = Path.Combine(_dir.Path, "without.log");
        await using var adapter = new ProcessAdapter(
            [Tools.Sh!, "-c", "tee -a \"$1\" | \"$2\" \"$3\" adapter serve | sed -u \"$4\"", "relay", log, Tools.Dotnet, ServeAgreementTests.PodconfDll, "s/,\"service-accounts\"//"],
            Slow);
        var hello = await adapter.StartAsync(CancellationToken.None);
        Assert.Equal(Capability.None, hello.Capabilities & Capability.ServiceAccounts);
        Assert.Equal(Capability.PriorityClasses, hello.Capabilities & Capability.PriorityClasses);

        var c = Named("builder", Builder, BareDefault);
        Assert.False(adapter.TrySendAhead(c, Profile.Default));
        var o = await adapter.RunAsync(c, Profile.Default, CancellationToken.None);
        Assert.Equal("the case needs ServiceAccount objects (builder,default), which are sent only to an adapter whose hello declares the capability service-accounts", o.NotPerformed);
        Assert.Null(o.Admission);

        // The same pod without accounts is sent and answered (the named account is then assumed, ADM-098).
        var plain = await adapter.RunAsync(c with { ServiceAccounts = default }, Profile.Default, CancellationToken.None);
        Assert.Null(plain.Failure);
        Assert.NotNull(plain.Admission);
        await adapter.DisposeAsync();
        string sent = await File.ReadAllTextAsync(log);
        Assert.Contains("\"type\":\"run\"", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("serviceAccounts", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adapter_with_the_capability_receives_the_accounts_and_answers_as_the_model()
    {
        await using var served = new ProcessAdapter([Tools.Dotnet, ServeAgreementTests.PodconfDll, "adapter", "serve"], Slow);
        var hello = await served.StartAsync(CancellationToken.None);
        Assert.Equal(Capability.ServiceAccounts, hello.Capabilities & Capability.ServiceAccounts);

        // Accepted without the token (the account's automount false) and with its pull secret; refused as not found (ADM-031)
        // and for a secret the enforcing account does not list (ADM-036); all as the in-process model answers.
        var accepted = Named("builder", Builder);
        var notFound = Named("deployer", Builder);
        var unlisted = accepted with { Pod = accepted.Pod with { Spec = accepted.Pod.Spec with { Volumes = [new Volume { Name = "s", SourceKind = "secret", Secret = new ObjectReference { Name = "other" } }] } } };
        foreach (var c in new[] { accepted, notFound, unlisted })
        {
            var expected = ModelAdapter.Run(c, Profile.Default);
            var actual = await served.RunAsync(c, Profile.Default, CancellationToken.None);
            Assert.Null(actual.NotPerformed);
            Assert.True(expected == actual, c.Pod.Spec.ServiceAccountName + ": the served model differs from the in-process model");
        }

        var stored = ModelAdapter.Run(accepted, Profile.Default).Admission!;
        Assert.True(stored.Accepted);
        Assert.Equal("regcred", stored.Defaults["spec.imagePullSecrets[0].name"]);
        Assert.DoesNotContain(stored.Defaults, d => d.Value.StartsWith("kube-api-access-", StringComparison.Ordinal));
        Assert.False(ModelAdapter.Run(notFound, Profile.Default).Admission!.Accepted);
        Assert.False(ModelAdapter.Run(unlisted, Profile.Default).Admission!.Accepted);
    }
}
