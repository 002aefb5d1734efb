using PodConformance.Suite.Rules;

namespace PodConformance.Suite.Running;

/// <summary>
/// What a run tells while it runs, for a live status line (per case, with an estimate of the time left) and one line
/// per property. Called on the running thread, in order; nothing of it reaches the reports.
/// </summary>
public interface IRunProgress
{
    /// <summary>Before the first case: the properties and the generated cases (all repeats) the run will take.</summary>
    void Started(int properties, long cases);

    /// <summary>Property <paramref name="index"/> (0-based) starts; it will run at most <paramref name="cases"/> cases (all repeats).</summary>
    void PropertyStarted(int index, ConformanceProperty property, int cases);

    /// <summary>One more case of the current property has been checked.</summary>
    void CaseDone();

    /// <summary>Property <paramref name="index"/> is done (it may have run fewer cases than announced: a failure ends it).</summary>
    void PropertyDone(int index, PropertyResult result);
}
