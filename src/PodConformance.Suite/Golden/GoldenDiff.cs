namespace PodConformance.Suite.Golden;

/// <summary>
/// The outcome of comparing a committed golden text with a regenerated (or replayed) one: equal, or a
/// unified-style diff with the YAML path of the first differing field, ready to print in a test failure.
/// </summary>
public sealed record GoldenDiff(bool Equal, string FirstPath, int FirstLine, string Text)
{
    public static GoldenDiff Same { get; } = new(true, "", 0, "");

    public override string ToString() => Equal ? "equal" : Text;
}
