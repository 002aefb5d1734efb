using System.Globalization;

namespace PodConformance.Model.Tests.Support;

/// <summary>Runs a rendering under another culture, so a property can show its output does not depend on the machine's.</summary>
internal static class Cultures
{
    /// <summary><paramref name="f"/>'s result with <paramref name="name"/> as the current culture and UI culture, restored after.</summary>
    public static string InCulture(string name, Func<string> f)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return f();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
