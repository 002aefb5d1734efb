using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Process.Protocol;

/// <summary>The adapter's half of the handshake: who it is and what it can observe.</summary>
/// <param name="Name">The adapter's own name, for reports.</param>
/// <param name="Version">The adapter's own version, for reports.</param>
/// <param name="Capabilities">What it can observe (wire names from <see cref="CapabilityNames"/>).</param>
/// <param name="KubernetesVersions">Minor releases whose semantics it implements (<c>1.37</c>); cases for other releases fail without being sent.</param>
/// <param name="UnknownCapabilities">Capability names this podconf does not know (from a newer protocol revision); ignored, kept for reports.</param>
/// <param name="MaxInFlight">
/// How many run requests the adapter accepts before it has answered the earlier ones (<c>maxInFlight</c>, PROTO-005): 1, the
/// default, is one request at a time (PROTO-004). Written only in answer to a hello that offered pipelining.
/// </param>
public sealed record AdapterHello(
    string Name,
    string Version,
    Capability Capabilities,
    ValueList<KubernetesVersion> KubernetesVersions,
    ValueList<string> UnknownCapabilities = default,
    int MaxInFlight = 1)
{
    public bool Supports(KubernetesVersion version)
    {
        foreach (var v in KubernetesVersions)
        {
            if (v == version)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A message podconf sends: <c>hello</c>, <c>run</c> or <c>bye</c>.</summary>
public abstract record ClientMessage;

/// <summary>podconf's hello. <c>Pipelining</c>: it offered pipelining (<c>"pipelining":true</c>, PROTO-005), so the adapter may answer with <c>maxInFlight</c>.</summary>
public sealed record ClientHello(string Protocol, string Client, bool Pipelining = false) : ClientMessage;

public sealed record RunRequest(long Id, ConformanceCase Case, Profile Profile) : ClientMessage;

public sealed record ByeMessage : ClientMessage;

/// <summary>An answer to a run request: <c>observation</c> or <c>error</c>.</summary>
public abstract record AdapterReply;

public sealed record ObservationReply(long Id, Observation Observation) : AdapterReply;

/// <summary><paramref name="Id"/> is null for an error about no particular request (a refused handshake).</summary>
public sealed record ErrorReply(long? Id, string Message) : AdapterReply;
