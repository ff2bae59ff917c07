using System.Text;
using System.Text.Json;

namespace Nomadic.Workspace.Api;

/// <summary>Reads a request's JSON body within the size limit and turns malformed JSON into a clear 400.</summary>
internal static class RequestBody
{
    public static async Task<string> ReadTextAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw ApiProblem.TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw ApiProblem.BadRequest("The request body is not valid UTF-8.");
        }
    }

    public static async Task<JsonDocument> ReadJsonAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        string text = await ReadTextAsync(request, limit, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw ApiProblem.BadRequest($"The request body is not valid JSON: {e.Message}");
        }
    }
}
