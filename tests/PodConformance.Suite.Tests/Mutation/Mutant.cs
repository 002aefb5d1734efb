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

    /// <summary>
    /// Feature gates the run turns on (<c>podconf run --feature-gates G=true</c>) for a mutant of a rule whose field only an
    /// off-by-default gate lets through (the create strategy drops it otherwise); empty: the default run.
    /// </summary>
    public Model.Collections.ValueMap<bool> Gates { get; init; }

    /// <summary>
    /// The release the run uses (<c>podconf run --kubernetes-version</c>) for a mutant of a drop only an older release's defaults make
    /// (a gate off there, locked on at the newest); null: the newest, as the default run.
    /// </summary>
    public Model.Profiles.KubernetesVersion? Release { get; init; }

    /// <summary>The run options the self-check uses for this mutant at <paramref name="seed"/>: the defaults, plus <see cref="Release"/> and <see cref="Gates"/>.</summary>
    public Suite.Running.RunOptions Options(ulong seed)
    {
        var profile = Release is { } release ? Model.Profiles.Profile.For(release) : Model.Profiles.Profile.Default;
        return new()
        {
            Seed = seed,
            Profile = Gates.IsEmpty ? profile : profile with { Overrides = Gates },
        };
    }

    /// <summary>The property meant to kill it, run first when several claim the rule (else the claiming properties in catalogue order).</summary>
    public string? Target { get; init; }

    public PipelineAdapter Adapter() => new("mutant:" + Id, Pipeline);
}
