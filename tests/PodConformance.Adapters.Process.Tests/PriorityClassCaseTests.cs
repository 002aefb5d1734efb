using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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
/// PriorityClass objects over the protocol (spec/adapter-protocol.md PROTO-012, PROTO-015; spec/admission.md ADM-040…044,
/// session 14): a case's classes travel in <c>objects.priorityClasses</c>, only to an adapter whose hello declares
/// <c>priority-classes</c>. The tests every kind of case object shares are <see cref="CaseObjectTests"/>'; here is what is
/// PriorityClass's own.
/// </summary>
public sealed class PriorityClassCaseTests : CaseObjectTests
{
    private static PriorityClass High { get; } = new() { Name = "high", Value = 1000000000, PreemptionPolicy = "Never" };

    private static PriorityClass Fallback { get; } = new() { Name = "fallback", Value = -7, GlobalDefault = true };

    private static PodCase Named(string className, int? priority, params PriorityClass[] classes) =>
        new(new Pod { Metadata = new ObjectMeta { Name = "p" }, Spec = new PodSpec { PriorityClassName = className, Priority = priority, Containers = [new Container { Name = "c", Image = "busybox" }] } })
        {
            PriorityClasses = classes.ToValueList(),
        };

    protected override string Member => "priorityClasses";

    protected override string CapabilityName => "priority-classes";

    protected override Capability Capability => Capability.PriorityClasses;

    protected override string Kind => "PriorityClass";

    protected override (PodCase Case, string Names) Unsent => (Named("high", null, High, Fallback), "high,fallback");

    /// <summary>
    /// Accepted with the class's value and policy, and with the global default; refused as not found (ADM-042) and for a
    /// priority that differs (ADM-043).
    /// </summary>
    protected override IReadOnlyList<(PodCase Case, bool Accepted)> Served =>
    [
        (Named("high", 1000000000, High, Fallback), true),
        (Named("", -7, High, Fallback), true),
        (Named("low", null, High, Fallback), false),
        (Named("high", 1, High), false),
    ];

    protected override PodCase WithoutObjects(PodCase c) => c with { PriorityClasses = default };

    protected override bool HasObjects(PodCase c) => !c.PriorityClasses.IsEmpty;

    /// <summary>Hiding priority-classes leaves runtime-classes declared.</summary>
    protected override void AssertOtherCapabilities(Capability capabilities) =>
        Assert.Equal(Capability.RuntimeClasses, capabilities & Capability.RuntimeClasses);

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
        Assert.Null(AssertReadInOnePass(line, c).Objects); // classes alone: no env objects

        // Beside RuntimeClasses in the same objects.
        var both = c with { RuntimeClasses = [new RuntimeClass { Name = "kata", Handler = "kata" }] };
        string bothLine = ProtocolMessages.Run(6, both, Profile.Default);
        Assert.Contains("\"objects\":{\"runtimeClasses\":[{\"name\":\"kata\",\"handler\":\"kata\"}],\"priorityClasses\":[", bothLine, StringComparison.Ordinal);
        var (bothRead, _) = ReadBoth(bothLine);
        Assert.Equal(both, bothRead);
        Assert.Null(bothRead.Objects);
    }

    /// <summary>An absent preemptionPolicy is the one the API server defaults (SetDefaults_PriorityClass); <c>priorityClasses: null</c> is as absent.</summary>
    [Theory]
    [InlineData("{\"priorityClasses\":[{\"name\":\"a\",\"value\":3}]}", false, 1)]
    [InlineData("{\"priorityClasses\":null}", true, 0)]
    [InlineData("{\"priorityClasses\":[],\"podIPs\":[]}", true, 0)]
    public void Absent_members_read_as_their_defaults(string objects, bool envGiven, int count)
    {
        var (strict, fast) = ReadBoth(RunLineWithObjects(objects));
        foreach (var p in new[] { strict, fast })
        {
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
    public void A_malformed_class_fails_with_its_path(string classes, string expected) => AssertMalformed(classes, expected);

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
        RoundTrips(Cases, (read, c) => read.PriorityClasses.Equals(c.PriorityClasses) && read.RuntimeClasses.Equals(c.RuntimeClasses));
}
