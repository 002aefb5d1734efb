namespace PodConformance.Adapters.Process;

/// <summary>The JSON-lines protocol version this adapter speaks (spec/adapter-protocol.md).</summary>
public static class ProcessAdapterInfo
{
    public const string ProtocolVersion = "podconf.adapter/v1";

    /// <summary>podconf's version, as sent in the handshake.</summary>
    public static string PodconfVersion { get; } =
        typeof(ProcessAdapterInfo).Assembly.GetName().Version is { } v
            ? v.ToString(3)
            : "0.0.0";
}
