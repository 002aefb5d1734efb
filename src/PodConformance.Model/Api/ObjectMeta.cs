using PodConformance.Model.Collections;

namespace PodConformance.Model.Api;

public sealed partial record ObjectMeta
{
    public string Name { get; init; } = "";

    public string GenerateName { get; init; } = "";

    public string Namespace { get; init; } = "";

    public string Uid { get; init; } = "";

    public ValueMap<string> Labels { get; init; }

    public ValueMap<string> Annotations { get; init; }

    public DateTimeOffset? CreationTimestamp { get; init; }

    public DateTimeOffset? DeletionTimestamp { get; init; }

    public long? DeletionGracePeriodSeconds { get; init; }
}
