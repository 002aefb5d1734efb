namespace PodConformance.Model.ContainerEnv;

/// <summary>Which of the kubelet's env-file parsers (<c>pkg/kubelet/util/env/env_util.go</c> <c>ParseEnv</c>) a release has.</summary>
public enum EnvFileSyntax
{
    /// <summary>1.34 (EnvFiles alpha): <c>KEY=value</c> lines, whitespace trimmed, <c>\</c> continuations (ENV-017).</summary>
    Dotenv,

    /// <summary>1.35 on (EnvFiles beta): <c>KEY='value'</c>, a subset of POSIX shell single quoting (ENV-018).</summary>
    SingleQuoted,
}
