using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>validatePodDNSConfig and ValidateHostAliases (spec/validation.md VAL-330…332).</summary>
public static partial class PodValidator
{
    /// <summary>Release from which IP errors come from apimachinery's IsValidIP, with the indexed hostAliases paths.</summary>
    private static readonly KubernetesVersion IpValidationWithExampleSince = new(1, 30);

    /// <summary>Release from which IP fields go through IsValidIPForLegacyField (strict checks under StrictIPCIDRValidation).</summary>
    private static readonly KubernetesVersion LegacyIpFieldValidationSince = new(1, 33);

    /// <summary>Release that added RelaxedDNSSearchValidation (alpha).</summary>
    private static readonly KubernetesVersion RelaxedDnsSearchSince = new(1, 32);

    private const int MaxDnsNameservers = 3;
    private const int MaxDnsSearchPaths = 32;
    private const int MaxDnsSearchListChars = 2048;

    /// <summary>
    /// VAL-330: with dnsPolicy None a dnsConfig with at least one nameserver is required (and nothing else is checked
    /// when it is missing); otherwise at most 3 nameservers, each an IP (VAL-332); at most 32 search paths and 2048
    /// bytes joined by spaces, each (less one trailing dot) a DNS subdomain — with RelaxedDNSSearchValidation a
    /// subdomain that may contain '_', and "." alone is accepted; every option named.
    /// </summary>
    private static void ValidatePodDnsConfig(Context ctx, PodDNSConfig? config, string dnsPolicy, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.DnsConfig);
        if (string.Equals(dnsPolicy, "None", StringComparison.Ordinal))
        {
            if (config is null)
            {
                ctx.Add(FieldError.Required(path, "must provide `dnsConfig` when `dnsPolicy` is None"));
                return;
            }

            if (config.Nameservers.IsEmpty)
            {
                ctx.Add(FieldError.Required(path.Child("nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None"));
                return;
            }
        }

        if (config is null)
        {
            return;
        }

        var nsPath = path.Child("nameservers");
        if (config.Nameservers.Count > MaxDnsNameservers)
        {
            ctx.Add(FieldError.Invalid(nsPath, GoValues.StringSlice(config.Nameservers, ctx.Version), "must not have more than 3 nameservers"));
        }

        for (int i = 0; i < config.Nameservers.Count; i++)
        {
            ValidateLegacyIp(ctx, config.Nameservers[i], nsPath.Index(i));
        }

        var searches = config.Searches;
        var searchPath = path.Child("searches");
        if (searches.Count > MaxDnsSearchPaths)
        {
            ctx.Add(FieldError.Invalid(searchPath, GoValues.StringSlice(searches, ctx.Version), "must not have more than 32 search paths"));
        }

        int joined = searches.IsEmpty ? 0 : searches.Count - 1;
        foreach (string s in searches)
        {
            joined += System.Text.Encoding.UTF8.GetByteCount(s);
        }

        if (joined > MaxDnsSearchListChars)
        {
            ctx.Add(FieldError.Invalid(searchPath, GoValues.StringSlice(searches, ctx.Version), "must not have more than 2048 characters (including spaces) in the search list"));
        }

        bool relaxed = searches.IsEmpty ? false : ctx.Version >= RelaxedDnsSearchSince && ctx.Profile.IsEnabled(FeatureGateNames.RelaxedDNSSearchValidation);
        for (int i = 0; i < searches.Count; i++)
        {
            string search = searches[i];
            if (relaxed && string.Equals(search, ".", StringComparison.Ordinal))
            {
                continue;
            }

            if (search.EndsWith('.'))
            {
                search = search[..^1];
            }

            var msgs = relaxed ? NameRules.Dns1123SubdomainWithUnderscore(search, ctx.Version) : NameRules.Dns1123Subdomain(search);
            foreach (string msg in msgs)
            {
                ctx.Add(FieldError.Invalid(searchPath.Index(i), search, msg));
            }
        }

        for (int i = 0; i < config.Options.Count; i++)
        {
            if (config.Options[i].Name.Length == 0)
            {
                ctx.Add(FieldError.Required(path.Child("options").Index(i), "must not be empty"));
            }
        }
    }

    /// <summary>
    /// ValidateHostAliases (VAL-331): each ip a legacy IP (VAL-332), each hostname a DNS subdomain. Before 1.30 the
    /// paths were not indexed (<c>spec.hostAliases.ip</c>, <c>spec.hostAliases.hostnames</c>).
    /// </summary>
    private static void ValidateHostAliases(Context ctx, ValueList<HostAlias> aliases, FieldPath path)
    {
        if (aliases.IsEmpty)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.HostAliases);
        bool indexed = ctx.Version >= IpValidationWithExampleSince;
        for (int i = 0; i < aliases.Count; i++)
        {
            var alias = aliases[i];
            var item = indexed ? path.Index(i) : path;
            ValidateLegacyIp(ctx, alias.IP, item.Child("ip"));
            var hostnamesPath = item.Child("hostnames");
            for (int j = 0; j < alias.Hostnames.Count; j++)
            {
                string hostname = alias.Hostnames[j];
                foreach (string msg in NameRules.Dns1123Subdomain(hostname))
                {
                    ctx.Add(FieldError.Invalid(indexed ? hostnamesPath.Index(j) : hostnamesPath, hostname, msg));
                }
            }
        }
    }

    /// <summary>
    /// VAL-332: 1.28–1.29 <c>must be valid IP address</c>; 1.30–1.32 IsValidIP's <c>must be a valid IP address, (e.g.
    /// 10.9.8.7 or 2001:db8::ffff)</c>; from 1.33 IsValidIPForLegacyField, which with StrictIPCIDRValidation also refuses
    /// leading zeros and IPv4-mapped IPv6 addresses.
    /// </summary>
    private static void ValidateLegacyIp(Context ctx, string value, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.IpAddress);
        var parsed = IpAddress.ParseSloppy(value);
        if (!parsed.Valid)
        {
            ctx.Add(FieldError.Invalid(path, value, ctx.Version >= IpValidationWithExampleSince
                ? "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"
                : "must be valid IP address"));
            return;
        }

        if ((parsed.HasLeadingZeros || parsed.IsIPv4MappedIPv6) && ctx.Version >= LegacyIpFieldValidationSince
            && ctx.Profile.IsEnabled(FeatureGateNames.StrictIPCIDRValidation))
        {
            if (parsed.HasLeadingZeros)
            {
                ctx.Add(FieldError.Invalid(path, value, "must not have leading 0s"));
            }
            else
            {
                ctx.Add(FieldError.Invalid(path, value, "must not be an IPv4-mapped IPv6 address"));
            }
        }
    }
}
