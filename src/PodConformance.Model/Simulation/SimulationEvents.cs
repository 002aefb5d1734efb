namespace PodConformance.Model.Simulation;

/// <summary>Stand-ins the simulator needs where a real node would report a measured fact.</summary>
internal static class SimulationEvents
{
    /// <summary>A stand-in image size (bytes) for the Pulled event: fixed per image name, so output is reproducible.</summary>
    public static long ImageSize(string image)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in image)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return 1_000_000 + (long)(hash % 50_000_000UL);
    }
}
