using PodConformance.Model.Collections;

namespace PodConformance.Model.Printing;

/// <summary>
/// One row of the pod table exactly as the API server's printer returns it: the five default cells, the four
/// wide cells (always computed; <see cref="Cells"/> picks), the row conditions, and why STATUS is what it is.
/// </summary>
public sealed record PodRow
{
    public string Name { get; init; } = "";

    /// <summary>READY, e.g. <c>1/2</c>.</summary>
    public string Ready { get; init; } = "";

    /// <summary>STATUS, e.g. <c>Init:0/2</c>, <c>CrashLoopBackOff</c>, <c>Terminating</c>.</summary>
    public string Status { get; init; } = "";

    /// <summary>RESTARTS, e.g. <c>3</c> or <c>3 (2m ago)</c>.</summary>
    public string Restarts { get; init; } = "";

    /// <summary>AGE, e.g. <c>10m</c> or <c>&lt;unknown&gt;</c>.</summary>
    public string Age { get; init; } = "";

    /// <summary>Wide: IP, or <c>&lt;none&gt;</c>.</summary>
    public string IP { get; init; } = "";

    /// <summary>Wide: NODE, or <c>&lt;none&gt;</c>.</summary>
    public string Node { get; init; } = "";

    /// <summary>Wide: NOMINATED NODE, or <c>&lt;none&gt;</c>.</summary>
    public string NominatedNode { get; init; } = "";

    /// <summary>Wide: READINESS GATES, <c>true/total</c> or <c>&lt;none&gt;</c>.</summary>
    public string ReadinessGates { get; init; } = "";

    /// <summary>The READY numerator.</summary>
    public int ReadyContainers { get; init; }

    /// <summary>The READY denominator.</summary>
    public int TotalContainers { get; init; }

    /// <summary>The RESTARTS number (Go int: summed without 32-bit overflow).</summary>
    public long RestartCount { get; init; }

    /// <summary>Empty, or Completed=True for Succeeded and Failed pods (PRINT-017).</summary>
    public ValueList<TableRowCondition> Conditions { get; init; }

    /// <summary>The rule IDs that produced STATUS, in the order they applied; the last one decided.</summary>
    public ValueList<string> StatusRules { get; init; }

    /// <summary>One sentence on the step that decided STATUS, for <c>explain</c>.</summary>
    public string StatusExplanation { get; init; } = "";

    /// <summary>The cells in column order: five, or nine with <paramref name="wide"/> (<c>-o wide</c>).</summary>
    public string[] Cells(bool wide = false) => wide
        ? [Name, Ready, Status, Restarts, Age, IP, Node, NominatedNode, ReadinessGates]
        : [Name, Ready, Status, Restarts, Age];
}
