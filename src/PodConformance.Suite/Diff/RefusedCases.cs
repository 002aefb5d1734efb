namespace PodConformance.Suite.Diff;

/// <summary>
/// Cases of one property that <c>podconf diff</c> drew but did not compare, because one release cannot run them as given
/// (<see cref="ReleaseCase.Refusal"/>: the case's own feature gates, which that release refuses, or its manifest, which
/// that release cannot decode); counted per release and reason, so the report says what was left out.
/// </summary>
/// <param name="Release">The release that refused them (the older one's reason where both do).</param>
/// <param name="Reason">The refusal, in Kubernetes' words after the flag or step it is about.</param>
/// <param name="Cases">How many drawn cases (random and variant walk) it refused.</param>
public sealed record RefusedCases(string Release, string Reason, int Cases);
