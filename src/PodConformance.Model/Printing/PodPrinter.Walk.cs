namespace PodConformance.Model.Printing;

/// <summary>The mutable state of one printPod walk, kept off the public surface.</summary>
public static partial class PodPrinter
{
    private struct Walk
    {
        public Walk(string phase)
        {
            Reason = phase;
            Rules = [PrintRules.Phase];
            Explanation = $"status.phase is \"{phase}\"";
        }

        public string Reason;
        public string Explanation;
        public List<string> Rules;
        public int Ready;
        public long Restarts;
        public long SidecarRestarts;
        public DateTimeOffset? LastRestart;
        public DateTimeOffset? LastSidecarRestart;

        public void Set(string reason, string rule, string explanation)
        {
            Reason = reason;
            Explanation = explanation;
            if (Rules[^1] != rule)
            {
                Rules.Add(rule);
            }
        }

        /// <summary>A regular container's reason: cites the walk (PRINT-008) once, then PRINT-009.</summary>
        public void SetFromContainer(string reason, string explanation)
        {
            if (!Rules.Contains(PrintRules.ContainerWalk))
            {
                Rules.Add(PrintRules.ContainerWalk);
            }

            Set(reason, PrintRules.ContainerReason, explanation);
        }
    }
}
