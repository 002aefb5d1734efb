using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PodConformance.Cli.Output;

/// <summary>Deterministic, indented JSON with LF line ends and no needless escaping.</summary>
public static class Json
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
