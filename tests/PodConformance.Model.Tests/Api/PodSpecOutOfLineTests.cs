using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Tests.ApiRecords;

/// <summary>
/// PodSpec keeps its generated properties (all but securityContext and preemptionPolicy) out of line, in one shared
/// object (tools/PodConformance.SchemaGen/HandWritten.json <c>outOfLine</c>, issue 12's admission path): it must still
/// behave exactly as a record holding every field.
/// </summary>
public class PodSpecOutOfLineTests
{
    [Fact]
    public void Out_of_line_properties_take_part_in_equality_hashing_and_printing()
    {
        var plain = new PodSpec();
        var set = new PodSpec { HostPID = true, Hostname = "h" };
        var same = new PodSpec { Hostname = "h", HostPID = true };
        Assert.NotEqual(plain, set);
        Assert.Equal(set, same);
        Assert.Equal(set.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(set, set with { HostIPC = true });
        Assert.Contains("HostPID = True", set.ToString(), StringComparison.Ordinal);
        Assert.Contains("Hostname = h", set.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_with_copy_changes_only_the_copy_and_keeps_the_other_out_of_line_values()
    {
        var original = new PodSpec { HostPID = true, Hostname = "h" };
        var copy = original with { Hostname = "other", RestartPolicy = "Never" };
        Assert.True(original.HostPID);
        Assert.Equal("h", original.Hostname);
        Assert.Equal("", original.RestartPolicy);
        Assert.True(copy.HostPID);
        Assert.Equal("other", copy.Hostname);
        Assert.Equal("Never", copy.RestartPolicy);
        Assert.Equal(new PodSpec(), original with { HostPID = false, Hostname = "" });
    }

    [Fact]
    public void An_equal_but_different_list_is_stored_as_given()
    {
        ValueList<LocalObjectReference> first = [new LocalObjectReference { Name = "a" }];
        ValueList<LocalObjectReference> second = [new LocalObjectReference { Name = "a" }];
        var spec = new PodSpec { ImagePullSecrets = first } with { ImagePullSecrets = second };
        Assert.True(spec.ImagePullSecrets.IsSameAs(second));
        Assert.False(spec.ImagePullSecrets.IsSameAs(first));
    }
}
