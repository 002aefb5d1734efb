using System.CommandLine;
using System.Globalization;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Model.Api;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Oom;
using PodConformance.Model.Quantities;
using PodConformance.Model.Validation;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf oom-score</c>: the <c>oom_score_adj</c> the kubelet writes for each container (OOM rules), one line per
/// init and regular container. Needs the node's memory capacity because the Burstable formula divides by it.
/// Never refuses an invalid pod: like <c>qos</c>, it warns and answers anyway (exit 0).
/// </summary>
public static class OomScoreCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new InputOptions();
        var validation = new FieldValidationOption();
        var nodeMemory = new Option<string?>("--node-memory") { Description = "Node memory capacity (required), e.g. 8Gi: the Burstable formula is 1000 − 1000 × request / capacity", HelpName = "QTY" };
        var output = new OutputFlags("table", "table, json, yaml or jsonpath=TEMPLATE", "table", "json", "yaml", "jsonpath");
        var common = new CommonOptions();
        var command = new Command("oom-score", "Print each container's oom_score_adj (what the kernel OOM killer adds) and the rules that set it.");
        files.AddTo(command);
        validation.AddTo(command);
        command.Options.Add(nodeMemory);
        output.AddTo(command);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var format = output.Read(result);
            long capacity = ReadCapacity(result.GetValue(nodeMemory));
            var input = files.Load(result, console, "oom-score", profile.Version, validation: validation.Read(result), strictRefusalIsInputError: true);
            if (input.Pods.Count == 0)
            {
                return ExitCodes.UsageOrInput; // every document had errors (listed above): print no empty table
            }

            var rows = new List<(string Ns, string Pod, string Container, string Type, OomScore Score)>();
            foreach (var loaded in input.Pods)
            {
                var pod = PodDefaulter.Apply(loaded.Pod, profile);

                // As qos: the score is answered for an invalid pod too (the kubelet never sees one, but the question
                // is still answerable), with the API server's refusal as a warning so exit 0 does not read as "valid".
                foreach (var error in PodValidator.Validate(pod, profile).Errors)
                {
                    console.Error.Write($"podconf: warning: {PodInput.Where(loaded)}: {PodInput.Kind(loaded).ToLowerInvariant()} {PodInput.Namespace(loaded)}/{PodInput.ObjectName(loaded)} is invalid (the API server would reject it): {PodInput.AsWritten(loaded, error)}\n");
                }

                // The kubelet scores its own copy of the pod, which it got from the API server and annotated with source api
                // (OOM-008, PodSources): a config.source the author wrote does not make the pod static. A static pod is
                // asked about through its mirror pod (kubernetes.io/config.mirror, critical whatever its value).
                pod = PodSources.FromApiServer(pod);
                string ns = PodInput.Namespace(loaded);
                string name = PodInput.DisplayName(loaded);
                foreach (var c in pod.Spec.InitContainers)
                {
                    rows.Add((ns, name, c.Name, c.IsSidecarPolicy ? "sidecar" : "init", OomScoreAdjust.ForContainer(pod, c, capacity, profile)));
                }

                foreach (var c in pod.Spec.Containers)
                {
                    rows.Add((ns, name, c.Name, "regular", OomScoreAdjust.ForContainer(pod, c, capacity, profile)));
                }
            }

            if (format.IsData)
            {
                console.Out.Write(ObjectOutput.PrintDocument(format, Json.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var r in rows)
                    {
                        w.WriteStartObject();
                        w.WriteString("namespace", r.Ns);
                        w.WriteString("pod", r.Pod);
                        w.WriteString("container", r.Container);
                        w.WriteString("type", r.Type);
                        w.WriteNumber("oomScoreAdj", r.Score.Score);
                        w.WriteStartArray("rules");
                        foreach (string rule in r.Score.Rules)
                        {
                            w.WriteStringValue(rule);
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                })));
            }
            else
            {
                var table = new TabTable();
                table.Add("NAMESPACE", "POD", "CONTAINER", "TYPE", "OOM_SCORE_ADJ", "RULES");
                foreach (var r in rows)
                {
                    table.Add(r.Ns, r.Pod, r.Container, r.Type, r.Score.Score.ToString(CultureInfo.InvariantCulture), string.Join(",", r.Score.Rules));
                }

                table.WriteTo(console.Out, format.NoHeaders);
            }

            return input.Combine(ExitCodes.Ok);
        });
        return command;
    }

    private static long ReadCapacity(string? text)
    {
        if (text is null)
        {
            throw new UserInputException("oom-score: --node-memory QTY is required (the node's memory capacity, e.g. 8Gi)");
        }

        if (!Quantity.TryParse(text, out var q, out var error))
        {
            throw new UserInputException("--node-memory: " + Quantity.ErrorText(error));
        }

        if (q.Sign <= 0)
        {
            throw new UserInputException($"--node-memory: must be positive, got {text}");
        }

        // Value() wraps past int64 as Go's does (1e19 gives 0), which read as "must be positive" for a huge capacity;
        // the kubelet takes the capacity as an int64 of bytes (GetContainerOOMScoreAdjust's memoryCapacity).
        if (q.CompareTo(Quantity.FromInt64(long.MaxValue, QuantityFormat.DecimalSI)) > 0)
        {
            throw new UserInputException($"--node-memory: {text} is more bytes than the kubelet's int64 capacity holds (at most 9223372036854775807)");
        }

        long bytes = q.Value();

        // Value() rounds a fraction up (100m is 1 byte): a capacity is a count of bytes, so a fraction is a mistake
        // (m for M, most likely), not a request for the byte above it. A value past int64 is left to Value's clamp.
        if (bytes != long.MaxValue && q.CompareTo(Quantity.FromInt64(bytes, QuantityFormat.DecimalSI)) != 0)
        {
            throw new UserInputException($"--node-memory: {text} is not a whole number of bytes (a node's memory capacity counts bytes, e.g. 8Gi; m is milli, M is mega)");
        }

        return bytes;
    }
}
