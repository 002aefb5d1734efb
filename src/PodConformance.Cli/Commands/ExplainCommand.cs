using System.CommandLine;
using System.Globalization;
using System.Text;
using PodConformance.Cli.Input;
using PodConformance.Model.Admission;
using PodConformance.Model.Qos;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf explain</c>: a Pod walked through what the API server does to it at create, step by step (PodCreate's
/// steps, ADM-001), each line citing the spec rule that decided it. Written for a learner.
/// </summary>
public static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var files = FileOption.Create();
        var verbose = FileOption.Verbose();
        var common = new CommonOptions();
        var admission = new AdmissionOptions();
        var command = new Command("explain", "Explain step by step what Kubernetes does with a Pod at create: defaulting, admission, validation, QoS, citing spec rules.");
        command.Options.Add(files);
        command.Options.Add(verbose);
        admission.AddTo(command);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var input = PodInput.Load(result.GetValue(files), console, "explain", profile.Version, result.GetValue(verbose));
            var objects = admission.Read(result, console);
            if (objects.HasErrors)
            {
                return ExitCodes.UsageOrInput;
            }

            bool anyRefused = false;
            var sb = new StringBuilder();
            for (int i = 0; i < input.Pods.Count; i++)
            {
                var loaded = input.Pods[i];
                if (i > 0)
                {
                    sb.Append('\n');
                }

                sb.Append(CultureInfo.InvariantCulture, $"Pod {PodInput.Namespace(loaded)}/{PodInput.DisplayName(loaded)} ({loaded.File}:{loaded.Position.Line}), Kubernetes {profile}\n");
                var created = PodCreate.Run(loaded.Pod, profile, objects.Admission);
                anyRefused |= !created.Accepted;
                Explain(sb, created, profile);
                var notChecked = Output.CreateReport.NotChecked(created, loaded.Pod);
                if (!notChecked.IsEmpty)
                {
                    sb.Append("\nNot checked (no verdict on these):\n");
                    foreach (var n in notChecked)
                    {
                        sb.Append("   ").Append(n.ToString()).Append('\n');
                    }
                }
            }

            console.Out.Write(sb.ToString());
            return input.Combine(anyRefused ? ExitCodes.CheckFailed : ExitCodes.Ok);
        });
        return command;
    }

    private static void Explain(StringBuilder sb, PodCreateResult created, Model.Profiles.Profile profile)
    {
        var steps = created.Steps;
        int n = 0;
        Section(sb, ++n, "Defaulting: the API server fills in what the manifest left out.");
        Changes(sb, steps.Where(s => s.Stage == AdmissionStage.Defaulting), "nothing to fill in", indent: "   ");

        Section(sb, ++n, "Admission: the request, then the mutating admission plugins in kube-apiserver's order (ADM-001, ADM-010).");
        foreach (var s in steps.Where(s => s.Stage is AdmissionStage.Request or AdmissionStage.MutatingAdmission))
        {
            Step(sb, s);
        }

        if (!Reached(sb, created, AdmissionStage.PrepareForCreate))
        {
            return;
        }

        Section(sb, ++n, "PrepareForCreate: what the pod strategy sets, drops and merges before validation.");
        Changes(sb, steps.Where(s => s.Stage == AdmissionStage.PrepareForCreate), "nothing", indent: "   ");

        Section(sb, ++n, "Validation: would the API server accept it?");
        if (created.Validated && !created.Validation.IsValid)
        {
            sb.Append("   no: the create is rejected with these field errors\n");
            foreach (var error in created.Validation.Errors)
            {
                sb.Append(CultureInfo.InvariantCulture, $"   {error.Rule}  {error}\n");
            }

            return;
        }

        sb.Append("   yes: no field errors\n");
        if (!created.Warnings.IsEmpty)
        {
            sb.Append("   with warnings:\n");
            foreach (var w in created.Warnings)
            {
                sb.Append(CultureInfo.InvariantCulture, $"   {w.Rule}  Warning: {w.Text}\n");
            }
        }

        Section(sb, ++n, "Validating admission: the plugins' checks of the prepared pod.");
        foreach (var s in steps.Where(s => s.Stage == AdmissionStage.ValidatingAdmission))
        {
            Step(sb, s);
        }

        if (!created.Accepted)
        {
            return;
        }

        var qos = QosCalculator.Explain(created.Stored with { Status = null }, profile);
        Section(sb, ++n, "QoS class: " + qos.Class.ToApiString());
        sb.Append(CultureInfo.InvariantCulture, $"   {string.Join(" ", qos.Rules)}  {qos.Reason}\n");
    }

    private static void Section(StringBuilder sb, int n, string title) =>
        sb.Append(CultureInfo.InvariantCulture, $"\n{n}. {title}\n");

    private static void Changes(StringBuilder sb, IEnumerable<AdmissionStep> steps, string none, string indent)
    {
        bool any = false;
        foreach (var s in steps)
        {
            foreach (var c in s.Changes)
            {
                any = true;
                sb.Append(CultureInfo.InvariantCulture, $"{indent}{c.Rule}  {c.Field} = {c.Value}\n");
            }
        }

        if (!any)
        {
            sb.Append(indent).Append(none).Append('\n');
        }
    }

    private static void Step(StringBuilder sb, AdmissionStep s)
    {
        sb.Append("   ").Append(s.Name).Append(':');
        if (s.Changes.IsEmpty && s.Rejection is null)
        {
            string none = s.Stage == AdmissionStage.ValidatingAdmission ? "allowed" : "no change";
            sb.Append(' ').Append(s.Note.Length == 0 ? none : s.Note).Append('\n');
            return;
        }

        sb.Append('\n');
        foreach (var c in s.Changes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"     {c.Rule}  {c.Field} = {c.Value}\n");
        }

        if (s.Rejection is { } r)
        {
            sb.Append(CultureInfo.InvariantCulture, $"     {r.Rule}  refused: {r.Message}\n");
        }
    }

    /// <summary>True when the create got as far as <paramref name="stage"/>; otherwise says where it stopped.</summary>
    private static bool Reached(StringBuilder sb, PodCreateResult created, AdmissionStage stage)
    {
        if (created.Accepted || created.Steps.Any(s => s.Stage >= stage))
        {
            return true;
        }

        sb.Append("\nThe create stops here: ").Append(created.Rejection!.Message).Append('\n');
        return false;
    }
}
