namespace PodConformance.Model.Validation;

/// <summary>Go's <c>net</c> helpers that validation depends on.</summary>
public static class GoNet
{
    /// <summary>
    /// Whether <c>net.SplitHostPort(hostport)</c> returns no error: a last ':' must exist; a bracketed host must close
    /// with ']' right before that last ':'; an unbracketed host may not contain ':'; no stray '[' or ']'. The port may
    /// be empty and is not parsed.
    /// </summary>
    public static bool SplitsAsHostPort(string hostport)
    {
        int i = hostport.LastIndexOf(':');
        if (i < 0)
        {
            return false;
        }

        int j = 0, k = 0;
        if (hostport[0] == '[')
        {
            int end = hostport.IndexOf(']', StringComparison.Ordinal);
            if (end < 0 || end + 1 != i)
            {
                // Missing ']', nothing after it, a ':' that is not the last one, or no ':' right after it.
                return false;
            }

            j = 1;
            k = end + 1;
        }
        else if (hostport.AsSpan(0, i).IndexOf(':') >= 0)
        {
            return false;
        }

        return hostport.AsSpan(j).IndexOf('[') < 0 && hostport.AsSpan(k).IndexOf(']') < 0;
    }
}
