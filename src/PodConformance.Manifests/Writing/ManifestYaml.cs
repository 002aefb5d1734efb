using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Writing;

/// <summary>
/// Any output tree (a Pod's, a <c>kind: List</c> of them, a verb's findings) as block YAML, with the writer the Pod
/// writer uses: <c>kubectl get -o yaml</c>'s key order (<see cref="YamlKeyOrder.Kubectl"/>) or the tree's own.
/// </summary>
public static class ManifestYaml
{
    public static string Write(ManifestMapping root, YamlKeyOrder order = YamlKeyOrder.Kubectl)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        YamlTreeWriter.Write(writer, [root], order);
        return writer.ToString();
    }
}
