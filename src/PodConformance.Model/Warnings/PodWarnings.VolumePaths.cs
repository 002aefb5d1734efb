using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Warnings;

/// <summary>
/// warnings.go <c>warningsForOverlappingVirtualPaths</c>: within one configMap, secret or downwardAPI volume, an item
/// path equal to an earlier one or inside / around it (WARN-017); in a projected volume the same across all its
/// sources, and a source with nothing set (WARN-018). Paths lose trailing slashes first; an empty path is skipped.
/// </summary>
/// <remarks>
/// Every pod the ServiceAccount plugin mounts a token into has a projected volume (token, ca.crt, namespace), so this
/// runs on nearly every create: the earlier paths are rescanned in place, nothing is collected or allocated unless a
/// warning is written.
/// </remarks>
public static partial class PodWarnings
{
    /// <summary>
    /// The check arrived with kubernetes PR #121968, still under review in July 2024: absent from the 1.29.9 copy
    /// (rancher/support-bundle-kit c37d268c4), present in the 1.32.1 one (openshift/openshift-apiserver c596b6e88); 1.30 was
    /// released in April 2024, before that review; 1.31 is inferred (no copy read). The ServiceAccountToken-only
    /// "duplicated path" warning of an indexed kubernetes copy (00f6e68e) is one of that pull request's drafts, never released.
    /// </summary>
    private static readonly KubernetesVersion OverlappingPathsSince = new(1, 32);

    /// <summary>
    /// Until 1.33 the projected loop declared its <c>sourcePaths</c> outside the loop over sources (the 1.32 and 1.33
    /// copies), so a source that matches no case (a configMap, secret or downwardAPI without items) re-added the previous
    /// source's paths, which then collide with themselves; 1.34 moved the declaration into the loop.
    /// </summary>
    private static readonly KubernetesVersion FreshSourcePathsSince = new(1, 34);

    /// <summary>Where a projected path came from: the source description of <c>pathAndSource</c>.</summary>
    private enum PathSource
    {
        ConfigMap,
        Secret,
        DownwardApi,
        ServiceAccountToken,
        ClusterTrustBundle,
        PodCertificateChain,
        PodCertificateKey,
        PodCertificateBundle,
    }

    private static void OverlappingVolumePaths(PodSpec spec, Profile profile, ref List<PodWarning>? warnings)
    {
        if (profile.Version < OverlappingPathsSince)
        {
            return;
        }

        foreach (var v in spec.Volumes.AsSpan())
        {
            if (v.ConfigMap is { } cm && !cm.Items.IsEmpty)
            {
                ItemOverlaps(v.Name, "ConfigMap ", cm.Name, cm.Items, static k => k.Path, ref warnings);
            }

            if (v.Secret is { } secret && !secret.Items.IsEmpty)
            {
                ItemOverlaps(v.Name, "Secret ", secret.Name, secret.Items, static k => k.Path, ref warnings);
            }

            if (v.HasDownwardApi && !v.DownwardApiItems.IsEmpty)
            {
                ItemOverlaps(v.Name, "DownwardAPI", null, v.DownwardApiItems, static f => f.Path, ref warnings);
            }

            if (v.Projected is { } projected)
            {
                ProjectedOverlaps(v.Name, projected.Sources, profile.Version >= FreshSourcePathsSince, ref warnings);
            }
        }
    }

    private static ReadOnlySpan<char> Trimmed(string path) => path.AsSpan().TrimEnd('/');

    /// <summary><c>checkForOverlap</c>'s test for one earlier item: equal, or one path a directory of the other.</summary>
    private static bool Overlaps(ReadOnlySpan<char> earlier, ReadOnlySpan<char> needle)
    {
        if (earlier.Length == 0)
        {
            return false;
        }

        return earlier.SequenceEqual(needle)
            || (earlier.Length > needle.Length && earlier.StartsWith(needle) && earlier[needle.Length] == '/')
            || (needle.Length > earlier.Length && needle.StartsWith(earlier) && needle[earlier.Length] == '/');
    }

    /// <summary>
    /// A configMap's, secret's or downwardAPI volume's items: the description is <c>ConfigMap "name"</c> / <c>Secret "name"</c>
    /// / <c>DownwardAPI</c> (<paramref name="name"/> null); the paths themselves carry no source, so equal paths are "the same
    /// item" whatever their keys. The description is built only for a warning.
    /// </summary>
    private static void ItemOverlaps<T>(string volume, string kind, string? name, ValueList<T> items, Func<T, string> pathOf, ref List<PodWarning>? warnings)
    {
        var span = items.AsSpan();
        for (int i = 1; i < span.Length; i++)
        {
            var needle = Trimmed(pathOf(span[i]));
            if (needle.Length == 0)
            {
                continue;
            }

            for (int j = 0; j < i; j++)
            {
                var earlier = Trimmed(pathOf(span[j]));
                if (Overlaps(earlier, needle))
                {
                    Add(ref warnings, OverlappingVolumePath, VolumeHead(volume, name is null ? kind : kind + GoQuote.Quote(name))
                        + GoQuote.Quote(needle.ToString()) + " with " + GoQuote.Quote(earlier.ToString()));
                }
            }
        }
    }

    private static string VolumeHead(string volume, string description) =>
        "volume " + GoQuote.Quote(volume) + " (" + description + "): overlapping paths: ";

    /// <summary>
    /// The projected volume: sources in order; an all-empty source warns and adds nothing; otherwise the source's paths
    /// (its "effective" source: itself, or before 1.34 the last source that matched a case) each checked against every
    /// path added before it, then added.
    /// </summary>
    private static void ProjectedOverlaps(string volume, ValueList<VolumeProjection> sources, bool fresh, ref List<PodWarning>? warnings)
    {
        var span = sources.AsSpan();
        int stale = -1;
        for (int s = 0; s < span.Length; s++)
        {
            var source = span[s];
            if (IsEmptyProjection(source))
            {
                Add(ref warnings, EmptyProjectionSource, "volume " + GoQuote.Quote(volume) + " (Projected) has no sources provided");
                continue;
            }

            int effective = Matches(source) ? s : fresh ? -1 : stale;
            if (Matches(source))
            {
                stale = s;
            }

            if (effective < 0)
            {
                continue;
            }

            int count = PathCount(span[effective]);
            for (int k = 0; k < count; k++)
            {
                var (needlePath, needleKind, needleName) = PathAt(span[effective], k);
                var needle = Trimmed(needlePath);
                if (needle.Length == 0)
                {
                    continue;
                }

                EarlierProjectedPaths(volume, span, s, k, fresh, needle, needleKind, needleName, ref warnings);
            }
        }
    }

    /// <summary>Checks one needle against the paths added before it: every earlier source's, then this source's first <paramref name="k"/>.</summary>
    private static void EarlierProjectedPaths(string volume, ReadOnlySpan<VolumeProjection> span, int s, int k, bool fresh,
        ReadOnlySpan<char> needle, PathSource needleKind, string needleName, ref List<PodWarning>? warnings)
    {
        int stale = -1;
        for (int e = 0; e <= s; e++)
        {
            if (IsEmptyProjection(span[e]))
            {
                continue;
            }

            int added = Matches(span[e]) ? e : fresh ? -1 : stale;
            if (Matches(span[e]))
            {
                stale = e;
            }

            if (added < 0)
            {
                continue;
            }

            int count = e == s ? k : PathCount(span[added]);
            for (int j = 0; j < count; j++)
            {
                var (path, kind, name) = PathAt(span[added], j);
                var earlier = Trimmed(path);
                // Go also tests the pair for equality (path and source), which equal paths already satisfy.
                if (Overlaps(earlier, needle))
                {
                    Add(ref warnings, OverlappingVolumePath, VolumeHead(volume, "Projected")
                        + Described(needle, needleKind, needleName) + " with " + Described(earlier, kind, name));
                }
            }
        }
    }

    /// <summary><c>source == (api.VolumeProjection{})</c>: no member set.</summary>
    private static bool IsEmptyProjection(VolumeProjection p) =>
        p.ConfigMap is null && p.Secret is null && p.DownwardAPI is null && p.ServiceAccountToken is null && p.ClusterTrustBundle is null && p.PodCertificate is null;

    /// <summary>Whether a case of the source switch assigns <c>sourcePaths</c> (configMap/secret/downwardAPI need items).</summary>
    private static bool Matches(VolumeProjection p) =>
        (p.ConfigMap is { } cm && !cm.Items.IsEmpty)
        || (p.Secret is { } secret && !secret.Items.IsEmpty)
        || (p.DownwardAPI is { } d && !d.Items.IsEmpty)
        || p.ServiceAccountToken is not null
        || p.ClusterTrustBundle is not null
        || p.PodCertificate is not null;

    /// <summary>How many paths the switch's case gives the source (the first matching case only, as Go's switch).</summary>
    private static int PathCount(VolumeProjection p)
    {
        if (p.ConfigMap is { } cm && !cm.Items.IsEmpty)
        {
            return cm.Items.Count;
        }

        if (p.Secret is { } secret && !secret.Items.IsEmpty)
        {
            return secret.Items.Count;
        }

        if (p.DownwardAPI is { } d && !d.Items.IsEmpty)
        {
            return d.Items.Count;
        }

        if (p.ServiceAccountToken is not null || p.ClusterTrustBundle is not null)
        {
            return 1;
        }

        if (p.PodCertificate is { } pc)
        {
            return (pc.CertificateChainPath.Length != 0 ? 1 : 0) + (pc.KeyPath.Length != 0 ? 1 : 0) + (pc.CredentialBundlePath.Length != 0 ? 1 : 0);
        }

        return 0;
    }

    /// <summary>The <paramref name="k"/>-th path of the source, with its description's kind and name.</summary>
    private static (string Path, PathSource Kind, string Name) PathAt(VolumeProjection p, int k)
    {
        if (p.ConfigMap is { } cm && !cm.Items.IsEmpty)
        {
            return (cm.Items[k].Path, PathSource.ConfigMap, cm.Name);
        }

        if (p.Secret is { } secret && !secret.Items.IsEmpty)
        {
            return (secret.Items[k].Path, PathSource.Secret, secret.Name);
        }

        if (p.DownwardAPI is { } d && !d.Items.IsEmpty)
        {
            return (d.Items[k].Path, PathSource.DownwardApi, "");
        }

        if (p.ServiceAccountToken is { } token)
        {
            return (token.Path, PathSource.ServiceAccountToken, "");
        }

        if (p.ClusterTrustBundle is { } bundle)
        {
            return (bundle.Path, PathSource.ClusterTrustBundle, bundle.Name ?? bundle.SignerName ?? "");
        }

        var pc = p.PodCertificate!;
        int seen = -1;
        if (pc.CertificateChainPath.Length != 0 && ++seen == k)
        {
            return (pc.CertificateChainPath, PathSource.PodCertificateChain, "");
        }

        if (pc.KeyPath.Length != 0 && ++seen == k)
        {
            return (pc.KeyPath, PathSource.PodCertificateKey, "");
        }

        return (pc.CredentialBundlePath, PathSource.PodCertificateBundle, "");
    }

    /// <summary><c>pathAndSource.String()</c>: <c>"path" (source)</c>.</summary>
    private static string Described(ReadOnlySpan<char> path, PathSource kind, string name)
    {
        var sb = new StringBuilder();
        sb.Append(GoQuote.Quote(path.ToString())).Append(" (");
        switch (kind)
        {
            case PathSource.ConfigMap:
                sb.Append("ConfigMap ").Append(GoQuote.Quote(name));
                break;
            case PathSource.Secret:
                sb.Append("Secret ").Append(GoQuote.Quote(name));
                break;
            case PathSource.DownwardApi:
                sb.Append("DownwardAPI");
                break;
            case PathSource.ServiceAccountToken:
                sb.Append("ServiceAccountToken");
                break;
            case PathSource.ClusterTrustBundle:
                sb.Append("ClusterTrustBundle ").Append(GoQuote.Quote(name));
                break;
            case PathSource.PodCertificateChain:
                sb.Append("PodCertificate chain");
                break;
            case PathSource.PodCertificateKey:
                sb.Append("PodCertificate key");
                break;
            default:
                sb.Append("PodCertificate credential bundle");
                break;
        }

        return sb.Append(')').ToString();
    }
}
