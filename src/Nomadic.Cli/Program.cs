using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Nomadic.Cli;

/// <summary>
/// The entry point: sizes the thread pool, wires Ctrl+C and SIGTERM to cancellation and runs <see cref="CliApp"/> on
/// the process's console.
/// </summary>
internal static class Program
{
    // `timeout -s INT` signals the command and then its whole process group, and a terminal's Ctrl+C reaches the
    // process along with its children: signals this close to the first are the same interruption.
    private static readonly TimeSpan SameInterruption = TimeSpan.FromSeconds(1);
    private static long _firstSignal;

    private static async Task<int> Main(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Interrupt(context, interrupt));
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Interrupt(context, interrupt));
        var console = new CliConsole(Console.Out, Console.Error, IsTerminal: !Console.IsOutputRedirected, Prompt: Console.IsInputRedirected ? null : Console.In);
        return await CliApp.RunAsync(args, console, interrupt.Token);
    }

    // The first signal stops the experiment gracefully (finished runs are written); one more a second or longer later
    // ends the process at once.
    private static void Interrupt(PosixSignalContext context, CancellationTokenSource interrupt)
    {
        long now = Stopwatch.GetTimestamp();
        long first = Interlocked.CompareExchange(ref _firstSignal, now, 0);
        if (first != 0 && Stopwatch.GetElapsedTime(first, now) >= SameInterruption)
        {
            return;
        }

        context.Cancel = true;
        if (first == 0)
        {
            interrupt.Cancel();
        }
    }
}
