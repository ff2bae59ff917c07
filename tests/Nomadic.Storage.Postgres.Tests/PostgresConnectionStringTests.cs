using Npgsql;

namespace Nomadic.Storage.Postgres.Tests;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void Parse_Url_ReadsEveryPart()
    {
        NpgsqlConnectionStringBuilder builder = PostgresConnectionString.Parse("postgresql://bob:p%40ss%3Aword@db.example:6543/exp%20one?sslmode=require&application_name=tuner");

        Assert.Equal("db.example", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("bob", builder.Username);
        Assert.Equal("p@ss:word", builder.Password);
        Assert.Equal("exp one", builder.Database);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("tuner", builder.ApplicationName);
    }

    [Fact]
    public void Parse_UrlWithoutPortOrUser_UsesDefaults()
    {
        NpgsqlConnectionStringBuilder builder = PostgresConnectionString.Parse("postgres://localhost/experiments");

        Assert.Equal(5432, builder.Port);
        Assert.Null(builder.Password);
        Assert.Equal("experiments", builder.Database);
    }

    [Fact]
    public void Parse_KeywordForm_KeepsIt()
    {
        NpgsqlConnectionStringBuilder builder = PostgresConnectionString.Parse("Host=db;Port=5433;Database=exp;Username=u;Password=secret");

        Assert.Equal("db:5433/exp", PostgresConnectionString.Describe(builder));
        Assert.Equal("secret", builder.Password);
    }

    [Fact]
    public void Describe_Url_NamesHostPortAndDatabaseOnly()
    {
        string location = PostgresConnectionString.Describe(PostgresConnectionString.Parse("postgresql://bob:hunter2@db.example:6543/exp"));

        Assert.Equal("db.example:6543/exp", location);
    }

    [Theory]
    [InlineData("Host=db;Password=hunter2;Bogus=1")]
    [InlineData("postgresql://bob:hunter2@db/exp?bogus=1")]
    public void Parse_Invalid_ThrowsWithoutThePassword(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresConnectionString.Parse(text));

        Assert.StartsWith("The PostgreSQL connection string is not valid", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void Constructor_BadSchemaName_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgresExperimentStorage("Host=db", new PostgresStorageOptions { Schema = "Bad-Name" }));

        Assert.Contains("Schema", error.Message);
    }
}
