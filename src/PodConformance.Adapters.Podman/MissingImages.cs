using PodConformance.Model.Api;
using PodConformance.Model.Backoff;
using PodConformance.Model.Simulation;

namespace PodConformance.Adapters.Podman;

/// <summary>
/// Images the scenario declares missing, answered by the adapter instead of podman (spec/adapter-podman.md, "Missing
/// images"). podman cannot be asked: <c>kube play</c> retries the pull for minutes and then fails the whole pod, so
/// nothing of the other containers would be observed. The kubelet's image manager is the one that answers a missing
/// image in Kubernetes, not the runtime, and podman has none: here the adapter plays it, with the model's image-pull
/// back-off (<see cref="ImagePullBackoff"/>, the kubelet's images/image_manager.go) evaluated at each poll, so the
/// container waits in <c>ErrImagePull</c> after a failed attempt and <c>ImagePullBackOff</c> while the back-off runs.
/// The containers that could run are played in podman as usual; what they do is podman's answer.
/// </summary>
public sealed class MissingImages
{
    /// <summary>The ErrImagePull message the adapter gives (the runtime's error text in Kubernetes; podman is not asked).</summary>
    public const string PullError = "podconf podman adapter: the scenario declares this image missing; podman was not asked to pull it";

    private readonly BackoffTracker _tracker = ImagePullBackoff.NewTracker();
    private readonly string _podKey;

    private MissingImages(IReadOnlyList<Container> answered, string podKey, bool blocksInit)
    {
        Answered = answered;
        _podKey = podKey;
        BlocksInit = blocksInit;
    }

    /// <summary>The containers whose image is missing and that the kubelet would get to, in spec order.</summary>
    public IReadOnlyList<Container> Answered { get; }

    /// <summary>
    /// True when an init container's image is missing: the kubelet never gets past it, so only the init containers
    /// before it run, and no app container is played.
    /// </summary>
    public bool BlocksInit { get; }

    public bool Any => Answered.Count > 0;

    /// <summary>What the adapter answers for <paramref name="pod"/> under <paramref name="scenario"/>.</summary>
    public static MissingImages For(Pod pod, Scenario scenario, string podKey)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(scenario);
        var init = pod.Spec.InitContainers;
        for (int i = 0; i < init.Count; i++)
        {
            if (scenario.Images.IsMissing(init[i].Image))
            {
                return new MissingImages([init[i]], podKey, blocksInit: true);
            }
        }

        return new MissingImages([.. pod.Spec.Containers.Where(c => scenario.Images.IsMissing(c.Image))], podKey, blocksInit: false);
    }

    /// <summary>True when <paramref name="container"/> of the pod is played in podman (its image is there and the kubelet gets to it).</summary>
    public bool IsPlayed(Container container, bool init, int index, IReadOnlyList<Container> initContainers)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(initContainers);
        if (BlocksInit)
        {
            return init && index < IndexOf(initContainers, Answered[0]);
        }

        return !Answered.Contains(container);
    }

    private static int IndexOf(IReadOnlyList<Container> list, Container c)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], c) || list[i].Name == c.Name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// One pull attempt for each answered container at virtual time <paramref name="at"/> (the adapter's kubelet syncs
    /// at every poll): <c>ErrImagePull</c> when the back-off allows a pull (it fails), <c>ImagePullBackOff</c> while it does not.
    /// </summary>
    public Dictionary<string, ContainerStateWaiting> Attempt(TimeSpan at)
    {
        var now = DateTimeOffset.UnixEpoch + at;
        var states = new Dictionary<string, ContainerStateWaiting>(StringComparer.Ordinal);
        foreach (var c in Answered)
        {
            states[c.Name] = ImagePullBackoff.Attempt(_tracker, _podKey, c.Image, PullError, now).Waiting!;
        }

        return states;
    }
}
