namespace Nomadic.Storage.Sqlite.Tests;

public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Migrate_NewFile_RecordsTheCurrentVersionOnce()
    {
        string path = _folder.File("new.db");
        new SqliteExperimentStorage(path).Dispose();

        Assert.Equal((long)SchemaMigrations.CurrentVersion, SqliteFile.Sql(path, "SELECT version FROM nomadic_schema"));
        Assert.Equal(1L, SqliteFile.Sql(path, "SELECT count(*) FROM nomadic_schema"));
    }

    [Fact]
    public void Migrate_TwoStoragesOpenANewFileAtOnce_CreateTheSchemaOnce()
    {
        for (int attempt = 0; attempt < 8; attempt++)
        {
            string path = _folder.File($"race{attempt}.db");
            using var start = new Barrier(2);
            SqliteExperimentStorage[] opened = new SqliteExperimentStorage[2];

            Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                start.SignalAndWait();
                opened[i] = new SqliteExperimentStorage(path);
            });

            long id = opened[0].CreateOrOpenExperiment(new ExperimentDefinition("e", Results.Direction.Maximize, new Tuning.SearchSpace(), new Dictionary<string, object?>())).Id;
            Assert.Equal(id, opened[1].FindExperiment("e")!.Id);
            Array.ForEach(opened, s => s.Dispose());
            Assert.Equal(1L, SqliteFile.Sql(path, "SELECT count(*) FROM nomadic_schema"));
            Assert.Equal("ok", SqliteFile.Sql(path, "PRAGMA integrity_check"));
        }
    }

    [Fact]
    public void Open_NewerSchemaVersion_IsRefusedAndTheFileIsUnchanged()
    {
        string path = _folder.File("future.db");
        new SqliteExperimentStorage(path).Dispose();
        SqliteFile.Sql(path, "UPDATE nomadic_schema SET version = 7");
        byte[] before = File.ReadAllBytes(path);

        var error = Assert.Throws<StorageException>(() => new SqliteExperimentStorage(path));

        Assert.Equal($"{path}: database schema version 7 is newer than this Nomadic supports ({SchemaMigrations.CurrentVersion}); upgrade Nomadic.", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_TextFile_IsRefusedAndTheFileIsUnchanged()
    {
        string path = _folder.File("notes.db");
        File.WriteAllText(path, "my notes, not a database\n");

        var error = Assert.Throws<StorageException>(() => new SqliteExperimentStorage(path));

        Assert.Equal($"{path} is not a Nomadic database: it is not a SQLite file.", error.Message);
        Assert.Equal("my notes, not a database\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void Open_AnotherApplicationsDatabase_IsRefusedAndTheFileIsUnchanged()
    {
        string path = _folder.File("optuna.db");
        SqliteFile.Sql(path, "CREATE TABLE studies (study_id INTEGER PRIMARY KEY, study_name TEXT)");
        byte[] before = File.ReadAllBytes(path);

        var error = Assert.Throws<StorageException>(() => new SqliteExperimentStorage(path));

        Assert.Equal($"{path} is not a Nomadic database: it holds another application's tables (studies).", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal("delete", SqliteFile.Sql(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public void Open_SqliteHeaderButDamagedPages_IsRefusedWithOneLine()
    {
        string path = _folder.File("damaged.db");
        byte[] bytes = new byte[4096];
        "SQLite format 3\0"u8.CopyTo(bytes);
        bytes.AsSpan(16).Fill(0xAB);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<StorageException>(() => new SqliteExperimentStorage(path));

        Assert.StartsWith($"{path} is not a Nomadic database: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }
}
