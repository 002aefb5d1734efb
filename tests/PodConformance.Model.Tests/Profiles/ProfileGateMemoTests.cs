using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Profiles;

/// <summary>The profile memoises its gate answers (issue 12 item 3): the memo must never change an answer or equality.</summary>
public class ProfileGateMemoTests
{
    [Fact]
    public void A_copy_with_other_overrides_or_version_answers_for_itself_not_from_the_originals_memo()
    {
        var profile = Profile.Default;
        Assert.True(profile.IsEnabled(FeatureGateNames.PodLevelResources));
        var off = profile with { Overrides = ValueMap.Of((FeatureGateNames.PodLevelResources, false)) };
        Assert.False(off.IsEnabled(FeatureGateNames.PodLevelResources));
        Assert.True(profile.IsEnabled(FeatureGateNames.PodLevelResources));
        var old = profile with { Version = new KubernetesVersion(1, 28) };
        Assert.False(old.IsEnabled(FeatureGateNames.PodLevelResources));
    }

    [Fact]
    public void A_memo_does_not_take_part_in_equality()
    {
        var asked = Profile.For(new KubernetesVersion(1, 33));
        _ = asked.IsEnabled(FeatureGateNames.SidecarContainers);
        var fresh = Profile.For(new KubernetesVersion(1, 33));
        Assert.Equal(asked, fresh);
        Assert.Equal(asked.GetHashCode(), fresh.GetHashCode());
    }

    [Fact]
    public void A_gate_name_built_at_run_time_gets_the_same_answer_as_the_constant()
    {
        var profile = Profile.For(new KubernetesVersion(1, 34));
        string built = new([.. FeatureGateNames.SidecarContainers]);
        Assert.NotSame(FeatureGateNames.SidecarContainers, built);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(profile.IsEnabled(FeatureGateNames.SidecarContainers), profile.IsEnabled(built));
        }
    }
}
