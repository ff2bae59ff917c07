namespace Nomadic.Workspace;

/// <summary>Builds a Workspace server on Kestrel, as <c>nomadic serve</c> runs it.</summary>
public static class WorkspaceServer
{
    /// <summary>Creates the server; start it with <c>RunAsync</c> or <c>StartAsync</c>.</summary>
    /// <param name="options">What to serve.</param>
    /// <param name="urls">The addresses to listen on, such as <c>http://127.0.0.1:8000</c>.</param>
    /// <returns>The application; the caller disposes it, and the storage and store after it.</returns>
    public static WebApplication Create(WorkspaceServerOptions options, IEnumerable<string> urls) => Create(options, urls, _ => { });

    /// <summary>Creates the server after letting the host adjust the builder, for instance its logging; start it with <c>RunAsync</c> or <c>StartAsync</c>.</summary>
    /// <param name="options">What to serve.</param>
    /// <param name="urls">The addresses to listen on, such as <c>http://127.0.0.1:8000</c>.</param>
    /// <param name="configure">Called with the builder before the application is built; the Workspace's own services are registered after it.</param>
    /// <returns>The application; the caller disposes it, and the storage and store after it.</returns>
    public static WebApplication Create(WorkspaceServerOptions options, IEnumerable<string> urls, Action<WebApplicationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(configure);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodySize);
        builder.WebHost.UseUrls([.. urls]);
        configure(builder);
        builder.Services.AddNomadicWorkspace(options);
        WebApplication app = builder.Build();
        app.UseNomadicWorkspace();
        return app;
    }
}
