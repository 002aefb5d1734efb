using System.Text.Json;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Collections;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// A pod case's ServiceAccounts on the wire, <c>objects.serviceAccounts</c> (PROTO-015, added within v1 in session 15): a
/// list, each account as <c>name</c> and <c>annotations</c> (its <c>metadata.name</c> and <c>metadata.annotations</c>) beside
/// core/v1 ServiceAccount's own fields the ServiceAccount admission plugin reads (<c>automountServiceAccountToken</c>,
/// <c>secrets</c>, <c>imagePullSecrets</c>, each reference as <c>{"name"}</c>), so an adapter that creates the account on a
/// cluster moves two members into its metadata. The accounts are all of the pod's namespace's (ADM-031) besides its
/// <c>default</c> one, which is bare unless listed; no namespace is sent, and reading puts them in the pod's (ADM-002's
/// <c>default</c> for an empty one).
/// </summary>
/// <remarks>
/// Written as Go's <c>omitempty</c> writes the API object: <c>automountServiceAccountToken</c> only when set (a pointer: false
/// is written), the lists and the annotations only when not empty. Read strictly: a reference is its <c>name</c> alone (the
/// plugin reads no other field of an ObjectReference), and any member the plugin does not read is refused with its path.
/// </remarks>
internal static class ServiceAccountsJson
{
    public static void Write(Utf8JsonWriter w, ValueList<ServiceAccount> accounts)
    {
        w.WriteStartArray("serviceAccounts");
        foreach (var sa in accounts)
        {
            w.WriteStartObject();
            w.WriteString("name", sa.Name);
            if (!sa.Annotations.IsEmpty)
            {
                w.WriteStartObject("annotations");
                foreach (var (k, v) in sa.Annotations)
                {
                    w.WriteString(k, v);
                }

                w.WriteEndObject();
            }

            if (sa.AutomountServiceAccountToken is bool automount)
            {
                w.WriteBoolean("automountServiceAccountToken", automount);
            }

            References(w, "secrets", sa.Secrets);
            References(w, "imagePullSecrets", sa.ImagePullSecrets);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void References(Utf8JsonWriter w, string name, ValueList<string> names)
    {
        if (names.IsEmpty)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (string n in names)
        {
            w.WriteStartObject();
            w.WriteString("name", n);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>
    /// The accounts, strictly: unknown members and wrong types fail with their path. Their namespace is the pod's, set when the
    /// case is made (<see cref="CaseObjects.Case"/>).
    /// </summary>
    public static ValueList<ServiceAccount> Read(JsonElement? e, string path) => StrictJson.List(e, path, ReadAccount);

    private static ServiceAccount ReadAccount(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        bool? automount = o.Optional("automountServiceAccountToken") is { } a ? StrictJson.Bool(a, o.Child("automountServiceAccountToken")) : null;
        var sa = new ServiceAccount
        {
            Name = o.RequiredString("name"),
            Annotations = StrictJson.StringMap(o.Optional("annotations"), o.Child("annotations")),
            AutomountServiceAccountToken = automount,
            Secrets = StrictJson.List(o.Optional("secrets"), o.Child("secrets"), ReadReference),
            ImagePullSecrets = StrictJson.List(o.Optional("imagePullSecrets"), o.Child("imagePullSecrets"), ReadReference),
        };
        o.RejectUnknown();
        return sa;
    }

    private static string ReadReference(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        string name = o.RequiredString("name");
        o.RejectUnknown();
        return name;
    }
}
