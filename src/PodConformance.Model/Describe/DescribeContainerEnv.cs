using PodConformance.Model.Api;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Describe;

/// <summary>
/// describe.go <c>describeContainerEnvFrom</c> and <c>describeContainerEnvVars</c> (DESC-026). kubectl shows where a
/// value comes from, not the value: a fieldRef is resolved only for <c>metadata.name</c> and <c>metadata.namespace</c>
/// (kubectl's scheme has no field-label conversion for Pods, so <c>ConvertFieldLabel</c> refuses every other path and
/// the value prints empty), a resourceFieldRef from the container's own resources.
/// </summary>
internal sealed class DescribeContainerEnv(Pod pod)
{
    public void WriteEnvFrom(DescribeWriter w, Container c)
    {
        w.Write(DescribeWriter.Level2, "Environment Variables from:" + (c.EnvFrom.IsEmpty ? "\t<none>" : "") + "\n");
        foreach (var e in c.EnvFrom)
        {
            string from = "", name = "";
            bool optional = false;
            if (e.ConfigMapRef is { } cm)
            {
                (from, name, optional) = ("ConfigMap", cm.Name, cm.Optional == true);
            }
            else if (e.SecretRef is { } secret)
            {
                (from, name, optional) = ("Secret", secret.Name, secret.Optional == true);
            }

            string source = e.Prefix.Length == 0 ? from : from + " with prefix '" + e.Prefix + "'";
            w.Write(DescribeWriter.Level3, name + "\t" + source + "\tOptional: " + GoText.Bool(optional) + "\n");
        }
    }

    public void WriteEnv(DescribeWriter w, Container c)
    {
        w.Write(DescribeWriter.Level2, "Environment:" + (c.Env.IsEmpty ? "\t<none>" : "") + "\n");
        foreach (var e in c.Env)
        {
            if (e.ValueFrom is not { } from)
            {
                string[] lines = e.Value.Split('\n');
                w.Write(DescribeWriter.Level3, e.Name + ":\t" + lines[0] + "\n");
                for (int i = 1; i < lines.Length; i++)
                {
                    w.Write(DescribeWriter.Level3, "\t" + lines[i] + "\n");
                }

                continue;
            }

            if (from.FieldRef is { } field)
            {
                w.Write(DescribeWriter.Level3, e.Name + ":\t" + FieldValue(field) + " (" + field.ApiVersion + ":" + field.FieldPath + ")\n");
            }
            else if (from.ResourceFieldRef is { } resource)
            {
                string value = ResourceValue(resource, c);
                if (value == "0" && resource.Resource is "limits.cpu" or "limits.memory")
                {
                    value = "node allocatable";
                }

                w.Write(DescribeWriter.Level3, e.Name + ":\t" + value + " (" + resource.Resource + ")\n");
            }
            else if (from.SecretKeyRef is { } secret)
            {
                w.Write(DescribeWriter.Level3, e.Name + ":\t<set to the key '" + secret.Key + "' in secret '" + secret.Name + "'>\tOptional: " + GoText.Bool(secret.Optional == true) + "\n");
            }
            else if (from.ConfigMapKeyRef is { } cm)
            {
                w.Write(DescribeWriter.Level3, e.Name + ":\t<set to the key '" + cm.Key + "' of config map '" + cm.Name + "'>\tOptional: " + GoText.Bool(cm.Optional == true) + "\n");
            }

            // Any other source (fileKeyRef) matches no case of kubectl's switch: the variable is not printed at all.
        }
    }

    /// <summary>
    /// <c>EnvValueRetriever</c>: <c>schema.ParseGroupVersion</c> (more than one '/' fails), then the default field-label
    /// conversion (metadata.name, metadata.namespace only), then <c>fieldpath.ExtractFieldPathAsString</c>; any failure is "".
    /// </summary>
    private string FieldValue(ObjectFieldSelector field)
    {
        if (field.ApiVersion.Count(ch => ch == '/') > 1 && field.ApiVersion != "/")
        {
            return "";
        }

        return field.FieldPath switch
        {
            "metadata.name" => pod.Metadata.Name,
            "metadata.namespace" => pod.Metadata.Namespace,
            _ => "",
        };
    }

    /// <summary>
    /// kubectl <c>pkg/util/resource.ExtractContainerResourceValue</c> on the container holding the variable (its
    /// <c>containerName</c> is not consulted): ceil(value / divisor) in float64, cpu in millis; an unset or zero divisor is 1;
    /// an absent resource is 0; a resource it does not know is an error, printed as "".
    /// </summary>
    internal static string ResourceValue(ResourceFieldSelector selector, Container c)
    {
        var divisor = selector.Divisor is { Sign: not 0 } d ? d : Quantity.Parse("1");
        string r = selector.Resource;
        return r switch
        {
            "limits.cpu" => Ceil(Milli(c.Resources.Limits, "cpu"), divisor.MilliValue()),
            "requests.cpu" => Ceil(Milli(c.Resources.Requests, "cpu"), divisor.MilliValue()),
            "limits.memory" or "limits.ephemeral-storage" => Ceil(Whole(c.Resources.Limits, r["limits.".Length..]), divisor.Value()),
            "requests.memory" or "requests.ephemeral-storage" => Ceil(Whole(c.Resources.Requests, r["requests.".Length..]), divisor.Value()),
            _ when r.StartsWith("requests.hugepages-", StringComparison.Ordinal) => Ceil(Whole(c.Resources.Requests, r["requests.".Length..]), divisor.Value()),
            _ when r.StartsWith("limits.hugepages-", StringComparison.Ordinal) => Ceil(Whole(c.Resources.Limits, r["limits.".Length..]), divisor.Value()),
            _ => "",
        };
    }

    private static long Milli(Collections.ValueMap<Quantity> list, string name) => list.TryGetValue(name, out var q) ? q.MilliValue() : 0;

    private static long Whole(Collections.ValueMap<Quantity> list, string name) => list.TryGetValue(name, out var q) ? q.Value() : 0;

    private static string Ceil(long value, long divisor) => GoText.Int((long)Math.Ceiling((double)value / divisor));
}
