namespace Nomadic.Storage.Sqlite.Tests;

public sealed class SqliteStorageOptionsTests
{
    [Fact]
    public void Defaults_AreDocumentedValues()
    {
        var options = new SqliteStorageOptions();

        Assert.Equal(TimeSpan.FromSeconds(30), options.BusyTimeout);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(SqliteSynchronous.Normal, options.Synchronous);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    [Theory]
    [InlineData(0, 3, "BusyTimeout")]
    [InlineData(1000, -1, "MaxRetries")]
    public void Validate_InvalidSetting_ThrowsNamingIt(int busyMilliseconds, int retries, string name)
    {
        var options = new SqliteStorageOptions { BusyTimeout = TimeSpan.FromMilliseconds(busyMilliseconds), MaxRetries = retries };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.StartsWith(name, error.Message);
    }
}
