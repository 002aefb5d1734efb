using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Tests.Objects;

/// <summary>RuntimeClass (node.k8s.io/v1) from <c>--objects</c> manifests: the fields the RuntimeClass plugin reads (ADM-014…018).</summary>
public partial class AdmissionObjectMapperTests
{
    [Fact]
    public void A_runtime_class_is_read_with_overhead_and_scheduling()
    {
        var (objects, diagnostics) = Map("""
            apiVersion: node.k8s.io/v1
            kind: RuntimeClass
            metadata: {name: kata}
            handler: kata-qemu
            overhead:
              podFixed: {cpu: 250m, memory: 120Mi}
            scheduling:
              nodeSelector: {runtime: kata}
              tolerations:
              - {key: kata, operator: Equal, value: "true", effect: NoExecute, tolerationSeconds: 30}
            ---
            apiVersion: node.k8s.io/v1
            kind: RuntimeClass
            metadata: {name: runc}
            handler: runc
            """);
        Assert.Empty(diagnostics);
        Assert.Equal(2, objects.RuntimeClasses.Count);
        var kata = objects.FindRuntimeClass("kata")!;
        Assert.Equal("kata-qemu", kata.Handler);
        Assert.True(kata.HasOverhead);
        Assert.Equal(Quantity.Parse("250m"), kata.PodFixed["cpu"]);
        Assert.Equal(Quantity.Parse("120Mi"), kata.PodFixed["memory"]);
        Assert.True(kata.HasScheduling);
        Assert.Equal("kata", kata.NodeSelector["runtime"]);
        var t = Assert.Single(kata.Tolerations);
        Assert.Equal(("kata", "Equal", "true", "NoExecute", (long?)30), (t.Key, t.Operator, t.Value, t.Effect, t.TolerationSeconds));
        var runc = objects.FindRuntimeClass("runc")!;
        Assert.False(runc.HasOverhead);
        Assert.False(runc.HasScheduling);
        Assert.True(objects.RuntimeClassesKnown);
    }

    [Fact]
    public void An_empty_overhead_is_an_overhead_without_pod_fixed()
    {
        // The plugin tests `runtimeClass.Overhead != nil`; an empty podFixed is not stored (omitempty), so it reads as none.
        var (objects, diagnostics) = Map("""
            apiVersion: node.k8s.io/v1
            kind: RuntimeClass
            metadata: {name: kata}
            handler: kata
            overhead: {podFixed: {}}
            scheduling: {}
            """);
        Assert.Empty(diagnostics);
        var rc = Assert.Single(objects.RuntimeClasses);
        Assert.True(rc.HasOverhead);
        Assert.True(rc.PodFixed.IsEmpty);
        Assert.True(rc.HasScheduling);
    }

    [Theory]
    [InlineData("handler: 3", "o.yaml:4:", "handler", "json: cannot unmarshal number into Go struct field RuntimeClass.handler of type string")]
    [InlineData("overhead: [1]", "o.yaml:4:", "overhead", "json: cannot unmarshal array into Go struct field RuntimeClass.overhead of type v1.Overhead")]
    [InlineData("overhead: {podFixed: {cpu: lots}}", "o.yaml:4:", "overhead.podFixed.cpu", "quantities must match the regular expression")]
    [InlineData("scheduling: {nodeSelector: [a]}", "o.yaml:4:", "scheduling.nodeSelector", "json: cannot unmarshal array into Go struct field Scheduling.scheduling.nodeSelector of type map[string]string")]
    [InlineData("scheduling: {tolerations: [{key: k, tolerationSeconds: soon}]}", "o.yaml:4:", "scheduling.tolerations[0].tolerationSeconds",
        "json: cannot unmarshal string into Go struct field Toleration.scheduling.tolerations.tolerationSeconds of type int64")]
    [InlineData("scheduling: {tolerations: [3]}", "o.yaml:4:", "scheduling.tolerations[0]", "json: cannot unmarshal number into Go struct field Scheduling.scheduling.tolerations of type v1.Toleration")]
    public void A_wrong_type_in_a_runtime_class_is_an_error_with_its_field_and_position(string line, string position, string field, string message)
    {
        var (_, diagnostics) = Map("""
            apiVersion: node.k8s.io/v1
            kind: RuntimeClass
            metadata: {name: kata}

            """ + line + "\n");
        var d = Assert.Single(diagnostics);
        Assert.True(d.IsError);
        Assert.StartsWith(position, d.ToString(), StringComparison.Ordinal);
        Assert.Equal(field, d.Path);
        Assert.Contains(message, d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_of_a_runtime_class_is_warned_about_and_dropped()
    {
        var (objects, diagnostics) = Map("""
            apiVersion: node.k8s.io/v1
            kind: RuntimeClass
            metadata: {name: kata}
            handler: kata
            spec: {handler: wrong-place}
            """);
        var d = Assert.Single(diagnostics);
        Assert.False(d.IsError);
        Assert.Equal("o.yaml:5:1: unknown field \"spec\"", d.ToString());
        Assert.Equal("kata", Assert.Single(objects.RuntimeClasses).Handler);
    }
}
