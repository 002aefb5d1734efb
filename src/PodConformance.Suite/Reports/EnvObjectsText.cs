using System.Globalization;
using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;

namespace PodConformance.Suite.Reports;

/// <summary>
/// The objects of an env case as documents to apply next to the Pod: ConfigMaps, Secrets (every value replaced by its
/// <c>&lt;secret:NAME/KEY&gt;</c> mask, since reports must never carry secret text) and Services, in the pod's
/// namespace; the node facts as the <c>podconf env</c> flags that reproduce them, and the emptyDir volumes' files as its
/// <c>--volume-file</c> arguments.
/// </summary>
public static class EnvObjectsText
{
    public static string Render(Pod pod, EnvInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(inputs);
        string ns = pod.Metadata.Namespace.Length == 0 ? "default" : pod.Metadata.Namespace;
        var w = new StringBuilder();
        foreach (var (name, data) in inputs.ConfigMaps)
        {
            Header(w, "ConfigMap", name, ns);
            AppendData(w, "data", data.Select(kv => (kv.Key, kv.Value)));
        }

        foreach (var (name, data) in inputs.Secrets)
        {
            Header(w, "Secret", name, ns);
            w.Append("# values masked: the case's secret test values are never printed\n");
            AppendData(w, "stringData", data.Select(kv => (kv.Key, EnvVariable.SecretMask(name + "/" + kv.Key))));
        }

        foreach (var service in inputs.Services ?? ValueList<Service>.Empty)
        {
            Header(w, "Service", service.Name, service.Namespace.Length == 0 ? "default" : service.Namespace);
            w.Append("spec:\n");
            w.Append("  clusterIP: ").Append(CaseText.Quote(service.ClusterIP)).Append('\n');
            w.Append("  ports:\n");
            foreach (var port in service.Ports)
            {
                w.Append("  - {");
                if (port.Name.Length != 0)
                {
                    w.Append("name: ").Append(CaseText.Quote(port.Name)).Append(", ");
                }

                if (port.Protocol.Length != 0)
                {
                    w.Append("protocol: ").Append(port.Protocol).Append(", ");
                }

                w.Append("port: ").Append(port.Port.ToString(CultureInfo.InvariantCulture)).Append("}\n");
            }
        }

        if (NodeFlags(inputs) is { Length: > 0 } flags)
        {
            w.Append("# node facts: podconf env -f THIS-FILE --objects THIS-FILE").Append(flags).Append('\n');
        }

        foreach (var (volume, files) in inputs.VolumeFiles)
        {
            // The files an init container wrote (ENV-016): podconf env takes each as --volume-file VOLUME/PATH=FILE.
            if (files.IsEmpty)
            {
                w.Append("# emptyDir volume ").Append(volume).Append(" holds no files\n");
            }

            foreach (var (path, text) in files)
            {
                w.Append("# emptyDir volume file: --volume-file ").Append(volume).Append('/').Append(path).Append("=FILE, FILE holding ").Append(CaseText.Quote(text)).Append('\n');
            }
        }

        if (!inputs.ServicesSynced)
        {
            w.Append("# the kubelet's Service informer has not synced yet (ENV-002)\n");
        }

        return w.ToString();
    }

    /// <summary>The flags of <c>podconf env</c> that give the same node and pod IPs (spec/env.md, README).</summary>
    public static string NodeFlags(EnvInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var w = new StringBuilder();
        if (inputs.Node is { } node)
        {
            w.Append(" --node-name ").Append(node.Name);
            w.Append(node.Addresses.IsEmpty ? " --node-ip ''" : " --node-ip " + string.Join(",", node.Addresses));
            if (!node.EffectiveAllocatable.IsEmpty)
            {
                w.Append(" --node-allocatable ").Append(string.Join(",", node.EffectiveAllocatable.Select(kv => kv.Key + "=" + kv.Value.ToString())));
            }
        }

        if (!inputs.PodIPs.IsEmpty)
        {
            w.Append(" --pod-ip ").Append(string.Join(",", inputs.PodIPs));
        }

        return w.ToString();
    }

    private static void Header(StringBuilder w, string kind, string name, string ns) =>
        w.Append("---\napiVersion: v1\nkind: ").Append(kind).Append("\nmetadata:\n  name: ").Append(CaseText.Quote(name))
            .Append("\n  namespace: ").Append(CaseText.Quote(ns)).Append('\n');

    private static void AppendData(StringBuilder w, string field, IEnumerable<(string Key, string Value)> data)
    {
        var items = data.ToList();
        if (items.Count == 0)
        {
            w.Append(field).Append(": {}\n");
            return;
        }

        w.Append(field).Append(":\n");
        foreach (var (key, value) in items)
        {
            w.Append("  ").Append(CaseText.Quote(key)).Append(": ").Append(CaseText.Quote(value)).Append('\n');
        }
    }
}
