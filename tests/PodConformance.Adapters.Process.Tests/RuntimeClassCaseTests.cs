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
using PodConformance.Model.Quantities;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// RuntimeClass objects over the protocol (spec/adapter-protocol.md PROTO-012, PROTO-015; spec/admission.md ADM-014…018,
/// session 13): a case's classes travel in <c>objects.runtimeClasses</c>, only to an adapter whose hello declares
/// <c>runtime-classes</c>. The tests every kind of case object shares are <see cref="CaseObjectTests"/>'; here is what is
/// RuntimeClass's own.
/// </summary>
public sealed class RuntimeClassCaseTests : CaseObjectTests
{
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

    protected override string Member => "runtimeClasses";

    protected override string CapabilityName => "runtime-classes";

    protected override Capability Capability => Capability.RuntimeClasses;

    protected override string Kind => "RuntimeClass";

    protected override (PodCase Case, string Names) Unsent => (Named("kata", Kata), "kata");

    /// <summary>
    /// Accepted with the class's overhead, node selector and tolerations; refused as not found (ADM-014) and for a
    /// conflicting node selector (ADM-016).
    /// </summary>
    protected override IReadOnlyList<(PodCase Case, bool Accepted)> Served
    {
        get
        {
            var accepted = Named("kata", Kata);
            var conflict = accepted with { Pod = accepted.Pod with { Spec = accepted.Pod.Spec with { NodeSelector = ValueMap.Of(("runtime", "other")) } } };
            return [(accepted, true), (Named("gvisor", Kata), false), (conflict, false)];
        }
    }

    protected override PodCase WithoutObjects(PodCase c) => c with { RuntimeClasses = default };

    protected override bool HasObjects(PodCase c) => !c.RuntimeClasses.IsEmpty;

    /// <summary>Hiding runtime-classes leaves admission declared.</summary>
    protected override void AssertOtherCapabilities(Capability capabilities) =>
        Assert.NotEqual(Capability.None, capabilities & Capability.Admission);

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
        Assert.Null(AssertReadInOnePass(line, c).Objects); // classes alone: no env objects, as before (the scenario's)
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
        var (strict, fast) = ReadBoth(RunLineWithObjects(objects));
        foreach (var p in new[] { strict, fast })
        {
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
    public void A_malformed_class_fails_with_its_path(string classes, string expected) => AssertMalformed(classes, expected);

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
        RoundTrips(Cases, (read, c) => read.RuntimeClasses.Equals(c.RuntimeClasses));

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

}
