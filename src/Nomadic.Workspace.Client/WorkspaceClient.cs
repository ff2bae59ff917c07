using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;
using Polly;

namespace Nomadic.Workspace.Client;

/// <summary>
/// Syncs experiment results to a Nomadic Workspace and loads them back. The first sync of a result creates it on the
/// Workspace and sets <see cref="ExperimentResult.ClientId"/>; later syncs update it in place. Calls that fail for
/// passing reasons are retried with exponential backoff.
/// </summary>
public sealed class WorkspaceClient : IDisposable
{
    private const string ResultsPath = "api/v1/results";
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly string _apiKey;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    /// <summary>Initializes a new instance of the <see cref="WorkspaceClient"/> class with an HTTP client of its own.</summary>
    /// <param name="baseAddress">The Workspace's address, such as <c>http://127.0.0.1:8000/</c>.</param>
    /// <param name="apiKey">A key of the workspace to sync to.</param>
    /// <param name="options">How to retry; the defaults when <see langword="null"/>.</param>
    public WorkspaceClient(Uri baseAddress, string apiKey, WorkspaceClientOptions? options = null)
        : this(new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) }, apiKey, options)
    {
        _ownsHttp = true;
    }

    /// <summary>Initializes a new instance of the <see cref="WorkspaceClient"/> class over a caller's HTTP client.</summary>
    /// <param name="httpClient">The client, whose <see cref="HttpClient.BaseAddress"/> is the Workspace's address; the caller disposes it.</param>
    /// <param name="apiKey">A key of the workspace to sync to.</param>
    /// <param name="options">How to retry; the defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The client has no base address, or the key is empty.</exception>
    public WorkspaceClient(HttpClient httpClient, string apiKey, WorkspaceClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _http = httpClient.BaseAddress is not null ? httpClient : throw new ArgumentException("The HTTP client needs a BaseAddress: the Workspace's address.", nameof(httpClient));
        _apiKey = apiKey;
        _retry = WorkspaceRetry.Create(options ?? new WorkspaceClientOptions());
    }

    /// <summary>Uploads a result, or updates it when it was synced before, and sets its <see cref="ExperimentResult.ClientId"/>.</summary>
    /// <param name="result">The result.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The result's id on the Workspace.</returns>
    /// <exception cref="WorkspaceException">The Workspace refused the result or could not be reached.</exception>
    public async Task<string> SyncAsync(ExperimentResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        string json = result.ToJson();
        if (result.ClientId is string existing && Guid.TryParse(existing, out Guid id))
        {
            using HttpResponseMessage updated = await SendAsync(HttpMethod.Put, $"{ResultsPath}/{id:D}", json, cancellationToken).ConfigureAwait(false);
            if (updated.StatusCode != HttpStatusCode.NotFound)
            {
                await EnsureSuccessAsync(updated, cancellationToken).ConfigureAwait(false);
                return existing;
            }
        }

        using HttpResponseMessage created = await SendAsync(HttpMethod.Post, ResultsPath, json, cancellationToken).ConfigureAwait(false);
        using JsonDocument answer = await ReadJsonAsync(created, cancellationToken).ConfigureAwait(false);
        result.ClientId = answer.RootElement.GetProperty("id").GetString();
        return result.ClientId!;
    }

    /// <summary>Syncs like <see cref="SyncAsync"/> but never throws for the Workspace's sake, so a sync cannot fail an experiment.</summary>
    /// <param name="result">The result.</param>
    /// <param name="cancellationToken">Stops waiting (the only exception this method lets through).</param>
    /// <returns>Whether it synced, the id, or the error.</returns>
    public async Task<WorkspaceSyncOutcome> TrySyncAsync(ExperimentResult result, CancellationToken cancellationToken = default)
    {
        try
        {
            string id = await SyncAsync(result, cancellationToken).ConfigureAwait(false);
            return new WorkspaceSyncOutcome(true, id, null);
        }
        catch (Exception e) when (e is WorkspaceException or HttpRequestException or JsonException or KeyNotFoundException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new WorkspaceSyncOutcome(false, result?.ClientId, e.Message);
        }
    }

    /// <summary>Finds the id of the newest result of a name in the workspace.</summary>
    /// <param name="name">The result's name.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The id, or <see langword="null"/> when the workspace has no result of that name.</returns>
    /// <exception cref="WorkspaceException">The Workspace refused the call or could not be reached.</exception>
    public async Task<string?> FindResultIdAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, $"{ResultsPath}?name={Uri.EscapeDataString(name)}", null, cancellationToken).ConfigureAwait(false);
        using JsonDocument answer = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        return answer.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()).LastOrDefault();
    }

    /// <summary>Loads a result from the Workspace, its <see cref="ExperimentResult.ClientId"/> set.</summary>
    /// <param name="id">The result's id.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The result.</returns>
    /// <exception cref="WorkspaceException">The workspace has no such result, or the Workspace could not be reached.</exception>
    public async Task<ExperimentResult> LoadAsync(string id, CancellationToken cancellationToken = default)
    {
        string key = Guid.TryParse(id, out Guid guid) ? guid.ToString("D", CultureInfo.InvariantCulture) : throw new ArgumentException($"'{id}' is not a Workspace result id.", nameof(id));
        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, $"{ResultsPath}/{key}", null, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return ExperimentResult.FromJson(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Adds runs to a synced result; a run replaces the one with its trial number, so sending twice keeps one copy.</summary>
    /// <param name="id">The result's id.</param>
    /// <param name="runs">The runs, each with its trial number.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the Workspace has the runs.</returns>
    /// <exception cref="WorkspaceException">The Workspace refused the runs or could not be reached.</exception>
    public async Task AddRunsAsync(string id, IEnumerable<RunResult> runs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        string json = "[" + string.Join(",", runs.Select(StorageJson.WriteRun)) + "]";
        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, $"{ResultsPath}/{Uri.EscapeDataString(id)}/runs", json, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts pushing an experiment's runs to the Workspace as they finish; pass the answer as <c>ExperimentOptions.Progress</c>.</summary>
    /// <param name="searchSpace">The experiment's search space.</param>
    /// <param name="name">The result's name, usually the experiment's.</param>
    /// <param name="options">Batching and backoff; the defaults when <see langword="null"/>.</param>
    /// <returns>The sync; await its <see cref="WorkspaceSync.CompleteAsync"/> after the experiment, while this client is alive.</returns>
    public WorkspaceSync StartSync(SearchSpace searchSpace, string? name, WorkspaceSyncOptions? options = null) => new(this, searchSpace, name, options);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(
                async token =>
                {
                    using var request = new HttpRequestMessage(method, path);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
                    if (json is not null)
                    {
                        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                    }

                    return await _http.SendAsync(request, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new WorkspaceException($"The Workspace at {_http.BaseAddress} could not be reached: {e.Message}", e);
        }
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using JsonDocument problem = JsonDocument.Parse(detail);
            detail = problem.RootElement.TryGetProperty("detail", out JsonElement d) ? d.GetString() ?? detail : detail;
        }
        catch (JsonException)
        {
        }

        throw new WorkspaceException($"The Workspace answered {(int)response.StatusCode}: {detail}") { StatusCode = (int)response.StatusCode };
    }
}
