using Nomadic.Cli.Output;
using Nomadic.Results;
using Nomadic.Workspace.Client;

namespace Nomadic.Cli.Commands;

/// <summary>
/// <c>run --workspace URL</c>: syncs the finished result to a Nomadic Workspace with the key in
/// <c>NOMADIC_WORKSPACE_KEY</c>, updating the result of the same name there rather than adding another. A failed sync
/// is reported and never fails the run.
/// </summary>
internal sealed class WorkspaceSync
{
    public const string KeyVariable = "NOMADIC_WORKSPACE_KEY";

    private readonly Uri _address;
    private readonly string _key;

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

    /// <summary>Syncs the result, setting its client id; reports the outcome in one line.</summary>
    public async Task SyncAsync(OutputWriter output, ExperimentResult result, CancellationToken cancellationToken)
    {
        using var client = new WorkspaceClient(_address, _key);
        try
        {
            if (result.ClientId is null && result.Name is string name)
            {
                result.ClientId = await client.FindResultIdAsync(name, cancellationToken);
            }

            string id = await client.SyncAsync(result, cancellationToken);
            output.Line($"Synced to the Workspace at {_address} as result {id}.");
        }
        catch (Exception e) when (e is WorkspaceException or HttpRequestException or System.Text.Json.JsonException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            output.Line($"Not synced to the Workspace at {_address}: {e.Message}");
        }
    }
}
