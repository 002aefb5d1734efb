namespace PodConformance.Model.Validation;

/// <summary>
/// apimachinery's <c>field.ErrorType</c>; the comment on each member is the text <c>ErrorType.String()</c> prints.
/// </summary>
public enum FieldErrorType
{
    /// <summary>"Not found"</summary>
    NotFound,

    /// <summary>"Required value"</summary>
    Required,

    /// <summary>"Duplicate value"</summary>
    Duplicate,

    /// <summary>"Invalid value"</summary>
    Invalid,

    /// <summary>"Unsupported value"</summary>
    NotSupported,

    /// <summary>"Forbidden"</summary>
    Forbidden,

    /// <summary>"Too long"</summary>
    TooLong,

    /// <summary>"Too many"</summary>
    TooMany,

    /// <summary>"Internal error"</summary>
    Internal,
}
