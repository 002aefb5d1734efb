namespace PodConformance.Model.Defaulting;

/// <summary>One field the API server's defaulting filled in or changed, with the rule that did it.</summary>
public sealed record DefaultingChange(string Rule, string Field, string Value);
