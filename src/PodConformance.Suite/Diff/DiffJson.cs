using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Reports;

namespace PodConformance.Suite.Diff;

/// <summary><c>podconf diff -o json</c>: the same content as <see cref="DiffText"/>, for scripts; deterministic.</summary>
public static class DiffJson
{
    public static string Render(ReleaseDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("from", diff.From.ToString());
            w.WriteString("to", diff.To.ToString());
            w.WriteNumber("seed", diff.Seed);
            w.WriteNumber("casesPerProperty", diff.Count);
            w.WriteStartArray("featureGates");
            foreach (var g in diff.Gates)
            {
                w.WriteStartObject();
                w.WriteString("name", g.Name);
                w.WriteString("podRelevance", g.PodRelevance);
                Stage(w, "from", g.From, g.OnFrom);
                Stage(w, "to", g.To, g.OnTo);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("apiFields");
            foreach (var c in diff.Schema)
            {
                w.WriteStartObject();
                w.WriteString("field", c.Field);
                w.WriteString("path", c.Path);
                w.WriteStartArray("alsoAt");
                foreach (string other in c.AlsoAt)
                {
                    w.WriteStringValue(other);
                }

                w.WriteEndArray();
                w.WriteString("change", c.Kind.ToString());
                w.WriteString("from", c.From);
                w.WriteString("to", c.To);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("properties");
            foreach (var area in diff.Areas)
            {
                w.WriteStartObject();
                w.WriteString("id", area.Property.Id);
                w.WriteString("title", area.Property.Title);
                w.WriteString("spec", area.Property.Spec);
                if (area.NotSearched is { } why)
                {
                    w.WriteString("notSearched", why);
                }

                w.WriteNumber("casesTried", area.CasesTried);
                if (area.VariantsWalked > 0)
                {
                    w.WriteNumber("variantsWalked", area.VariantsWalked);
                    w.WriteNumber("variantCasesTried", area.VariantCasesTried);
                }

                // Drawn cases a release could not be given (its gates or its decoding refused them): not compared.
                w.WriteStartArray("notCompared");
                foreach (var r in area.Refused)
                {
                    w.WriteStartObject();
                    w.WriteString("release", r.Release);
                    w.WriteString("reason", r.Reason);
                    w.WriteNumber("cases", r.Cases);
                    w.WriteEndObject();
                }

                w.WriteEndArray();

                w.WriteStartArray("changes");
                foreach (var c in area.Changes)
                {
                    w.WriteStartObject();
                    if (c.Variant is { } variant)
                    {
                        w.WriteString("variant", variant);
                    }

                    w.WriteNumber("case", c.CaseIndex + 1);
                    w.WriteNumber("shrinks", c.Shrinks);
                    w.WriteString("signature", c.Signature);
                    w.WriteString("manifest", CaseText.Render(c.Case));
                    w.WriteStartObject("featureGates");
                    if (c.Case is PodCase p)
                    {
                        foreach (var (name, on) in p.Gates)
                        {
                            w.WriteBoolean(name, on);
                        }
                    }

                    w.WriteEndObject();
                    Lines(w, "droppedFrom", c.DroppedFrom);
                    Lines(w, "droppedTo", c.DroppedTo);
                    Lines(w, "from", c.From);
                    Lines(w, "to", c.To);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("gateChanges", diff.Gates.Count);
            w.WriteNumber("apiFieldChanges", diff.Schema.Count);
            w.WriteNumber("behaviourChanges", diff.ChangeCount);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Stage(Utf8JsonWriter w, string name, Model.Profiles.FeatureGateStage? stage, bool on)
    {
        w.WriteStartObject(name);
        w.WriteString("stage", stage is null ? "absent" : stage.Stage.ToString());
        w.WriteBoolean("enabled", on);
        w.WriteBoolean("locked", stage?.Locked ?? false);
        w.WriteEndObject();
    }

    private static void Lines(Utf8JsonWriter w, string name, IReadOnlyList<string> lines)
    {
        w.WriteStartArray(name);
        foreach (string l in lines)
        {
            w.WriteStringValue(l);
        }

        w.WriteEndArray();
    }
}
