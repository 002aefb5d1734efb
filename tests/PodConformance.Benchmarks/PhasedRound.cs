using System.Buffers;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Benchmarks;

/// <summary>
/// Session 13's question (issue 12 item 6): when requests are sent ahead (PROTO-005), would the protocol cost less if each
/// side worked in phases over the requests it holds — decode them all, run the model over them all, encode all the
/// answers — instead of decode, model, encode per request? Session 12 found about 0.2× of the model lost to the model
/// running between codec steps (caches, branch history) and the model over 100 decoded requests at 1.10× with the decoding.
/// These are the same steps as <see cref="ProtocolStepBenchmarks.Round"/>, only grouped; the groups are those a client
/// sending ahead puts in flight (<see cref="Windows"/>), or fixed sizes. One instance per thread (its buffers are reused).
/// </summary>
internal sealed class PhasedRound
{
    /// <summary>AdapterProcess.PipeRoom on Linux (internal there): the request bytes podconf keeps in flight.</summary>
    public const int PipeRoom = 4096;

    /// <summary>ProcessAdapterOptions.MaxInFlight's default: at most this many requests in flight.</summary>
    public const int MaxInFlight = 32;

    private readonly ArrayBufferWriter<byte> _requests = new(64 * 1024);
    private readonly ArrayBufferWriter<byte> _answers = new(256 * 1024);
    private readonly List<int> _requestEnds = [];
    private readonly List<int> _answerEnds = [];
    private readonly List<RunRequest> _runs = [];
    private readonly List<Observation> _observations = [];

    /// <summary>
    /// Group sizes of consecutive requests as <c>ProcessAdapter.TrySendAhead</c> puts them in flight: the first always, the
    /// next while all of them fit in <see cref="PipeRoom"/> bytes of request lines (newline included), at most <see cref="MaxInFlight"/>.
    /// </summary>
    public static int[] Windows(byte[][] requests)
    {
        var groups = new List<int>();
        int count = 0, bytes = 0;
        foreach (byte[] r in requests)
        {
            int size = r.Length + 1;
            if (count > 0 && (bytes + size > PipeRoom || count == MaxInFlight))
            {
                groups.Add(count);
                (count, bytes) = (0, 0);
            }

            count++;
            bytes += size;
        }

        groups.Add(count);
        return [.. groups];
    }

    /// <summary><paramref name="count"/> cases in groups of <paramref name="size"/> (the last one smaller).</summary>
    public static int[] Groups(int count, int size)
    {
        var groups = new int[(count + size - 1) / size];
        for (int g = 0; g < groups.Length; g++)
        {
            groups[g] = Math.Min(size, count - (g * size));
        }

        return groups;
    }

    /// <summary>
    /// The round in phases per group of consecutive cases: the client encodes the group's requests, the server decodes
    /// them all, runs the model over them all, encodes all the answers, and the client decodes them all.
    /// </summary>
    public int Round(ConformanceCase[] cases, Profile profile, int[] groups)
    {
        int n = 0, first = 0;
        foreach (int size in groups)
        {
            _requests.ResetWrittenCount();
            _requestEnds.Clear();
            for (int i = first; i < first + size; i++)
            {
                ProtocolMessages.WriteRunLine(_requests, i, cases[i], profile);
                _requestEnds.Add(_requests.WrittenCount);
            }

            Serve(decodeAheadOnly: false);
            int start = 0;
            foreach (int end in _answerEnds)
            {
                n += ProtocolMessages.ReadReply(_answers.WrittenSpan[start..(end - 1)]) is ObservationReply ? 1 : 0;
                start = end;
            }

            first += size;
        }

        return n;
    }

    /// <summary>
    /// The server's part alone over request lines made once (beside the probe's "server steps"): the group's lines copied
    /// in as they would sit in its input buffer, then <see cref="Serve"/>.
    /// </summary>
    public int Server(byte[][] requests, int[] groups, bool decodeAheadOnly)
    {
        int n = 0, first = 0;
        foreach (int size in groups)
        {
            _requests.ResetWrittenCount();
            _requestEnds.Clear();
            for (int i = first; i < first + size; i++)
            {
                _requests.Write(requests[i]);
                _requests.Write("\n"u8);
                _requestEnds.Add(_requests.WrittenCount);
            }

            Serve(decodeAheadOnly);
            n += _answers.WrittenCount;
            first += size;
        }

        return n;
    }

    /// <summary>
    /// The client's part of a case (the suite runner's, without the comparison): its request encoded, the model's run as the
    /// oracle, the answer (made once, <paramref name="replies"/>) decoded; per case in turn, or (<paramref name="phased"/>) per
    /// group: all the group's requests, then all its answers decoded, then the oracle over the group.
    /// </summary>
    public int Client(ConformanceCase[] cases, Profile profile, byte[][] replies, int[] groups, bool phased)
    {
        int n = 0, first = 0;
        var decoded = new List<AdapterReply>(); // held until their case is compared, as a phased client would
        foreach (int size in groups)
        {
            _requests.ResetWrittenCount();
            for (int i = first; i < first + size; i++)
            {
                ProtocolMessages.WriteRunLine(_requests, i, cases[i], profile);
                if (!phased)
                {
                    n += ThroughputCases.RunModel(cases[i], profile);
                    n += ProtocolMessages.ReadReply(replies[i]) is ObservationReply ? 1 : 0;
                }
            }

            if (phased)
            {
                decoded.Clear();
                for (int i = first; i < first + size; i++)
                {
                    decoded.Add(ProtocolMessages.ReadReply(replies[i]));
                }

                for (int i = first; i < first + size; i++)
                {
                    n += ThroughputCases.RunModel(cases[i], profile);
                    n += decoded[i - first] is ObservationReply ? 1 : 0;
                }
            }

            first += size;
        }

        return n;
    }

    /// <summary>
    /// The server's phases over the lines held: decode all; then either run the model over all (its lazy facets computed
    /// there, as <see cref="ThroughputCases.RunModel(ConformanceCase, Profile)"/> does, not later by the encoder) and encode
    /// all the answers, or (<paramref name="decodeAheadOnly"/>) run and encode each in turn, holding no observation.
    /// </summary>
    private void Serve(bool decodeAheadOnly)
    {
        _runs.Clear();
        int start = 0;
        foreach (int end in _requestEnds)
        {
            _runs.Add((RunRequest)ProtocolMessages.ReadRequest(_requests.WrittenMemory[start..(end - 1)]));
            start = end;
        }

        _answers.ResetWrittenCount();
        _answerEnds.Clear();
        if (decodeAheadOnly)
        {
            foreach (var run in _runs)
            {
                ProtocolMessages.WriteObservationLine(_answers, run.Id, ModelAdapter.Run(run.Case, run.Profile));
                _answerEnds.Add(_answers.WrittenCount);
            }

            _runs.Clear();
            return;
        }

        _observations.Clear();
        foreach (var run in _runs)
        {
            var o = ModelAdapter.Run(run.Case, run.Profile);
            _ = (o.Lifecycle, o.Env, o.OomScore);
            _observations.Add(o);
        }

        for (int i = 0; i < _runs.Count; i++)
        {
            ProtocolMessages.WriteObservationLine(_answers, _runs[i].Id, _observations[i]);
            _answerEnds.Add(_answers.WrittenCount);
        }

        _runs.Clear();
        _observations.Clear(); // a server would hold no answer once written
    }
}
