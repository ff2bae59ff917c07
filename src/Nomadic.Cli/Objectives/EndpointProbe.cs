using System.Net.Sockets;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.ObjectiveSpecs;
using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Objectives;

/// <summary>
/// Checks before the first run that every model endpoint the objective asks (the llm objective's, the rag
/// objective's generation, an LLM judge's) accepts a connection, so an address where nothing listens stops the command
/// at once instead of failing every run after its retries.
/// </summary>
/// <remarks>
/// Only a TCP connection is opened (to the proxy when one applies): no request is sent, so no tokens are spent, and an
/// endpoint that answers with a rate limit or a server error counts as reachable; the runs and their retries handle it.
/// </remarks>
internal static class EndpointProbe
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Connects once to each endpoint of the plan's objective; does nothing for other objectives.</summary>
    /// <param name="plan">The validated plan.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when every endpoint accepted a connection.</returns>
    /// <exception cref="InputException">An endpoint refused the connection, has an unknown host or did not answer in time.</exception>
    public static async Task EnsureReachableAsync(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        foreach (LocatedText endpoint in Endpoints(plan.File.Objective).DistinctBy(e => e.Value))
        {
            if (await ProblemAsync(new Uri(endpoint.Value), cancellationToken) is string problem)
            {
                throw new InputException(endpoint.Position.Describe(plan.File.Path, $"the model endpoint {endpoint.Value} cannot be reached: {problem}"));
            }
        }
    }

    private static async Task<string?> ProblemAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        Uri target = HttpClient.DefaultProxy.GetProxy(endpoint) is Uri proxy && proxy != endpoint ? proxy : endpoint;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        using var connection = new TcpClient();
        try
        {
            await connection.ConnectAsync(target.Host, target.Port, timeout.Token);
            return null;
        }
        catch (SocketException e)
        {
            return $"{e.Message.TrimEnd('.')} ({target.Host}:{target.Port})";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no connection to {target.Host}:{target.Port} within {ConnectTimeout.TotalSeconds:0} s";
        }
    }

    private static IEnumerable<LocatedText> Endpoints(ObjectiveSpec objective) => objective switch
    {
        LlmObjectiveSpec llm => Of(llm.Client, llm.Evaluator),
        RagObjectiveSpec { Generation: { } generation } => Of(generation.Client, generation.Evaluator),
        _ => [],
    };

    private static IEnumerable<LocatedText> Of(LlmClientSpec client, LlmEvaluatorSpec evaluator) =>
        evaluator is JudgeEvaluatorSpec { Endpoint: { } judge } ? [client.Endpoint, judge] : [client.Endpoint];
}
