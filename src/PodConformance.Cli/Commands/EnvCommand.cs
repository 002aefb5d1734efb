using System.CommandLine;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Api;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Admission;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf env</c>: the environment one container starts with, as <c>kubectl exec POD -- env</c> would show it
/// (sorted), or the CreateContainerConfigError the kubelet would report instead (exit 1). Secret-sourced values are
/// masked unless <c>--reveal-secrets</c>: this output ends up in terminals, CI logs and goldens.
/// </summary>
public static class EnvCommand
{
    /// <summary>kubectl's annotation naming the container <c>exec</c> uses when none is given.</summary>
    public const string DefaultContainerAnnotation = "kubectl.kubernetes.io/default-container";

    public static Command Create(CliConsole console)
    {
        var files = new InputOptions();
        var validation = new FieldValidationOption();
        var objects = new Option<string[]>("--objects") { Description = "Manifest file with the ConfigMaps, Secrets and Services the pod reads (repeatable)", HelpName = "FILE", AllowMultipleArgumentsPerToken = false };
        var pod = new Option<string?>("--pod") { Description = "Which Pod, when -f holds several", HelpName = "NAME" };
        var container = new Option<string?>("--container", "-c") { Description = "Container (regular or init); default: the kubectl.kubernetes.io/default-container annotation, else the first container", HelpName = "NAME" };
        var output = new OutputFlags("env", "env (NAME=value lines), json, yaml or jsonpath=TEMPLATE", "env", "json", "yaml", "jsonpath");
        var reveal = new Option<bool>("--reveal-secrets") { Description = "Show Secret-sourced values instead of <secret:NAME/KEY> (masked by default)" };
        var noMaster = new Option<bool>("--no-kubernetes-service") { Description = "Omit the default/kubernetes Service (10.96.0.1:443) every cluster has; it is added unless --objects defines it" };
        var volumeFiles = new Option<string[]>("--volume-file") { Description = "VOLUME/PATH=FILE: the file PATH of the emptyDir VOLUME holds FILE's bytes when the container starts (an init container wrote it), for valueFrom.fileKeyRef; a volume named here holds only the files named; without it, such a variable is 'not checked' (repeatable)", HelpName = "VOLUME/PATH=FILE", AllowMultipleArgumentsPerToken = false };
        var clusterDomain = new Option<string>("--cluster-domain") { Description = "The kubelet's clusterDomain, for the FQDN of a pod with a subdomain (HOSTNAME with setHostnameAsFQDN)", DefaultValueFactory = _ => PodHostname.DefaultClusterDomain, HelpName = "DOMAIN" };
        var node = new NodeFacts();
        var common = new CommonOptions();
        var command = new Command("env", "Print a container's environment (NAME=value), or the CreateContainerConfigError the kubelet would report (exit 1).");
        files.AddTo(command);
        validation.AddTo(command);
        command.Options.Add(objects);
        command.Options.Add(pod);
        command.Options.Add(container);
        output.AddTo(command);
        command.Options.Add(reveal);
        command.Options.Add(noMaster);
        command.Options.Add(clusterDomain);
        command.Options.Add(volumeFiles);
        node.AddTo(command);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var input = files.Load(result, console, "env", profile.Version, validation: validation.Read(result), strictRefusalIsInputError: true);
            var all = ObjectsInput.LoadAll(result.GetValue(objects), console, profile.Version);
            var objs = all.Env;
            var givenFiles = ReadVolumeFiles(result.GetValue(volumeFiles) ?? [], console, out bool badFiles);
            if (input.HadErrors || objs.HasErrors || badFiles)
            {
                if (result.GetValue(pod) is null && input.Pods.Count > 1)
                {
                    // The same hint as without errors: fixing the errors alone would only lead to it.
                    console.Error.Write("podconf: " + SeveralPods(input.Pods.Count) + "\n");
                }

                return ExitCodes.UsageOrInput;
            }

            var loaded = Select(input.Pods, result.GetValue(pod));
            var nodeFacts = node.ReadNode(result, console);
            FindContainer(loaded.Pod, loaded, result.GetValue(container)); // input errors (no such container) before admission's verdict
            // The container runs the pod the API server stored (ADM-001): spec.serviceAccountName is "default" if unset, and so on.
            var created = PodCreate.Run(loaded.Pod, profile, all.Admission);
            if (created.Rejection is { } refused)
            {
                console.Error.Write("podconf: warning: the API server would refuse this pod (" + refused.Message + "); showing the environment of the pod as far as admission got\n");
            }

            var p = created.Stored;
            string ns = PodInput.Namespace(loaded);
            p = p with
            {
                Metadata = p.Metadata with { Namespace = ns },
                Spec = result.GetValue(node.NodeName) is not null || p.Spec.NodeName.Length == 0 ? p.Spec with { NodeName = nodeFacts.Name } : p.Spec,
            };
            var c = FindContainer(p, loaded, result.GetValue(container));
            var baseInputs = new EnvInputs
            {
                Node = nodeFacts,
                PodIPs = node.ReadPodIps(result, loaded.Pod),
                Services = result.GetValue(noMaster) || objs.Services.Any(s => s.Namespace == "default" && s.Name == "kubernetes")
                    ? []
                    : [KubernetesService],
            };
            var env = ContainerView.Build(p, c, objs.InputsFor(ns, baseInputs) with { VolumeFiles = givenFiles }, profile, result.GetValue(clusterDomain) ?? PodHostname.DefaultClusterDomain);
            foreach (string warning in env.Warnings)
            {
                console.Error.Write("podconf: warning: event Warning: " + warning + "\n");
            }

            bool revealSecrets = result.GetValue(reveal);
            if (output.Read(result) is { IsData: true } format)
            {
                console.Out.Write(ObjectOutput.PrintDocument(format, EnvJson.Write(ns, p.Metadata.Name, c.Name, env, revealSecrets)));
            }
            else if (env.Error is null)
            {
                foreach (var v in env.Variables)
                {
                    console.Out.Write(Model.Printing.Printable.Escape(v.ToDisplayLine(revealSecrets)) + "\n");
                }
            }

            if (env.OutcomeNotChecked)
            {
                console.Error.Write("podconf: note: not checked: a fileKeyRef reads a volume whose files were not given (--volume-file VOLUME/PATH=FILE); its value, and whether that file stops the container (couldn't parse env file, or a missing key), are not known (ENV-019)\n");
            }

            if (env.Error is { } error)
            {
                // Hostname errors stop the pod's sandbox before any container (ENV-012/013); the rest are the container's.
                string what = error.Rule is EnvRules.Hostname or EnvRules.KernelHostname ? "the kubelet cannot make the pod's hostname" : $"container {c.Name}: {EnvError.Reason}";
                console.Error.Write($"podconf: {ns}/{p.Metadata.Name} {what}: {error.Message}\n");
                return ExitCodes.CheckFailed;
            }

            console.Error.Write("podconf: note: " + ContainerView.ImageVariablesNote + "\n");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The <c>--volume-file VOLUME/PATH=FILE</c> values: volume → path → FILE's bytes as UTF-8 text (no byte-order mark
    /// removed: the kubelet's parser reads bytes). A malformed value or an unreadable FILE is an input error (exit 2).
    /// </summary>
    private static Model.Collections.ValueMap<Model.Collections.ValueMap<string>> ReadVolumeFiles(string[] specs, CliConsole console, out bool failed)
    {
        failed = false;
        var volumes = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (string spec in specs)
        {
            int eq = spec.IndexOf('=', StringComparison.Ordinal);
            int slash = eq < 0 ? -1 : spec.IndexOf('/', 0, eq);
            if (eq < 0 || slash <= 0 || slash == eq - 1 || eq == spec.Length - 1)
            {
                console.Error.Write("podconf: --volume-file " + Model.Printing.Printable.Escape(spec) + ": want VOLUME/PATH=FILE\n");
                failed = true;
                continue;
            }

            string file = spec[(eq + 1)..];
            byte[] bytes;
            try
            {
                bytes = InputFile.ReadBytes(file);
            }
            catch (UserInputException e)
            {
                // InputFile's bounded read and wording (no such file, a directory, over 3 MiB), as for -f and --objects.
                console.Error.Write("podconf: --volume-file " + Model.Printing.Printable.Escape(e.Message) + "\n");
                failed = true;
                continue;
            }

            string volume = spec[..slash];
            if (!volumes.TryGetValue(volume, out var paths))
            {
                volumes[volume] = paths = new SortedDictionary<string, string>(StringComparer.Ordinal);
            }

            paths[spec[(slash + 1)..eq]] = new System.Text.UTF8Encoding(false).GetString(bytes);
        }

        return Model.Collections.ValueMap.Of([.. volumes.Select(v => (v.Key, Model.Collections.ValueMap.Of([.. v.Value.Select(f => (f.Key, f.Value))])))]);
    }

    /// <summary>The master Service every cluster has (kubeadm's default service CIDR), so output matches <c>kubectl exec env</c>.</summary>
    public static Service KubernetesService => ServiceEnvVars.KubernetesService;

    private static LoadedPod Select(IReadOnlyList<LoadedPod> pods, string? name)
    {
        if (name is not null)
        {
            return pods.FirstOrDefault(p => p.Pod.Metadata.Name == name)
                ?? throw new UserInputException($"env: no Pod named \"{name}\" in the input");
        }

        if (pods.Count != 1)
        {
            throw new UserInputException(SeveralPods(pods.Count));
        }

        return pods[0];
    }

    private static string SeveralPods(int count) =>
        $"env: the input holds {count.ToString(System.Globalization.CultureInfo.InvariantCulture)} Pods; choose one with --pod NAME";

    private static Container FindContainer(Pod pod, LoadedPod loaded, string? name)
    {
        if (name is null && pod.Metadata.Annotations.TryGetValue(DefaultContainerAnnotation, out var annotated))
        {
            name = annotated;
        }

        if (name is null)
        {
            return pod.Spec.Containers.Count > 0 ? pod.Spec.Containers[0] : throw new UserInputException($"{Where(loaded)}: env: pod \"{pod.Metadata.Name}\" has no containers");
        }

        return pod.Spec.Containers.FirstOrDefault(c => c.Name == name)
            ?? pod.Spec.InitContainers.FirstOrDefault(c => c.Name == name)
            ?? throw new UserInputException($"{Where(loaded)}: env: container {name} is not valid for pod {pod.Metadata.Name}");
    }

    private static string Where(LoadedPod loaded) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{loaded.File}:{loaded.Position.Line}:{loaded.Position.Column}");
}
