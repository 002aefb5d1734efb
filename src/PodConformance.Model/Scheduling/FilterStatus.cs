using PodConformance.Model.Collections;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// A plugin's answer (framework.Status): the code, the plugin that gave it and its reasons as printed in the
/// FailedScheduling message. A null status stands for Success, as in the framework.
/// </summary>
public sealed record FilterStatus(FilterCode Code, string Plugin, ValueList<string> Reasons)
{
    public static FilterStatus Skip(string plugin) => new(FilterCode.Skip, plugin, ValueList<string>.Empty);

    public static FilterStatus Unresolvable(string plugin, string reason) => new(FilterCode.UnschedulableAndUnresolvable, plugin, ValueList.Of(reason));

    public static FilterStatus Unschedulable(string plugin, string reason) => new(FilterCode.Unschedulable, plugin, ValueList.Of(reason));

    public bool IsRejection => Code is FilterCode.Unschedulable or FilterCode.UnschedulableAndUnresolvable;
}
