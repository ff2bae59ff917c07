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
        var error = Assert.Throws<ConnectionStringException>(() => PostgresConnectionString.Parse(text));

        Assert.StartsWith("The PostgreSQL connection string is not valid", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Theory]
    [InlineData("postgresql://u:s3cretPW@[::1/db", "the IPv6 host address has no closing ']'")]
    [InlineData("postgresql://u:s3cretPW@host:99999/db", "port 99999 is out of range (1 to 65535)")]
    [InlineData("postgres://u:s3cretPW@host:port/db", "the port is not a number (expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE)")]
    [InlineData("postgresql://u:s3cret/PW@host/db", "it is not a URL of the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE")]
    [InlineData("postgresql://u:s3cretPW@host/db?bogus=1", "unknown option \"bogus\"")]
    [InlineData("postgresql://u:s3cretPW@host/db?sslmode=sometimes", "\"SSL Mode\" cannot be \"sometimes\"")]
    [InlineData("Host=x;Password=s3cretPW;Port=abc", "\"port\" cannot be \"abc\"")]
    [InlineData("Host=x;Password=s3cretPW;Port=99999", "port 99999 is out of range (1 to 65535)")]
    [InlineData("Host=x;Password=s3cretPW;Bogus=1", "unknown keyword \"bogus\"")]
    [InlineData("Host=x;Password=s3cretPW;oops", "it is neither KEYWORD=VALUE pairs separated by ';' nor a postgresql:// URL")]
    [InlineData("Host=x;Password='s3cretPW", "it is neither KEYWORD=VALUE pairs separated by ';' nor a postgresql:// URL")]
    public void Parse_Malformed_ThrowsNamingTheProblemWithoutThePassword(string text, string problem)
    {
        var error = Assert.Throws<ConnectionStringException>(() => PostgresConnectionString.Parse(text));

        Assert.Equal(problem, error.Problem);
        Assert.Equal($"The PostgreSQL connection string is not valid: {problem}.", error.Message);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Server=db;User Id=u;Pwd=p;Port=6000")]
    [InlineData("host=db;username=u;password=p;port=6000")]
    public void Parse_KeywordSynonymsAndCase_AreAccepted(string text)
    {
        NpgsqlConnectionStringBuilder builder = PostgresConnectionString.Parse(text);

        Assert.Equal(("db", 6000, "u", "p"), (builder.Host, builder.Port, builder.Username, builder.Password));
    }

    [Fact]
    public void Constructor_MalformedConnectionString_ThrowsBeforeConnecting()
    {
        Assert.Throws<ConnectionStringException>(() => new PostgresExperimentStorage("postgresql://u:s3cretPW@host:99999/db"));
    }

    [Fact]
    public void Constructor_BadSchemaName_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgresExperimentStorage("Host=db", new PostgresStorageOptions { Schema = "Bad-Name" }));

        Assert.Contains("Schema", error.Message);
    }
}
