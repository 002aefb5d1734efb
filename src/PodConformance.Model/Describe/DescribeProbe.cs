using System.Globalization;
using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Describe;

/// <summary>
/// describe.go <c>describeContainerProbe</c> and <c>DescribeProbe</c> (DESC-025): Liveness, Readiness, Startup, each
/// <c>ACTION delay=Ns timeout=Ns period=Ns THRESHOLDS</c>; the thresholds read <c>#success=N #failure=N</c> up to kubectl
/// 1.36 and <c>successThreshold=N failureThreshold=N</c> from 1.37.
/// </summary>
internal static class DescribeProbe
{
    public static void WriteAll(DescribeWriter w, Container c, Profile kubectl)
    {
        if (c.LivenessProbe is { } liveness)
        {
            w.Write(DescribeWriter.Level2, "Liveness:\t" + Describe(liveness, kubectl) + "\n");
        }

        if (c.ReadinessProbe is { } readiness)
        {
            w.Write(DescribeWriter.Level2, "Readiness:\t" + Describe(readiness, kubectl) + "\n");
        }

        if (c.StartupProbe is { } startup)
        {
            w.Write(DescribeWriter.Level2, "Startup:\t" + Describe(startup, kubectl) + "\n");
        }
    }

    public static string Describe(Probe probe, Profile kubectl)
    {
        bool named = kubectl.Version >= new KubernetesVersion(1, 37);
        string attrs = string.Create(CultureInfo.InvariantCulture,
            $"delay={probe.InitialDelaySeconds}s timeout={probe.TimeoutSeconds}s period={probe.PeriodSeconds}s ")
            + (named
                ? string.Create(CultureInfo.InvariantCulture, $"successThreshold={probe.SuccessThreshold} failureThreshold={probe.FailureThreshold}")
                : string.Create(CultureInfo.InvariantCulture, $"#success={probe.SuccessThreshold} #failure={probe.FailureThreshold}"));
        var h = probe.Handler;
        if (h.ExecCommand is { } command)
        {
            return "exec " + GoText.Slice(command) + " " + attrs;
        }

        if (h.HttpGet is { } get)
        {
            return "http-get " + HttpUrl(get) + " " + attrs;
        }

        if (h.TcpSocketPort is { } port)
        {
            // The model keeps a TCP probe's port only; its host is the API's default, empty (":PORT").
            return "tcp-socket :" + port + " " + attrs;
        }

        if (h.GrpcPort is { } grpcPort)
        {
            // The model has no gRPC service field: the defaulted service is "", which leaves two spaces.
            return "grpc <pod>:" + GoText.Int(grpcPort) + "  " + attrs;
        }

        return "unknown " + attrs;
    }

    /// <summary>
    /// The <c>url.URL{Scheme: lower(scheme), Host: JoinHostPort(host, port), Path}</c> describe builds, as Go's
    /// <c>URL.String</c> writes it: <c>http://:8080/healthz</c> for the common probe with no host.
    /// </summary>
    internal static string HttpUrl(HttpGetAction get)
    {
        string scheme = get.Scheme.ToLowerInvariant();
        string port = get.Port.ToString();
        string host = port.Length > 0 ? JoinHostPort(get.Host, port) : get.Host;
        var sb = new StringBuilder();
        if (scheme.Length > 0)
        {
            sb.Append(scheme).Append(':');
        }

        if (scheme.Length > 0 || host.Length > 0)
        {
            if (host.Length > 0 || get.Path.Length > 0)
            {
                sb.Append("//");
            }

            Escape(sb, host, pathMode: false);
        }

        if (get.Path.Length > 0 && get.Path[0] != '/' && host.Length > 0)
        {
            sb.Append('/');
        }

        Escape(sb, get.Path, pathMode: true);
        return sb.ToString();
    }

    /// <summary><c>net.JoinHostPort</c>: a host with a colon (IPv6) goes in brackets.</summary>
    private static string JoinHostPort(string host, string port) =>
        host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]:" + port : host + ":" + port;

    /// <summary>net/url's <c>escape</c> in encodePath or encodeHost mode (<c>shouldEscape</c>), bytes as %XX in upper case.</summary>
    private static void Escape(StringBuilder sb, string s, bool pathMode)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in s.EnumerateRunes())
        {
            if (rune.IsAscii && !ShouldEscape((char)rune.Value, pathMode))
            {
                sb.Append((char)rune.Value);
            }
            else if (!rune.IsAscii && !pathMode)
            {
                // encodeHost leaves bytes >= 0x80 alone: the character is written as it is.
                sb.Append(rune.ToString());
            }
            else
            {
                int n = rune.EncodeToUtf8(utf8);
                for (int i = 0; i < n; i++)
                {
                    sb.Append('%').Append(Hex[utf8[i] >> 4]).Append(Hex[utf8[i] & 15]);
                }
            }
        }
    }

    private const string Hex = "0123456789ABCDEF";

    private static bool ShouldEscape(char c, bool pathMode)
    {
        if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')
        {
            return false;
        }

        if (!pathMode)
        {
            return c is not ('!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '[' or ']' or '<' or '>' or '"');
        }

        return c is not ('$' or '&' or '+' or ',' or '/' or ':' or ';' or '=' or '@');
    }
}
