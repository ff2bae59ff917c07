using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Storage.Sqlite.Tests;

/// <summary><see cref="SqliteExperimentStorage"/> opened with <see cref="SqliteStorageOptions.ReadOnly"/>: it reads and never changes the file.</summary>
public sealed class SqliteExperimentStorageReadOnlyTests : IDisposable
{
    private static readonly SqliteStorageOptions ReadOnly = new() { ReadOnly = true };
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Constructor_EmptyFile_ReadsAsNoExperimentsAndLeavesItEmpty()
    {
        string path = _folder.File("empty.db");
        File.WriteAllBytes(path, []);
        DateTime modified = File.GetLastWriteTimeUtc(path);

        using (var storage = new SqliteExperimentStorage(path, ReadOnly))
        {
            Assert.Empty(storage.ListExperiments());
            Assert.Null(storage.FindExperiment("e"));
            Assert.Null(storage.LoadResult("e"));
            Assert.Empty(storage.ReadTrials(1, 0));
            Assert.Equal(0, storage.ExpireLeases(1, DateTimeOffset.UtcNow));
        }

        Assert.Equal(0, new FileInfo(path).Length);
        Assert.Equal(modified, File.GetLastWriteTimeUtc(path));
        Assert.Equal([path], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void Constructor_MissingFile_ThrowsAndCreatesNothing()
    {
        string path = Path.Combine(_folder.Path, "missing", "none.db");

        var error = Assert.Throws<StorageException>(() => new SqliteExperimentStorage(path, ReadOnly));

        Assert.Equal($"{path}: no such database file.", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void CreateOrOpenExperiment_ReadOnly_ThrowsAndWritesNothing()
    {
        string path = _folder.File("empty.db");
        File.WriteAllBytes(path, []);
        using var storage = new SqliteExperimentStorage(path, ReadOnly);

        var error = Assert.Throws<StorageException>(() => storage.CreateOrOpenExperiment(Definition("e")));
        Assert.Throws<StorageException>(() => storage.DeleteExperiment("e"));

        Assert.Equal($"{path} was opened read-only; nothing was written.", error.Message);
        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Fact]
    public void Constructor_StoredExperiments_ReadsThemWithoutChangingTheFile()
    {
        string path = _folder.File("nomadic.db");
        using (var writer = new SqliteExperimentStorage(path))
        {
            long id = writer.CreateOrOpenExperiment(Definition("e")).Id;
            ClaimResult claim = writer.TryClaim(new ClaimRequest(id, "k", new Dictionary<string, object?> { ["x"] = 1 }, false, "w", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(1), null));
            writer.FinishTrial(claim.TrialId, "w", new RunResult(0.5, new Dictionary<string, object?> { ["x"] = 1 }));
        }

        byte[] before = File.ReadAllBytes(path);
        using (var storage = new SqliteExperimentStorage(path, ReadOnly))
        {
            Assert.Equal(0.5, Assert.Single(storage.LoadResult("e")!.RunResults).Score);
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void HasTables_EmptyFileFilledByAWriterLater_SeesTheNewExperiments()
    {
        string path = _folder.File("later.db");
        File.WriteAllBytes(path, []);
        using var reader = new SqliteExperimentStorage(path, ReadOnly);
        Assert.Empty(reader.ListExperiments());

        using (var writer = new SqliteExperimentStorage(path))
        {
            writer.CreateOrOpenExperiment(Definition("e"));
        }

        Assert.Equal("e", Assert.Single(reader.ListExperiments()).Name);
    }

    [Fact]
    public void Constructor_OlderSchemaVersion_IsRefusedWithOneLineAndTheFileIsUnchanged()
    {
        string path = _folder.File("old.db");
        SqliteFile.Sql(path, "CREATE TABLE nomadic_schema (version INTEGER NOT NULL); INSERT INTO nomadic_schema VALUES (0)");
        byte[] before = File.ReadAllBytes(path);

        var error = Assert.Throws<StorageException>(() => new SqliteExperimentStorage(path, ReadOnly));

        Assert.Equal($"{path}: database schema version 0 is older than this Nomadic's ({SchemaMigrations.CurrentVersion}); open it once for writing (nomadic run, or SqliteExperimentStorage without ReadOnly) to upgrade it.", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Constructor_NewerSchemaVersion_IsRefusedAsWhenWriting()
    {
        string path = _folder.File("future.db");
        new SqliteExperimentStorage(path).Dispose();
        SqliteFile.Sql(path, "UPDATE nomadic_schema SET version = 7");

        var error = Assert.Throws<StorageException>(() => new SqliteExperimentStorage(path, ReadOnly));

        Assert.Equal($"{path}: database schema version 7 is newer than this Nomadic supports ({SchemaMigrations.CurrentVersion}); upgrade Nomadic.", error.Message);
    }

    [Fact]
    public void Constructor_TextFile_IsRefusedAndTheFileIsUnchanged()
    {
        string path = _folder.File("notes.db");
        File.WriteAllText(path, "my notes, not a database\n");

        var error = Assert.Throws<StorageException>(() => new SqliteExperimentStorage(path, ReadOnly));

        Assert.Equal($"{path} is not a Nomadic database: it is not a SQLite file.", error.Message);
        Assert.Equal("my notes, not a database\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder.Path));
    }

    private static ExperimentDefinition Definition(string name) =>
        new(name, Direction.Maximize, new SearchSpace { ["x"] = Tune.Choice(1, 2) }, new Dictionary<string, object?>());
}
