using System.CommandLine;
using PodConformance.Adapters.Cluster;

namespace PodConformance.Cli.Commands;

/// <summary>
/// The command-line options of the cluster adapter (<c>--kubeconfig</c>, <c>--context</c>, <c>--namespace-prefix</c>,
/// <c>--yes-i-know-this-is-a-cluster</c>, <c>--cluster-scoped-objects</c>, <c>--pod-security-privileged</c>…), shared by <c>podconf cluster cleanup</c> and, for <c>--adapter cluster</c>,
/// the run verb: <c>ClusterAdapter.Create(binding.Read(result, log))</c>.
/// </summary>
public sealed class ClusterOptionsBinding
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config)", HelpName = "path" };

    public Option<string?> Context { get; } = new("--context") { Description = "Kubeconfig context (default: the current context)", HelpName = "name" };

    public Option<bool> InCluster { get; } = new("--in-cluster") { Description = "Use the Pod's service-account token instead of a kubeconfig" };

    public Option<string?> NamespacePrefix { get; } = new("--namespace-prefix") { Description = "Prefix of the namespaces podconf creates and deletes (required unless " + ClusterOptions.ConfirmFlag + ")", HelpName = "prefix" };

    public Option<bool> Confirm { get; } = new(ClusterOptions.ConfirmFlag) { Description = "Confirm that podconf may create and delete its own labelled namespaces in this cluster" };

    public Option<bool> ClusterScopedObjects { get; } = new(ClusterOptions.ClusterScopedObjectsFlag)
    {
        Description = "Let podconf create the RuntimeClasses (and PriorityClasses, never a global default) a case needs, cluster-wide under run-unique labelled names, and delete them at the end; without it such cases are not performed",
    };

    public Option<bool> PodSecurityPrivileged { get; } = new(ClusterOptions.PodSecurityPrivilegedFlag)
    {
        Description = "Create the run's namespace with pod-security.kubernetes.io/enforce=privileged, as the model assumes (ADM-010), where the cluster's PodSecurity default is stricter; without it cases PodSecurity refuses are not performed",
    };

    public Option<string> Layers { get; } = new("--cluster-layers") { Description = "admission, lifecycle or admission,lifecycle", DefaultValueFactory = _ => "admission" };

    public Option<int> Concurrency { get; } = new("--cluster-concurrency") { Description = "Concurrent dry-run creates", DefaultValueFactory = _ => 16 };

    public Option<string> Image { get; } = new("--image") { Description = "Image that acts out scenarios (needs sh, sleep, dd, touch)", DefaultValueFactory = _ => "busybox:1.36" };

    public Option<int> TimeoutSeconds { get; } = new("--request-timeout") { Description = "Seconds per API request attempt", DefaultValueFactory = _ => 30 };

    public Option<int> ToleranceSeconds { get; } = new("--timing-tolerance") { Description = "Seconds added to lifecycle timing expectations", DefaultValueFactory = _ => 5 };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        command.Options.Add(InCluster);
        command.Options.Add(NamespacePrefix);
        command.Options.Add(Confirm);
        command.Options.Add(ClusterScopedObjects);
        command.Options.Add(PodSecurityPrivileged);
        command.Options.Add(Layers);
        command.Options.Add(Concurrency);
        command.Options.Add(Image);
        command.Options.Add(TimeoutSeconds);
        command.Options.Add(ToleranceSeconds);
    }

    /// <summary>The options, validated: unsafe or invalid ones are a <see cref="UserInputException"/> (exit code 2).</summary>
    public ClusterOptions Read(ParseResult result, Action<string>? log)
    {
        ArgumentNullException.ThrowIfNull(result);
        var layers = ClusterLayers.None;
        foreach (string layer in (result.GetValue(Layers) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            layers |= layer switch
            {
                "admission" => ClusterLayers.Admission,
                "lifecycle" => ClusterLayers.Lifecycle,
                _ => throw new UserInputException("--cluster-layers: unknown layer \"" + layer + "\" (admission, lifecycle)"),
            };
        }

        var options = new ClusterOptions
        {
            KubeconfigPath = result.GetValue(Kubeconfig),
            Context = result.GetValue(Context),
            InCluster = result.GetValue(InCluster),
            NamespacePrefix = result.GetValue(NamespacePrefix),
            Confirmed = result.GetValue(Confirm),
            ClusterScopedObjects = result.GetValue(ClusterScopedObjects),
            PodSecurityPrivileged = result.GetValue(PodSecurityPrivileged),
            Layers = layers,
            AdmissionConcurrency = result.GetValue(Concurrency),
            Image = result.GetValue(Image) ?? "",
            RequestTimeout = TimeSpan.FromSeconds(result.GetValue(TimeoutSeconds)),
            TimingTolerance = TimeSpan.FromSeconds(result.GetValue(ToleranceSeconds)),
            Log = log,
        };
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new UserInputException(string.Join("\npodconf: ", errors));
        }

        return options;
    }
}
