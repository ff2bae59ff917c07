using Nomadic.Workspace.Keys;
using Nomadic.Workspace.Store;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Keys;

public sealed class ApiKeysTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    [Fact]
    public void Create_StoresOnlyTheHash()
    {
        string path = _folder.File("nomadic.db");
        using var store = new SqliteWorkspaceStore(path);

        NewApiKey key = ApiKeys.Create(store, "team", TimeProvider.System);
        List<string> cells = SqliteFile.Cells(path, "workspace_api_keys");

        Assert.StartsWith(ApiKeys.KeyPrefix, key.Key);
        Assert.True(key.Key.Length >= 40);
        Assert.DoesNotContain(cells, c => c.Contains(key.Key, StringComparison.Ordinal));
        Assert.DoesNotContain(cells, c => c.Contains(key.Key[ApiKeys.KeyPrefix.Length..], StringComparison.Ordinal));
        Assert.Contains(ApiKeys.Hash(key.Key), cells);
        Assert.Equal("team", ApiKeys.Authenticate(store, key.Key)?.Name);
    }

    [Fact]
    public void CreateFirst_EmptyStore_CreatesAWorkspaceAllowedToAdoptWithAKey()
    {
        using var store = new SqliteWorkspaceStore(_folder.File("nomadic.db"));

        NewApiKey? first = ApiKeys.CreateFirst(store, "local", TimeProvider.System);
        NewApiKey? again = ApiKeys.CreateFirst(store, "other", TimeProvider.System);

        Assert.NotNull(first);
        WorkspaceInfo? opened = ApiKeys.Authenticate(store, first.Key);
        Assert.Equal("local", opened?.Name);
        Assert.True(opened?.MayAdopt);
        Assert.Null(again);
        Assert.Null(store.FindWorkspace("other"));
        Assert.Single(store.ListKeys(first.Workspace.Id));
    }

    [Fact]
    public void CreateFirst_StoreWithAWorkspace_CreatesNoKey()
    {
        string path = _folder.File("nomadic.db");
        using var store = new SqliteWorkspaceStore(path);
        ApiKeys.Create(store, "team", TimeProvider.System);

        Assert.Null(ApiKeys.CreateFirst(store, "local", TimeProvider.System));
        Assert.Single(SqliteFile.Cells(path, "workspace_api_keys"), c => c.StartsWith(ApiKeys.KeyPrefix, StringComparison.Ordinal));
        Assert.Null(store.FindWorkspace("local"));
    }

    [Fact]
    public void Revoke_StopsTheKeyOnly()
    {
        using var store = new SqliteWorkspaceStore(_folder.File("nomadic.db"));
        NewApiKey first = ApiKeys.Create(store, "team", TimeProvider.System);
        NewApiKey second = ApiKeys.Create(store, "team", TimeProvider.System);

        Assert.True(store.RevokeKey(first.Workspace.Id, first.Info.Id, DateTimeOffset.UtcNow));
        Assert.False(store.RevokeKey(first.Workspace.Id, first.Info.Id, DateTimeOffset.UtcNow));

        Assert.Null(ApiKeys.Authenticate(store, first.Key));
        Assert.NotNull(ApiKeys.Authenticate(store, second.Key));
        Assert.Equal(2, store.ListKeys(first.Workspace.Id).Count);
        Assert.NotNull(store.ListKeys(first.Workspace.Id)[0].RevokedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\nname")]
    [InlineData("team\u202Eiad")]
    public void Create_InvalidWorkspaceName_Throws(string name)
    {
        using var store = new SqliteWorkspaceStore(_folder.File("nomadic.db"));
        Assert.Throws<ArgumentException>(() => ApiKeys.Create(store, name, TimeProvider.System));
    }

    [Fact]
    public void Store_BesideExperimentStorage_KeepsTheFileUsableByIt()
    {
        string path = _folder.File("nomadic.db");
        using (var store = new SqliteWorkspaceStore(path))
        {
            ApiKeys.Create(store, "team", TimeProvider.System);
        }

        using var storage = new Nomadic.Storage.Sqlite.SqliteExperimentStorage(path);
        Assert.Empty(storage.ListExperiments());
    }

    public void Dispose() => _folder.Dispose();
}
