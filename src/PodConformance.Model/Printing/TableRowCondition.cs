namespace PodConformance.Model.Printing;

/// <summary>
/// metav1.TableRowCondition: the server marks rows of finished pods with <c>Completed=True</c> so that clients
/// (kubectl get --watch, and views that skip completed objects) can tell them apart without the object.
/// </summary>
public sealed record TableRowCondition(string Type, string Status, string Reason, string Message)
{
    /// <summary>The condition on a Succeeded pod's row.</summary>
    public static TableRowCondition PodSucceeded { get; } =
        new("Completed", "True", "Succeeded", "The pod has completed successfully.");

    /// <summary>The condition on a Failed pod's row.</summary>
    public static TableRowCondition PodFailed { get; } = new("Completed", "True", "Failed", "The pod failed.");
}
