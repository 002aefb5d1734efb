using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Tests.ApiRecords;

/// <summary>
/// PodSpec keeps its generated properties (all but securityContext and preemptionPolicy) out of line, in one shared
/// object (tools/PodConformance.SchemaGen/HandWritten.json <c>outOfLine</c>, issue 12's admission path), and its rarely
/// set hand-written ones in another: it must still behave exactly as a record holding every field.
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

    /// <summary>The hand-written fields kept out of line since session 10 (activeDeadlineSeconds, nodeSelector, hostNetwork, readinessGates, overhead, schedulingGates, resources).</summary>
    [Fact]
    public void Hand_written_rare_fields_behave_as_fields_of_the_record()
    {
        var resources = new ResourceRequirements { Limits = ValueMap.Of(("cpu", PodConformance.Model.Quantities.Quantity.Parse("1"))) };
        var set = new PodSpec { ActiveDeadlineSeconds = 5, HostNetwork = true, Resources = resources, NodeSelector = ValueMap.Of(("zone", "a")) };
        var same = new PodSpec { NodeSelector = ValueMap.Of(("zone", "a")), Resources = resources with { }, HostNetwork = true, ActiveDeadlineSeconds = 5 };
        Assert.NotEqual(new PodSpec(), set);
        Assert.Equal(set, same);
        Assert.Equal(set.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(set, set with { HostNetwork = false });
        Assert.NotEqual(set, set with { ReadinessGates = [new PodReadinessGate("ready")] });
        Assert.Contains("ActiveDeadlineSeconds = 5", set.ToString(), StringComparison.Ordinal);
        Assert.Contains("HostNetwork = True", set.ToString(), StringComparison.Ordinal);

        var copy = set with { ActiveDeadlineSeconds = 7, RestartPolicy = "Never" };
        Assert.Equal(5, set.ActiveDeadlineSeconds);
        Assert.Equal(7, copy.ActiveDeadlineSeconds);
        Assert.True(copy.HostNetwork);
        Assert.Same(resources, copy.Resources);
        Assert.Equal(new PodSpec(), set with { ActiveDeadlineSeconds = null, HostNetwork = false, Resources = null, NodeSelector = ValueMap<string>.Empty });
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
