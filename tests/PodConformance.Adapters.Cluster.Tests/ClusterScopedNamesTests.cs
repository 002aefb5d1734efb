using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Collections;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>
/// Answers mapped back to the case's names. Texts: plugin/pkg/admission/runtimeclass/admission.go <c>prepareObjects</c>
/// (<c>pod rejected: RuntimeClass %q not found</c>) and plugin/pkg/admission/priority/admission.go <c>admitPod</c>
/// (<c>no PriorityClass with name %v was found</c>), as spec/admission.md ADM-014 and ADM-042 cite them.
/// </summary>
public class ClusterScopedNamesTests
{
    private const string Rc = "podconf-test-20250131-100000-aaaaaa-rc1";
    private const string Pc = "podconf-test-20250131-100000-aaaaaa-pc2";

    private static ClusterScopedNames Names(string rcOriginal = "kata") => new(
    [
        new RenamedObject(ClusterScopedKind.RuntimeClass, rcOriginal, Rc, Exists: true),
        new RenamedObject(ClusterScopedKind.PriorityClass, "high", Pc, Exists: true),
    ]);

    [Fact]
    public void Plugin_refusals_name_the_case_s_objects_quoted_as_go_quotes_them()
    {
        var names = Names();
        Assert.Equal("pods \"web\" is forbidden: pod rejected: RuntimeClass \"kata\" not found", names.Back("pods \"web\" is forbidden: pod rejected: RuntimeClass \"" + Rc + "\" not found"));
        Assert.Equal("pods \"web\" is forbidden: no PriorityClass with name high was found", names.Back("pods \"web\" is forbidden: no PriorityClass with name " + Pc + " was found"));

        // An original Go's %q escapes (a case naming a class no cluster could hold is not performed, but the mapping stays exact).
        Assert.Equal("RuntimeClass \"k\\tata\\\"\" not found", Names("k\tata\"").Back("RuntimeClass \"" + Rc + "\" not found"));
        Assert.Equal("no change", names.Back("no change"));
    }

    [Fact]
    public void Accepted_defaults_and_errors_are_mapped_back()
    {
        var observation = new AdmissionObservation
        {
            Accepted = true,
            Defaults = ValueMap.Of(("spec.runtimeClassName", Rc), ("spec.priorityClassName", Pc), ("spec.overhead.cpu", "250m")),
        };
        var back = Names().Back(observation);
        Assert.Equal("kata", back.Defaults["spec.runtimeClassName"]);
        Assert.Equal("high", back.Defaults["spec.priorityClassName"]);
        Assert.Equal("250m", back.Defaults["spec.overhead.cpu"]);
    }

    [Fact]
    public void Not_yet_visible_only_for_an_object_the_run_created_and_only_on_the_plugin_s_refusal()
    {
        static ClusterApi.CreateResponse Forbidden(string message) => new(403, Fake.ObjectsFake.Forbidden(message));
        var names = Names();
        Assert.Equal(Rc, names.NotYetVisible(Forbidden("pods \"web\" is forbidden: pod rejected: RuntimeClass \"" + Rc + "\" not found"))?.Renamed);
        Assert.Equal(Pc, names.NotYetVisible(Forbidden("pods \"web\" is forbidden: no PriorityClass with name " + Pc + " was found"))?.Renamed);
        Assert.Null(names.NotYetVisible(Forbidden("pods \"web\" is forbidden: pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead")));
        Assert.Null(names.NotYetVisible(new ClusterApi.CreateResponse(422, Fake.ObjectsFake.Forbidden("pods \"web\" is forbidden: pod rejected: RuntimeClass \"" + Rc + "\" not found"))));
        var absent = new ClusterScopedNames([new RenamedObject(ClusterScopedKind.RuntimeClass, "missing", Rc, Exists: false)]);
        Assert.Null(absent.NotYetVisible(Forbidden("pods \"web\" is forbidden: pod rejected: RuntimeClass \"" + Rc + "\" not found")));
    }

    [Fact]
    public void Plans_refuse_what_no_cluster_can_hold_and_leave_system_classes_named()
    {
        var pod = TestPods.Web;
        var invalid = ClusterScopedPlan.For(pod with { Spec = pod.Spec with { RuntimeClassName = "Kata" } }, ValueList.Of(new RuntimeClass { Name = "Kata", Handler = "kata" }), []);
        Assert.StartsWith("the case's RuntimeClass \"Kata\" cannot exist on a cluster: ", invalid.NotPerformed, StringComparison.Ordinal);

        var reserved = ClusterScopedPlan.For(pod with { Spec = pod.Spec with { PriorityClassName = "system-mine" } }, default, [new PriorityClass { Name = "system-mine", Value = 1 }]);
        Assert.Equal("the case's PriorityClass \"system-mine\" cannot exist on a cluster: names starting with 'system-' are reserved for the system's classes", reserved.NotPerformed);

        var system = ClusterScopedPlan.For(pod with { Spec = pod.Spec with { PriorityClassName = "system-node-critical" } }, default, [new PriorityClass { Name = "system-node-critical", Value = 2000001000 }]);
        Assert.Same(ClusterScopedPlan.None, system);

        // PriorityClasses given and the pod names another: the stand-in (no content), as for a RuntimeClass (ADM-042).
        var missing = ClusterScopedPlan.For(pod with { Spec = pod.Spec with { PriorityClassName = "low" } }, default, [new PriorityClass { Name = "high", Value = 1 }]);
        Assert.Equal(new WantedObject(ClusterScopedKind.PriorityClass, "low", null), Assert.Single(missing.Wanted));
        Assert.Same(ClusterScopedPlan.None, ClusterScopedPlan.For(pod with { Spec = pod.Spec with { PriorityClassName = "low" } }, default, []));

        // RuntimeClasses given but the pod names none: nothing to create.
        Assert.Same(ClusterScopedPlan.None, ClusterScopedPlan.For(pod, ValueList.Of(new RuntimeClass { Name = "kata", Handler = "kata" }), []));
    }

    [Theory]
    [InlineData("system")]
    [InlineData("system-ci")]
    public void A_prefix_that_would_make_system_priority_class_names_is_refused_with_the_flag(string prefix)
    {
        Assert.Contains(new ClusterOptions { NamespacePrefix = prefix, ClusterScopedObjects = true }.Validate(), e => e.Contains("PriorityClass names starting with 'system-' are reserved", StringComparison.Ordinal));
        Assert.Empty(new ClusterOptions { NamespacePrefix = prefix }.Validate());
        Assert.Empty(new ClusterOptions { NamespacePrefix = "systems", ClusterScopedObjects = true }.Validate());
    }
}
