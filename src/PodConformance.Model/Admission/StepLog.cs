using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;

namespace PodConformance.Model.Admission;

/// <summary>The changes one step makes, recorded as it makes them.</summary>
internal sealed class StepLog
{
    /// <summary>A log that records nothing, for a create whose steps nobody reads (the simulator's).</summary>
    public static readonly StepLog Off = new() { On = false };

    private List<DefaultingChange>? _changes;

    /// <summary>Whether changes are recorded: a step builds a change's field path and value text only then.</summary>
    public bool On { get; private init; } = true;

    public void Add(string rule, string field, string value)
    {
        if (On)
        {
            (_changes ??= []).Add(new DefaultingChange(rule, field, value));
        }
    }

    public ValueList<DefaultingChange> ToList() => _changes is null ? ValueList<DefaultingChange>.Empty : new ValueList<DefaultingChange>(_changes);
}
