using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;
using Nomadic.AI.Models;

namespace Nomadic.Bench.Rag;

/// <summary>
/// Items per second of the LLM judge through the whole client stack (OpenAI client over HTTP, retries, usage tracking,
/// prompt building, answer parsing), against a loopback server that speaks OpenAI's chat completions API and answers
/// after a fixed delay standing in for the model. With no delay it measures the stack's own cost; with a delay, how
/// the judge's throughput grows with the items in flight (the model's latency bounds it, not the library).
/// </summary>
internal static class JudgeThroughput
{
    private const string Verdict = "{\"correctness\": 8, \"groundedness\": 7, \"concision\": 9}";

    public static List<(string Name, double Value, string Unit, string Note)> Measure(IReadOnlyList<EvaluationItem> items, IReadOnlyList<string> outputs)
    {
        var rows = new List<(string, double, string, string)>();
        var rubric = new JudgeRubric(new Dictionary<string, double> { ["correctness"] = 0.6, ["groundedness"] = 0.3, ["concision"] = 0.1 });
        foreach ((int delayMs, int concurrency, int repeats) in new[] { (0, 1, 5), (0, 8, 5), (250, 1, 1), (250, 8, 1), (250, 32, 1) })
        {
            using var server = new StandInModelServer(TimeSpan.FromMilliseconds(delayMs));
            var usage = new ChatUsageTracker();
            using IChatClient judge = ChatClients.Create(new ChatEndpointOptions(server.Endpoint, "stand-in"))
                .AsBuilder().UseUsageTracking(usage).UseRetries().Build();
            var evaluator = new LlmJudgeEvaluator(judge, rubric);
            // Warm-up: connections, JIT and the parser's first call.
            evaluator.EvaluateAllAsync(items.Take(8).ToList(), outputs.Take(8).ToList(), concurrency).GetAwaiter().GetResult();
            double best = 0;
            for (int r = 0; r < repeats; r++)
            {
                var watch = Stopwatch.StartNew();
                var (scores, _) = evaluator.EvaluateAllAsync(items, outputs, concurrency).GetAwaiter().GetResult();
                best = Math.Max(best, items.Count / watch.Elapsed.TotalSeconds);
                if (scores.Any(s => s.Details.ContainsKey("judge_error")) || usage.Snapshot().Calls == 0)
                {
                    throw new InvalidOperationException("The judge's answer was not read, or no usage was recorded.");
                }
            }

            string what = delayMs == 0
                ? $"LLM judge, 3-criterion rubric, {concurrency} in flight, loopback OpenAI-compatible server answering at once: the library's own cost per item"
                : $"LLM judge, {concurrency} in flight, server answering after {delayMs} ms (a model's latency): {items.Count} items in {Waves(items.Count, concurrency)} waves, at most {items.Count * 1000.0 / (Waves(items.Count, concurrency) * delayMs):0} items/s";
            rows.Add(($"evaluator_llm_judge_{delayMs}ms_x{concurrency}", best, "items/s", what));
        }

        return rows;
    }

    private static int Waves(int items, int concurrency) => (items + concurrency - 1) / concurrency;

    /// <summary>A loopback HTTP server answering every chat completion with the same verdict after a delay.</summary>
    private sealed class StandInModelServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly TimeSpan _delay;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public StandInModelServer(TimeSpan delay)
        {
            _delay = delay;
            int port = FreePort();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            Endpoint = new Uri($"http://127.0.0.1:{port}/v1");
            _loop = Task.Run(AcceptAsync);
        }

        public Uri Endpoint { get; }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The listener was closed under the pending accept.
            }

            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => AnswerAsync(context));
            }
        }

        private async Task AnswerAsync(HttpListenerContext context)
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            string request = await reader.ReadToEndAsync().ConfigureAwait(false);
            if (_delay > TimeSpan.Zero)
            {
                await Task.Delay(_delay).ConfigureAwait(false);
            }

            int promptTokens = request.Length / 4;
            byte[] body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                id = "chatcmpl-stand-in",
                @object = "chat.completion",
                created = 0,
                model = "stand-in",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = Verdict }, finish_reason = "stop" } },
                usage = new { prompt_tokens = promptTokens, completion_tokens = 20, total_tokens = promptTokens + 20 },
            });
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body).ConfigureAwait(false);
            context.Response.Close();
        }

        private static int FreePort()
        {
            using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
