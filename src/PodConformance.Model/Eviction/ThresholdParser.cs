using System.Globalization;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using PodConformance.Model.Time;

namespace PodConformance.Model.Eviction;

/// <summary>The outcome of parsing a threshold configuration: thresholds, or the kubelet's error text.</summary>
public sealed record ThresholdParseResult(ValueList<Threshold> Thresholds, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>
/// ParseThresholdConfig (pkg/kubelet/eviction/helpers.go) and the flag syntax around it. Go iterates the
/// config maps in random order; the model walks them in ordinal key order, so when several entries are
/// wrong the model reports the first in that order (Go may report any of them).
/// </summary>
public static class ThresholdParser
{
    /// <summary>kubetypes.NodeAllocatableEnforcementKey: <c>enforceNodeAllocatable</c> containing it mirrors memory.</summary>
    public const string NodeAllocatableEnforcementKey = "pods";

    /// <summary>
    /// Hard thresholds, then soft ones (each must have a grace period), min-reclaims attached by signal, and
    /// with <c>pods</c> enforced every hard memory.available copied to allocatableMemory.available.
    /// </summary>
    public static ThresholdParseResult Parse(
        IEnumerable<string> allocatableConfig,
        ValueMap<string> evictionHard,
        ValueMap<string> evictionSoft = default,
        ValueMap<string> evictionSoftGracePeriod = default,
        ValueMap<string> evictionMinimumReclaim = default)
    {
        ArgumentNullException.ThrowIfNull(allocatableConfig);
        var results = new List<Threshold>();
        if (ParseStatements(evictionHard, results) is { } hardError)
        {
            return Fail(hardError);
        }

        var soft = new List<Threshold>();
        if (ParseStatements(evictionSoft, soft) is { } softError)
        {
            return Fail(softError);
        }

        var grace = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (signal, text) in evictionSoftGracePeriod)
        {
            if (!EvictionSignals.IsValid(signal))
            {
                return Fail(Unsupported(signal));
            }

            if (!GoDuration.TryParse(text, out var period, out string durationError))
            {
                return Fail(durationError);
            }

            if (period < TimeSpan.Zero)
            {
                return Fail($"invalid eviction grace period specified: {text}, must be a positive value");
            }

            grace[signal] = period;
        }

        var reclaims = new Dictionary<string, ThresholdValue>(StringComparer.Ordinal);
        foreach (var (signal, text) in evictionMinimumReclaim)
        {
            if (!EvictionSignals.IsValid(signal))
            {
                return Fail(Unsupported(signal));
            }

            if (text.EndsWith('%'))
            {
                if (!TryParsePercentage(text, out float pct, out string? pctError))
                {
                    return Fail(pctError!);
                }

                if (!(pct > 0))
                {
                    return Fail($"eviction percentage minimum reclaim {signal} must be positive: {text}");
                }

                reclaims[signal] = ThresholdValue.OfPercentage(pct);
                continue;
            }

            if (!Quantity.TryParse(text, out var q, out var qError))
            {
                return Fail(Quantity.ErrorText(qError));
            }

            if (q.Sign < 0)
            {
                return Fail($"negative eviction minimum reclaim specified for {signal}");
            }

            reclaims[signal] = ThresholdValue.Of(q);
        }

        foreach (var t in soft)
        {
            if (!grace.TryGetValue(t.Signal, out var period))
            {
                return Fail($"grace period must be specified for the soft eviction threshold {t.Signal}");
            }

            results.Add(t with { GracePeriod = period });
        }

        for (int i = 0; i < results.Count; i++)
        {
            if (reclaims.TryGetValue(results[i].Signal, out var reclaim))
            {
                results[i] = results[i] with { MinReclaim = reclaim };
            }
        }

        foreach (string key in allocatableConfig)
        {
            if (key == NodeAllocatableEnforcementKey)
            {
                results = AddAllocatableThresholds(results);
                break;
            }
        }

        return new ThresholdParseResult(new ValueList<Threshold>(results), null);
    }

    /// <summary>addAllocatableThresholds: each hard memory.available gains an allocatableMemory.available twin, appended.</summary>
    public static List<Threshold> AddAllocatableThresholds(IReadOnlyList<Threshold> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var result = new List<Threshold>(thresholds);
        foreach (var t in thresholds)
        {
            if (t.Signal == EvictionSignals.MemoryAvailable && t.IsHard)
            {
                result.Add(new Threshold(EvictionSignals.AllocatableMemoryAvailable, t.Value, TimeSpan.Zero, t.MinReclaim));
            }
        }

        return result;
    }

    /// <summary>
    /// parseThresholdStatement: one <c>signal</c> = <c>value</c>. Returns null with no error for <c>0%</c> and
    /// <c>100%</c> (they switch the threshold off).
    /// </summary>
    public static Threshold? ParseStatement(string signal, string value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(value);
        error = null;
        if (!EvictionSignals.IsValid(signal))
        {
            error = Unsupported(signal);
            return null;
        }

        if (value.EndsWith('%'))
        {
            if (value is "0%" or "100%")
            {
                return null;
            }

            if (!TryParsePercentage(value, out float pct, out error))
            {
                return null;
            }

            if (pct < 0)
            {
                error = $"eviction percentage threshold {signal} must be >= 0%: {value}";
                return null;
            }

            if (pct > 1)
            {
                error = $"eviction percentage threshold {signal} must be <= 100%: {value}";
                return null;
            }

            return new Threshold(signal, ThresholdValue.OfPercentage(pct));
        }

        if (!Quantity.TryParse(value, out var q, out var qError))
        {
            error = Quantity.ErrorText(qError);
            return null;
        }

        if (q.Sign <= 0)
        {
            error = $"eviction threshold {signal} must be positive: {q.ToCanonicalString()}";
            return null;
        }

        return new Threshold(signal, ThresholdValue.Of(q));
    }

    /// <summary>
    /// The <c>--eviction-hard</c>/<c>--eviction-soft</c> flag form, <c>memory.available&lt;100Mi,nodefs.available&lt;10%</c>
    /// (component-base LangleSeparatedMapStringString: pairs split on the first <c>&lt;</c>, trimmed, later keys win).
    /// <c>--eviction-soft-grace-period</c> and <c>--eviction-minimum-reclaim</c> use <c>=</c> instead.
    /// </summary>
    public static bool TryParseFlag(string text, char separator, out ValueMap<string> map, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = System.Collections.Immutable.ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        map = default;
        error = null;
        if (text.Length == 0)
        {
            return true;
        }

        foreach (string pair in text.Split(','))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            int at = pair.IndexOf(separator, StringComparison.Ordinal);
            if (at < 0)
            {
                error = $"malformed pair, expect string{separator}string";
                return false;
            }

            builder[pair[..at].Trim()] = pair[(at + 1)..].Trim();
        }

        map = new ValueMap<string>(builder.ToImmutable());
        return true;
    }

    /// <summary>
    /// parsePercentage: trailing <c>%</c> signs trimmed (all of them), parsed as float32, divided by 100 in float32.
    /// Go's ParseFloat also takes <c>inf</c>/<c>nan</c> spellings and hex floats; the model takes decimal forms and
    /// the special names (an unverified corner).
    /// </summary>
    public static bool TryParsePercentage(string text, out float fraction, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        string number = text.TrimEnd('%');
        error = null;
        fraction = 0;
        if (!TryParseGoFloat32(number, out float value))
        {
            error = $"strconv.ParseFloat: parsing \"{number}\": invalid syntax";
            return false;
        }

        fraction = value / 100f;
        return true;
    }

    private static bool TryParseGoFloat32(string s, out float value)
    {
        value = 0;
        if (s.Length == 0)
        {
            return false;
        }

        string body = s[0] is '+' or '-' ? s[1..] : s;
        bool negative = s[0] == '-';
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? float.NegativeInfinity : float.PositiveInfinity;
            return true;
        }

        if (s.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = float.NaN;
            return true;
        }

        foreach (char c in body)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))
            {
                return false;
            }
        }

        return float.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
            && !float.IsInfinity(value);
    }

    private static string? ParseStatements(ValueMap<string> statements, List<Threshold> into)
    {
        foreach (var (signal, text) in statements)
        {
            var t = ParseStatement(signal, text, out string? error);
            if (error is not null)
            {
                return error;
            }

            if (t is not null)
            {
                into.Add(t);
            }
        }

        return null;
    }

    private static string Unsupported(string signal) => "unsupported eviction signal " + signal;

    private static ThresholdParseResult Fail(string error) => new(ValueList<Threshold>.Empty, error);
}
