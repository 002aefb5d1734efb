namespace PodConformance.Model.Admission;

/// <summary>
/// Something the model did not check for this pod, and why: a field no model rule covers yet, or an object the create
/// depends on that was not given (ADM-098). A create with any of these is never reported as simply "valid".
/// </summary>
public sealed record NotChecked(string Field, string Reason)
{
    public override string ToString() => Field.Length == 0 ? Reason : Field + ": " + Reason;
}
