namespace PodConformance.Model.Validation;

/// <summary>
/// <c>fieldpath.SplitMaybeSubscriptedPath</c>: <c>metadata.labels['k']</c> splits into the path and the key.
/// The key is everything between the first <c>['</c> and the final <c>']</c>, and may be empty.
/// </summary>
public static class DownwardApiPaths
{
    public static bool TrySplitSubscript(string fieldPath, out string path, out string subscript)
    {
        path = fieldPath;
        subscript = "";
        if (!fieldPath.EndsWith("']", StringComparison.Ordinal))
        {
            return false;
        }

        int open = fieldPath.IndexOf("['", StringComparison.Ordinal);
        if (open <= 0 || open + 2 > fieldPath.Length - 2)
        {
            return false;
        }

        path = fieldPath[..open];
        subscript = fieldPath[(open + 2)..^2];
        return true;
    }
}
