using System.ClientModel;
using System.ClientModel.Primitives;

namespace Nomadic.AI.Tests;

/// <summary>HTTP failures as the OpenAI client reports them: a <see cref="ClientResultException"/> carrying the response.</summary>
internal static class FakeResponses
{
    public static ClientResultException Error(int status, string? retryAfter = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (retryAfter is not null)
        {
            headers["Retry-After"] = retryAfter;
        }

        return new ClientResultException($"HTTP {status}", new Response(status, headers));
    }

    private sealed class Response(int status, Dictionary<string, string> headers) : PipelineResponse
    {
        public override int Status => status;

        public override string ReasonPhrase => "scripted";

        public override Stream? ContentStream { get; set; }

        public override BinaryData Content => BinaryData.FromString("{}");

        protected override PipelineResponseHeaders HeadersCore => new Headers(headers);

        public override BinaryData BufferContent(CancellationToken cancellationToken = default) => Content;

        public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => new(Content);

        public override void Dispose()
        {
        }
    }

    private sealed class Headers(Dictionary<string, string> values) : PipelineResponseHeaders
    {
        public override bool TryGetValue(string name, out string? value) => values.TryGetValue(name, out value);

        public override bool TryGetValues(string name, out IEnumerable<string>? result)
        {
            result = values.TryGetValue(name, out string? value) ? [value] : null;
            return result is not null;
        }

        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() => values.GetEnumerator();
    }
}
