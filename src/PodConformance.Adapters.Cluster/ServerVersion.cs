using k8s.Models;
using PodConformance.Model.Profiles;

namespace PodConformance.Adapters.Cluster;

/// <summary>Maps the API server's <c>/version</c> answer to the release profile the model must use.</summary>
public static class ServerVersion
{
    /// <summary>
    /// Uses <c>major</c>/<c>minor</c>, where managed clusters append <c>+</c> (GKE/EKS: <c>"minor": "30+"</c>), and falls
    /// back to <c>gitVersion</c> (<c>v1.30.2-eks-1234</c>) when they are missing.
    /// </summary>
    public static bool TryParse(VersionInfo info, out KubernetesVersion version, out string error)
    {
        ArgumentNullException.ThrowIfNull(info);
        string major = (info.Major ?? "").TrimEnd('+');
        string minor = (info.Minor ?? "").TrimEnd('+');
        string text = major.Length > 0 && minor.Length > 0 ? major + "." + minor : GitMinor(info.GitVersion ?? "");
        if (!KubernetesVersion.TryParse(text, out version, out string inner))
        {
            error = "API server version " + (info.GitVersion ?? text) + ": " + inner;
            return false;
        }

        error = "";
        return true;
    }

    /// <summary><c>v1.30.2-eks-1234</c> → <c>1.30</c>.</summary>
    private static string GitMinor(string git)
    {
        var s = git.AsSpan().TrimStart('v');
        int dash = s.IndexOfAny('-', '+');
        if (dash >= 0)
        {
            s = s[..dash];
        }

        int first = s.IndexOf('.');
        if (first < 0)
        {
            return s.ToString();
        }

        int second = s[(first + 1)..].IndexOf('.');
        return second < 0 ? s.ToString() : s[..(first + 1 + second)].ToString();
    }
}
