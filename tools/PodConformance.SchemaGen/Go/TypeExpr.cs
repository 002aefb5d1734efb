namespace PodConformance.SchemaGen.Go;

/// <summary>A Go type expression: a pointer, slice or map around named types (<c>*[]map[string]Foo</c>).</summary>
internal sealed record TypeExpr(TypeExprKind Kind, string Name, TypeExpr? Key, TypeExpr? Elem)
{
    public static TypeExpr Parse(string text)
    {
        text = text.Trim();
        if (text.StartsWith('*'))
        {
            return new TypeExpr(TypeExprKind.Pointer, "", null, Parse(text[1..]));
        }

        if (text.StartsWith("[]", StringComparison.Ordinal))
        {
            return new TypeExpr(TypeExprKind.Slice, "", null, Parse(text[2..]));
        }

        if (text.StartsWith("map[", StringComparison.Ordinal))
        {
            int depth = 0;
            for (int i = 3; i < text.Length; i++)
            {
                if (text[i] == '[')
                {
                    depth++;
                }
                else if (text[i] == ']' && --depth == 0)
                {
                    return new TypeExpr(TypeExprKind.Map, "", Parse(text[4..i]), Parse(text[(i + 1)..]));
                }
            }

            throw new FormatException("unbalanced map type: " + text);
        }

        if (text.Length == 0 || text.Contains(' ', StringComparison.Ordinal) || text.Contains('[', StringComparison.Ordinal))
        {
            throw new FormatException("unsupported Go type expression: " + text);
        }

        return new TypeExpr(TypeExprKind.Named, text, null, null);
    }

    /// <summary>Every named type the expression mentions.</summary>
    public IEnumerable<string> Names()
    {
        if (Kind == TypeExprKind.Named)
        {
            yield return Name;
        }

        foreach (var inner in new[] { Key, Elem })
        {
            if (inner is not null)
            {
                foreach (var n in inner.Names())
                {
                    yield return n;
                }
            }
        }
    }

    /// <summary>The same expression with every name passed through <paramref name="rename"/>.</summary>
    public TypeExpr Map(Func<string, string> rename) => Kind switch
    {
        TypeExprKind.Named => this with { Name = rename(Name) },
        _ => this with { Key = Key?.Map(rename), Elem = Elem?.Map(rename) },
    };

    public override string ToString() => Kind switch
    {
        TypeExprKind.Pointer => "*" + Elem,
        TypeExprKind.Slice => "[]" + Elem,
        TypeExprKind.Map => "map[" + Key + "]" + Elem,
        _ => Name,
    };
}

internal enum TypeExprKind
{
    Named,
    Pointer,
    Slice,
    Map,
}
