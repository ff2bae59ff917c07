using System.ClientModel;
using System.Globalization;
using System.Net;

namespace Nomadic.AI.Models;

/// <summary>Classifies chat call failures as transient or not, and reads the server's <c>Retry-After</c>.</summary>
internal static class TransientErrors
{
    /// <summary>Returns whether a failure is worth another attempt; the caller's own cancellation never is.</summary>
    public static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        OperationCanceledException => !callerToken.IsCancellationRequested,
        TimeoutException => true,
        ClientResultException { Status: 0 } => true,
        ClientResultException result => IsTransientStatus(result.Status),
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException http => IsTransientStatus((int)http.StatusCode!.Value),
        _ => false,
    };

    /// <summary>Reads the delay the server asked for: <c>Retry-After</c> in seconds or as an HTTP date, or <c>retry-after-ms</c>.</summary>
    public static TimeSpan? RetryAfter(Exception? exception, DateTimeOffset now)
    {
        if (exception is not ClientResultException result || result.GetRawResponse() is not { } response)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out string? milliseconds)
            && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out double ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (!response.Headers.TryGetValue("Retry-After", out string? value) || value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date)
            ? TimeSpan.FromTicks(Math.Max(0, (date - now).Ticks))
            : null;
    }

    private static bool IsTransientStatus(int status) =>
        status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500;
}
