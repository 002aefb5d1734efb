using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Admission.Objects;

/// <summary>
/// The parts of a node.k8s.io/v1 RuntimeClass the RuntimeClass admission plugin reads (ADM-012…018): its handler,
/// <c>overhead.podFixed</c> and <c>scheduling</c>. The plugin reads the class from the API server's cache, that is as
/// stored: an empty <c>podFixed</c> map is not stored (omitempty) and comes back as no map, so <see cref="PodFixed"/>
/// cannot be empty-but-given; an <c>overhead: {}</c> or <c>scheduling: {}</c> is a non-nil pointer and does come back.
/// </summary>
public sealed record RuntimeClass
{
    public string Name { get; init; } = "";

    /// <summary>The CRI handler; the plugin does not read it (it names the runtime on the node).</summary>
    public string Handler { get; init; } = "";

    /// <summary>The class has an <c>overhead</c> object (Go's <c>runtimeClass.Overhead != nil</c>), even with no podFixed.</summary>
    public bool HasOverhead { get; init; }

    /// <summary><c>overhead.podFixed</c>; empty when absent (Go's nil map after storage).</summary>
    public ValueMap<Quantity> PodFixed { get; init; }

    /// <summary>The class has a <c>scheduling</c> object (Go's <c>runtimeClass.Scheduling != nil</c>).</summary>
    public bool HasScheduling { get; init; }

    /// <summary><c>scheduling.nodeSelector</c>.</summary>
    public ValueMap<string> NodeSelector { get; init; }

    /// <summary><c>scheduling.tolerations</c>, in order.</summary>
    public ValueList<Toleration> Tolerations { get; init; }
}
