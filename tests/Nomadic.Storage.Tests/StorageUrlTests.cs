using Nomadic.Cli.Storage;

namespace Nomadic.Cli.Tests.Storage;

public sealed class StorageUrlTests
{
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
    public void Parse_Memory_IsInMemory()
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
        var error = Assert.Throws<InputException>(() => StorageUrl.Parse(text, "/work"));

        Assert.StartsWith($"unrecognized storage \"{text}\"; expected sqlite:PATH, sqlite:///ABSOLUTE/PATH, a file path ending in .db, postgresql://", error.Message, StringComparison.Ordinal);
        Assert.Contains("Host=", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("or memory", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://nomadic:secret@db.local/experiments", "postgresql://nomadic:***@db.local/experiments")]
    [InlineData("Host=db.local;Password=secret;Database=x", "Host=db.local;Password=***;Database=x")]
    public void ToString_Postgres_HidesThePassword(string text, string shown)
    {
        Assert.Equal(shown, StorageUrl.Parse(text, "/work").ToString());
    }

    [Fact]
    public void Parse_MisspelledSchemeWithPassword_DoesNotEchoThePassword()
    {
        var error = Assert.Throws<InputException>(() => StorageUrl.Parse("postgresq://nomadic:secret@db/x", "/work"));

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
    public void OpenExisting_MissingSqliteFile_FailsWithoutCreatingIt()
    {
        string path = Path.Combine(Path.GetTempPath(), $"nomadic-missing-{Guid.NewGuid():N}.db");

        var error = Assert.Throws<InputException>(() => StorageUrl.Parse(path, "/").OpenExisting());

        Assert.Contains("no such storage file", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
