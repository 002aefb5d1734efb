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
        Assert.Equal("-rejected\n+accepted", a);
        Assert.NotEqual(a, ReleaseDiffer.Signature(["accepted"], ["rejected"]));
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
