using PodConformance.Model.Api;

namespace PodConformance.Model.Describe;

/// <summary>
/// An ephemeral volume's claim template (DESC-036): describe.go's <c>printPersistentVolumeClaim</c> with
/// <c>isFullPVC</c> false, through a <c>nestedPrefixWriter</c> two levels in. The nested writer adds its two levels to
/// every write, <c>WriteLine</c> included, so the labels' and annotations' <c>&lt;none&gt;</c> and continuation lines
/// carry an extra four spaces after the tab, as kubectl prints them.
/// </summary>
internal static class DescribeClaimTemplate
{
    private const int In = DescribeWriter.Level2;
    private const string BetaStorageClassAnnotation = "volume.beta.kubernetes.io/storage-class";

    public static void Write(DescribeWriter w, PersistentVolumeClaimTemplate template)
    {
        var meta = template.ObjectMeta;
        var spec = template.Spec;
        // storageutil.GetPersistentVolumeClaimClass: the beta annotation first, then spec.storageClassName.
        string storageClass = meta.Annotations.TryGetValue(BetaStorageClassAnnotation, out string? beta) ? beta : spec.StorageClassName ?? "";
        w.Write(In, "StorageClass:\t" + storageClass + "\n");
        w.Write(In, "Volume:\t" + spec.VolumeName + "\n");
        Labels(w, meta);
        Annotations(w, meta);
        // A template has no status: capacity is the zero quantity's "0" and access modes "" once a volume is named, else both "".
        w.Write(In, "Capacity:\t" + (spec.VolumeName.Length != 0 ? "0" : "") + "\n");
        w.Write(In, "Access Modes:\t\n");
        if (spec.VolumeMode is { } mode)
        {
            w.Write(In, "VolumeMode:\t" + mode + "\n");
        }

        if (spec.DataSource is { } source)
        {
            w.Write(In, "DataSource:\n");
            if (source.APIGroup is { } group)
            {
                w.Write(In + 1, "APIGroup:\t" + group + "\n");
            }

            w.Write(In + 1, "Kind:\t" + source.Kind + "\n");
            w.Write(In + 1, "Name:\t" + source.Name + "\n");
        }
    }

    private static void Labels(DescribeWriter w, ObjectMeta meta)
    {
        w.Write(In, "Labels:\t");
        if (meta.Labels.IsEmpty)
        {
            w.Write(In, "<none>\n");
            return;
        }

        bool first = true;
        foreach (var (key, value) in meta.Labels)
        {
            if (!first)
            {
                w.Write(In, "");
                w.Write(In, "\t");
            }

            w.Write(In, key + "=" + value + "\n");
            first = false;
        }
    }

    private static void Annotations(DescribeWriter w, ObjectMeta meta)
    {
        w.Write(In, "Annotations:\t");
        bool first = true;
        foreach (var (key, raw) in meta.Annotations)
        {
            if (key == "kubectl.kubernetes.io/last-applied-configuration")
            {
                continue;
            }

            if (!first)
            {
                w.Write(In, "\t");
            }

            first = false;
            string value = raw.EndsWith('\n') ? raw[..^1] : raw;
            if (GoText.ByteLength(value) + GoText.ByteLength(key) + 2 > DescribeMultiline.MaxAnnotationLength || value.Contains('\n', StringComparison.Ordinal))
            {
                w.Write(In, key + ":\n");
                foreach (string line in value.Split('\n'))
                {
                    w.Write(In, "\t  " + DescribeMultiline.Shorten(line, DescribeMultiline.MaxAnnotationLength - 2) + "\n");
                }
            }
            else
            {
                w.Write(In, key + ": " + value + "\n");
            }
        }

        if (first)
        {
            w.Write(In, "<none>\n");
        }
    }
}
