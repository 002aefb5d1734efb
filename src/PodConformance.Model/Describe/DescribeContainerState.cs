using PodConformance.Model.Api;

namespace PodConformance.Model.Describe;

/// <summary>
/// describe.go <c>describeContainerState</c> and <c>describeStatus</c> (DESC-023): State, Last State (only a terminated
/// one), Ready and Restart Count. Times are RFC1123Z (DESC-004).
/// </summary>
internal static class DescribeContainerState
{
    public static void Write(DescribeWriter w, ContainerStatus status)
    {
        WriteState(w, "State", status.State);
        if (status.LastState.Terminated is not null)
        {
            WriteState(w, "Last State", status.LastState);
        }

        w.Write(DescribeWriter.Level2, "Ready:\t" + GoText.TitleBool(status.Ready) + "\n");
        w.Write(DescribeWriter.Level2, "Restart Count:\t" + GoText.Int(status.RestartCount) + "\n");
    }

    /// <summary>Running, else Waiting, else Terminated (describeStatus's switch order); no state at all prints Waiting.</summary>
    private static void WriteState(DescribeWriter w, string name, ContainerState state)
    {
        if (state.Running is { } running)
        {
            w.Write(DescribeWriter.Level2, name + ":\tRunning\n");
            w.Write(DescribeWriter.Level3, "Started:\t" + GoText.Rfc1123Z(running.StartedAt) + "\n");
        }
        else if (state.Waiting is { } waiting)
        {
            w.Write(DescribeWriter.Level2, name + ":\tWaiting\n");
            if (waiting.Reason.Length != 0)
            {
                w.Write(DescribeWriter.Level3, "Reason:\t" + waiting.Reason + "\n");
            }
        }
        else if (state.Terminated is { } t)
        {
            w.Write(DescribeWriter.Level2, name + ":\tTerminated\n");
            if (t.Reason.Length != 0)
            {
                w.Write(DescribeWriter.Level3, "Reason:\t" + t.Reason + "\n");
            }

            if (t.Message.Length != 0)
            {
                w.Write(DescribeWriter.Level3, "Message:\t" + t.Message + "\n");
            }

            w.Write(DescribeWriter.Level3, "Exit Code:\t" + GoText.Int(t.ExitCode) + "\n");
            if (t.Signal > 0)
            {
                w.Write(DescribeWriter.Level3, "Signal:\t" + GoText.Int(t.Signal) + "\n");
            }

            w.Write(DescribeWriter.Level3, "Started:\t" + GoText.Rfc1123Z(t.StartedAt) + "\n");
            w.Write(DescribeWriter.Level3, "Finished:\t" + GoText.Rfc1123Z(t.FinishedAt) + "\n");
        }
        else
        {
            w.Write(DescribeWriter.Level2, name + ":\tWaiting\n");
        }
    }
}
