using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Nomadic.Storage.Postgres.Tests;

[Collection(PostgresTests.Name)]
public sealed class ConnectionErrorTests(PostgresServer server)
{
    private static readonly PostgresStorageOptions QuickGiveUp = new() { RetryBudget = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(200) };

    private NpgsqlConnectionStringBuilder Admin => new(server.AdminConnectionString);

    [Fact]
    public void Open_UnknownDatabase_ThrowsOneLineNamingIt()
    {
        string url = $"postgresql://postgres:hunter2@{Admin.Host}:{Admin.Port}/no_such_database";

        var error = Assert.Throws<StorageException>(() => new PostgresExperimentStorage(url, QuickGiveUp));

        Assert.StartsWith($"{Admin.Host}:{Admin.Port}/no_such_database: ", error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Open_UnknownRole_ThrowsWithoutRetrying()
    {
        var builder = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Username = "nobody_here", Password = "hunter2" };
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<StorageException>(() => new PostgresExperimentStorage(builder.ConnectionString));

        Assert.Contains("nobody_here", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Open_ClosedPort_GivesUpAfterTheRetryBudget()
    {
        int port = ClosedPort();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<StorageException>(() => new PostgresExperimentStorage($"Host=127.0.0.1;Port={port};Username=postgres;Password=hunter2;Database=exp", QuickGiveUp));

        Assert.StartsWith($"127.0.0.1:{port}/exp: PostgreSQL is unreachable", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
