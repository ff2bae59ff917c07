namespace Nomadic.Workspace.Tests.Client;

/// <summary>Fails the first requests as a broken network would, then passes the rest to the real server.</summary>
internal sealed class FlakyHandler(HttpMessageHandler server, int failures) : DelegatingHandler(server)
{
    public int Calls { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        return Calls <= failures
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused"))
            : base.SendAsync(request, cancellationToken);
    }
}
