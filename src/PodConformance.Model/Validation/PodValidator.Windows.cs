using System.Text;
using PodConformance.Model.Api;

namespace PodConformance.Model.Validation;

/// <summary>
/// Windows settings: <c>validateWindowsSecurityContextOptions</c> (VAL-207) and <c>validateWindowsHostProcessPod</c>
/// (VAL-214) of kubernetes pkg/apis/core/validation/validation.go.
/// </summary>
public static partial class PodValidator
{
    private const int MaxGmsaCredentialSpecLength = 64 * 1024;
    private const int MaxRunAsUserNameDomainLength = 256;
    private const int MaxRunAsUserNameUserLength = 104;

    private static void ValidateWindowsOptions(Context ctx, WindowsSecurityContextOptions? options, FieldPath path)
    {
        if (options is null)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.WindowsOptions);
        if (options.GMSACredentialSpecName is { } specName)
        {
            foreach (string msg in NameRules.Dns1123Subdomain(specName))
            {
                ctx.Add(FieldError.Invalid(path.Child("gmsaCredentialSpecName"), GoValueText.NamedString(specName, ctx.Version), msg));
            }
        }

        if (options.GMSACredentialSpec is { } spec)
        {
            int length = Encoding.UTF8.GetByteCount(spec);
            if (length == 0)
            {
                ctx.Add(FieldError.Invalid(path.Child("gmsaCredentialSpec"), GoValueText.NamedString(spec, ctx.Version), "gmsaCredentialSpec cannot be an empty string"));
            }
            else if (length > MaxGmsaCredentialSpecLength)
            {
                ctx.Add(FieldError.Invalid(path.Child("gmsaCredentialSpec"), GoValueText.NamedString(spec, ctx.Version), "gmsaCredentialSpec size must be under 64 KiB"));
            }
        }

        if (options.RunAsUserName is { } userName)
        {
            foreach (string msg in RunAsUserNameErrors(userName))
            {
                ctx.Add(FieldError.Invalid(path.Child("runAsUserName"), GoValueText.NamedString(userName, ctx.Version), msg));
            }
        }
    }

    /// <summary>
    /// runAsUserName: empty, control characters, more than one backslash stop the checks; otherwise the optional
    /// <c>DOMAIN\</c> part (length, NetBios or DNS form) and the user part (empty or too long, only dots/spaces,
    /// forbidden characters) are each reported. Lengths are in bytes, NetBios in runes, as in Go.
    /// </summary>
    private static List<string> RunAsUserNameErrors(string name)
    {
        var errors = new List<string>(1);
        if (name.Length == 0)
        {
            errors.Add("runAsUserName cannot be an empty string");
            return errors;
        }

        foreach (char c in name)
        {
            if (c < 0x20 || c == 0x7F)
            {
                errors.Add("runAsUserName cannot contain control characters");
                return errors;
            }
        }

        int first = name.IndexOf('\\', StringComparison.Ordinal);
        if (first >= 0 && name.IndexOf('\\', first + 1) >= 0)
        {
            errors.Add("runAsUserName cannot contain more than one backslash");
            return errors;
        }

        bool hasDomain = first >= 0;
        string domain = hasDomain ? name[..first] : "";
        string user = hasDomain ? name[(first + 1)..] : name;

        if (Encoding.UTF8.GetByteCount(domain) >= MaxRunAsUserNameDomainLength)
        {
            errors.Add("runAsUserName's Domain length must be under 256 characters");
        }

        if (hasDomain && !(IsNetBiosDomain(domain) || IsDnsDomain(domain)))
        {
            errors.Add("runAsUserName's Domain doesn't match the NetBios nor the DNS format");
        }

        int userBytes = Encoding.UTF8.GetByteCount(user);
        if (userBytes == 0)
        {
            errors.Add("runAsUserName's User cannot be empty");
        }
        else if (userBytes > MaxRunAsUserNameUserLength)
        {
            errors.Add("runAsUserName's User length must not be longer than 104 characters");
        }

        if (IsOnlyDotsAndSpaces(user))
        {
            errors.Add("runAsUserName's User cannot contain only periods or spaces");
        }

        if (user.AsSpan().IndexOfAny("\"/\\:;|=,+*?<>@[]") >= 0)
        {
            errors.Add("runAsUserName's User cannot contain the following characters: \"/\\:;|=,+*?<>@[]");
        }

        return errors;
    }

    /// <summary><c>^[^\\/:\*\?"&lt;&gt;|\.][^\\/:\*\?"&lt;&gt;|]{0,14}$</c>: 1–15 runes, no forbidden character, no leading dot.</summary>
    private static bool IsNetBiosDomain(string domain)
    {
        int runes = 0;
        foreach (var r in domain.EnumerateRunes())
        {
            if (r.Value is '\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || (runes == 0 && r.Value == '.'))
            {
                return false;
            }

            runes++;
        }

        return runes is >= 1 and <= 15;
    }

    /// <summary>Dot-separated labels of 1–63 ASCII letters, digits or '-', starting and ending alphanumeric.</summary>
    private static bool IsDnsDomain(string domain)
    {
        int start = 0;
        for (int i = 0; i <= domain.Length; i++)
        {
            if (i < domain.Length && domain[i] != '.')
            {
                char c = domain[i];
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }

                continue;
            }

            int length = i - start;
            if (length is < 1 or > 63 || !char.IsAsciiLetterOrDigit(domain[start]) || !char.IsAsciiLetterOrDigit(domain[i - 1]))
            {
                return false;
            }

            start = i + 1;
        }

        return true;
    }

    private static bool IsOnlyDotsAndSpaces(string user)
    {
        if (user.Length == 0)
        {
            return false;
        }

        foreach (char c in user)
        {
            if (c is not ('.' or ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// validateWindowsHostProcessPod: a container's hostProcess may not contradict the pod's; if any container (init,
    /// regular, ephemeral — explicitly or inherited) is a host-process container, all must be, and hostNetwork must be
    /// true. The "disallowed by cluster policy" error needs an API server without --allow-privileged, which the model
    /// is not (VAL-211).
    /// </summary>
    private static void ValidateWindowsHostProcessPod(Context ctx, PodSpec spec)
    {
        bool? podHostProcess = spec.SecurityContext?.WindowsOptions?.HostProcess;
        if (podHostProcess is null && !AnyContainerHostProcessSet(spec))
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.WindowsHostProcess);
        int containers = 0;
        int hostProcessContainers = 0;
        Visit(ctx, spec.InitContainers, SpecInitContainersPath, podHostProcess, ref containers, ref hostProcessContainers);
        Visit(ctx, spec.Containers, SpecContainersPath, podHostProcess, ref containers, ref hostProcessContainers);
        Visit(ctx, spec.EphemeralContainers, SpecEphemeralContainersPath, podHostProcess, ref containers, ref hostProcessContainers);

        if (hostProcessContainers > 0)
        {
            if (hostProcessContainers != containers)
            {
                ctx.Add(FieldError.Invalid(SpecPath, "", "If pod contains any hostProcess containers then all containers must be HostProcess containers"));
            }

            if (!spec.HostNetwork)
            {
                ctx.Add(FieldError.Invalid(SpecPath.Child("hostNetwork"), false, "hostNetwork must be true if pod contains any hostProcess containers"));
            }
        }

        static void Visit(Context ctx, Collections.ValueList<Container> list, FieldPath listPath, bool? podHostProcess, ref int containers, ref int hostProcessContainers)
        {
            for (int i = 0; i < list.Count; i++)
            {
                containers++;
                bool? own = list[i].SecurityContext?.WindowsOptions?.HostProcess;
                if (podHostProcess is bool pod && own is bool mine && pod != mine)
                {
                    ctx.Add(FieldError.Invalid(listPath.Index(i).Child("securityContext").Child("windowsOptions").Child("hostProcess"), mine,
                        "pod hostProcess value must be identical if both are specified, was " + (pod ? "true" : "false")));
                }

                if (own == true || (own is null && podHostProcess == true))
                {
                    hostProcessContainers++;
                }
            }
        }
    }

    private static bool AnyContainerHostProcessSet(PodSpec spec) =>
        AnyHostProcess(spec.InitContainers) || AnyHostProcess(spec.Containers) || AnyHostProcess(spec.EphemeralContainers);

    private static bool AnyHostProcess(Collections.ValueList<Container> list)
    {
        foreach (var c in list.AsSpan())
        {
            if (c.SecurityContext?.WindowsOptions?.HostProcess is not null)
            {
                return true;
            }
        }

        return false;
    }
}
