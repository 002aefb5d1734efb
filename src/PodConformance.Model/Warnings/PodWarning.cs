namespace PodConformance.Model.Warnings;

/// <summary>One warning the API server returns with a successful (or failed) create, and the spec rule that produced it.</summary>
/// <param name="Rule">The spec/validation.md row (VAL-…) the warning belongs to.</param>
/// <param name="Text">The warning text as the API server sends it (kubectl prints it after "Warning: ").</param>
public sealed record PodWarning(string Rule, string Text)
{
    public override string ToString() => Text;
}
