using System.Globalization;
using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>
/// The bad value of the two security errors whose value is a whole struct (VAL-201): the seccomp profile of
/// "can only be set when seccomp type is Localhost" and the container security context of the
/// allowPrivilegeEscalation errors. Fields are those of the internal (<c>pkg/apis/core</c>) types, in their order.
/// </summary>
/// <remarks>
/// Before 1.34 Go printed the struct with <c>%#v</c>, which shows each non-nil pointer as a heap address that changes
/// from run to run (<c>(*string)(0xc000a1b2c0)</c>); the model prints <see cref="PointerPlaceholder"/> instead, so
/// these two messages can match a real 1.28–1.33 server only up to the addresses. From 1.34 the value is
/// <c>json.Marshal</c>ed and fully determined.
/// </remarks>
public static class SecurityValueText
{
    /// <summary>Stands in for a Go heap address in <c>%#v</c> output.</summary>
    public const string PointerPlaceholder = "0xc000000000";

    private static readonly KubernetesVersion AppArmorProfileFieldSince = new(1, 30);

    public static RawJsonValue SeccompProfile(SeccompProfile sp, KubernetesVersion version)
    {
        var sb = new StringBuilder();
        if (version >= GoValueText.JsonValuesSince)
        {
            sb.Append("{\"Type\":");
            GoValueText.AppendJsonString(sb, sp.Type);
            sb.Append(",\"LocalhostProfile\":");
            AppendJsonStringOrNull(sb, sp.LocalhostProfile);
            sb.Append('}');
        }
        else
        {
            sb.Append("core.SeccompProfile{Type:");
            GoQuote.Append(sb, sp.Type);
            sb.Append(", LocalhostProfile:");
            AppendGoPointer(sb, "*string", sp.LocalhostProfile is not null);
            sb.Append('}');
        }

        return new RawJsonValue(sb.ToString());
    }

    public static RawJsonValue SecurityContext(SecurityContext sc, KubernetesVersion version)
    {
        var sb = new StringBuilder();
        if (version >= GoValueText.JsonValuesSince)
        {
            sb.Append("{\"Capabilities\":");
            if (sc.Capabilities is { } caps)
            {
                sb.Append("{\"Add\":");
                AppendJsonList(sb, caps.Add);
                sb.Append(",\"Drop\":");
                AppendJsonList(sb, caps.Drop);
                sb.Append('}');
            }
            else
            {
                sb.Append("null");
            }

            sb.Append(",\"Privileged\":");
            AppendJsonBool(sb, sc.Privileged);
            sb.Append(",\"SELinuxOptions\":");
            if (sc.SELinuxOptions is { } se)
            {
                sb.Append("{\"User\":");
                GoValueText.AppendJsonString(sb, se.User);
                sb.Append(",\"Role\":");
                GoValueText.AppendJsonString(sb, se.Role);
                sb.Append(",\"Type\":");
                GoValueText.AppendJsonString(sb, se.Type);
                sb.Append(",\"Level\":");
                GoValueText.AppendJsonString(sb, se.Level);
                sb.Append('}');
            }
            else
            {
                sb.Append("null");
            }

            sb.Append(",\"WindowsOptions\":");
            if (sc.WindowsOptions is { } w)
            {
                sb.Append("{\"GMSACredentialSpecName\":");
                AppendJsonStringOrNull(sb, w.GMSACredentialSpecName);
                sb.Append(",\"GMSACredentialSpec\":");
                AppendJsonStringOrNull(sb, w.GMSACredentialSpec);
                sb.Append(",\"RunAsUserName\":");
                AppendJsonStringOrNull(sb, w.RunAsUserName);
                sb.Append(",\"HostProcess\":");
                AppendJsonBool(sb, w.HostProcess);
                sb.Append('}');
            }
            else
            {
                sb.Append("null");
            }

            sb.Append(",\"RunAsUser\":");
            AppendJsonLong(sb, sc.RunAsUser);
            sb.Append(",\"RunAsGroup\":");
            AppendJsonLong(sb, sc.RunAsGroup);
            sb.Append(",\"RunAsNonRoot\":");
            AppendJsonBool(sb, sc.RunAsNonRoot);
            sb.Append(",\"ReadOnlyRootFilesystem\":");
            AppendJsonBool(sb, sc.ReadOnlyRootFilesystem);
            sb.Append(",\"AllowPrivilegeEscalation\":");
            AppendJsonBool(sb, sc.AllowPrivilegeEscalation);
            sb.Append(",\"ProcMount\":");
            AppendJsonStringOrNull(sb, sc.ProcMount);
            sb.Append(",\"SeccompProfile\":");
            AppendJsonProfile(sb, sc.SeccompProfile?.Type, sc.SeccompProfile?.LocalhostProfile, sc.SeccompProfile is not null);
            sb.Append(",\"AppArmorProfile\":");
            AppendJsonProfile(sb, sc.AppArmorProfile?.Type, sc.AppArmorProfile?.LocalhostProfile, sc.AppArmorProfile is not null);
            sb.Append('}');
        }
        else
        {
            sb.Append("core.SecurityContext{Capabilities:");
            AppendGoPointer(sb, "*core.Capabilities", sc.Capabilities is not null);
            sb.Append(", Privileged:");
            AppendGoPointer(sb, "*bool", sc.Privileged is not null);
            sb.Append(", SELinuxOptions:");
            AppendGoPointer(sb, "*core.SELinuxOptions", sc.SELinuxOptions is not null);
            sb.Append(", WindowsOptions:");
            AppendGoPointer(sb, "*core.WindowsSecurityContextOptions", sc.WindowsOptions is not null);
            sb.Append(", RunAsUser:");
            AppendGoPointer(sb, "*int64", sc.RunAsUser is not null);
            sb.Append(", RunAsGroup:");
            AppendGoPointer(sb, "*int64", sc.RunAsGroup is not null);
            sb.Append(", RunAsNonRoot:");
            AppendGoPointer(sb, "*bool", sc.RunAsNonRoot is not null);
            sb.Append(", ReadOnlyRootFilesystem:");
            AppendGoPointer(sb, "*bool", sc.ReadOnlyRootFilesystem is not null);
            sb.Append(", AllowPrivilegeEscalation:");
            AppendGoPointer(sb, "*bool", sc.AllowPrivilegeEscalation is not null);
            sb.Append(", ProcMount:");
            AppendGoPointer(sb, "*core.ProcMountType", sc.ProcMount is not null);
            sb.Append(", SeccompProfile:");
            AppendGoPointer(sb, "*core.SeccompProfile", sc.SeccompProfile is not null);
            if (version >= AppArmorProfileFieldSince)
            {
                sb.Append(", AppArmorProfile:");
                AppendGoPointer(sb, "*core.AppArmorProfile", sc.AppArmorProfile is not null);
            }

            sb.Append('}');
        }

        return new RawJsonValue(sb.ToString());
    }

    private static void AppendGoPointer(StringBuilder sb, string type, bool set) =>
        sb.Append('(').Append(type).Append(")(").Append(set ? PointerPlaceholder : "nil").Append(')');

    private static void AppendJsonStringOrNull(StringBuilder sb, string? s)
    {
        if (s is null)
        {
            sb.Append("null");
        }
        else
        {
            GoValueText.AppendJsonString(sb, s);
        }
    }

    private static void AppendJsonBool(StringBuilder sb, bool? b) => sb.Append(b switch { null => "null", true => "true", false => "false" });

    private static void AppendJsonLong(StringBuilder sb, long? v) =>
        sb.Append(v is long n ? n.ToString(CultureInfo.InvariantCulture) : "null");

    /// <summary>A nil Go slice marshals as <c>null</c>; the model cannot tell an empty list from an absent one and prints null.</summary>
    private static void AppendJsonList(StringBuilder sb, ValueList<string> items)
    {
        if (items.IsEmpty)
        {
            sb.Append("null");
            return;
        }

        sb.Append('[');
        var span = items.AsSpan();
        for (int i = 0; i < span.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            GoValueText.AppendJsonString(sb, span[i]);
        }

        sb.Append(']');
    }

    private static void AppendJsonProfile(StringBuilder sb, string? type, string? localhost, bool set)
    {
        if (!set)
        {
            sb.Append("null");
            return;
        }

        sb.Append("{\"Type\":");
        GoValueText.AppendJsonString(sb, type ?? "");
        sb.Append(",\"LocalhostProfile\":");
        AppendJsonStringOrNull(sb, localhost);
        sb.Append('}');
    }
}
