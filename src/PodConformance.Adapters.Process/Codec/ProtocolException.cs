namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// A message that does not follow spec/adapter-protocol.md: wrong JSON, a missing or mistyped field, an
/// unknown field. The message names the JSON path, so an adapter author can find the mistake at once.
/// </summary>
public sealed class ProtocolException : Exception
{
    public ProtocolException(string path, string message)
        : base(path.Length == 0 ? message : path + ": " + message)
    {
        Path = path;
    }

    public ProtocolException()
        : this("", "protocol error")
    {
    }

    public ProtocolException(string message)
        : this("", message)
    {
    }

    public ProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "";
    }

    /// <summary>Where in the message the problem is (<c>observation.quantity.value</c>); empty for the whole line.</summary>
    public string Path { get; } = "";
}
