namespace PodConformance.Model.Simulation;

/// <summary>
/// What a simulation keeps for its views (<see cref="PodSimulator.Run(IReadOnlyList{Api.Pod}, Scenario, Profiles.Profile, SimulationRecord, DateTimeOffset?, SimulatorRules?)"/>):
/// <c>kubectl get -w</c> and the lifecycle observation need every snapshot, <c>describe</c> every event; a caller that
/// wants only where the pods ended keeps neither, and the run's memory no longer grows with virtual time.
/// </summary>
[Flags]
public enum SimulationRecord
{
    /// <summary>Each pod's last snapshot only; no events.</summary>
    None = 0,

    /// <summary>Every snapshot, in order.</summary>
    Timeline = 1,

    /// <summary>Every event occurrence, in order.</summary>
    Events = 2,

    /// <summary>Both: what <see cref="PodSimulator.Run(IReadOnlyList{Api.Pod}, Scenario, Profiles.Profile, DateTimeOffset?, SimulatorRules?)"/> keeps.</summary>
    All = Timeline | Events,
}
