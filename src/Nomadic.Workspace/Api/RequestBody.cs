using System.Text;
using System.Text.Json;

namespace Nomadic.Workspace.Api;

/// <summary>
/// Reads a request's JSON body within the size limit and turns what cannot be read into a clear 400: bytes that are
/// not UTF-8, malformed JSON, and strings holding an unpaired surrogate escape.
/// </summary>
internal static class RequestBody
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Reads the body as a JSON document whose every string is valid text.</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        string text = await ReadUtf8Async(request, limit, cancellationToken).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw ApiProblem.BadRequest($"The request body is not valid JSON: {e.Message}");
        }

        try
        {
            JsonStrings.RequireReadable(document.RootElement);
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>Reads the body as JSON text for a reader of the library's forms, after checking every string is valid text.</summary>
    public static async Task<string> ReadJsonTextAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        using JsonDocument document = await ReadJsonAsync(request, limit, cancellationToken).ConfigureAwait(false);
        return document.RootElement.GetRawText();
    }

    private static async Task<string> ReadUtf8Async(HttpRequest request, long limit, CancellationToken cancellationToken)
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
}
