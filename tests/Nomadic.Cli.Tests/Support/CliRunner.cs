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

    /// <summary>Runs the command line as if a person at a terminal typed <paramref name="answers"/> on standard input.</summary>
    public static async Task<CliOutcome> RunInteractiveAsync(string answers, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stdin = new StringReader(answers);
        var console = new CliConsole(TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr), IsTerminal: false, Prompt: stdin);
        int code = await CliApp.RunAsync(args, console, CancellationToken.None);
        return new CliOutcome(code, stdout.ToString(), stderr.ToString());
    }
}
