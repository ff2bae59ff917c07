using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nomadic.Cli.Output;
using Nomadic.Cli.Storage;
using Nomadic.Storage;
using Nomadic.Workspace;
using Nomadic.Workspace.Keys;
using Nomadic.Workspace.Store;

namespace Nomadic.Cli.Commands;

/// <summary>
/// <c>nomadic serve [--storage URL] [--port N] [--urls ...] [--secure-cookies] [--forwarded-headers]</c>: runs the
/// Workspace server over the same storage the command line and workers use, so experiments running anywhere appear
/// live. The first start over a storage without workspaces creates one allowed to adopt experiments and prints its
/// key, so the person who started it signs in and sees every experiment there. Stops on Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 8000;

    /// <summary>The workspace the first start over a storage creates, for the one person who started it.</summary>
    public const string FirstWorkspace = "local";

    public static Command Create(CliConsole console)
    {
        Option<string?> storage = StorageArguments.Storage("nomadic.db in the current folder");
        var port = new Option<int>("--port")
        {
            Description = "The port to listen on at 127.0.0.1.",
            DefaultValueFactory = _ => DefaultPort,
            HelpName = "N",
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be from 0 to 65535.");
            }
        });
        var urls = new Option<string[]>("--urls")
        {
            Description = "The addresses to listen on instead, such as http://0.0.0.0:8000 (put a TLS proxy in front when not on loopback).",
            HelpName = "URL",
            AllowMultipleArgumentsPerToken = true,
        };
        var secureCookies = new Option<bool>("--secure-cookies")
        {
            Description = "Always mark the dashboard's session cookie Secure (https only), as behind a TLS proxy. Default: only for https requests.",
        };
        var forwardedHeaders = new Option<bool>("--forwarded-headers")
        {
            Description = "Believe X-Forwarded-Proto from a proxy on this machine, so its https requests count as https.",
        };
        var command = new Command("serve", "Run the Nomadic Workspace server (REST API, OpenAPI at /openapi/v1.json) over the experiment storage.")
        {
            storage, port, urls, secureCookies, forwardedHeaders,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            console,
            StorageArguments.Resolve(parse.GetValue(storage)),
            parse.GetValue(urls) is { Length: > 0 } given ? given : [string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{parse.GetValue(port)}")],
            (parse.GetValue(secureCookies), parse.GetValue(forwardedHeaders)),
            cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(
        CliConsole console, StorageUrl url, string[] urls, (bool SecureCookies, bool ForwardedHeaders) proxy, CancellationToken cancellationToken)
    {
        using IWorkspaceStore store = WorkspaceStores.Open(url);
        using IExperimentStorage storage = url.Open();
        NewApiKey? first = ApiKeys.CreateFirst(store, FirstWorkspace, TimeProvider.System);
        var options = new WorkspaceServerOptions
        {
            Storage = storage,
            Store = store,
            SecureCookies = proxy.SecureCookies,
            ForwardedHeaders = proxy.ForwardedHeaders,
        };
        await using WebApplication app = WorkspaceServer.Create(options, urls, QuietStartup);
        await app.StartAsync(cancellationToken);
        var output = new OutputWriter(console);
        output.Line($"Nomadic Workspace on {string.Join(", ", app.Urls)} (storage {url.Display()}); Ctrl+C stops it.");
        if (first is not null)
        {
            output.Line($"First start over this storage: workspace '{FirstWorkspace}' lists every experiment the command line and workers write here.");
            output.Line("Sign in to the dashboard with its key (shown once; only its hash is kept; more keys: nomadic workspace key create):");
            output.Line(first.Key);
        }
        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None);
        return ExitCodes.Success;
    }

    // The command prints its own address line; ASP.NET Core's start and stop lines (listening on, content root,
    // hosting environment, Ctrl+C) would only repeat it, while its warnings and errors stay visible.
    private static void QuietStartup(WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
    }
}
