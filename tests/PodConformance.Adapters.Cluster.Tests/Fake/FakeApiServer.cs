using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PodConformance.Adapters.Cluster.Tests.Fake;

/// <summary>A request the fake API server received.</summary>
public sealed record FakeRequest(string Method, string Path, string Query, string Body, string? Authorization);

/// <summary>An answer: status and JSON body, or (watch) lines written one by one with a pause between them.</summary>
public sealed record FakeResponse(int Status, string Body = "", IReadOnlyList<string>? Lines = null, TimeSpan LinePause = default, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeResponse Json(int status, string body) => new(status, body);

    public static FakeResponse Watch(params string[] lines) => new(200, "", lines, TimeSpan.FromMilliseconds(20));
}

/// <summary>
/// A stand-in for kube-apiserver on 127.0.0.1 only (an <see cref="HttpListener"/> on a loopback port), answering with a
/// handler the test gives. No API server can be installed on these machines (README); this checks the adapter's HTTP
/// flow through a real <c>k8s.Kubernetes</c> client.
/// </summary>
public sealed class FakeApiServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<FakeRequest, Task<FakeResponse>> _handler;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public FakeApiServer(Func<FakeRequest, Task<FakeResponse>> handler)
    {
        _handler = handler;
        int port = FreeLoopbackPort();
        Url = "http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public FakeApiServer(Func<FakeRequest, FakeResponse> handler)
        : this(r => Task.FromResult(handler(r)))
    {
    }

    public string Url { get; }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public IEnumerable<FakeRequest> Where(string method, string pathPrefix) =>
        Requests.Where(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    private static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync().ConfigureAwait(false);
            }

            var request = new FakeRequest(
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath.Length > 1 ? context.Request.Url.AbsolutePath.TrimEnd('/') : "/",
                Uri.UnescapeDataString(context.Request.Url.Query),
                body,
                context.Request.Headers["Authorization"]);
            Requests.Enqueue(request);
            var answer = await _handler(request).ConfigureAwait(false);
            var response = context.Response;
            response.StatusCode = answer.Status;
            response.ContentType = "application/json";
            foreach (var (k, v) in answer.Headers ?? new Dictionary<string, string>())
            {
                response.Headers[k] = v;
            }

            if (answer.Lines is { } lines)
            {
                response.SendChunked = true;
                foreach (string line in lines)
                {
                    byte[] bytes = Encoding.UTF8.GetBytes(line + "\n");
                    await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
                    await response.OutputStream.FlushAsync().ConfigureAwait(false);
                    await Task.Delay(answer.LinePause, _stop.Token).ConfigureAwait(false);
                }
            }
            else
            {
                byte[] bytes = Encoding.UTF8.GetBytes(answer.Body);
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            }

            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away (a cancelled watch): nothing to do.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }
}
