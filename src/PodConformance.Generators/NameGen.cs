using FsCheck;
using FsCheck.Fluent;

namespace PodConformance.Generators;

/// <summary>
/// Names that pass their rule under every supported profile: DNS-1123 labels for containers (including the
/// 63-character boundary), IANA service names for ports, strict (pre-1.30) environment variable names.
/// </summary>
public static class NameGen
{
    /// <summary>The longest DNS-1123 label (63 characters): the boundary of VAL-011.</summary>
    public const string LongestLabel = "a-container-name-that-is-exactly-sixty-three-characters-long-xy";

    /// <summary>Readable container names, distinct, so a pod can draw several without collisions.</summary>
    public static IReadOnlyList<string> ContainerNamePool { get; } =
        ["app", "web", "worker", "api", "cache", "db", "proxy", "logger", "metrics", "setup", "migrate", "wait-for-db", "x", "9lives", LongestLabel];

    /// <summary>Port names: IANA_SVC_NAME (≤ 15 characters, a letter, no double dash).</summary>
    public static IReadOnlyList<string> PortNamePool { get; } = ["http", "https", "metrics", "grpc", "admin", "h2c", "a-15-char-name1"];

    /// <summary>Env names valid under the strict rule (<c>[-._a-zA-Z][-._a-zA-Z0-9]*</c>), hence under every profile.</summary>
    public static IReadOnlyList<string> EnvNamePool { get; } = ["MODE", "LOG_LEVEL", "PORT", "GREETING", "_PRIVATE", "app.name", "x-y", "A1"];

    /// <summary>Images of every reference shape: bare name, tag, latest, registry with port, digest.</summary>
    public static IReadOnlyList<string> ImagePool { get; } =
    [
        "nginx", "nginx:1.25", "busybox", "busybox:1.36", "busybox:latest", "registry.k8s.io/pause:3.9",
        "localhost:5000/app:v1", "ghcr.io/example/app@sha256:" + new string('a', 64),
    ];

    /// <summary><paramref name="count"/> distinct container names, in random order.</summary>
    public static Gen<string[]> DistinctContainerNames(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, ContainerNamePool.Count);
        return Gen.Shuffle(ContainerNamePool.ToArray()).Select(names => names.Take(count).ToArray());
    }

    /// <summary><paramref name="count"/> distinct items of a pool (all of it when the pool is smaller), in random order.</summary>
    public static Gen<string[]> DistinctSubset(IReadOnlyList<string> pool, int count) =>
        Gen.Shuffle(pool.ToArray()).Select(shuffled => shuffled.Take(count).ToArray());
}
