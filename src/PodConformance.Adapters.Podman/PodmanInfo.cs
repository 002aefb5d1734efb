namespace PodConformance.Adapters.Podman;

/// <summary>The podman release the adapter was written against (Debian 12's package).</summary>
public static class PodmanInfo
{
    public const string TestedVersion = "4.3.1";
}
