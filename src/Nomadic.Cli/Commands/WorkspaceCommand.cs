using System.CommandLine;
using System.Globalization;
using Nomadic.Cli.Output;
using Nomadic.Cli.Storage;
using Nomadic.Storage;
using Nomadic.Workspace.Keys;
using Nomadic.Workspace.Store;

namespace Nomadic.Cli.Commands;

/// <summary>
/// <c>nomadic workspace key create|list|revoke</c>: manages the API keys of a workspace, kept hashed beside the
/// experiments. A new key is printed once and never again.
/// </summary>
internal static class WorkspaceCommand
{
    public static Command Create(CliConsole console)
    {
        var key = new Command("key", "Create, list and revoke a workspace's API keys.")
        {
            CreateCommand(console),
            KeyCommand(console, "list", "List a workspace's keys: id, first characters, created, revoked.", List),
        };
        var workspace = new Argument<string>("workspace") { Description = "The workspace's name." };
        var id = new Argument<long>("key-id") { Description = "The key's id, as 'key list' shows it." };
        Option<string?> storage = StorageArguments.Storage("nomadic.db in the current folder");
        var revoke = new Command("revoke", "Revoke a key; requests with it are refused at once.") { workspace, id, storage };
        revoke.SetAction(parse => Revoke(console, parse.GetValue(workspace)!, parse.GetValue(id), StorageArguments.Resolve(parse.GetValue(storage))));
        key.Subcommands.Add(revoke);
        return new Command("workspace", "Manage the Nomadic Workspace's workspaces and API keys.") { key };
    }

    private static Command CreateCommand(CliConsole console)
    {
        var workspace = new Argument<string>("workspace") { Description = "The workspace's name." };
        Option<string?> storage = StorageArguments.Storage("nomadic.db in the current folder");
        var admin = new Option<bool>("--admin")
        {
            Description = "Let the workspace adopt experiments the command line or workers wrote (POST /api/v1/experiments with their name), for all its keys.",
        };
        var command = new Command("create", "Create a key (and the workspace, if new); it is shown once.") { workspace, storage, admin };
        command.SetAction(parse => Create(console, parse.GetValue(workspace)!, StorageArguments.Resolve(parse.GetValue(storage)), parse.GetValue(admin)));
        return command;
    }

    private static Command KeyCommand(CliConsole console, string name, string description, Func<CliConsole, string, StorageUrl, int> action)
    {
        var workspace = new Argument<string>("workspace") { Description = "The workspace's name." };
        Option<string?> storage = StorageArguments.Storage("nomadic.db in the current folder");
        var command = new Command(name, description) { workspace, storage };
        command.SetAction(parse => action(console, parse.GetValue(workspace)!, StorageArguments.Resolve(parse.GetValue(storage))));
        return command;
    }

    private static int Create(CliConsole console, string workspace, StorageUrl url, bool admin)
    {
        using IWorkspaceStore store = WorkspaceStores.Open(url);
        NewApiKey created;
        try
        {
            created = ApiKeys.Create(store, workspace, TimeProvider.System);
        }
        catch (ArgumentException e)
        {
            throw new InputException(e.Message.Split(" (Parameter", 2)[0]);
        }

        if (admin)
        {
            store.SetMayAdopt(created.Workspace.Id, true);
        }

        var output = new OutputWriter(console);
        output.Line($"Key {created.Info.Id.ToString(CultureInfo.InvariantCulture)} for workspace '{created.Workspace.Name}' (shown once; only its hash is kept):");
        output.Line(created.Key);
        if (admin || created.Workspace.MayAdopt)
        {
            output.Line($"Workspace '{created.Workspace.Name}' may adopt experiments the command line or workers wrote.");
        }

        return ExitCodes.Success;
    }

    private static int List(CliConsole console, string workspace, StorageUrl url)
    {
        using IWorkspaceStore store = WorkspaceStores.OpenForReading(url) ?? throw NoWorkspace(workspace);
        WorkspaceInfo info = Find(store, workspace);
        List<IReadOnlyList<string>> rows = store.ListKeys(info.Id)
            .Select(k => (IReadOnlyList<string>)[k.Id.ToString(CultureInfo.InvariantCulture), k.Prefix + "…", Time(k.CreatedAt), k.RevokedAt is { } r ? Time(r) : "-"])
            .ToList();
        new OutputWriter(console).Table(new TableData($"Keys of workspace '{info.Name}'", ["id", "key", "created (UTC)", "revoked (UTC)"], rows, new HashSet<int> { 0 }));
        return ExitCodes.Success;
    }

    private static int Revoke(CliConsole console, string workspace, long id, StorageUrl url)
    {
        // Found by reading first, so a storage without workspaces is left without their tables.
        using (IWorkspaceStore reading = WorkspaceStores.OpenForReading(url) ?? throw NoWorkspace(workspace))
        {
            Find(reading, workspace);
        }

        using IWorkspaceStore store = WorkspaceStores.Open(url);
        WorkspaceInfo info = Find(store, workspace);
        if (!store.RevokeKey(info.Id, id, TimeProvider.System.GetUtcNow()))
        {
            throw new InputException($"workspace '{workspace}' has no valid key {id.ToString(CultureInfo.InvariantCulture)} (see nomadic workspace key list {workspace})");
        }

        new OutputWriter(console).Line($"Revoked key {id.ToString(CultureInfo.InvariantCulture)} of workspace '{workspace}'.");
        return ExitCodes.Success;
    }

    private static WorkspaceInfo Find(IWorkspaceStore store, string workspace) => store.FindWorkspace(workspace) ?? throw NoWorkspace(workspace);

    private static InputException NoWorkspace(string workspace) =>
        new($"no workspace named '{workspace}' (create a key with nomadic workspace key create {workspace})");

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
