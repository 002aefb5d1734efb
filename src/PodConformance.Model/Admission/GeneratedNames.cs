using System.Text;

namespace PodConformance.Model.Admission;

/// <summary>
/// Names the API server makes up with <c>names.SimpleNameGenerator</c>: the base (cut to 58 bytes) and five characters
/// from apimachinery's <c>utilrand</c> alphabet <c>bcdfghjklmnpqrstvwxz2456789</c> (ADM-003). The API server draws them
/// at random; the model derives them from a seed string with FNV-1a, so the same pod always gets the same name.
/// </summary>
public static class GeneratedNames
{
    /// <summary>apimachinery pkg/util/rand <c>alphanums</c>: no vowels, no 0/1/3.</summary>
    public const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>storage/names <c>MaxGeneratedNameLength</c>: 63 − 5.</summary>
    public const int MaxBaseBytes = 58;

    public const int SuffixLength = 5;

    /// <summary><paramref name="prefix"/> (cut to 58 bytes, as Go slices the string) plus the five-character suffix of <paramref name="seed"/>.</summary>
    public static string Generate(string prefix, string seed)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(seed);
        return Truncate(prefix) + Suffix(seed);
    }

    /// <summary>The five characters the model uses where the API server would draw random ones.</summary>
    public static string Suffix(string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ulong h = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(seed))
        {
            h = unchecked((h ^ b) * 1099511628211UL);
        }

        Span<char> chars = stackalloc char[SuffixLength];
        for (int i = 0; i < SuffixLength; i++)
        {
            chars[i] = Alphabet[(int)(h % (ulong)Alphabet.Length)];
            h /= (ulong)Alphabet.Length;
        }

        return new string(chars);
    }

    private static string Truncate(string prefix)
    {
        if (Encoding.UTF8.GetByteCount(prefix) <= MaxBaseBytes)
        {
            return prefix;
        }

        // Go's base[:58] cuts bytes; a cut inside a character leaves invalid UTF-8, which the model spells as U+FFFD.
        byte[] bytes = Encoding.UTF8.GetBytes(prefix);
        return Encoding.UTF8.GetString(bytes, 0, MaxBaseBytes);
    }
}
