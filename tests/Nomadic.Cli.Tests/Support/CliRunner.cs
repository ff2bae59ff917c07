namespace Nomadic.Cli.Tests.Support;

/// <summary>Runs the <c>nomadic</c> command line in-process with captured output.</summary>
internal static class CliRunner
{
    public static async Task<CliOutcome> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public static async Task<CliOutcome> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr), cancellationToken);
        return new CliOutcome(code, stdout.ToString(), stderr.ToString());
    }
}
