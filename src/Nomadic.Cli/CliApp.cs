using System.CommandLine;
using System.CommandLine.Invocation;
using Nomadic.Cli.Commands;

namespace Nomadic.Cli;

/// <summary>
/// The <c>nomadic</c> command line: parses the arguments, runs one command and turns every error into one line on
/// stderr with exit code 2 (bad input) or 1 (failure). <see cref="Program"/> calls it with the process's console;
/// tests call it with their own writers.
/// </summary>
internal static class CliApp
{
    /// <summary>Runs the command line with plain (non-terminal) output.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliConsole(stdout, stderr, IsTerminal: false), cancellationToken);

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="cancellationToken">Ctrl+C: stops a running experiment, keeping its finished runs (exit code 130).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        ParseResult parse = CreateRoot(console).Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            console.Error.WriteLine($"error: {CommandLineErrors.Describe(parse)} (see nomadic --help)");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception e)
        {
            return ErrorReport.Write(e, console.Error, cancellationToken);
        }
    }

    /// <summary>Builds the command tree, every validator guarded by <see cref="CommandLineErrors.Guard"/>.</summary>
    /// <param name="console">Where the commands write.</param>
    /// <returns>The <c>nomadic</c> root command.</returns>
    internal static RootCommand CreateRoot(CliConsole console)
    {
        RootCommand root = new("nomadic: run hyperparameter experiments declared in JSON or YAML, kept in a storage that any number of workers share; list, show, export, report on and remove them; serve them in the Nomadic Workspace.")
        {
            RunCommand.Create(console),
            WorkerCommand.Create(console),
            ListCommand.Create(console),
            ShowCommand.Create(console),
            ExportCommand.Create(console),
            ReportCommand.Create(console),
            RemoveCommand.Create(console),
            ServeCommand.Create(console),
            WorkspaceCommand.Create(console),
        };
        CommandLineErrors.Guard(root);
        return root;
    }
}
