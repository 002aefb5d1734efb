using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;

namespace PodConformance.Adapters.Process;

/// <summary>
/// The adapter side of spec/adapter-protocol.md for any <see cref="IConformanceAdapter"/>: <c>podconf adapter
/// serve</c> puts the model behind it, and a C# simulator can serve itself the same way. One request at a
/// time; every request gets exactly one answer, and a bad request is answered with an error, never a crash.
/// </summary>
public sealed class AdapterServer(IConformanceAdapter adapter, string version, ValueList<KubernetesVersion> kubernetesVersions)
{
    /// <summary>Every release the model implements, <see cref="KubernetesVersion.Oldest"/> to <see cref="KubernetesVersion.Newest"/>.</summary>
    public static ValueList<KubernetesVersion> ModelVersions
    {
        get
        {
            var list = new List<KubernetesVersion>();
            for (int minor = KubernetesVersion.Oldest.Minor; minor <= KubernetesVersion.Newest.Minor; minor++)
            {
                list.Add(new KubernetesVersion(KubernetesVersion.Oldest.Major, minor));
            }

            return list.ToValueList();
        }
    }

    public AdapterHello Hello => new(adapter.Name, version, adapter.Capabilities, kubernetesVersions);

    /// <summary>Serves until <c>bye</c> or end of input. Returns 0, or 1 when the handshake failed.</summary>
    public async Task<int> ServeAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        bool greeted = false;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ClientMessage message;
            try
            {
                message = ProtocolMessages.ReadRequest(line);
            }
            catch (ProtocolException e)
            {
                await SendAsync(output, ProtocolMessages.Error(ProtocolMessages.TryReadId(line), "bad request: " + e.Message)).ConfigureAwait(false);
                if (!greeted)
                {
                    return 1;
                }

                continue;
            }

            switch (message)
            {
                case ClientHello hello when !greeted:
                    if (hello.Protocol != ProcessAdapterInfo.ProtocolVersion)
                    {
                        await SendAsync(output, ProtocolMessages.Error(null, "unsupported protocol " + Excerpt.Quote(hello.Protocol, 60) + "; this adapter speaks " + ProcessAdapterInfo.ProtocolVersion)).ConfigureAwait(false);
                        return 1;
                    }

                    greeted = true;
                    await SendAsync(output, ProtocolMessages.AdapterHello(Hello)).ConfigureAwait(false);
                    break;
                case ClientHello:
                    await SendAsync(output, ProtocolMessages.Error(null, "hello was already received")).ConfigureAwait(false);
                    break;
                case ByeMessage:
                    return 0;
                case RunRequest run when !greeted:
                    await SendAsync(output, ProtocolMessages.Error(run.Id, "run before hello")).ConfigureAwait(false);
                    return 1;
                case RunRequest run:
                    await SendAsync(output, await AnswerAsync(run, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                    break;
            }
        }

        return greeted ? 0 : 1;
    }

    private async Task<string> AnswerAsync(RunRequest run, CancellationToken cancellationToken)
    {
        if (!kubernetesVersions.Contains(run.Profile.Version))
        {
            return ProtocolMessages.Error(run.Id, "Kubernetes " + run.Profile.Version + " is not implemented (supported: " + string.Join(", ", kubernetesVersions) + ")");
        }

        try
        {
            var observation = await adapter.RunAsync(run.Case, run.Profile, cancellationToken).ConfigureAwait(false);
            return observation.Failure is { } failure
                ? ProtocolMessages.Error(run.Id, failure)
                : ProtocolMessages.Observation(run.Id, observation);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // The contract says adapters report failures rather than throw; one that throws still gets an answer.
            return ProtocolMessages.Error(run.Id, "the adapter threw " + e.GetType().Name + ": " + e.Message);
        }
    }

    private static async Task SendAsync(TextWriter output, string line)
    {
        await output.WriteAsync(line + "\n").ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }
}
