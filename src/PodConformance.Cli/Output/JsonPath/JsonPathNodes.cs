namespace PodConformance.Cli.Output.JsonPath;

/// <summary>
/// The parse tree of a kubectl JSONPath template, node for node as client-go's <c>util/jsonpath</c> builds it:
/// a template is text and actions (<c>{…}</c>), an action is a list of nodes applied left to right.
/// </summary>
internal abstract record JpNode;

/// <summary>A list of nodes evaluated in turn; the template's root and every action are lists.</summary>
internal sealed record JpList(List<JpNode> Nodes) : JpNode;

internal sealed record JpText(string Text) : JpNode;

internal sealed record JpField(string Name) : JpNode;

internal sealed record JpWildcard : JpNode;

internal sealed record JpRecursive : JpNode;

internal sealed record JpIdentifier(string Name) : JpNode;

internal sealed record JpInt(long Value) : JpNode;

internal sealed record JpFloat(double Value) : JpNode;

internal sealed record JpBool(bool Value) : JpNode;

internal sealed record JpUnion(List<JpList> Lists) : JpNode;

/// <summary>One bound of a slice <c>[start:end:step]</c>; <see cref="Derived"/> marks <c>[i]</c>'s implied end i+1.</summary>
internal struct JpParam
{
    public bool Known;
    public long Value;
    public bool Derived;
}

internal sealed record JpArray(JpParam[] Params) : JpNode;

/// <summary><c>[?(left op right)]</c>, or <c>[?(left)]</c> with operator <c>exists</c>.</summary>
internal sealed record JpFilter(JpList Left, JpList Right, string Operator) : JpNode;
