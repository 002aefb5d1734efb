using System.Text;
using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Tests.Reading;

/// <summary><c>kind: List</c> input: flattened as kubectl does, and bounded however the text is built.</summary>
public class ListInputTests
{
    private const string Pod = "{apiVersion: v1, kind: Pod, metadata: {name: NAME}, spec: {containers: [{name: c, image: i}]}}";

    /// <summary>
    /// kubectl (k8s.io/cli-runtime pkg/resource/visitor.go, FlattenListVisitor, commit 69e8693) flattens nested lists
    /// through a queue: the outer list's objects first, then those of the lists inside it, at any depth.
    /// </summary>
    [Fact]
    public void Nested_lists_flatten_breadth_first_as_kubectl_does()
    {
        string text = "apiVersion: v1\nkind: List\nitems:\n- " + Pod.Replace("NAME", "a", StringComparison.Ordinal)
            + "\n- {apiVersion: v1, kind: List, items: [" + Pod.Replace("NAME", "b", StringComparison.Ordinal)
            + ", {kind: List, items: [" + Pod.Replace("NAME", "d", StringComparison.Ordinal) + "]}]}\n- "
            + Pod.Replace("NAME", "c", StringComparison.Ordinal) + "\n";

        var result = PodManifestReader.ReadText(text, "l.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["a", "c", "b", "d"], result.Pods.Select(p => p.Pod.Metadata.Name));
    }

    /// <summary>A 312-byte alias bomb once gave 10^6 error lines and 311 MB; go-yaml refuses it, so do we, in one line.</summary>
    [Fact]
    public void An_alias_bomb_in_a_list_is_one_located_error()
    {
        var sb = new StringBuilder("apiVersion: v1\nkind: List\nx0: &a0 [{kind: List, items: []}, {kind: Foo}]\n");
        for (int level = 1; level <= 9; level++)
        {
            sb.Append('x').Append(level).Append(": &a").Append(level).Append(" [")
              .AppendJoin(", ", Enumerable.Repeat("{kind: List, items: *a" + (level - 1) + "}", 10)).Append("]\n");
        }

        sb.Append("items: *a9\n");

        var result = PodManifestReader.ReadText(sb.ToString(), "bomb.yaml");

        var error = Assert.Single(result.Diagnostics);
        Assert.Matches(@"^bomb\.yaml:\d+:\d+: invalid YAML: document contains excessive aliasing$", error.ToString());
    }
}
