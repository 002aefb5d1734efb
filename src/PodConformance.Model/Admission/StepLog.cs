using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;

namespace PodConformance.Model.Admission;

/// <summary>The changes one step makes, recorded as it makes them.</summary>
internal sealed class StepLog
{
    private List<DefaultingChange>? _changes;

    public void Add(string rule, string field, string value) => (_changes ??= []).Add(new DefaultingChange(rule, field, value));

    public ValueList<DefaultingChange> ToList() => _changes is null ? ValueList<DefaultingChange>.Empty : new ValueList<DefaultingChange>(_changes);
}
