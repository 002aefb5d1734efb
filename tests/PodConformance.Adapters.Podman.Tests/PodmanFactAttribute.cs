using PodConformance.Adapters.Podman;

namespace PodConformance.Adapters.Podman.Tests;

/// <summary>A fact that needs a working podman: skipped, with the reason, where podman is not usable — never passed silently.</summary>
public sealed class PodmanFactAttribute : FactAttribute
{
    public PodmanFactAttribute()
    {
        var env = PodmanEnvironment.Current;
        if (!env.Usable)
        {
            Skip = "podman is not usable here: " + env.Reason;
        }
    }
}
