using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
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
public sealed class ServiceAccountCaseTests : CaseObjectTests
{
    protected override string Member => "serviceAccounts";

    protected override string CapabilityName => "service-accounts";

    protected override Capability Capability => Capability.ServiceAccounts;

    protected override string Kind => "ServiceAccount";

    protected override (PodCase Case, string Names) Unsent => (Named("builder", Builder, BareDefault), "builder,default");

    /// <summary>
    /// Accepted without the token (the account's automount false) and with its pull secret; refused as not found (ADM-031)
    /// and for a secret the enforcing account does not list (ADM-036).
    /// </summary>
    protected override IReadOnlyList<(PodCase Case, bool Accepted)> Served => [(Accepted, true), (NotFound, false), (Unlisted, false)];

    protected override PodCase WithoutObjects(PodCase c) => c with { ServiceAccounts = default };

    protected override bool HasObjects(PodCase c) => c.ServiceAccounts.Count > 0;

    protected override void AssertOtherCapabilities(Capability capabilities) =>
        Assert.Equal(Capability.PriorityClasses, capabilities & Capability.PriorityClasses);

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

    private static PodCase Accepted => Named("builder", Builder);

    private static PodCase NotFound => Named("deployer", Builder);

    private static PodCase Unlisted => Accepted with { Pod = Accepted.Pod with { Spec = Accepted.Pod.Spec with { Volumes = [new Volume { Name = "s", SourceKind = "secret", Secret = new ObjectReference { Name = "other" } }] } } };

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

        Assert.Null(AssertReadInOnePass(line, c).Objects); // accounts alone: no env objects

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

    [Theory]
    [InlineData("{\"serviceAccounts\":[{\"name\":\"a\"}]}", false, 1)]
    [InlineData("{\"serviceAccounts\":null}", true, 0)]
    [InlineData("{\"serviceAccounts\":[],\"podIPs\":[]}", true, 0)]
    public void Absent_members_read_as_unset(string objects, bool envGiven, int count)
    {
        var (strict, fast) = ReadBoth(RunLineWithObjects(objects));
        foreach (var p in new[] { strict, fast })
        {
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
    public void A_malformed_account_fails_with_its_path(string accounts, string expected) => AssertMalformed(accounts, expected);

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
        RoundTrips(Cases, (read, c) => read.ServiceAccounts.Equals(c.ServiceAccounts) && read.PriorityClasses.Equals(c.PriorityClasses));

    /// <summary>What the served cases show (the base compares the served model with the in-process one): the settings at work.</summary>
    [Fact]
    public void The_served_cases_show_the_account_s_settings()
    {
        var stored = ModelAdapter.Run(Accepted, Profile.Default).Admission!;
        Assert.True(stored.Accepted);
        Assert.Equal("regcred", stored.Defaults["spec.imagePullSecrets[0].name"]);
        Assert.DoesNotContain(stored.Defaults, d => d.Value.StartsWith("kube-api-access-", StringComparison.Ordinal));
        Assert.False(ModelAdapter.Run(NotFound, Profile.Default).Admission!.Accepted);
        Assert.False(ModelAdapter.Run(Unlisted, Profile.Default).Admission!.Accepted);
    }
}
