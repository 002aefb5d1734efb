namespace PodConformance.Manifests.Schema;

/// <summary>How a field's JSON value decodes: Go's kind for the field's type, or a type with its own UnmarshalJSON.</summary>
public enum SchemaKind
{
    String,
    Bool,
    Int32,
    Int64,

    /// <summary>resource.Quantity: a JSON string or number, parsed by ParseQuantity.</summary>
    Quantity,

    /// <summary>intstr.IntOrString: a JSON string is the name, anything else decodes as an int32.</summary>
    IntOrString,

    /// <summary>metav1.Time / MicroTime: a JSON string in RFC 3339, or null.</summary>
    Time,

    /// <summary>metav1.FieldsV1: any JSON, kept as written.</summary>
    RawJson,
    Struct,
    List,
    Map,
}
