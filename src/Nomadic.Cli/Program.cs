using System.Runtime.InteropServices;

namespace Nomadic.Cli;

/// <summary>
/// The entry point: sizes the thread pool, wires Ctrl+C and SIGTERM to cancellation and runs <see cref="CliApp"/> on
/// the process's console.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Interrupt(context, interrupt));
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Interrupt(context, interrupt));
        var console = new CliConsole(Console.Out, Console.Error, IsTerminal: !Console.IsOutputRedirected, Prompt: Console.IsInputRedirected ? null : Console.In);
        return await CliApp.RunAsync(args, console, interrupt.Token);
    }

    // The first signal stops the experiment gracefully (finished runs are written); a second one ends the process at once.
    private static void Interrupt(PosixSignalContext context, CancellationTokenSource interrupt)
    {
        if (interrupt.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        interrupt.Cancel();
    }
}
