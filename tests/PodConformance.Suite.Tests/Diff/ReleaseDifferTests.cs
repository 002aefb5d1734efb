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
}
