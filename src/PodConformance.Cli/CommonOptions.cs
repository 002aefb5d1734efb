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
        string? versionText = result.GetValue(KubernetesVersion);
        if (versionText is not null && !Model.Profiles.KubernetesVersion.TryParse(versionText, out version, out string error))
        {
            throw new UserInputException("--kubernetes-version: " + error);
        }

        if (!FeatureGateParser.TryParse(result.GetValue(FeatureGates), version, out var overrides, out string gateError))
        {
            throw new UserInputException("--feature-gates: " + gateError);
        }

        return new Profile(version, overrides);
    }
}
