using System.Globalization;
using System.Text;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>
/// How apimachinery's <c>field.Error.ErrorBody()</c> prints a bad value that is not a plain <c>string</c>, <c>int32</c>,
/// <c>int64</c> or <c>bool</c> (VAL-201): up to 1.33 it dereferences a pointer and prints the value with Go's <c>%#v</c>;
/// from 1.34 (apimachinery v0.34.0) it prints <c>json.Marshal</c> of the value. A named string type
/// (<c>HostPathType</c>, <c>MountPropagationMode</c>, …) is such a value: <c>%#v</c> quotes it as <c>%q</c> does, JSON
/// quotes it with HTML-safe escapes.
/// </summary>
internal static class GoValues
{
    /// <summary>apimachinery v0.34.0 replaced the reflect/<c>%#v</c> rendering with <c>json.Marshal</c>.</summary>
    public static KubernetesVersion JsonRenderingSince => GoValueText.JsonValuesSince;

    /// <summary>A value of a Go named string type (or a pointer to one).</summary>
    public static object NamedString(string value, KubernetesVersion version) => GoValueText.NamedString(value, version);

    /// <summary>A <c>[]string</c>: <c>[]string{"a", "b"}</c> up to 1.33, <c>["a","b"]</c> after (empty: <c>[]string{}</c> / <c>[]</c>).</summary>
    public static RawJsonValue StringSlice(ValueList<string> values, KubernetesVersion version)
    {
        var sb = new StringBuilder();
        bool json = version >= JsonRenderingSince;
        sb.Append(json ? "[" : "[]string{");
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(json ? "," : ", ");
            }

            if (json)
            {
                AppendJsonString(sb, values[i]);
            }
            else
            {
                GoQuote.Append(sb, values[i]);
            }
        }

        return new RawJsonValue(sb.Append(json ? "]" : "}").ToString());
    }

    /// <summary>
    /// A <c>[]core.ContainerResizePolicy</c> (init container resizePolicy, 1.28–1.32): <c>%#v</c> up to 1.33,
    /// <c>[]core.ContainerResizePolicy{core.ContainerResizePolicy{ResourceName:"cpu", RestartPolicy:"NotRequired"}}</c>
    /// (the internal struct's two fields, in types.go's order); its JSON after, for completeness.
    /// </summary>
    public static RawJsonValue ResizePolicies(ValueList<Api.ContainerResizePolicy> policies, KubernetesVersion version)
    {
        bool json = version >= JsonRenderingSince;
        var sb = new StringBuilder(json ? "[" : "[]core.ContainerResizePolicy{");
        for (int i = 0; i < policies.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(json ? "," : ", ");
            }

            var p = policies[i];
            if (json)
            {
                sb.Append("{\"ResourceName\":");
                AppendJsonString(sb, p.ResourceName);
                sb.Append(",\"RestartPolicy\":");
                AppendJsonString(sb, p.RestartPolicy);
            }
            else
            {
                sb.Append("core.ContainerResizePolicy{ResourceName:");
                GoQuote.Append(sb, p.ResourceName);
                sb.Append(", RestartPolicy:");
                GoQuote.Append(sb, p.RestartPolicy);
            }

            sb.Append('}');
        }

        return new RawJsonValue(sb.Append(json ? "]" : "}").ToString());
    }

    /// <summary>
    /// A <c>*field.Path</c> used as a bad value (PVC dataSource checks): up to 1.33 <c>%#v</c> of the struct, which
    /// includes the parent pointer's address and so cannot be reproduced (the model prints <c>0xc000000000</c>); from
    /// 1.34 <c>json.Marshal</c> of a struct with only unexported fields, <c>{}</c>.
    /// </summary>
    public static RawJsonValue FieldPathValue(string name, KubernetesVersion version) =>
        new(version >= JsonRenderingSince ? "{}" : "field.Path{name:" + GoQuote.Quote(name) + ", index:\"\", parent:(*field.Path)(0xc000000000)}");

    /// <summary>A <c>*metav1.LabelSelector</c>: <c>%#v</c> of the struct up to 1.33, its JSON (omitempty fields) after.</summary>
    public static RawJsonValue LabelSelector(Api.LabelSelector selector, KubernetesVersion version)
    {
        var sb = new StringBuilder();
        if (version >= JsonRenderingSince)
        {
            AppendJsonSelector(sb, selector);
            return new RawJsonValue(sb.ToString());
        }

        AppendGoSelector(sb, selector);
        return new RawJsonValue(sb.ToString());
    }

    /// <summary>
    /// The internal <c>*core.ClusterTrustBundleProjection</c> (no json tags, so Go field names): from 1.34 its JSON; up to
    /// 1.33 <c>%#v</c>, whose pointer fields print as addresses that cannot be reproduced (the model prints
    /// <c>0xc000000000</c>). The 1.37 <c>User</c> field's place in the internal struct is <b>unverified</b>.
    /// </summary>
    public static RawJsonValue ClusterTrustBundle(Api.ClusterTrustBundleProjection ctb, KubernetesVersion version)
    {
        var sb = new StringBuilder();
        if (version >= JsonRenderingSince)
        {
            sb.Append("{\"Name\":");
            AppendJsonStringOrNull(sb, ctb.Name);
            sb.Append(",\"SignerName\":");
            AppendJsonStringOrNull(sb, ctb.SignerName);
            sb.Append(",\"LabelSelector\":");
            if (ctb.LabelSelector is { } selector)
            {
                AppendJsonSelector(sb, selector);
            }
            else
            {
                sb.Append("null");
            }

            sb.Append(",\"Optional\":").Append(ctb.Optional is bool b ? (b ? "true" : "false") : "null");
            sb.Append(",\"Path\":");
            AppendJsonString(sb, ctb.Path);
            if (version >= new KubernetesVersion(1, 37))
            {
                sb.Append(",\"User\":").Append(ctb.User is long u ? u.ToString(CultureInfo.InvariantCulture) : "null");
            }

            return new RawJsonValue(sb.Append('}').ToString());
        }

        const string address = "0xc000000000";
        sb.Append("core.ClusterTrustBundleProjection{Name:");
        sb.Append(ctb.Name is null ? "(*string)(nil)" : "(*string)(" + address + ")");
        sb.Append(", SignerName:").Append(ctb.SignerName is null ? "(*string)(nil)" : "(*string)(" + address + ")");
        sb.Append(", LabelSelector:").Append(ctb.LabelSelector is null ? "(*v1.LabelSelector)(nil)" : "(*v1.LabelSelector)(" + address + ")");
        sb.Append(", Optional:").Append(ctb.Optional is null ? "(*bool)(nil)" : "(*bool)(" + address + ")");
        sb.Append(", Path:");
        GoQuote.Append(sb, ctb.Path);
        return new RawJsonValue(sb.Append('}').ToString());
    }

    private static void AppendJsonStringOrNull(StringBuilder sb, string? s)
    {
        if (s is null)
        {
            sb.Append("null");
        }
        else
        {
            AppendJsonString(sb, s);
        }
    }

    private static void AppendJsonSelector(StringBuilder sb, Api.LabelSelector selector)
    {
        sb.Append('{');
        bool first = true;
        if (!selector.MatchLabels.IsEmpty)
        {
            sb.Append("\"matchLabels\":{");
            bool firstLabel = true;
            foreach (var (k, v) in SortedOrdinal(selector.MatchLabels))
            {
                sb.Append(firstLabel ? "" : ",");
                firstLabel = false;
                AppendJsonString(sb, k);
                sb.Append(':');
                AppendJsonString(sb, v);
            }

            sb.Append('}');
            first = false;
        }

        if (!selector.MatchExpressions.IsEmpty)
        {
            sb.Append(first ? "" : ",").Append("\"matchExpressions\":[");
            for (int i = 0; i < selector.MatchExpressions.Count; i++)
            {
                var r = selector.MatchExpressions[i];
                sb.Append(i > 0 ? "," : "").Append("{\"key\":");
                AppendJsonString(sb, r.Key);
                sb.Append(",\"operator\":");
                AppendJsonString(sb, r.Operator);
                if (!r.Values.IsEmpty)
                {
                    sb.Append(",\"values\":[");
                    for (int j = 0; j < r.Values.Count; j++)
                    {
                        sb.Append(j > 0 ? "," : "");
                        AppendJsonString(sb, r.Values[j]);
                    }

                    sb.Append(']');
                }

                sb.Append('}');
            }

            sb.Append(']');
        }

        sb.Append('}');
    }

    /// <summary>Go's <c>%#v</c> of a metav1.LabelSelector (map keys sorted; an empty map or list prints as Go's nil one).</summary>
    private static void AppendGoSelector(StringBuilder sb, Api.LabelSelector selector)
    {
        sb.Append("v1.LabelSelector{MatchLabels:map[string]string");
        if (selector.MatchLabels.IsEmpty)
        {
            sb.Append("(nil)");
        }
        else
        {
            sb.Append('{');
            bool firstLabel = true;
            foreach (var (k, v) in SortedOrdinal(selector.MatchLabels))
            {
                sb.Append(firstLabel ? "" : ", ");
                firstLabel = false;
                GoQuote.Append(sb, k);
                sb.Append(':');
                GoQuote.Append(sb, v);
            }

            sb.Append('}');
        }

        sb.Append(", MatchExpressions:[]v1.LabelSelectorRequirement");
        if (selector.MatchExpressions.IsEmpty)
        {
            sb.Append("(nil)");
        }
        else
        {
            sb.Append('{');
            for (int i = 0; i < selector.MatchExpressions.Count; i++)
            {
                var r = selector.MatchExpressions[i];
                sb.Append(i > 0 ? ", " : "").Append("v1.LabelSelectorRequirement{Key:");
                GoQuote.Append(sb, r.Key);
                sb.Append(", Operator:");
                GoQuote.Append(sb, r.Operator);
                sb.Append(", Values:[]string");
                if (r.Values.IsEmpty)
                {
                    sb.Append("(nil)");
                }
                else
                {
                    sb.Append('{');
                    for (int j = 0; j < r.Values.Count; j++)
                    {
                        sb.Append(j > 0 ? ", " : "");
                        GoQuote.Append(sb, r.Values[j]);
                    }

                    sb.Append('}');
                }

                sb.Append('}');
            }

            sb.Append('}');
        }

        sb.Append('}');
    }

    private static List<KeyValuePair<string, string>> SortedOrdinal(ValueMap<string> map)
    {
        var list = new List<KeyValuePair<string, string>>(map.Count);
        foreach (var (k, v) in map)
        {
            list.Add(new KeyValuePair<string, string>(k, v));
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return list;
    }

    /// <summary>Go's <c>encoding/json</c> string encoding: the one implementation, <see cref="GoValueText"/>.</summary>
    public static string JsonString(string s) => GoValueText.JsonString(s);

    public static void AppendJsonString(StringBuilder sb, string s) => GoValueText.AppendJsonString(sb, s);
}
