using System.CommandLine;
using PodConformance.Model.Profiles;

namespace PodConformance.Cli;

/// <summary>Options every verb shares: the semantics profile.</summary>
public sealed class CommonOptions
{
    public Option<string?> KubernetesVersion { get; } = new("--kubernetes-version")
    {
        Description = $"Kubernetes release whose semantics to use, {Model.Profiles.KubernetesVersion.Oldest}..{Model.Profiles.KubernetesVersion.Newest} (default {Model.Profiles.KubernetesVersion.Newest})",
        HelpName = "1.NN",
    };

    public Option<string?> FeatureGates { get; } = new("--feature-gates")
    {
        Description = "Feature gate overrides, kube style: Name=true,Name=false",
        HelpName = "gates",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(KubernetesVersion);
        command.Options.Add(FeatureGates);
    }

    public Profile ReadProfile(ParseResult result)
    {
        var version = Model.Profiles.KubernetesVersion.Newest;
        if (result.GetValue(KubernetesVersion) is { } versionText)
        {
            version = ParseVersion("--kubernetes-version", versionText);
        }

        if (!FeatureGateParser.TryParse(result.GetValue(FeatureGates), version, out var overrides, out string gateError))
        {
            throw new UserInputException("--feature-gates: " + gateError);
        }

        return new Profile(version, overrides);
    }

    /// <summary>A release named on the command line (PROF-001; a leading zero, <c>1.037</c>, is refused by the model's parser).</summary>
    internal static Model.Profiles.KubernetesVersion ParseVersion(string flag, string text)
    {
        return Model.Profiles.KubernetesVersion.TryParse(text, out var version, out string error) ? version : throw new UserInputException(flag + ": " + error);
    }
}
