namespace PodConformance.SchemaGen.Go;

/// <summary>A field of a Go struct as written: its name (empty for an embedded member), type, tag and the marker comments above it.</summary>
internal sealed record GoField(string Name, string Type, string Tag, IReadOnlyList<string> Markers)
{
    public bool IsEmbedded => Name.Length == 0;
}

/// <summary>
/// A Go type declaration: a struct (<see cref="Fields"/> set) or a named type over another type expression
/// (<see cref="Underlying"/>, e.g. <c>string</c> or <c>map[ResourceName]resource.Quantity</c>).
/// </summary>
internal sealed record GoTypeDecl(string Name, IReadOnlyList<GoField>? Fields, string? Underlying, IReadOnlyList<string> Markers)
{
    public bool IsStruct => Fields is not null;
}

/// <summary>A typed string constant (<c>RestartPolicyAlways RestartPolicy = "Always"</c>).</summary>
internal sealed record GoConst(string Name, string Type, string Value);

/// <summary>What one Go file declares, in declaration order.</summary>
internal sealed record GoFile(IReadOnlyDictionary<string, GoTypeDecl> Types, IReadOnlyList<GoConst> Consts);
