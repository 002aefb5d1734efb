using PodConformance.Model.Api;
using PodConformance.Model.Coverage;
using PodConformance.Model.Validation;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// The <c>fileKeyRef</c> branch of the kubelet's <c>makeEnvironmentVariables</c> (ENV-016), EnvFiles on: the named volume
/// must be one of the pod's (mounted) volumes; the file is <c>path</c> inside it; <see cref="EnvFileParser"/> reads the
/// key; any parser error (a missing file, a directory, a malformed line, a line over 64 KiB) is the bare
/// <c>couldn't parse env file</c> whether or not the reference is optional; an empty or undefined value is a missing key:
/// optional → the variable is left out, otherwise <c>environment variable key "K" not found in file "HOSTPATH"</c>.
/// The file is written at run time (by an init container), so its text is known only where
/// <see cref="EnvInputs.VolumeFiles"/> gives the volume's files; otherwise the outcome is not checked (ENV-019).
/// </summary>
public static class FileKeyRefResolver
{
    /// <summary>The kubelet's message for every parser error; the parser's own text goes to the kubelet's log only.</summary>
    public const string ParseError = "couldn't parse env file";

    /// <summary>The kubelet's default <c>--root-dir</c>.</summary>
    public const string KubeletRootDir = "/var/lib/kubelet";

    /// <summary>Stands for the pod's UID in a host path when the pod has none yet (the API server assigns it): any UID matches it.</summary>
    public const string UidPlaceholder = "<pod-uid>";

    /// <summary>What resolving one reference gave.</summary>
    public enum Outcome
    {
        /// <summary>The value is <c>value</c>.</summary>
        Value,

        /// <summary>Optional and the key missing or empty: the variable is left out.</summary>
        Skipped,

        /// <summary>The container cannot start: <c>error</c>.</summary>
        Failed,

        /// <summary>The volume's files are not given: neither the value nor whether the container starts is known.</summary>
        NotChecked,
    }

    /// <summary>1.34's alpha limit on a key's length, in UTF-8 bytes (Go <c>len(key)</c>); dropped in 1.35 (ENV-016).</summary>
    public const int AlphaMaxKeyBytes = 128;

    /// <summary>1.34's alpha limit on a value's size, in UTF-8 bytes (Go <c>len(runtimeVal)</c>); dropped in 1.35 (ENV-016).</summary>
    public const int AlphaMaxValueBytes = 32 * 1024;

    /// <summary>
    /// Whether the kubelet of <paramref name="version"/> applies the alpha key and value limits: 1.34's
    /// <c>makeEnvironmentVariables</c> has them (upstream's comment there says they are for alpha and to be relaxed at beta),
    /// 1.35's does not.
    /// </summary>
    public static bool HasAlphaLimits(Profiles.KubernetesVersion version) => version < new Profiles.KubernetesVersion(1, 35);

    /// <summary>
    /// Resolves <paramref name="selector"/> for <paramref name="pod"/>: see <see cref="Outcome"/>. With
    /// <paramref name="alphaLimits"/> (1.34) a key over 128 bytes fails before the file is read (so even when its text is
    /// not known) and a value over 32 KiB fails after it.
    /// </summary>
    public static Outcome Resolve(FileKeySelector selector, Pod pod, EnvInputs inputs, EnvFileSyntax syntax, bool alphaLimits, out string value, out EnvError? error)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(inputs);
        value = "";
        error = null;
        if (!HasVolume(pod, selector.VolumeName))
        {
            RuleCoverage.Hit(EnvRules.FileKeyRef, "no such volume: an error");
            error = new EnvError(EnvRules.FileKeyRef, "cannot find the volume " + GoQuote.Quote(selector.VolumeName) + " referenced by FileKeyRef");
            return Outcome.Failed;
        }

        if (alphaLimits && System.Text.Encoding.UTF8.GetByteCount(selector.Key) > AlphaMaxKeyBytes)
        {
            RuleCoverage.Hit(EnvRules.FileKeyRef, "1.34: a key over 128 bytes");
            error = new EnvError(EnvRules.FileKeyRef, "environment variable key " + GoQuote.Quote(selector.Key) + " exceeds maximum length of 128 characters");
            return Outcome.Failed;
        }

        if (!inputs.VolumeFiles.TryGetValue(selector.VolumeName, out var files))
        {
            RuleCoverage.Hit(EnvRules.NotChecked, "a fileKeyRef whose volume's files are not given");
            return Outcome.NotChecked;
        }

        string relative = CleanPath(selector.Path);
        string hostPath = HostPath(pod, selector.VolumeName, relative);
        bool optional = selector.Optional == true;
        if (FindFile(files, relative) is not { } content)
        {
            // os.Open fails (no such file), or opens a directory whose read fails: a parser error either way.
            RuleCoverage.Hit(EnvRules.FileKeyRef, IsDirectory(files, relative) ? "a directory: couldn't parse" : "no such file: couldn't parse, optional or not");
            error = new EnvError(EnvRules.FileKeyRef, ParseError);
            return Outcome.Failed;
        }

        if (!EnvFileParser.TryParse(content, selector.Key, syntax, hostPath, out value, out _))
        {
            RuleCoverage.Hit(EnvRules.FileKeyRef, "a malformed file: couldn't parse, optional or not");
            RuleCoverage.Hit(syntax == EnvFileSyntax.Dotenv ? EnvRules.DotenvSyntax : EnvRules.SingleQuotedSyntax, "an error");
            error = new EnvError(EnvRules.FileKeyRef, ParseError);
            return Outcome.Failed;
        }

        RuleCoverage.Hit(syntax == EnvFileSyntax.Dotenv ? EnvRules.DotenvSyntax : EnvRules.SingleQuotedSyntax, value.Length == 0 ? "no value" : "a value");
        if (alphaLimits && System.Text.Encoding.UTF8.GetByteCount(value) > AlphaMaxValueBytes)
        {
            RuleCoverage.Hit(EnvRules.FileKeyRef, "1.34: a value over 32 KiB");
            error = new EnvError(EnvRules.FileKeyRef, "environment variable value for key " + GoQuote.Quote(selector.Key) + " exceeds maximum size of 32KB");
            value = "";
            return Outcome.Failed;
        }

        if (value.Length == 0)
        {
            RuleCoverage.Hit(EnvRules.FileKeyRef, optional ? "optional key missing or empty: left out" : "key missing or empty: an error");
            if (optional)
            {
                return Outcome.Skipped;
            }

            error = new EnvError(EnvRules.FileKeyRef, "environment variable key " + GoQuote.Quote(selector.Key) + " not found in file " + GoQuote.Quote(hostPath));
            return Outcome.Failed;
        }

        RuleCoverage.Hit(EnvRules.FileKeyRef, "a value");
        return Outcome.Value;
    }

    /// <summary>
    /// The file's path on the node: the emptyDir's directory (<c>ROOT/pods/UID/volumes/kubernetes.io~empty-dir/VOLUME</c>)
    /// joined with the cleaned relative path (<c>securejoin.SecureJoin</c>; symlinks are not modelled).
    /// </summary>
    public static string HostPath(Pod pod, string volume, string relative)
    {
        ArgumentNullException.ThrowIfNull(pod);
        string uid = pod.Metadata.Uid.Length != 0 ? pod.Metadata.Uid : UidPlaceholder;
        return KubeletRootDir + "/pods/" + uid + "/volumes/kubernetes.io~empty-dir/" + volume + (relative.Length == 0 ? "" : "/" + relative);
    }

    /// <summary>The path as SecureJoin cleans it inside the volume: empty and <c>.</c> elements dropped (validation refuses <c>..</c>, VAL-056).</summary>
    public static string CleanPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = new List<string>();
        foreach (string part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                // SecureJoin never leaves the root: ".." at the top stays at the top.
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    /// <summary>The text of the file at <paramref name="relative"/> (the given names cleaned as the path is), or null.</summary>
    private static string? FindFile(Collections.ValueMap<string> files, string relative)
    {
        if (files.TryGetValue(relative, out string? exact))
        {
            return exact;
        }

        foreach (var (name, text) in files)
        {
            if (string.Equals(CleanPath(name), relative, StringComparison.Ordinal))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The volume's root, or a directory some given file lies in.</summary>
    private static bool IsDirectory(Collections.ValueMap<string> files, string relative)
    {
        if (relative.Length == 0)
        {
            return true;
        }

        string prefix = relative + "/";
        foreach (var (name, _) in files)
        {
            if (CleanPath(name).StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasVolume(Pod pod, string name)
    {
        foreach (var v in pod.Spec.Volumes)
        {
            if (string.Equals(v.Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
