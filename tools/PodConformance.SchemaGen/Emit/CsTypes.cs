using PodConformance.SchemaGen.Go;

namespace PodConformance.SchemaGen.Emit;

/// <summary>What a Go field's value is, for the model's typing rules and the reader/writer code.</summary>
internal enum ValueShape
{
    String,
    Bool,
    Int32,
    Int64,
    Quantity,
    IntOrString,
    Time,
    RawJson,
    Struct,
    List,
    Map,
}

/// <summary>A Go type expression seen through the model's typing rules.</summary>
internal sealed record CsValue(ValueShape Shape, bool Pointer, string Record, CsValue? Item)
{
    /// <summary>
    /// The C# type: Go zero values are C# defaults, pointers nullable, <c>[]T</c> → ValueList, maps → ValueMap
    /// (ResourceList → ValueMap&lt;Quantity&gt;), metav1.Time → DateTimeOffset? (null is the zero time), FieldsV1 →
    /// its JSON text.
    /// </summary>
    public string TypeName => Shape switch
    {
        ValueShape.String => Pointer ? "string?" : "string",
        ValueShape.Bool => Pointer ? "bool?" : "bool",
        ValueShape.Int32 => Pointer ? "int?" : "int",
        ValueShape.Int64 => Pointer ? "long?" : "long",
        ValueShape.Quantity => Pointer ? "Quantity?" : "Quantity",
        ValueShape.IntOrString => Pointer ? "IntOrString?" : "IntOrString",
        ValueShape.Time => "DateTimeOffset?",
        ValueShape.RawJson => "string?",
        ValueShape.Struct => Pointer ? Record + "?" : Record,
        ValueShape.List => "ValueList<" + Item!.TypeName + ">",
        _ => "ValueMap<" + Item!.TypeName + ">",
    };

    public string? Initializer => Shape switch
    {
        ValueShape.String when !Pointer => " = \"\";",
        ValueShape.Struct when !Pointer => " = new();",
        _ => null,
    };

    public static CsValue Of(string typeExpr, ModelPlan plan) => Of(TypeExpr.Parse(typeExpr), plan);

    private static CsValue Of(TypeExpr e, ModelPlan plan)
    {
        switch (e.Kind)
        {
            case TypeExprKind.Pointer:
                var inner = Of(e.Elem!, plan);
                if (inner.Shape is ValueShape.List or ValueShape.Map)
                {
                    throw new InvalidOperationException("pointer to a collection is not supported: " + e);
                }

                return inner with { Pointer = true };
            case TypeExprKind.Slice:
                return new CsValue(ValueShape.List, false, "", Of(e.Elem!, plan));
            case TypeExprKind.Map:
                if (e.Key!.ToString() is not ("string" or "ResourceName"))
                {
                    throw new InvalidOperationException("map key must be a string: " + e);
                }

                return new CsValue(ValueShape.Map, false, "", Of(e.Elem!, plan));
        }

        switch (e.Name)
        {
            case "string": return new CsValue(ValueShape.String, false, "", null);
            case "bool": return new CsValue(ValueShape.Bool, false, "", null);
            case "int32": return new CsValue(ValueShape.Int32, false, "", null);
            case "int64" or "int": return new CsValue(ValueShape.Int64, false, "", null);
        }

        var type = plan.Union.Type(e.Name);
        return type.Kind switch
        {
            "struct" => new CsValue(ValueShape.Struct, false, plan.RecordOf(e.Name), null),
            "string" => new CsValue(ValueShape.String, false, "", null),
            "bool" => new CsValue(ValueShape.Bool, false, "", null),
            "int32" => new CsValue(ValueShape.Int32, false, "", null),
            "int64" or "int" => new CsValue(ValueShape.Int64, false, "", null),
            "quantity" => new CsValue(ValueShape.Quantity, false, "", null),
            "intOrString" => new CsValue(ValueShape.IntOrString, false, "", null),
            "time" or "microTime" => new CsValue(ValueShape.Time, false, "", null),
            "fieldsV1" => new CsValue(ValueShape.RawJson, false, "", null),
            "map" or "slice" => Of(TypeExpr.Parse(type.Underlying!), plan),
            _ => throw new InvalidOperationException($"type {e.Name} of kind {type.Kind} is not supported"),
        };
    }
}
