using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Nomadic.Cli.Tests.Support;

/// <summary>
/// A model server on 127.0.0.1 speaking OpenAI's chat completions API (<c>POST /v1/chat/completions</c>): every
/// request is recorded and answered by a function of the request, except the first ones, which are refused with
/// 429 and <c>Retry-After: 0</c> as a rate-limited API would.
/// </summary>
internal sealed class LoopbackModelServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<ModelRequest, string> _answer;
    private readonly ConcurrentQueue<ModelRequest> _requests = new();
    private readonly Task _loop;
    private int _rateLimitsLeft;
    private int _rateLimited;

    /// <summary>Starts the server.</summary>
    /// <param name="answer">The model's answer to a request.</param>
    /// <param name="rateLimitedRequests">How many of the first requests get a 429.</param>
    public LoopbackModelServer(Func<ModelRequest, string> answer, int rateLimitedRequests = 1)
    {
        _answer = answer;
        _rateLimitsLeft = rateLimitedRequests;
        int port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Endpoint = $"http://127.0.0.1:{port}/v1";
        _loop = Task.Run(AcceptAsync);
    }

    public string Endpoint { get; }

    /// <summary>Gets every request received, the refused ones included.</summary>
    public IReadOnlyList<ModelRequest> Requests => [.. _requests];

    /// <summary>Gets how many requests were answered with 429.</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    /// <summary>Returns a loopback port nothing listens on (for a while).</summary>
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under the pending accept.
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        string body = await reader.ReadToEndAsync();
        ModelRequest request = ModelRequest.Parse(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, body);
        _requests.Enqueue(request);
        if (Interlocked.Decrement(ref _rateLimitsLeft) >= 0)
        {
            Interlocked.Increment(ref _rateLimited);
            context.Response.AddHeader("Retry-After", "0");
            await WriteAsync(context.Response, 429, new { error = new { message = "Rate limit reached, retry after 0 s.", type = "requests", code = "rate_limit_exceeded" } });
            return;
        }

        if (request.Method != "POST" || request.Path != "/v1/chat/completions")
        {
            await WriteAsync(context.Response, 404, new { error = new { message = $"No route {request.Method} {request.Path}." } });
            return;
        }

        string answer = _answer(request);
        int promptTokens = request.Prompt.Split(' ').Length + (request.System?.Split(' ').Length ?? 0);
        int completionTokens = answer.Split(' ').Length;
        await WriteAsync(context.Response, 200, new
        {
            id = "chatcmpl-loopback",
            @object = "chat.completion",
            created = 0,
            model = request.Model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = answer }, finish_reason = "stop" } },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
        });
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, object body)
    {
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }
}

/// <summary>One chat completion request as the server saw it.</summary>
/// <param name="MaxTokensField">The field the output limit came in: <c>max_completion_tokens</c>, <c>max_tokens</c> or null.</param>
internal sealed record ModelRequest(string Method, string Path, string? Model, double? Temperature, int? MaxTokens, string? MaxTokensField, string? System, string Prompt)
{
    public static ModelRequest Parse(string method, string path, string body)
    {
        using JsonDocument json = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
        JsonElement root = json.RootElement;
        string? Message(string role) => root.TryGetProperty("messages", out JsonElement messages)
            ? messages.EnumerateArray().Where(m => m.GetProperty("role").GetString() == role).Select(m => Text(m.GetProperty("content"))).LastOrDefault()
            : null;
        string? field = root.TryGetProperty("max_completion_tokens", out _) ? "max_completion_tokens"
            : root.TryGetProperty("max_tokens", out _) ? "max_tokens" : null;
        int? maxTokens = field is null ? null : root.GetProperty(field).GetInt32();
        return new ModelRequest(
            method,
            path,
            root.TryGetProperty("model", out JsonElement model) ? model.GetString() : null,
            root.TryGetProperty("temperature", out JsonElement temperature) ? temperature.GetDouble() : null,
            maxTokens,
            field,
            Message("system"),
            Message("user") ?? "");
    }

    // A message's content is a string or a list of parts such as {"type": "text", "text": "..."}.
    private static string Text(JsonElement content) => content.ValueKind == JsonValueKind.Array
        ? string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out JsonElement text) ? text.GetString() : ""))
        : content.GetString() ?? "";
}
