using Nomadic.Workspace.Store;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Store;

/// <summary>What every <see cref="IWorkspaceStore"/> must do; each implementation's tests inherit it.</summary>
public abstract class WorkspaceStoreContract : IDisposable
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private IWorkspaceStore? _store;

    protected IWorkspaceStore Store => _store ??= CreateStore();

    [Fact]
    public void CreateWorkspace_Twice_ReturnsTheSameWorkspace()
    {
        string name = Unique("ws");
        WorkspaceInfo first = Store.CreateWorkspace(name, Now);
        WorkspaceInfo second = Store.CreateWorkspace(name, Now.AddHours(1));

        Assert.Equal(first, second);
        Assert.Equal(first, Store.FindWorkspace(name));
        Assert.Null(Store.FindWorkspace(Unique("none")));
    }

    [Fact]
    public void Keys_AddFindRevoke()
    {
        WorkspaceInfo workspace = Store.CreateWorkspace(Unique("ws"), Now);
        string hash = Unique("hash");
        ApiKeyInfo key = Store.AddKey(workspace.Id, hash, "nmd_abcd", Now);

        Assert.Equal(workspace, Store.FindWorkspaceByKey(hash));
        Assert.False(Store.RevokeKey(workspace.Id + 1000, key.Id, Now));
        Assert.True(Store.RevokeKey(workspace.Id, key.Id, Now.AddMinutes(1)));
        Assert.Null(Store.FindWorkspaceByKey(hash));
        Assert.Equal(Now.AddMinutes(1), Assert.Single(Store.ListKeys(workspace.Id)).RevokedAt);
    }

    [Fact]
    public void SetMayAdopt_IsReadWithTheWorkspace()
    {
        WorkspaceInfo workspace = Store.CreateWorkspace(Unique("ws"), Now);
        string hash = Unique("hash");
        Store.AddKey(workspace.Id, hash, "nmd_abcd", Now);

        Assert.False(workspace.MayAdopt);
        Assert.True(Store.SetMayAdopt(workspace.Id, true));
        Assert.True(Store.FindWorkspace(workspace.Name)!.MayAdopt);
        Assert.True(Store.FindWorkspaceByKey(hash)!.MayAdopt);
        Assert.True(Store.CreateWorkspace(workspace.Name, Now).MayAdopt);
        Assert.True(Store.SetMayAdopt(workspace.Id, false));
        Assert.False(Store.FindWorkspace(workspace.Name)!.MayAdopt);
        Assert.False(Store.SetMayAdopt(workspace.Id + 100_000, true));
    }

    [Fact]
    public void CreateFirstWorkspace_StoreWithAWorkspace_CreatesNothing()
    {
        Store.CreateWorkspace(Unique("ws"), Now);
        string name = Unique("first");

        Assert.Null(Store.CreateFirstWorkspace(name, Now));
        Assert.Null(Store.FindWorkspace(name));
    }

    [Fact]
    public void ListOwnedStorageNames_NamesWhatAnyWorkspaceOwnsUntilItIsRemoved()
    {
        WorkspaceInfo a = Store.CreateWorkspace(Unique("a"), Now);
        WorkspaceInfo b = Store.CreateWorkspace(Unique("b"), Now);
        string ofA = Unique("exp"), ofB = Unique("exp");
        Store.AddExperiment(new WorkspaceExperiment(a.Id, 11, ofA, ofA, Now));
        Store.AddExperiment(new WorkspaceExperiment(b.Id, 12, ofB, ofB, Now));

        Assert.Superset(new HashSet<string> { ofA, ofB }, new HashSet<string>(Store.ListOwnedStorageNames()));
        Assert.True(Store.RemoveExperiment(a.Id, 11));
        Assert.DoesNotContain(ofA, Store.ListOwnedStorageNames());
        Assert.Contains(ofB, Store.ListOwnedStorageNames());
    }

    [Fact]
    public void AddExperiment_KeepsWhetherTheWorkspaceCreatedIt()
    {
        WorkspaceInfo a = Store.CreateWorkspace(Unique("a"), Now);
        string created = Unique("created");
        string adopted = Unique("adopted");

        Store.AddExperiment(new WorkspaceExperiment(a.Id, 1, created, created, Now) { CreatedHere = true });
        Store.AddExperiment(new WorkspaceExperiment(a.Id, 2, adopted, adopted, Now));

        Assert.True(Store.FindExperimentOwner(created)!.CreatedHere);
        Assert.False(Store.FindExperimentOwner(adopted)!.CreatedHere);
        Assert.Equal([true, false], Store.ListExperiments(a.Id).Select(e => e.CreatedHere));
    }

    [Fact]
    public void Open_OverFirstReleaseTables_AddsTheNewColumnsAndKeepsTheRows()
    {
        using IWorkspaceStore store = CreateStoreOverFirstRelease();
        WorkspaceInfo old = store.FindWorkspace("old-team")!;
        WorkspaceExperiment entry = Assert.Single(store.ListExperiments(old.Id));

        Assert.False(old.MayAdopt);
        Assert.Equal("old-exp", entry.StorageName);
        Assert.False(entry.CreatedHere);
        Assert.True(store.SetMayAdopt(old.Id, true));
        Assert.True(store.FindWorkspace("old-team")!.MayAdopt);
        Assert.True(store.AddExperiment(new WorkspaceExperiment(old.Id, 2, "new-exp", "new-exp", Now) { CreatedHere = true }).CreatedHere);
    }

    [Fact]
    public void Sessions_OpenFindClose_LastUntilTheirEnd()
    {
        WorkspaceInfo workspace = Store.CreateWorkspace(Unique("ws"), Now);
        string key = Unique("key");
        Store.AddKey(workspace.Id, key, "nmd_abcd", Now);
        string session = Unique("session");
        string closed = Unique("session");

        Assert.Equal(workspace, Store.OpenSession(key, session, Now, Now.AddHours(12)));
        Assert.Equal(workspace, Store.OpenSession(key, closed, Now, Now.AddHours(12)));
        Assert.Null(Store.OpenSession(Unique("unknown"), Unique("session"), Now, Now.AddHours(12)));

        Assert.Equal(workspace, Store.FindWorkspaceBySession(session, Now.AddHours(12).AddTicks(-1)));
        Assert.Null(Store.FindWorkspaceBySession(session, Now.AddHours(12)));
        Assert.Null(Store.FindWorkspaceBySession(key, Now));
        Assert.True(Store.CloseSession(closed));
        Assert.False(Store.CloseSession(closed));
        Assert.Null(Store.FindWorkspaceBySession(closed, Now));
        Assert.Equal(workspace, Store.FindWorkspaceBySession(session, Now));
    }

    [Fact]
    public void Sessions_EndWithTheirKey()
    {
        WorkspaceInfo workspace = Store.CreateWorkspace(Unique("ws"), Now);
        string revokedKey = Unique("key");
        string otherKey = Unique("key");
        ApiKeyInfo revoked = Store.AddKey(workspace.Id, revokedKey, "nmd_abcd", Now);
        Store.AddKey(workspace.Id, otherKey, "nmd_efgh", Now);
        string ended = Unique("session");
        string kept = Unique("session");
        Store.OpenSession(revokedKey, ended, Now, Now.AddDays(1));
        Store.OpenSession(otherKey, kept, Now, Now.AddDays(1));

        Assert.True(Store.RevokeKey(workspace.Id, revoked.Id, Now.AddMinutes(1)));

        Assert.Null(Store.FindWorkspaceBySession(ended, Now.AddMinutes(1)));
        Assert.False(Store.CloseSession(ended));
        Assert.Null(Store.OpenSession(revokedKey, Unique("session"), Now.AddMinutes(2), Now.AddDays(1)));
        Assert.Equal(workspace, Store.FindWorkspaceBySession(kept, Now.AddMinutes(2)));
    }

    [Fact]
    public void Experiments_BelongToOneWorkspace()
    {
        WorkspaceInfo a = Store.CreateWorkspace(Unique("a"), Now);
        WorkspaceInfo b = Store.CreateWorkspace(Unique("b"), Now);
        string name = Unique("exp");

        WorkspaceExperiment owned = Store.AddExperiment(new WorkspaceExperiment(a.Id, 7, name, name, Now));
        WorkspaceExperiment refused = Store.AddExperiment(new WorkspaceExperiment(b.Id, 7, name, name, Now));

        Assert.Equal(a.Id, owned.WorkspaceId);
        Assert.Equal(a.Id, refused.WorkspaceId);
        Assert.Empty(Store.ListExperiments(b.Id));
        Assert.False(Store.RenameExperiment(b.Id, 7, "mine"));
        Assert.True(Store.RenameExperiment(a.Id, 7, "shown"));
        Assert.Equal("shown", Assert.Single(Store.ListExperiments(a.Id)).DisplayName);
        Assert.False(Store.RemoveExperiment(b.Id, 7));
        Assert.True(Store.RemoveExperiment(a.Id, 7));
        Assert.Null(Store.FindExperimentOwner(name));
    }

    [Fact]
    public void Results_UpsertByTrialNumber_KeepsOneCopy()
    {
        WorkspaceInfo a = Store.CreateWorkspace(Unique("a"), Now);
        WorkspaceInfo b = Store.CreateWorkspace(Unique("b"), Now);
        var id = Guid.NewGuid();
        Store.CreateResult(new ResultRecord(id, a.Id, "r", "{}", 2, Now, Now), [new RunRecord(0, "zero"), new RunRecord(1, "one")]);

        RunUpsert? upsert = Store.UpsertRuns(a.Id, id, [new RunRecord(1, "one again"), new RunRecord(2, "two")], Now.AddMinutes(1));
        RunUpsert? again = Store.UpsertRuns(a.Id, id, [new RunRecord(1, "one again"), new RunRecord(2, "two")], Now.AddMinutes(2));

        Assert.Equal(new RunUpsert(1, 1, 3), upsert);
        Assert.Equal(new RunUpsert(0, 2, 3), again);
        Assert.Equal(["zero", "one again", "two"], Store.ReadRuns(a.Id, id).Select(r => r.Json));
        Assert.Equal(3, Store.FindResult(a.Id, id)!.RunCount);
        Assert.Equal(Now.AddMinutes(2), Store.FindResult(a.Id, id)!.UpdatedAt);
        Assert.Null(Store.FindResult(b.Id, id));
        Assert.Null(Store.UpsertRuns(b.Id, id, [new RunRecord(9, "x")], Now));
        Assert.Empty(Store.ReadRuns(b.Id, id));
        Assert.False(Store.DeleteResult(b.Id, id));
    }

    [Fact]
    public void Results_ReplaceAndDelete()
    {
        WorkspaceInfo a = Store.CreateWorkspace(Unique("a"), Now);
        var id = Guid.NewGuid();
        var record = new ResultRecord(id, a.Id, null, "{}", 1, Now, Now);
        Store.CreateResult(record, [new RunRecord(0, "zero")]);

        Assert.True(Store.ReplaceResult(record with { Name = "named", UpdatedAt = Now.AddDays(1) }, [new RunRecord(5, "five")]));
        Assert.Equal("named", Assert.Single(Store.ListResults(a.Id)).Name);
        Assert.Equal([5], Store.ReadRuns(a.Id, id).Select(r => r.TrialNumber));
        Assert.True(Store.DeleteResult(a.Id, id));
        Assert.Empty(Store.ListResults(a.Id));
        Assert.False(Store.ReplaceResult(record, []));
    }

    public void Dispose()
    {
        _store?.Dispose();
        DisposeStorage();
        GC.SuppressFinalize(this);
    }

    protected abstract IWorkspaceStore CreateStore();

    /// <summary>
    /// Creates a new database holding <see cref="FirstReleaseTables"/>, opens a store over it once and disposes it, then
    /// opens the store again (so migrating twice is checked too).
    /// </summary>
    protected abstract IWorkspaceStore CreateStoreOverFirstRelease();

    protected virtual void DisposeStorage()
    {
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
