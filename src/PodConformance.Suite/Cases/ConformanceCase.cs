using PodConformance.Model.Api;
using PodConformance.Model.Simulation;

namespace PodConformance.Suite.Cases;

/// <summary>What an adapter is asked to run: one quantity text, or pods with a scenario.</summary>
public abstract record ConformanceCase
{
    /// <summary>A short label for reports ("quantity \"1.5Gi\"", "pod web").</summary>
    public abstract string Describe();
}

/// <summary>Parse and print one quantity, taken exactly as given.</summary>
public sealed record QuantityCase(string Input) : ConformanceCase
{
    public override string Describe() => "quantity \"" + Input + "\"";
}

/// <summary>Create a Pod (and, for lifecycle rules, run it under <see cref="Scenario"/>).</summary>
public sealed record PodCase(Pod Pod, Scenario Scenario) : ConformanceCase
{
    public PodCase(Pod pod)
        : this(pod, new Scenario())
    {
    }

    public override string Describe() => "pod " + (Pod.Metadata.Name.Length == 0 ? "<unnamed>" : Pod.Metadata.Name);
}
