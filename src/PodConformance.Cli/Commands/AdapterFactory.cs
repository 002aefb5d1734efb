using PodConformance.Adapters.KubernetesClient;
using PodConformance.Adapters.Podman;
using PodConformance.Adapters.Process;
using PodConformance.Suite.Adapters;

namespace PodConformance.Cli.Commands;

/// <summary>
/// Turns <c>--adapter</c> text into an adapter. Each entry is a name (or a <c>name:</c> prefix taking an argument,
/// e.g. <c>process:CMD</c>); add process, kubernetes-client or podman adapters here as they land.
/// </summary>
public static class AdapterFactory
{
    private sealed record Entry(string Name, string Usage, Func<string, AdapterSettings, IConformanceAdapter> Create);

    private static readonly Entry[] Entries =
    [
        new("model", "model", (_, _) => new ModelAdapter()),
        new("process", "process:CMD [ARGS]", Process),
        new("kubernetes-client", "kubernetes-client", (_, _) => new ResourceQuantityAdapter()),
        new("podman", "podman", (_, _) => new PodmanAdapter()),
    ];

    /// <summary>A simulator in any language behind the JSON-lines protocol (spec/adapter-protocol.md).</summary>
    private static IConformanceAdapter Process(string argument, AdapterSettings settings)
    {
        try
        {
            return ProcessAdapter.Parse("process:" + argument, new ProcessAdapterOptions { WithholdSecrets = settings.WithholdSecrets });
        }
        catch (FormatException e)
        {
            throw new UserInputException("--adapter: " + e.Message);
        }
    }

    /// <summary>The accepted forms, for help and error messages.</summary>
    public static IReadOnlyList<string> Known => [.. Entries.Select(e => e.Usage), "cluster (podconf run only, with --namespace-prefix …)"];

    /// <exception cref="UserInputException">Unknown adapter; the message lists the known ones.</exception>
    public static IConformanceAdapter Create(string spec) => Create(spec, new AdapterSettings());

    /// <exception cref="UserInputException">Unknown adapter, or a setting the adapter cannot honour.</exception>
    public static IConformanceAdapter Create(string spec, AdapterSettings settings)
    {
        var (entry, argument) = Find(spec, settings);
        return entry.Create(argument, settings);
    }

    /// <summary>
    /// Checks <paramref name="spec"/> as <see cref="Create(string, AdapterSettings)"/> would, without creating the adapter
    /// (which for podman and kubernetes-client takes seconds), so a run can print its header first.
    /// </summary>
    /// <exception cref="UserInputException">Unknown adapter, or a setting the adapter cannot honour.</exception>
    public static void Validate(string spec, AdapterSettings settings) => Find(spec, settings);

    private static (Entry Entry, string Argument) Find(string spec, AdapterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(spec);
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        string name = colon < 0 ? spec : spec[..colon];
        string argument = colon < 0 ? "" : spec[(colon + 1)..];
        foreach (var e in Entries)
        {
            if (string.Equals(e.Name, name, StringComparison.Ordinal))
            {
                if (colon >= 0 && !e.Usage.StartsWith(e.Name + ":", StringComparison.Ordinal))
                {
                    throw new UserInputException("--adapter: \"" + e.Name + "\" takes no argument (got \"" + spec + "\")");
                }

                if (settings.WithholdSecrets && e.Name != "process")
                {
                    // Only a process adapter is handed Secret values over a protocol that can withhold them.
                    throw new UserInputException("--withhold-secrets: applies to process adapters only (got --adapter " + spec + ")");
                }

                return (e, argument);
            }
        }

        throw new UserInputException("--adapter: unknown adapter \"" + spec + "\"; available: " + string.Join(", ", Known));
    }
}

/// <summary>Settings of <c>podconf run</c> that shape the adapter it creates.</summary>
public sealed record AdapterSettings
{
    /// <summary><c>--withhold-secrets</c>: a process adapter gets stand-ins instead of Secret values (PROTO-015).</summary>
    public bool WithholdSecrets { get; init; }
}
