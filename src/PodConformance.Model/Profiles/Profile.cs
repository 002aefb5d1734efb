using PodConformance.Model.Collections;

namespace PodConformance.Model.Profiles;

/// <summary>
/// The semantics in force: a Kubernetes minor release plus feature-gate overrides. Every rule that differs
/// between releases asks the profile, never a version number directly.
/// </summary>
public sealed record Profile(KubernetesVersion Version, ValueMap<bool> Overrides)
{
    /// <summary>This profile's gate answers, filled on first use (<see cref="GateMemo"/>); never copied by <c>with</c>.</summary>
    private readonly GateMemo _gates = new();

    /// <summary>A copy (<c>with</c>) starts with an empty memo: its version or overrides may differ from the original's.</summary>
    private Profile(Profile original)
    {
        Version = original.Version;
        Overrides = original.Overrides;
        _gates = new GateMemo();
    }

    public static Profile Default { get; } = new(KubernetesVersion.Newest, ValueMap<bool>.Empty);

    public static Profile For(KubernetesVersion version) => new(version, ValueMap<bool>.Empty);

    /// <summary>
    /// A gate absent from this release is off, except one removed while locked on, which stays on (its checks went,
    /// its locked path stayed: <see cref="FeatureGate.RemovedLockedOn"/>); an explicit override wins; otherwise <c>AllAlpha</c> / <c>AllBeta</c>, when
    /// given, decide every gate of that stage in this release (component-base <c>setUnsetAlphaGates</c> /
    /// <c>setUnsetBetaGates</c> only fill gates not set explicitly); otherwise the release default (PROF-002).
    /// </summary>
    public bool IsEnabled(string gate) => _gates.Get(this, gate).Enabled;

    /// <summary>The gates the admission path asks about for every pod, answered once (kept in the memo, so <c>with</c> starts afresh).</summary>
    internal AdmissionGates Admission => _gates.Admission(this);

    /// <summary>
    /// The gate exists in this release and is off: what dropDisabledFields tests (a gate the release lacks drops nothing).
    /// Memoised like <see cref="IsEnabled"/>.
    /// </summary>
    internal bool IsGateOff(string gate)
    {
        var answer = _gates.Get(this, gate);
        return answer.InRelease && !answer.Enabled;
    }

    /// <summary>
    /// <see cref="IsEnabled"/>'s answer worked out from the catalog (PROF-002); the memo calls it once per gate name.
    /// </summary>
    private bool ComputeEnabled(string gate)
    {
        if (Overrides.TryGetValue(gate, out bool value))
        {
            return value;
        }

        var known = FeatureGateCatalog.Find(gate);
        var stage = known?.StageAt(Version);
        if (stage is null)
        {
            return known is not null && known.RemovedLockedOn(Version);
        }

        if (!Overrides.IsEmpty)
        {
            if (stage.Stage == FeatureStage.Alpha && Overrides.TryGetValue(FeatureGateCatalog.AllAlpha, out bool allAlpha))
            {
                return allAlpha;
            }

            if (stage.Stage == FeatureStage.Beta && Overrides.TryGetValue(FeatureGateCatalog.AllBeta, out bool allBeta))
            {
                return allBeta;
            }
        }

        return stage.Default;
    }

    /// <summary>
    /// The profile's gate answers by gate name, so the hot paths (defaulting, validation, QoS: dozens of gate questions
    /// per pod) pay a probe of a small table instead of a catalog lookup and a walk of the gate's history. An open-addressed
    /// table keyed by the name's object identity (call sites pass the <see cref="FeatureGateNames"/> constants): an empty
    /// slot is claimed once with the answer and never replaced, so a warm profile answers without allocating; a name seen
    /// as another string object takes its own slot, and when the probes find no free slot the answer is worked out again
    /// each time, without storing (still no allocation). Entries are immutable objects, so concurrent readers see a
    /// complete answer or none. Equal to any other memo, so that profiles compare (record equality) by version and
    /// overrides only.
    /// </summary>
    private sealed class GateMemo : IEquatable<GateMemo>
    {
        private const int SlotBits = 6;
        private const int Slots = 1 << SlotBits;
        private const int Probes = 8;

        /// <summary>Made on the first question, so a profile that is never asked costs one small object.</summary>
        private Entry?[]? _entries;

        /// <summary>Made on first use; two threads may both make one, with the same answers.</summary>
        private AdmissionGates? _admission;

        public AdmissionGates Admission(Profile profile) => Volatile.Read(ref _admission) ?? Interlocked.CompareExchange(ref _admission, new AdmissionGates(profile), null) ?? _admission!;

        public (bool Enabled, bool InRelease) Get(Profile profile, string gate)
        {
            ArgumentNullException.ThrowIfNull(gate);
            var entries = _entries ?? Interlocked.CompareExchange(ref _entries, new Entry?[Slots], null) ?? _entries;
            int slot = Slot(gate);
            for (int probe = 0; probe < Probes; probe++)
            {
                var entry = Volatile.Read(ref entries[slot]);
                if (entry is null)
                {
                    var made = new Entry(gate, profile.ComputeEnabled(gate), InRelease(profile, gate));
                    var seen = Interlocked.CompareExchange(ref entries[slot], made, null);
                    if (seen is null || ReferenceEquals(seen.Gate, gate))
                    {
                        var answer = seen ?? made;
                        return (answer.Enabled, answer.InRelease);
                    }

                    entry = seen;
                }

                if (ReferenceEquals(entry.Gate, gate))
                {
                    return (entry.Enabled, entry.InRelease);
                }

                slot = (slot + 1) & (Slots - 1);
            }

            return (profile.ComputeEnabled(gate), InRelease(profile, gate));
        }

        /// <summary>
        /// The first slot to probe: a multiplicative mix of the name's length and four of its characters (no call, unlike
        /// an identity hash); a slot still matches only the very same string object.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static int Slot(string gate)
        {
            int n = gate.Length;
            uint h = n == 0 ? 0u : (uint)n ^ ((uint)gate[0] << 8) ^ ((uint)gate[n >> 1] << 16) ^ ((uint)gate[n - 1] << 24) ^ ((uint)gate[n >> 2] * 31u);
            return (int)((h * 0x9E3779B1u) >> (32 - SlotBits));
        }

        private static bool InRelease(Profile profile, string gate) => FeatureGateCatalog.Find(gate)?.StageAt(profile.Version) is not null;

        public bool Equals(GateMemo? other) => other is not null;

        public override bool Equals(object? obj) => obj is GateMemo;

        public override int GetHashCode() => 0;
    }

    private sealed record Entry(string Gate, bool Enabled, bool InRelease);

    public override string ToString()
    {
        if (Overrides.IsEmpty)
        {
            return Version.ToString();
        }

        var parts = new List<string>(Overrides.Count);
        foreach (var (name, on) in Overrides)
        {
            parts.Add(name + "=" + (on ? "true" : "false"));
        }

        return Version + " (" + string.Join(",", parts) + ")";
    }
}
