using System.Text.Json;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Output;
using Nomadic.Results;
using Nomadic.Workspace.Client;
using LiveSync = Nomadic.Workspace.Client.WorkspaceSync;

namespace Nomadic.Cli.Commands;

/// <summary>
/// <c>run --workspace URL</c>: pushes runs to a Nomadic Workspace as they finish, with the key in
/// <c>NOMADIC_WORKSPACE_KEY</c>, then the whole result when the run ends, updating the result of the same name there
/// rather than adding another. A key the Workspace refuses stops the command before the first run; any other failed
/// sync is reported in one line and never fails or holds up the run.
/// </summary>
internal sealed class WorkspaceSync : IAsyncDisposable
{
    public const string KeyVariable = "NOMADIC_WORKSPACE_KEY";

    private readonly Uri _address;
    private readonly string _key;
    private WorkspaceClient? _client;
    private LiveSync? _live;

    private static readonly TimeSpan KeyCheckTimeout = TimeSpan.FromSeconds(10);

    private WorkspaceSync(Uri address, string key)
    {
        _address = address;
        _key = key;
    }

    /// <summary>Checks the address and the key before anything runs.</summary>
    /// <returns>The sync, or <see langword="null"/> without <c>--workspace</c>.</returns>
    /// <exception cref="InputException">The address is not an http(s) URL, or the key variable is not set.</exception>
    public static WorkspaceSync? From(string? url)
    {
        if (url is null)
        {
            return null;
        }

        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out Uri? address) || address.Scheme is not ("http" or "https"))
        {
            throw new InputException($"--workspace must be the Workspace's http:// or https:// address, not \"{url}\"");
        }

        string? key = Environment.GetEnvironmentVariable(KeyVariable);
        return string.IsNullOrWhiteSpace(key)
            ? throw new InputException($"--workspace needs an API key in the {KeyVariable} environment variable (create one with nomadic workspace key create)")
            : new WorkspaceSync(address, key.Trim());
    }

    /// <summary>Makes one authenticated call, without retries, so that a refused key stops the command before any run.</summary>
    /// <param name="name">The experiment's name, looked up on the Workspace.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the key was accepted, or when the Workspace could not tell.</returns>
    /// <exception cref="InputException">The Workspace answered 401: the key is wrong, revoked or of no workspace.</exception>
    /// <remarks>
    /// A Workspace that cannot be reached or answers otherwise is left to the sync, which reports it in one line at the
    /// end while the runs go on, as a Workspace that goes away during the runs is.
    /// </remarks>
    public async Task CheckKeyAsync(string name, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = _address, Timeout = KeyCheckTimeout };
        using var client = new WorkspaceClient(http, _key, new WorkspaceClientOptions { MaxRetryAttempts = 0 });
        try
        {
            await client.FindResultIdAsync(name, cancellationToken);
        }
        catch (WorkspaceException e) when (e.StatusCode == 401)
        {
            throw new InputException($"--workspace: the Workspace at {_address} refused the key in {KeyVariable} (401 unauthorized); create one with nomadic workspace key create");
        }
        catch (Exception e) when (e is WorkspaceException or JsonException or InvalidOperationException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Not a verdict on the key: the sync meets the same problem and reports it.
        }
    }

    /// <summary>Starts pushing runs as they finish; the answer reports each run to <paramref name="progress"/> first.</summary>
    public IProgress<RunResult> Start(ExperimentPlan plan, IProgress<RunResult> progress)
    {
        _client = new WorkspaceClient(_address, _key);
        _live = _client.StartSync(plan.SearchSpace, plan.File.Name, new WorkspaceSyncOptions { Direction = plan.Direction, ContinueResultOfSameName = true });
        return _live.Around(progress);
    }

    /// <summary>Sends what is left and then the whole result, setting its client id; reports the outcome in one line.</summary>
    public async Task SyncAsync(OutputWriter output, ExperimentResult result, CancellationToken cancellationToken)
    {
        if (_live is null)
        {
            throw new InvalidOperationException("Start the sync before the run.");
        }

        WorkspaceSyncOutcome outcome = await _live.CompleteAsync(result, cancellationToken);
        output.Line(outcome.Synced
            ? $"Synced to the Workspace at {_address} as result {outcome.ClientId}."
            : $"Not synced to the Workspace at {_address}: {outcome.Error}");
    }

    /// <summary>Stops pushing in the background (after an error, the run's end was never reached).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_live is not null)
        {
            await _live.DisposeAsync();
        }

        _client?.Dispose();
    }
}
