namespace PodConformance.Model.Describe;

/// <summary>
/// <c>kubectl describe pod</c>'s text, and what in it the model could not render as kubectl would (DESC-003): each entry
/// names the section and why, so a caller can say so instead of presenting the text as complete.
/// </summary>
public sealed record DescribeOutput(string Text, IReadOnlyList<string> NotRendered);
