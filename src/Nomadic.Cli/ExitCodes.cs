namespace Nomadic.Cli;

/// <summary>The exit codes of the <c>nomadic</c> command.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command failed while running: no run completed, a file could not be written.</summary>
    public const int Failure = 1;

    /// <summary>The command line or an input file is wrong; nothing was run.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by Ctrl+C or SIGTERM (128 + SIGINT); finished runs were kept.</summary>
    public const int Interrupted = 130;
}
