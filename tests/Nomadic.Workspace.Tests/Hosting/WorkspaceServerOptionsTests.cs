using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Hosting;

public sealed class WorkspaceServerOptionsTests : IDisposable
{
    private readonly WorkspaceFactory _factory = new();

    [Fact]
    public void Defaults_TwelveHourSessions_CookiesSecureOnlyOverHttps_NoForwardedHeaders()
    {
        var options = new WorkspaceServerOptions { Storage = _factory.Storage, Store = _factory.Store };

        Assert.Equal(TimeSpan.FromHours(12), options.SessionLifetime);
        Assert.False(options.SecureCookies);
        Assert.False(options.ForwardedHeaders);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void SessionLifetime_NotPositive_Throws(int minutes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkspaceServerOptions
        {
            Storage = _factory.Storage,
            Store = _factory.Store,
            SessionLifetime = TimeSpan.FromMinutes(minutes),
        });

    public void Dispose() => _factory.Dispose();
}
