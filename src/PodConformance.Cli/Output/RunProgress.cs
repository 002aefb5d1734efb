using System.Diagnostics;
using System.Globalization;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;

namespace PodConformance.Cli.Output;

/// <summary>
/// <c>podconf run</c>'s progress on stderr, so a long run (a podman or cluster adapter takes minutes) is never silent.
/// One line per property as it ends (<c>[3/17] P-QOS-CLASS passed 1.2s</c>); on a terminal also a status line redrawn
/// in place, at most every 100 ms, with the property, its case count, the run's share done and the time left
/// (<c>ETA</c>, from the pace so far). Under CI the property lines only, plain. Reports never see any of it.
/// </summary>
internal sealed class RunProgress : IRunProgress
{
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _lines;
    private readonly TextWriter? _live;
    private readonly Func<TimeSpan> _now;
    private int _properties;
    private long _cases;
    private long _done;
    private string _current = "";
    private int _currentCases;
    private int _currentDone;
    private int _index;
    private TimeSpan _lastDraw = TimeSpan.MinValue;
    private bool _drawn;

    /// <param name="lines">Where property lines go.</param>
    /// <param name="live">The terminal for the in-place status line, or null for plain lines only.</param>
    /// <param name="now">The time since the run started (a fake clock in tests).</param>
    public RunProgress(TextWriter lines, TextWriter? live, Func<TimeSpan>? now = null)
    {
        _lines = lines;
        _live = live;
        if (now is null)
        {
            var clock = Stopwatch.StartNew();
            now = () => clock.Elapsed;
        }

        _now = now;
    }

    /// <summary>The progress a console asks for: live on a terminal, plain lines under CI, none when piped.</summary>
    public static RunProgress? For(CliConsole console) =>
        console.Status is { } status ? new RunProgress(status, status)
        : console.Ci ? new RunProgress(console.Error, null)
        : null;

    public void Started(int properties, long cases)
    {
        _properties = properties;
        _cases = cases;
    }

    public void PropertyStarted(int index, ConformanceProperty property, int cases)
    {
        ArgumentNullException.ThrowIfNull(property);
        _index = index;
        _current = property.Id;
        _currentCases = cases;
        _currentDone = 0;
        Draw(force: true);
    }

    public void CaseDone()
    {
        _done++;
        _currentDone++;
        Draw(force: false);
    }

    public void PropertyDone(int index, PropertyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _done += Math.Max(0, _currentCases - _currentDone); // a failure or a skip ends a property early
        _currentDone = _currentCases;
        Clear();
        _lines.Write(string.Create(CultureInfo.InvariantCulture,
            $"[{index + 1}/{_properties}] {result.Property.Id} {RunText.Outcome(result.Outcome)} {result.Elapsed.TotalSeconds:0.0}s\n"));
        _lines.Flush();
    }

    /// <summary>Removes the status line (before the report is printed).</summary>
    public void Clear()
    {
        if (_live is not null && _drawn)
        {
            _live.Write("\r\u001b[K");
            _live.Flush();
            _drawn = false;
        }
    }

    /// <summary>The status line's text (without the cursor return).</summary>
    public string Status()
    {
        string share = _cases == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" {100 * _done / _cases}%");
        return string.Create(CultureInfo.InvariantCulture, $"[{_index + 1}/{_properties}] {_current} case {_currentDone}/{_currentCases}{share} ETA {Eta()}");
    }

    private string Eta()
    {
        var elapsed = _now();
        if (_done == 0 || _cases == 0)
        {
            return "?";
        }

        double left = elapsed.TotalSeconds * (_cases - _done) / _done;
        return Duration(left);
    }

    internal static string Duration(double seconds)
    {
        long s = (long)Math.Ceiling(seconds);
        return s < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{s}s")
            : string.Create(CultureInfo.InvariantCulture, $"{s / 60}m{s % 60:00}s");
    }

    private void Draw(bool force)
    {
        if (_live is null)
        {
            return;
        }

        var now = _now();
        if (!force && now - _lastDraw < RedrawEvery)
        {
            return;
        }

        _lastDraw = now;
        _live.Write("\r\u001b[K" + Status());
        _live.Flush();
        _drawn = true;
    }
}
