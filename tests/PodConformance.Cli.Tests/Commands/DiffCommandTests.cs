using System.Text.Json;
using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// <c>podconf diff</c> (issue 13 item 8): behaviour changes between releases found by the model, each with a minimal
/// pod; gate changes from the data; kubectl diff's exit codes; deterministic text and JSON.
/// </summary>
public class DiffCommandTests
{
    [Fact]
    public void Finds_the_sidecar_restart_policy_message_change_and_the_event_wording_with_minimal_pods()
    {
        // Validation: RestartPolicy values for init containers grew with ContainerRestartRules (spec/validation.md). The
        // mutation that shows it is one of about 100, which the random draw of the default count may miss; the variant walk
        // (ReleaseDiffer.CasesPerVariant cases of each) meets it at the default count and cap.
        var v = CliRun.Run("diff", "--from", "1.33", "--to", "1.37", "--rules", "P-ADM-VALIDATION");
        Assert.Contains("  change ", v.Out, StringComparison.Ordinal);
        // Since session 14 the variant file-key-ref-without-env-files turns EnvFiles off, a gate 1.33 does not have: its cases are
        // named as not compared there.
        Assert.Matches(@"\nP-ADM-VALIDATION: \d+ changes in 100 cases and \d+ variants \(\d+ cases\) \(spec/validation\.md\)(; \d+ of them not compared \(below\))?\n", v.Out);
        // Met by the random draw or, failing that, by the variant walk (since GatedFieldGen's 1.37 fields the draw meets it).
        Assert.Matches(@"\n  change \d+: (variant bad-init-restart-policy, )?case \d+, shrunk \d+ times?:\n(.*\n)*?      - image: nginx\n        name: i0\n        resources: \{\}\n        restartPolicy: Sometimes\n", v.Out);
        Assert.Equal(1, v.ExitCode);
        Assert.Contains("- spec.initContainers[0].restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\"\n", v.Out, StringComparison.Ordinal);
        Assert.Contains("+ spec.initContainers[0].restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\", \"OnFailure\"\n", v.Out, StringComparison.Ordinal);

        var r = CliRun.Run("diff", "--from", "1.33", "--to", "1.37", "--rules", "P-ADM-VALIDATION,P-LIFE-EVENTS");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Pod behaviour from Kubernetes 1.33 to 1.37\n", r.Out, StringComparison.Ordinal);
        // Events: the kubelet's Created/Started wording changed in 1.35 (spec/events.md).
        Assert.Contains("- Normal Created Created container: c0\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("+ Normal Created Container created\n", r.Out, StringComparison.Ordinal);
        // Each change comes with the pod that shows it, shrunk: one container named c0.
        Assert.Contains("    kind: Pod\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("      - image: nginx\n        name: c0\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("--- 1.33\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("+++ 1.37\n", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_changes_come_from_the_catalogue()
    {
        var r = CliRun.Run("diff", "--from", "1.33", "--to", "1.37", "--rules", "P-QTY-PARSE", "--count", "5");
        Assert.Matches(@"\n  PodLevelResources +Alpha \(off\) +Beta \(on\) +modelled\n", r.Out);
        Assert.Matches(@"\n  InPlacePodVerticalScaling +Beta \(on\) +GA \(locked on\) +modelled\n", r.Out);
        Assert.Matches(@"\n  ContainerRestartRules +- +Beta \(on\) +modelled\n", r.Out);
        Assert.Matches(@"\n  ImageVolumeWithDigest +- +Alpha \(off\) +Pod API\n", r.Out); // a Pod field's +featureGate marker (HostnameOverride, then GRPCContainerProbeTLS, became modelled)
        Assert.Matches(@"\n  GRPCContainerProbeTLS +- +Alpha \(off\) +modelled\n", r.Out);
        Assert.DoesNotContain("MatchLabelKeysInPodAffinity", r.Out, StringComparison.Ordinal); // GA and locked on in both
        Assert.Matches(@"\n  SidecarContainers +GA \(locked on\) +- +modelled\n", r.Out); // gone from the 1.37 copy (G137)
        Assert.DoesNotContain("  APIServerTracing ", r.Out, StringComparison.Ordinal); // not about Pods: counted, listed in JSON
        Assert.Matches(@"\n  and \d+ gates of other areas \(-o json lists every gate\)\n", r.Out);

        // The Pod API data: fields added between the releases, once per struct field, with where they are.
        Assert.Matches(@"\n  Container\.restartPolicyRules +added +\[\]v1\.ContainerRestartRule \(gate ContainerRestartRules\) +spec\.containers\[\*\]\.restartPolicyRules \(\+1 more\)\n", r.Out);
        Assert.Matches(@"\n  Toleration\.operator +values +\+Lt \+Gt +spec\.tolerations\[\*\]\.operator\n", r.Out);
        Assert.Equal(1, r.ExitCode); // gates changed
    }

    [Fact]
    public void Same_release_has_nothing_to_report_and_exits_0()
    {
        var r = CliRun.Run("diff", "--from", "1.37", "--to", "1.37", "--rules", "P-ADM-*,P-QOS-*", "--count", "30");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("(spec/profiles.md; modelled: the model's rules read it, Pod API: a Pod field carries it):\n  none\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("from kubernetes/api):\n  none\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("P-QOS-CLASS: no change found in 30 cases\n", r.Out, StringComparison.Ordinal);
        Assert.EndsWith("\n0 feature gate changes, 0 API field changes, 0 behaviour changes in 3 properties\n", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_byte_identical_across_runs_and_cultures()
    {
        string[] args = ["diff", "--from", "1.28", "--rules", "P-LIFE-PHASE,P-ADM-DEFAULTS", "--count", "40"];
        var a = CliRun.RunInCulture("tr-TR", "", args);
        var b = CliRun.RunInCulture("de-DE", "", args);
        Assert.Equal(a.Out, b.Out);
        Assert.Contains("--- 1.28\n", a.Out, StringComparison.Ordinal);
        Assert.Contains("+ phase Running\n", a.Out, StringComparison.Ordinal); // a sidecar (init restartPolicy Always) before 1.29 blocks start
    }

    [Fact]
    public void Json_carries_the_gates_the_properties_and_each_change_with_its_manifest()
    {
        var r = CliRun.Run("diff", "--from", "1.33", "--rules", "P-ADM-VALIDATION", "-o", "json");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("1.33", root.GetProperty("from").GetString());
        Assert.Equal("1.37", root.GetProperty("to").GetString());
        var gate = root.GetProperty("featureGates").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "PodLevelResources");
        Assert.Equal("modelled", gate.GetProperty("podRelevance").GetString());
        Assert.Contains(root.GetProperty("apiFields").EnumerateArray(), f => f.GetProperty("field").GetString() == "PodSpec.hostnameOverride" && f.GetProperty("change").GetString() == "Added");
        Assert.Equal("Alpha", gate.GetProperty("from").GetProperty("stage").GetString());
        Assert.False(gate.GetProperty("from").GetProperty("enabled").GetBoolean());
        Assert.True(gate.GetProperty("to").GetProperty("enabled").GetBoolean());
        var property = root.GetProperty("properties")[0];
        Assert.Equal("P-ADM-VALIDATION", property.GetProperty("id").GetString());
        var change = property.GetProperty("changes")[0];
        Assert.StartsWith("apiVersion: v1\nkind: Pod\n", change.GetProperty("manifest").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(change.GetProperty("from").ToString(), change.GetProperty("to").ToString());
        Assert.Equal(root.GetProperty("behaviourChanges").GetInt32(), property.GetProperty("changes").GetArrayLength());

        // What each release's decoder dropped from a change's manifest, and the cases a release could not be given.
        Assert.Equal(JsonValueKind.Array, property.GetProperty("notCompared").ValueKind);
        Assert.Equal(JsonValueKind.Object, change.GetProperty("featureGates").ValueKind);
        Assert.Contains(property.GetProperty("changes").EnumerateArray(), c =>
            c.GetProperty("droppedFrom").EnumerateArray().Any(d => d.GetString() == "unknown field \"spec.hostnameOverride\"")
            && c.GetProperty("droppedTo").GetArrayLength() == 0);
    }

    /// <summary>
    /// Each release answers the pod its own decoder makes of the manifest (SCHEMA-002): a 1.37-only field is dropped at 1.33
    /// and named beside the change, never shown as stored by 1.33. Until session 13 (diffschema13) golden/diff/1.33-to-1.37.txt
    /// had "- spec.evictionResponders[0].name = example.com/drainer": 1.33 keeping a field it cannot decode.
    /// </summary>
    [Fact]
    public void Each_release_answers_the_pod_its_decoder_makes_of_the_manifest()
    {
        var r = CliRun.Run("diff", "--from", "1.33", "--to", "1.37", "--rules", "P-ADM-DEFAULTS,P-ADM-VALIDATION");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("\neach release is given a case as its API server would receive it: the manifest decoded with that release's Pod API", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\n    - spec.evictionResponders", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\n    - spec.hostnameOverride", r.Out, StringComparison.Ordinal);

        // 1.37 validates hostnameOverride; 1.33 accepts the pod because its decoder drops the field, and the report says so.
        // The value is whichever bad name the draw gives (Bad_Name until session 14 changed the invalid variants' draw).
        Assert.Matches(
            @"\n      hostnameOverride: \S+\n    at 1\.33: unknown field ""spec\.hostnameOverride"" \(dropped by 1\.33's decoding, SCHEMA-002: its answer is for the pod without it\)\n"
            + @"    what the model answers \(P-ADM-VALIDATION's view\):\n    --- 1\.33\n    \+\+\+ 1\.37\n    - accepted\n    \+ rejected\n",
            r.Out);
    }

    [Theory]
    [InlineData("--to", "1.37")]
    [InlineData("--from", "1.27")]
    [InlineData("--from", "1.33", "--count", "0")]
    [InlineData("--from", "1.33", "--rules", "NOPE-*")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var r = CliRun.Run(["diff", .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("podconf: ", r.Error, StringComparison.Ordinal);
    }

    /// <summary>The committed example (golden/diff/1.33-to-1.37.txt) is what the command prints today.</summary>
    [Fact]
    public void The_committed_example_is_current()
    {
        var r = CliRun.Run("diff", "--from", "1.33", "--to", "1.37");
        string path = Repo.Path("golden", "diff", "1.33-to-1.37.txt");
        Assert.True(string.Equals(File.ReadAllText(path), r.Out, StringComparison.Ordinal),
            "golden/diff/1.33-to-1.37.txt is stale: regenerate with  podconf diff --from 1.33 --to 1.37 > golden/diff/1.33-to-1.37.txt");
    }
}
