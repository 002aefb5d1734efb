namespace PodConformance.Suite.Tests.Mutation;

/// <summary>
/// Deliberately broken variants of the model, one rule bent each, spanning the areas the catalogue checks.
/// Partial files hold one area each; the order here is the order of the summary table.
/// </summary>
internal static partial class Mutants
{
    public static IReadOnlyList<Mutant> All { get; } =
    [
        .. Quantity(), .. QuantityParsing(), .. QuantityRoundTrip(), .. Admission(), .. Gated(), .. GatedDrops(), .. GatedFields(), .. EphemeralLists(), .. Defaulting(), .. Lifecycle(), .. Conditions(), .. Containers(), .. Printing(), .. Events(),
        .. Scheduling(), .. Timing(), .. Oom(), .. Scores(), .. Env(), .. EnvFiles(), .. Downward(), .. Eviction(), .. LifecycleFidelity(), .. Shapes(), .. NodeSignals(),
    ];

    public static Mutant Find(string id) => All.Single(m => string.Equals(m.Id, id, StringComparison.Ordinal));
}
