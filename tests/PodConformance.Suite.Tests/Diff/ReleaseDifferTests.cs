using PodConformance.Suite.Diff;

namespace PodConformance.Suite.Tests.Diff;

public class ReleaseDifferTests
{
    [Fact]
    public void Edits_keep_common_lines_and_mark_the_rest_in_order()
    {
        var edits = DiffText.Edits(["accepted", "a = 1", "c = 3"], ["accepted", "a = 1", "b = 2", "c = 4"]);
        Assert.Equal([(' ', "accepted"), (' ', "a = 1"), ('-', "c = 3"), ('+', "b = 2"), ('+', "c = 4")], edits);
    }

    [Fact]
    public void Signature_masks_numbers_and_quoted_names_so_one_change_counts_once()
    {
        string a = ReleaseDiffer.Signature(["rejected", "spec.containers[0].name: Invalid value: \"web\""], ["accepted"]);
        string b = ReleaseDiffer.Signature(["rejected", "spec.containers[3].name: Invalid value: \"api-2\""], ["accepted"]);
        Assert.Equal(a, b);
        Assert.Equal("-rejected | spec.containers[#].name: Invalid value: \"\"\n+accepted", a);
        Assert.NotEqual(a, ReleaseDiffer.Signature(["accepted"], ["rejected"]));
    }

    /// <summary>A quantity's suffix belongs to its number: pod-level requests defaulted as `250m` or as `4` are one change.</summary>
    [Fact]
    public void Signature_masks_a_quantity_with_its_suffix()
    {
        string milli = ReleaseDiffer.Signature(["accepted"], ["accepted", "spec.resources.requests.cpu = 250m", "spec.resources.requests.memory = 2Gi"]);
        string whole = ReleaseDiffer.Signature(["accepted"], ["accepted", "spec.resources.requests.cpu = 4", "spec.resources.requests.memory = 1595Mi"]);
        Assert.Equal(milli, whole);
        Assert.Equal("-\n+spec.resources.requests.cpu = *", milli);

        // Where both sides set the path the values are the change: the quantity is masked with its suffix, and letters
        // before a number stay (a container name's digits are masked, the name's letters are not).
        Assert.Equal("-spec.resources.requests.cpu = #\n+spec.resources.requests.cpu = #",
            ReleaseDiffer.Signature(["accepted", "spec.resources.requests.cpu = 250m"], ["accepted", "spec.resources.requests.cpu = 4"]));
        Assert.Equal("-spec.containers[#].name = a\n+spec.containers[#].name = c#",
            ReleaseDiffer.Signature(["accepted", "spec.containers[2].name = a"], ["accepted", "spec.containers[2].name = c0"]));
        Assert.NotEqual(milli, ReleaseDiffer.Signature(["accepted"], ["accepted", "spec.resources.limits.cpu = 250m"]));
    }

    /// <summary>
    /// A field only one release sets is one change whatever its value (the pod's): until 1.33 DEF-206 writes the AppArmor
    /// annotation from the pod's profile, `runtime/default` or `localhost/NAME`; golden/diff/1.33-to-1.37.txt listed it once
    /// per value before session 13. A value another release sets differently stays part of the change.
    /// </summary>
    [Fact]
    public void Signature_keeps_the_path_but_not_the_value_of_a_field_one_release_alone_sets()
    {
        const string Key = "metadata.annotations.container.apparmor.security.beta.kubernetes.io/c0 = ";
        string runtimeDefault = ReleaseDiffer.Signature(["accepted", Key + "runtime/default"], ["accepted"]);
        Assert.Equal(runtimeDefault, ReleaseDiffer.Signature(["accepted", Key + "localhost/k8s-apparmor-example"], ["accepted"]));
        Assert.Equal("-metadata.annotations.container.apparmor.security.beta.kubernetes.io/c# = *\n+", runtimeDefault);
        Assert.NotEqual(
            ReleaseDiffer.Signature(["accepted", Key + "runtime/default"], ["accepted", Key + "unconfined"]),
            ReleaseDiffer.Signature(["accepted", Key + "runtime/default"], ["accepted", Key + "localhost/x"]));

        // A line with a space before its ` = ` is no field (an error text): masked as before.
        Assert.Equal("-a b = c\n+", ReleaseDiffer.Signature(["a b = c"], []));
    }

    /// <summary>A verdict line (the view's first) takes the side's next edited line along: a new rule is its own change.</summary>
    [Fact]
    public void Signature_tells_apart_pods_a_release_newly_rejects_for_different_rules()
    {
        string image = ReleaseDiffer.Signature(["accepted"], ["rejected", "spec.volumes[0].image.pullPolicy: Unsupported value: \"Sometimes\""]);
        string bundle = ReleaseDiffer.Signature(["accepted"], ["rejected", "spec.volumes[0].projected.sources[0].clusterTrustBundle.path: Required value"]);
        Assert.NotEqual(image, bundle);
        Assert.Equal("-accepted\n+rejected | spec.volumes[#].image.pullPolicy: Unsupported value: \"\"", image);
        Assert.Equal(image, ReleaseDiffer.Signature(["accepted"], ["rejected", "spec.volumes[2].image.pullPolicy: Unsupported value: \"Bogus\"", "spec.other: Required value"]));

        // Only an admission rejection takes its first error along: what follows another verdict depends on the pod.
        Assert.Equal(
            ReleaseDiffer.Signature(["rejected at create"], ["created Pending", "Scheduled to node-1"]),
            ReleaseDiffer.Signature(["rejected at create"], ["created Pending", "FailedScheduling 0/1 nodes are available: 1 Too many pods."]));

        // A changed message under the same verdict is still its first differing pair.
        Assert.Equal("-spec.os.name: Required value: cannot be empty\n+spec.os.name: Required value",
            ReleaseDiffer.Signature(["rejected", "spec.os.name: Required value: cannot be empty"], ["rejected", "spec.os.name: Required value"]));
    }

    /// <summary>
    /// The changes the 100-case search of golden/diff/1.33-to-1.37.txt stopped meeting when the generators grew (a
    /// hundred invalid variants share the draw): the targeted phase walks every variant, so a short search finds them.
    /// </summary>
    [Fact]
    public void The_variant_walk_finds_the_validation_message_changes_of_1_33_to_1_37_on_a_short_search()
    {
        var property = Suite.Rules.Catalog.Find("P-ADM-VALIDATION")!;
        var from = Model.Profiles.Profile.For(new(1, 33));
        var to = Model.Profiles.Profile.For(new(1, 37));
        var area = ReleaseDiffer.Search(property, from, to, seed: 7, count: 10, maxChanges: 200);
        string all = string.Join("\n", area.Changes.SelectMany(c => c.From.Select(l => "- " + l).Concat(c.To.Select(l => "+ " + l))));
        Assert.Contains("+ spec.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled", all, StringComparison.Ordinal);
        Assert.Contains("+ spec.HostPID: Forbidden: when `hostUsers` is false", all, StringComparison.Ordinal);
        Assert.Contains("localhostProfile: Invalid value: {\"Type\":", all, StringComparison.Ordinal);
        Assert.Contains(".clusterTrustBundle.path: Required value", all, StringComparison.Ordinal);
        Assert.True(area.VariantsWalked > 50, area.VariantsWalked.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(area.VariantsWalked * ReleaseDiffer.CasesPerVariant, area.VariantCasesTried);
        Assert.Contains(area.Changes, c => c.Variant is not null);

        // Deterministic for the seed: the same changes, in the same order, from the same cases.
        var again = ReleaseDiffer.Search(property, from, to, seed: 7, count: 10, maxChanges: 200);
        Assert.Equal(area.Changes.Select(c => (c.Variant, c.CaseIndex, c.Signature)), again.Changes.Select(c => (c.Variant, c.CaseIndex, c.Signature)));
    }

    [Fact]
    public void Gate_changes_list_only_gates_whose_stage_or_state_differs()
    {
        var changes = GateChange.Between(Model.Profiles.Profile.For(new(1, 33)), Model.Profiles.Profile.For(new(1, 37)));
        Assert.Contains(changes, g => g.Name == "PodLevelResources" && !g.OnFrom && g.OnTo);
        Assert.DoesNotContain(changes, g => g.Name == "MatchLabelKeysInPodAffinity"); // GA and locked on in both
        Assert.Contains(changes, g => g.Name == "SidecarContainers"); // GA, locked on in 1.33; gone from the 1.37 copy
        Assert.Equal(changes.Select(g => g.Name).Order(StringComparer.Ordinal), changes.Select(g => g.Name));
        Assert.Equal("-", GateChange.Cell(null, false));
    }

    private static readonly Model.Profiles.Profile V133 = Model.Profiles.Profile.For(new(1, 33));
    private static readonly Model.Profiles.Profile V137 = Model.Profiles.Profile.For(new(1, 37));

    /// <summary>A pod read from YAML with the newest schema, as a generator would make it.</summary>
    private static Suite.Cases.PodCase Case(string spec, params (string Gate, bool On)[] gates)
    {
        var read = Manifests.Reading.PodManifestReader.ReadText("apiVersion: v1\nkind: Pod\nmetadata:\n  name: demo\nspec:\n  containers:\n  - name: c0\n    image: nginx\n" + spec, "test.yaml");
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        return new Suite.Cases.PodCase(read.Pods.Single().Pod) { Gates = Model.Collections.ValueMap.Of(gates) };
    }

    /// <summary>P-ADM-DEFAULTS (the stored pod, field by field) asked about one case only.</summary>
    private static Suite.Rules.ConformanceProperty DefaultsOf(Suite.Cases.ConformanceCase c) =>
        Suite.Rules.Catalog.Find("P-ADM-DEFAULTS")! with { Cases = _ => FsCheck.Fluent.Gen.Constant(c), Variants = null };

    /// <summary>
    /// evictionResponders is 1.37's (EvictionRequestAPI, alpha: off, so 1.37's create drops it, DEF-300); 1.33's schema lacks
    /// it, so 1.33's decoding drops it (SCHEMA-002). Before session 13 (diffschema13) the diff handed 1.33 the decoded-at-1.37
    /// pod, which 1.33 stored with the field: "- spec.evictionResponders[0].name = …", a change 1.33 could not show.
    /// </summary>
    [Fact]
    public void A_field_the_older_release_lacks_is_dropped_by_its_decoding_not_kept()
    {
        var c = Case("  evictionResponders:\n  - name: example.com/drainer\n    priority: 1000\n");
        var answer = ReleaseDiffer.Answer(DefaultsOf(c), c, V133, V137);
        Assert.Equal(["unknown field \"spec.evictionResponders\""], answer.DroppedFrom);
        Assert.Empty(answer.DroppedTo);
        Assert.DoesNotContain(answer.From, l => l.StartsWith("spec.evictionResponders", StringComparison.Ordinal));
        Assert.False(answer.Differs, string.Join("\n", DiffText.Edits(answer.From, answer.To)));
        Assert.Empty(ReleaseDiffer.Search(DefaultsOf(c), V133, V137, seed: 1, count: 3, maxChanges: 10).Changes);
    }

    /// <summary>hostnameOverride: unknown to 1.33 (dropped by decoding), GA at 1.37 (stored): a change, with the drop named.</summary>
    [Fact]
    public void A_field_only_the_newer_release_decodes_is_a_change_that_names_the_drop()
    {
        var c = Case("  hostnameOverride: node-a.example.com\n");
        var area = ReleaseDiffer.Search(DefaultsOf(c), V133, V137, seed: 1, count: 3, maxChanges: 10);
        var change = Assert.Single(area.Changes);
        Assert.Equal(["unknown field \"spec.hostnameOverride\""], change.DroppedFrom);
        Assert.Empty(change.DroppedTo);
        Assert.DoesNotContain(change.From, l => l.StartsWith("spec.hostnameOverride", StringComparison.Ordinal));
        Assert.Contains("spec.hostnameOverride = node-a.example.com", change.To);

        string text = DiffText.Render(new ReleaseDiff(V133, V137, 1, 3, [], [area]));
        Assert.Contains("\n    at 1.33: unknown field \"spec.hostnameOverride\" (dropped by 1.33's decoding, SCHEMA-002: its answer is for the pod without it)\n", text, StringComparison.Ordinal);
        Assert.Contains("\n    + spec.hostnameOverride = node-a.example.com\n", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Over the generated cases of 1.33 to 1.37: no line of 1.33's answer is about a field 1.33's Pod API lacks (every path
    /// SchemaChange lists as added, at any index). golden/diff/1.33-to-1.37.txt showed evictionResponders kept at 1.33.
    /// </summary>
    [Fact]
    public void The_older_release_never_answers_about_a_field_its_schema_lacks()
    {
        var added = SchemaChange.Between(V133.Version, V137.Version)
            .Where(s => s.Kind == SchemaChangeKind.Added)
            .SelectMany(s => s.AlsoAt.Prepend(s.Path))
            .Select(path => new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(path).Replace(@"\[\*]", @"\[\d+]", StringComparison.Ordinal) + @"(\W|$)"))
            .ToList();
        Assert.Contains(added, r => r.IsMatch("spec.hostnameOverride = x"));
        Assert.Contains(added, r => r.IsMatch("spec.containers[3].restartPolicyRules[0].action = Restart"));
        foreach (string id in new[] { "P-ADM-DEFAULTS", "P-ADM-VALIDATION" })
        {
            var area = ReleaseDiffer.Search(Suite.Rules.Catalog.Find(id)!, V133, V137, Suite.Running.RunOptions.DefaultSeed, 100, ReleaseDiffer.DefaultMaxChanges);
            foreach (var change in area.Changes)
            {
                foreach (string line in change.From)
                {
                    Assert.False(added.Any(r => r.IsMatch(line)), id + ": 1.33 answers about a field it cannot decode: " + line);
                }
            }
        }
    }

    /// <summary>
    /// A case's own gates are set at both releases. ClusterTrustBundleProjection is beta and off at 1.33, GA and on (not
    /// locked) at 1.37: the case that turns it on is stored with its projection by both, no change; the diff before session 13
    /// ran it with each release's defaults and reported 1.33 dropping the projection, for a case that asked for it.
    /// </summary>
    [Fact]
    public void A_case_s_gates_are_set_at_both_releases()
    {
        const string Volume = "  volumes:\n  - name: trust-bundle\n    projected:\n      sources:\n      - clusterTrustBundle:\n          name: example-bundle\n          path: ca.pem\n";
        var on = Case(Volume, ("ClusterTrustBundleProjection", true));
        var answer = ReleaseDiffer.Answer(DefaultsOf(on), on, V133, V137);
        Assert.Null(answer.RefusedBy);
        Assert.Contains("spec.volumes[0].projected.sources[0].clusterTrustBundle.name = example-bundle", answer.From);
        Assert.False(answer.Differs, string.Join("\n", DiffText.Edits(answer.From, answer.To)));

        // Without the gate, each release's default: 1.33 drops the projection (DEF-409), 1.37 keeps it.
        var defaults = Case(Volume);
        Assert.True(ReleaseDiffer.Answer(DefaultsOf(defaults), defaults, V133, V137).Differs);
    }

    /// <summary>
    /// A gate a release cannot be given (not registered there; locked the other way) makes the case one that release's
    /// components would refuse to start with: not compared, counted with Kubernetes' message (FeatureGateParser).
    /// </summary>
    [Fact]
    public void A_case_whose_gates_a_release_refuses_is_not_compared_but_counted()
    {
        var unknownAt133 = Case("", ("ContainerRestartRules", true));
        var area = ReleaseDiffer.Search(DefaultsOf(unknownAt133), V133, V137, seed: 1, count: 4, maxChanges: 10);
        Assert.Empty(area.Changes);
        Assert.Equal(4, area.CasesTried);
        Assert.Equal([new RefusedCases("1.33", "--feature-gates ContainerRestartRules=true: unrecognized feature gate: ContainerRestartRules", 4)], area.Refused);

        var lockedAt137 = Case("", ("ImageVolume", false));
        var locked = ReleaseDiffer.Answer(DefaultsOf(lockedAt137), lockedAt137, V133, V137);
        Assert.Equal(V137, locked.RefusedBy);
        Assert.Equal("--feature-gates ImageVolume=false: cannot set feature gate ImageVolume to false, feature is locked to true", locked.Refusal);

        string text = DiffText.Render(new ReleaseDiff(V133, V137, 1, 4, [], [area]));
        Assert.Contains("\nP-ADM-DEFAULTS: no change found in 4 cases; 4 of them not compared (below)\n  4 cases not compared, as a release cannot be given them:\n    at 1.33, 4 cases: --feature-gates ContainerRestartRules=true: unrecognized feature gate: ContainerRestartRules\n", text, StringComparison.Ordinal);
    }
}
