using System.Globalization;
using System.Text;
using System.Xml;
using PodConformance.Model.Printing;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Reports;

/// <summary>
/// JUnit XML for CI test tabs: one testcase per property; a failure or unexpected pass is a <c>failure</c>, a skip
/// is <c>skipped</c>, an expected failure passes with a note. A testcase is named by its property ID (the title is a
/// testcase property), so CI history survives a title change. <c>time</c> is written only with <c>timings</c>
/// (<c>podconf run --junit</c> always asks for it).
/// </summary>
public static class JUnitReport
{
    public static string Render(RunReport run, bool timings = false)
    {
        ArgumentNullException.ThrowIfNull(run);
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false) };
        using (var sw = new Utf8StringWriter(sb))
        using (var w = XmlWriter.Create(sw, settings))
        {
            int failures = run.Count(Outcome.Failed) + run.Count(Outcome.UnexpectedPass);
            w.WriteStartElement("testsuites");
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", "podconf run " + Printable.Escape(run.Adapter));
            w.WriteAttributeString("tests", run.Results.Count.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("errors", "0");
            w.WriteAttributeString("skipped", run.Count(Outcome.Skipped).ToString(CultureInfo.InvariantCulture));
            w.WriteStartElement("properties");
            Property(w, "adapter", run.Adapter);
            Property(w, "kubernetesVersion", run.Profile.Version.ToString());
            Property(w, "featureGates", RunText.FeatureGates(run.Profile));
            Property(w, "seed", run.Options.Seed.ToString(CultureInfo.InvariantCulture));
            Property(w, "count", run.Options.Count.ToString(CultureInfo.InvariantCulture));
            if (run.Options.Repeat > 1)
            {
                Property(w, "repeat", run.Options.Repeat.ToString(CultureInfo.InvariantCulture));
            }

            if (run.Options.Shard is { } shard)
            {
                Property(w, "shard", shard.ToString());
            }
            w.WriteEndElement();
            foreach (var r in run.Results)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("classname", "podconf." + r.Property.Spec.Replace("spec/", "", StringComparison.Ordinal).Replace(".md", "", StringComparison.Ordinal));
                // The property ID alone: a stable name, so renaming a title keeps the CI history of the test.
                w.WriteAttributeString("name", r.Property.Id);
                if (timings)
                {
                    w.WriteAttributeString("time", r.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
                }

                w.WriteStartElement("properties");
                Property(w, "title", r.Property.Title);
                w.WriteEndElement();

                switch (r.Outcome)
                {
                    case Outcome.Failed or Outcome.UnexpectedPass:
                        w.WriteStartElement("failure");
                        w.WriteAttributeString("message", Message(r.Reason));
                        w.WriteAttributeString("type", RunText.OutcomeKey(r.Outcome));
                        w.WriteString(FailureText.Render(run, r));
                        w.WriteEndElement();
                        break;
                    case Outcome.Skipped:
                        w.WriteStartElement("skipped");
                        w.WriteAttributeString("message", Message(r.Reason));
                        w.WriteEndElement();
                        break;
                    case Outcome.ExpectedFailure:
                        w.WriteElementString("system-out", FailureText.Clean(r.Reason));
                        break;
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        return sb.ToString() + "\n";
    }

    /// <summary>An attribute value: one line, control characters escaped (XML 1.0 cannot carry most of them), shortened.</summary>
    private static string Message(string reason) => Printable.Shorten(Printable.Escape(reason), FailureText.LineLimit);

    private static void Property(XmlWriter w, string name, string value)
    {
        w.WriteStartElement("property");
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("value", Printable.Escape(value));
        w.WriteEndElement();
    }

    private sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
