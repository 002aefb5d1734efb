using PodConformance.Model.ContainerEnv;

namespace PodConformance.Cli.Output;

/// <summary><c>podconf env -o json</c>: the variables with their provenance, or the error; values masked unless revealed.</summary>
public static class EnvJson
{
    public static string Write(string ns, string pod, string container, EnvResult env, bool revealSecrets)
    {
        ArgumentNullException.ThrowIfNull(env);
        return Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("namespace", ns);
            w.WriteString("pod", pod);
            w.WriteString("container", container);
            if (env.OutcomeNotChecked)
            {
                // ENV-019: a fileKeyRef into a volume whose files were not given; its file may stop the container instead.
                w.WriteBoolean("outcomeNotChecked", true);
            }

            if (env.Error is { } error)
            {
                w.WriteStartObject("error");
                w.WriteString("reason", EnvError.Reason);
                w.WriteString("message", error.Message);
                w.WriteString("rule", error.Rule);
                w.WriteEndObject();
            }
            else
            {
                w.WriteStartArray("variables");
                foreach (var v in env.Variables)
                {
                    w.WriteStartObject();
                    w.WriteString("name", v.Name);
                    if (v.NotChecked)
                    {
                        // Never a value for what the model does not know (ENV-019).
                        w.WriteNull("value");
                        w.WriteBoolean("notChecked", true);
                    }
                    else
                    {
                        w.WriteString("value", v.Display(revealSecrets));
                    }

                    w.WriteString("source", SourceName(v.Source));
                    if (v.Origin.Length > 0)
                    {
                        w.WriteString("origin", v.Origin);
                    }

                    w.WriteBoolean("masked", v.Sensitive && !revealSecrets);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            WriteStrings(w, "warnings", env.Warnings);
            WriteStrings(w, "rules", env.Rules);
            w.WriteEndObject();
        });
    }

    /// <summary>The API's own spelling of each source (<c>configMapKeyRef</c> family), lower camel case.</summary>
    public static string SourceName(EnvSource source) => source switch
    {
        EnvSource.Value => "value",
        EnvSource.ConfigMap => "configMap",
        EnvSource.Secret => "secret",
        EnvSource.FieldRef => "fieldRef",
        EnvSource.ResourceFieldRef => "resourceFieldRef",
        EnvSource.Runtime => "runtime",
        EnvSource.File => "fileKeyRef",
        _ => "service",
    };

    private static void WriteStrings(System.Text.Json.Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string s in values)
        {
            w.WriteStringValue(s);
        }

        w.WriteEndArray();
    }
}
