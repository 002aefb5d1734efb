using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Generators;
using PodConformance.Manifests.Wire;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// Issue 12 item 6, the encoder half: <see cref="WirePodWriter"/> (model → <see cref="Utf8JsonWriter"/>, generated in
/// part by tools/PodConformance.SchemaGen) must write byte for byte what the tree writer
/// (<see cref="PodManifestWriter.WriteJson"/>: PodTree, then JsonTreeWriter.Emit, the run request's encoder before it)
/// writes, in the protocol's compact layout and in the indented one, so no request changes. Checked over the pods of
/// every property's default-run cases, fixed-seed generated pods of every area, simulated pods with a status, table
/// pods for what the generators do not make, and FsCheck properties with fixed seeds.
/// </summary>
public class WirePodWriterTests
{
    private static readonly JsonWriterOptions WireOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private static readonly JsonWriterOptions IndentedOptions = new()
    {
        Indented = true,
        IndentSize = 4,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Written(Pod pod, JsonWriterOptions options, bool direct)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            if (direct)
            {
                WirePodWriter.Write(w, pod);
            }
            else
            {
                PodManifestWriter.WriteJson(w, pod);
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Null when both writers give the same bytes in both layouts; otherwise the two texts.</summary>
    private static string? Difference(Pod pod)
    {
        foreach (var options in new[] { WireOptions, IndentedOptions })
        {
            string tree = Written(pod, options, direct: false);
            string direct = Written(pod, options, direct: true);
            if (tree != direct)
            {
                int at = 0;
                while (at < tree.Length && at < direct.Length && tree[at] == direct[at])
                {
                    at++;
                }

                int from = Math.Max(0, at - 200);
                return $"first difference at {at}: tree writer …{tree[from..Math.Min(tree.Length, at + 200)]}… direct writer …{direct[from..Math.Min(direct.Length, at + 200)]}…";
            }
        }

        return null;
    }

    /// <summary>Every pod written alike; returns the compact texts, for the coverage checks.</summary>
    private static List<string> AssertSameBytes(IEnumerable<Pod> pods)
    {
        var texts = new List<string>();
        foreach (var pod in pods)
        {
            string? difference = Difference(pod);
            Assert.True(difference is null, difference);
            texts.Add(Written(pod, WireOptions, direct: false));
        }

        Assert.True(texts.Count > 20, "too few pods: " + texts.Count);
        return texts;
    }

    private static IEnumerable<Pod> SimulatedPods()
    {
        // Pods with a status: every snapshot of simulated scenario cases (running, waiting, terminated, restarts, conditions).
        foreach (var c in Seeds.Sample(ScenarioGen.Case, ReplaySeed.Of(7103), 40))
        {
            foreach (var snapshot in PodSimulator.Run([c.Pod], c.Scenario, Profile.Default).Timeline)
            {
                yield return snapshot.Pod;
            }
        }
    }

    [Fact]
    public void Writes_the_tree_writers_bytes_for_every_default_run_pod() =>
        AssertSameBytes(WirePodTests.DefaultRunPods());

    [Fact]
    public void Writes_the_tree_writers_bytes_for_generated_pods_of_every_area()
    {
        var texts = AssertSameBytes(WirePodTests.GeneratedPods());
        var missing = new List<string>();

        // The hand-written twins' fields are all reached by these pods (the generated order calls each for every object).
        foreach (string key in new[]
        {
            "\"ephemeralContainers\":", "\"downwardAPI\":", "\"secretName\":", "\"configMap\":", "\"emptyDir\":",
            "\"httpGet\":", "\"exec\":", "\"valueFrom\":", "\"resourceFieldRef\":", "\"configMapKeyRef\":",
            "\"envFrom\":", "\"tolerations\":", "\"securityContext\":",
            "\"affinity\":", "\"projected\":", "\"ports\":", "\"volumeMounts\":",
        })
        {
            if (!texts.Exists(t => t.Contains(key, StringComparison.Ordinal)))
            {
                missing.Add(key);
            }
        }

        Assert.True(missing.Count == 0, "no generated pod writes " + string.Join(", ", missing));
    }

    [Fact]
    public void Writes_the_tree_writers_bytes_for_simulated_pods_with_a_status()
    {
        var texts = AssertSameBytes(SimulatedPods());
        foreach (string key in new[] { "\"status\":", "\"conditions\":", "\"containerStatuses\":", "\"lastState\":", "\"terminated\":", "\"waiting\":", "\"running\":", "\"startTime\":", "\"podIPs\":" })
        {
            Assert.True(texts.Exists(t => t.Contains(key, StringComparison.Ordinal)), "no simulated pod writes " + key);
        }
    }

    /// <summary>What the generators leave out: raw managedFields, deletion fields, lifecycle hooks of every kind, empty and null forms.</summary>
    [Fact]
    public void Writes_the_tree_writers_bytes_for_table_pods()
    {
        var time = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        var container = new Container
        {
            Name = "app",
            Image = "nginx:1.25",
            Command = [],
            ResizePolicy = [new ContainerResizePolicy("cpu", "NotRequired")],
            RestartPolicyRules = [new ContainerRestartRule { Action = "Restart", ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "In", Values = [42, -1] } }, new ContainerRestartRule()],
            LivenessProbe = new Probe { Handler = new ProbeHandler { ExecCommand = ValueList<string>.Empty }, TerminationGracePeriodSeconds = 0 },
            ReadinessProbe = new Probe { Handler = new ProbeHandler { GrpcPort = 0 } },
            StartupProbe = new Probe { Handler = new ProbeHandler { TcpSocketPort = IntOrString.FromString("http") }, PeriodSeconds = 3 },
            Lifecycle = new Lifecycle
            {
                PostStart = new ProbeHandler { SleepSeconds = 0 },
                PreStop = new ProbeHandler { HttpGet = new HttpGetAction { Port = IntOrString.FromInt(8080), Path = "/q\"uit", Host = "ünï" } },
            },
            Env = [new EnvVar { Name = "E", ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.cpu" } } }],
            EnvFrom = [new EnvFromSource { Prefix = "P_", SecretRef = new ObjectReference { Name = "s", Optional = false } }],
        };
        var pods = new List<Pod>
        {
            new() { Metadata = new ObjectMeta { Name = "p" }, Spec = new PodSpec { Containers = [] } },
            new()
            {
                Metadata = new ObjectMeta
                {
                    Name = "p",
                    Namespace = "ns",
                    CreationTimestamp = time,
                    DeletionTimestamp = time.AddSeconds(30),
                    DeletionGracePeriodSeconds = 0,
                    ManagedFields =
                    [
                        new ManagedFieldsEntry { Manager = "kubectl", Operation = "Apply", Time = time, FieldsType = "FieldsV1", FieldsV1 = "{\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"app\\\"}\":{}}}}" },
                        new ManagedFieldsEntry { Manager = "m", FieldsV1 = "{}" },
                    ],
                },
                Spec = new PodSpec
                {
                    Containers = [container],
                    EphemeralContainers = [container with { Name = "debug", TargetContainerName = "app" }],
                    Volumes = [new Volume { Name = "d", SourceKind = "downwardAPI" }, new Volume { Name = "s", SourceKind = "secret", Secret = new ObjectReference { Name = "x", Optional = true } }],
                    Priority = 0,
                    EnableServiceLinks = false,
                    OverheadGiven = true, // `overhead: {}` as written (ADM-013), kept by both writers
                    Resources = new ResourceRequirements(),
                },
                Status = new PodStatus { Phase = "Pending", HostIPs = ["10.0.0.1", "fd00::1"], Conditions = [new PodCondition { Type = "PodScheduled", Status = "True" }] },
            },
        };

        var texts = AssertSameBytes(Enumerable.Repeat(pods, 11).SelectMany(p => p));
        foreach (string key in new[]
        {
            "\"tcpSocket\":", "\"grpc\":", "\"sleep\":", "\"exec\":{}", "\"resizePolicy\":", "\"restartPolicyRules\":", "\"managedFields\":",
            "\"deletionTimestamp\":", "\"hostIPs\":", "\"targetContainerName\":", "\"downwardAPI\":{}", "\"containers\":null", "\"overhead\":{}",
        })
        {
            Assert.True(texts.Exists(t => t.Contains(key, StringComparison.Ordinal)), "no table pod writes " + key);
        }
    }

    [Property(Replay = "(20261207,7101)", MaxTest = 300)]
    public Property Whole_api_pods_are_written_as_the_tree_writer_writes_them() =>
        Prop.ForAll(PodGen.ValidWholeApi.ToArbitrary(), pod => Difference(pod) is null);

    [Property(Replay = "(20261207,7105)", MaxTest = 300)]
    public Property Invalid_pods_are_written_as_the_tree_writer_writes_them() =>
        Prop.ForAll(PodGen.Invalid(Profile.Default).ToArbitrary(), c => Difference(c.Pod) is null);

    [Property(Replay = "(20261207,7107)", MaxTest = 60)]
    public Property Simulated_pods_are_written_as_the_tree_writer_writes_them() =>
        Prop.ForAll(ScenarioGen.Case.ToArbitrary(), c =>
            PodSimulator.Run([c.Pod], c.Scenario, Profile.Default).Timeline.All(s => Difference(s.Pod) is null));
}
