using System.Net;
using Polly;
using Polly.Retry;

namespace Nomadic.Workspace.Client;

/// <summary>Retries calls that failed for reasons that pass: the network, a timeout, an overloaded or restarting server.</summary>
internal static class WorkspaceRetry
{
    public static ResiliencePipeline<HttpResponseMessage> Create(WorkspaceClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TaskCanceledException>(e => e.InnerException is TimeoutException)
                    .HandleResult(IsTransient),
            });
        }

        return builder.Build();
    }

    private static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
}
