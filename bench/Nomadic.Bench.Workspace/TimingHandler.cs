using System.Collections.Concurrent;
using System.Diagnostics;

namespace Nomadic.Bench;

/// <summary>Times every HTTP request (each retry apart) and counts the answers that were not a success.</summary>
internal sealed class TimingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _failed;

    public ConcurrentBag<double> Milliseconds { get; } = [];

    public int Failed => _failed;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _failed);
            }

            return response;
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _failed);
            throw;
        }
        finally
        {
            Milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
}
