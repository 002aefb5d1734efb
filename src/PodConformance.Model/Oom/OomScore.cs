using PodConformance.Model.Collections;

namespace PodConformance.Model.Oom;

/// <summary>A container's <c>oom_score_adj</c> and the rules that produced it, in the order applied.</summary>
public sealed record OomScore(int Score, ValueList<string> Rules);
