using System.Text;

namespace PodConformance.Cli.Output;

/// <summary>
/// Tab-separated output. A field may hold any text (inputs are echoed as given), so backslash, tab, LF and
/// CR are escaped as <c>\\ \t \n \r</c>, which keeps one record per line.
/// </summary>
public static class Tsv
{
    public static string Escape(string field)
    {
        if (field.AsSpan().IndexOfAny("\\\t\n\r") < 0)
        {
            return field;
        }

        var sb = new StringBuilder(field.Length + 8);
        foreach (char c in field)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    public static void WriteRow(TextWriter writer, params string[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write('\t');
            }

            writer.Write(Escape(fields[i]));
        }

        writer.Write('\n');
    }
}
