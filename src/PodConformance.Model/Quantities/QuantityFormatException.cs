namespace PodConformance.Model.Quantities;

/// <summary>Thrown by <see cref="Quantity.Parse(string)"/>; the message is Kubernetes' own error text.</summary>
public sealed class QuantityFormatException : FormatException
{
    public QuantityFormatException()
        : this(QuantityError.FormatWrong)
    {
    }

    public QuantityFormatException(string message)
        : base(message)
    {
    }

    public QuantityFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public QuantityFormatException(QuantityError error)
        : base(Quantity.ErrorText(error))
    {
        Error = error;
    }

    /// <summary>Which sentinel error Go would have returned.</summary>
    public QuantityError Error { get; } = QuantityError.FormatWrong;
}
