namespace PodConformance.Adapters.Process;

/// <summary>The JSON-lines protocol version this adapter speaks (spec/adapter-protocol.md).</summary>
public static class ProcessAdapterInfo
{
    public const string ProtocolVersion = "podconf.adapter/v1";
}
