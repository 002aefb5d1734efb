namespace PodConformance.Suite.Tests.Mutation;

/// <summary>How a mutant bends its rule: the table says which, so a reader can judge how close to the model it is.</summary>
internal enum Injection
{
    /// <summary>A stage of the real pipeline is swapped, or a real rule function runs on a bent input; downstream stages run for real.</summary>
    Stage,

    /// <summary>The observation is post-processed, because the rule lives where the pipeline has no seam (inside the simulator, inside Quantity).</summary>
    Decorator,
}

/// <summary>
/// The model with one rule bent. <see cref="KnownGap"/> is set when the suite is known not to catch it: the
/// self-check then asserts the gap is written down (and fails once the gap closes, so the note goes).
/// </summary>
internal sealed record Mutant(string Id, string Area, string Rule, string Bend, Injection Injection, ModelPipeline Pipeline)
{
    public string? KnownGap { get; init; }

    /// <summary>The property meant to kill it, run first when several claim the rule (else the claiming properties in catalogue order).</summary>
    public string? Target { get; init; }

    public PipelineAdapter Adapter() => new("mutant:" + Id, Pipeline);
}
