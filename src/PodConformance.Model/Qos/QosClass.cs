namespace PodConformance.Model.Qos;

/// <summary>core/v1 PodQOSClass. The API strings are the names.</summary>
public enum QosClass
{
    BestEffort,
    Burstable,
    Guaranteed,
}

public static class QosClassNames
{
    public static string ToApiString(this QosClass qos) => qos switch
    {
        QosClass.Guaranteed => "Guaranteed",
        QosClass.Burstable => "Burstable",
        _ => "BestEffort",
    };

    public static bool TryParse(string text, out QosClass qos)
    {
        switch (text)
        {
            case "Guaranteed": qos = QosClass.Guaranteed; return true;
            case "Burstable": qos = QosClass.Burstable; return true;
            case "BestEffort": qos = QosClass.BestEffort; return true;
            default: qos = QosClass.BestEffort; return false;
        }
    }
}
