using Nomadic.Results;
using Nomadic.Storage.Postgres;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Storage.Tests;

public sealed class StorageUrlTests : IClassFixture<PostgresServer>, IDisposable
{
    private readonly PostgresServer _server;
    private readonly string _directory = Directory.CreateTempSubdirectory("nomadic-storage-url-").FullName;

    public StorageUrlTests(PostgresServer server)
    {
        _server = server;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("sqlite:runs/nomadic.db", "/work/runs/nomadic.db")]
    [InlineData("sqlite:/data/nomadic.db", "/data/nomadic.db")]
    [InlineData("sqlite:///data/runs.db", "/data/runs.db")]
    [InlineData("sqlite:runs.sqlite", "/work/runs.sqlite")]
    [InlineData("results.db", "/work/results.db")]
    [InlineData("../shared/nomadic.DB", "/shared/nomadic.DB")]
    public void Parse_SqliteForms_GiveTheFullPath(string text, string path)
    {
        StorageUrl url = StorageUrl.Parse(text, "/work");

        Assert.Equal(StorageKind.Sqlite, url.Kind);
        Assert.Equal(path, url.Target);
    }

    [Theory]
    [InlineData("postgresql://nomadic:secret@db.local:5432/experiments")]
    [InlineData("postgres://db.local/experiments")]
    [InlineData("Host=db.local;Database=experiments;Username=nomadic")]
    [InlineData("host=localhost")]
    [InlineData("Database=experiments; Host=db.local")]
    public void Parse_PostgresForms_KeepTheConnectionString(string text)
    {
        StorageUrl url = StorageUrl.Parse(text, "/work");

        Assert.Equal(StorageKind.Postgres, url.Kind);
        Assert.Equal(text, url.Target);
    }

    [Fact]
    public void Parse_Memory_IsMemory()
    {
        Assert.Equal(StorageKind.Memory, StorageUrl.Parse("memory", "/work").Kind);
    }

    [Theory]
    [InlineData("nomadic")]
    [InlineData("mysql://db/experiments")]
    [InlineData("sqlite:")]
    [InlineData("sqlite://")]
    [InlineData("")]
    public void Parse_UnknownForm_ListsTheAcceptedForms(string text)
    {
        var error = Assert.Throws<FormatException>(() => StorageUrl.Parse(text, "/work"));

        Assert.StartsWith($"unrecognized storage \"{text}\"; expected sqlite:PATH, sqlite:///ABSOLUTE/PATH, a file path ending in .db, postgresql://", error.Message, StringComparison.Ordinal);
        Assert.Contains("Host=", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("or memory", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://nomadic:secret@db.local/experiments", "postgresql://nomadic:***@db.local/experiments")]
    [InlineData("Host=db.local;Password=secret;Database=x", "Host=db.local;Password=***;Database=x")]
    [InlineData("host=db.local;pwd=secret", "host=db.local;pwd=***")]
    [InlineData("Host=db.local;Database=x", "Host=db.local;Database=x")]
    public void ToString_Postgres_HidesThePassword(string text, string shown)
    {
        Assert.Equal(shown, StorageUrl.Parse(text, "/work").ToString());
    }

    [Theory]
    [InlineData("postgresq://nomadic:secret@db/x")]
    [InlineData("user=nomadic;password=secret")]
    public void Parse_UnknownFormWithPassword_DoesNotEchoThePassword(string text)
    {
        var error = Assert.Throws<FormatException>(() => StorageUrl.Parse(text, "/work"));

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedPostgres_NamesTheProblemWithoutThePassword()
    {
        var error = Assert.Throws<FormatException>(() => StorageUrl.Parse("postgresql://nomadic:secret@db.local:99999/x", "/work"));

        Assert.StartsWith("invalid PostgreSQL storage: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultIn_Folder_IsNomadicDbThere()
    {
        StorageUrl url = StorageUrl.DefaultIn("/work/exp");

        Assert.Equal(StorageKind.Sqlite, url.Kind);
        Assert.Equal("/work/exp/nomadic.db", url.Target);
    }

    [Fact]
    public void Open_SqlitePath_CreatesTheFileAndKeepsExperiments()
    {
        string path = Path.Combine(_directory, "runs.db");

        using (IExperimentStorage storage = ExperimentStorage.Open("sqlite://" + path))
        {
            Assert.IsType<SqliteExperimentStorage>(storage);
            storage.CreateOrOpenExperiment(new ExperimentDefinition("kept", Direction.Maximize, new Tuning.SearchSpace { ["x"] = Tuning.Tune.Uniform(0, 1) }, new Dictionary<string, object?>()));
        }

        using IExperimentStorage reopened = ExperimentStorage.Open(path);
        Assert.NotNull(reopened.FindExperiment("kept"));
    }

    [Fact]
    public void Open_ReadOnlySqlite_RefusesWrites()
    {
        string path = Path.Combine(_directory, "read.db");
        ExperimentStorage.Open(path).Dispose();

        using IExperimentStorage storage = StorageUrl.Parse(path, _directory).Open(new StorageOpenOptions { ReadOnly = true });

        Assert.ThrowsAny<Exception>(() => storage.CreateOrOpenExperiment(new ExperimentDefinition("w", Direction.Maximize, new Tuning.SearchSpace { ["x"] = Tuning.Tune.Uniform(0, 1) }, new Dictionary<string, object?>())));
        Assert.Empty(storage.ListExperiments());
    }

    [Fact]
    public void Open_Memory_IsAnEmptyStorageInThisProcess()
    {
        using IExperimentStorage storage = ExperimentStorage.Open("memory");

        Assert.IsType<InMemoryExperimentStorage>(storage);
        Assert.Empty(storage.ListExperiments());
    }

    [Fact]
    public void Open_PostgresUrl_ConnectsToTheServer()
    {
        Npgsql.NpgsqlConnectionStringBuilder builder = new(_server.CreateDatabase("url"));
        string url = $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";

        using IExperimentStorage storage = ExperimentStorage.Open(url, new StorageOpenOptions { RetryBudget = TimeSpan.FromSeconds(5) });
        storage.CreateOrOpenExperiment(new ExperimentDefinition("remote", Direction.Minimize, new Tuning.SearchSpace { ["x"] = Tuning.Tune.Uniform(0, 1) }, new Dictionary<string, object?>()));

        Assert.IsType<PostgresExperimentStorage>(storage);
        Assert.Equal(Direction.Minimize, storage.FindExperiment("remote")!.Direction);
        Assert.DoesNotContain("@", storage.Location, StringComparison.Ordinal);
    }
}
