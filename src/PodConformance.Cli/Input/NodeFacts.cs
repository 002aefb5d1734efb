using System.CommandLine;
using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;

namespace PodConformance.Cli.Input;

/// <summary>
/// What env needs to know about the node and the pod's sandbox, which no manifest holds: node name and IP
/// (<c>spec.nodeName</c>, <c>status.hostIP</c>), the pod IPs the runtime gave, and allocatable (the default for
/// unset limits in resourceFieldRef). From flags, else the first node of <c>--scenario</c>, else the default node.
/// </summary>
public sealed class NodeFacts
{
    public Option<string?> NodeName { get; } = new("--node-name") { Description = "Node the pod runs on: spec.nodeName when the pod has none (default: node-1, or the scenario's first node)", HelpName = "NAME" };

    public Option<string?> NodeIp { get; } = new("--node-ip") { Description = "Node address(es), comma-separated: status.hostIP/hostIPs (default 10.0.0.1)", HelpName = "IP[,IP]" };

    public Option<string?> PodIp { get; } = new("--pod-ip") { Description = "Pod IP(s) from the runtime, comma-separated: status.podIP/podIPs (default: the manifest's status.podIPs, else the scenario's pods.NAME.podIPs, else 10.244.0.10, the simulator's first pod IP)", HelpName = "IP[,IP]" };

    private Scenario? _scenario;

    public Option<string?> Allocatable { get; } = new("--node-allocatable") { Description = "Node allocatable, the default for unset limits in resourceFieldRef, e.g. cpu=4,memory=8Gi (default cpu=4,memory=8Gi,pods=110)", HelpName = "RES=QTY,..." };

    public Option<string?> ScenarioFile { get; } = new("--scenario") { Description = "Take node facts from the first node of a scenario file (spec/scenario.md); flags override", HelpName = "FILE" };

    public void AddTo(Command command)
    {
        command.Options.Add(NodeName);
        command.Options.Add(NodeIp);
        command.Options.Add(PodIp);
        command.Options.Add(Allocatable);
        command.Options.Add(ScenarioFile);
    }

    public Node ReadNode(ParseResult result, CliConsole console)
    {
        var node = Scenario.DefaultNode;
        if (result.GetValue(ScenarioFile) is { } path)
        {
            var file = InputFile.Read(path, console, "--scenario");
            var read = ScenarioReader.ReadText(file.Text, file.DisplayName);
            if (read.HasErrors || read.Scenario is null)
            {
                throw new UserInputException(string.Join("\npodconf: ", read.Diagnostics.Where(d => d.IsError)));
            }

            node = read.Scenario.EffectiveNodes[0];
            _scenario = read.Scenario;
        }

        if (result.GetValue(NodeName) is { } name)
        {
            node = node with { Name = name };
        }

        if (result.GetValue(NodeIp) is { } ips)
        {
            node = node with { Addresses = [.. Ips(ips, "--node-ip")] };
        }

        if (result.GetValue(Allocatable) is { } text)
        {
            node = node with { Allocatable = ParseResources(text, "--node-allocatable") };
        }

        return node;
    }

    /// <summary>The runtime's pod IPs: the flag, else what the manifest's status records.</summary>
    public ValueList<string> ReadPodIps(ParseResult result, Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (result.GetValue(PodIp) is { } ips)
        {
            var podIps = Ips(ips, "--pod-ip");
            if (podIps.Count > 1 && !OnePerFamily(podIps))
            {
                // The runtime's IPs become status.podIPs, which the API server refuses unless they are a dual-stack pair
                // (pkg/apis/core/validation/validation.go validatePodIPs, from ValidatePodStatusUpdate, at 000f26050b9b).
                throw new UserInputException($"--pod-ip: Invalid value: \"{ips}\": may specify no more than one IP for each IP family");
            }

            return [.. podIps];
        }

        if (pod.Status is { } status)
        {
            if (!status.PodIPs.IsEmpty)
            {
                return status.PodIPs;
            }

            if (status.PodIP.Length > 0)
            {
                return [status.PodIP];
            }
        }

        // ENV-015: a running pod always has an IP; without one given, the scenario's or the simulator's default.
        return (_scenario ?? new Scenario()).PodIPsFor(pod.Metadata.Name);
    }

    /// <summary>
    /// Exactly two IPs, one of each family, as netutils.IsDualStackIPStrings reads them (an IPv4-mapped IPv6 address is
    /// IPv4 there, as Go's To4 says); more than two can never be one per family.
    /// </summary>
    private static bool OnePerFamily(List<string> ips)
    {
        if (ips.Count != 2)
        {
            return false;
        }

        return IsV4(ips[0]) != IsV4(ips[1]);
    }

    private static bool IsV4(string ip)
    {
        var address = System.Net.IPAddress.Parse(ip);
        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork || address.IsIPv4MappedToIPv6;
    }

    /// <summary>Comma-separated IP addresses; anything else is a typo in the flag, not a fact about the pod.</summary>
    private static List<string> Ips(string text, string flag)
    {
        var ips = new List<string>();
        foreach (string ip in Split(text))
        {
            if (!System.Net.IPAddress.TryParse(ip, out _))
            {
                throw new UserInputException($"{flag}: \"{ip}\" is not an IP address");
            }

            ips.Add(ip);
        }

        return ips;
    }

    /// <summary><c>cpu=4,memory=8Gi</c> → resource map; bad entries are the user's to fix (exit 2).</summary>
    public static ValueMap<Quantity> ParseResources(string text, string flag)
    {
        var items = new List<(string, Quantity)>();
        foreach (string part in Split(text))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UserInputException($"{flag}: \"{part}\": expected RESOURCE=QUANTITY");
            }

            string value = part[(eq + 1)..];
            if (!Quantity.TryParse(value, out var q, out var error))
            {
                throw new UserInputException($"{flag}: {part[..eq]}: {Quantity.ErrorText(error)}");
            }

            if (q.Sign < 0)
            {
                throw new UserInputException($"{flag}: {part[..eq]}: must not be negative");
            }

            items.Add((part[..eq], q));
        }

        return ValueMap.Of([.. items]);
    }

    private static IEnumerable<string> Split(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
