using System.CommandLine;
using Nomadic.Storage;

namespace Nomadic.Cli.Storage;

/// <summary>The options the commands share to name a storage and to take part in a stored experiment as a worker.</summary>
internal static class StorageArguments
{
    /// <summary>The lease a worker holds on a run it started, unless <c>--lease-seconds</c> says otherwise.</summary>
    public const double DefaultLeaseSeconds = 30;

    /// <summary>The longest lease <c>--lease-seconds</c> accepts: a day, after which a dead worker's run is surely given up.</summary>
    public const double MaxLeaseSeconds = 86_400;

    /// <summary>
    /// How long the commands a person waits for (ls, show, export, rm) retry an unreachable server before they fail;
    /// run and worker ride out longer outages.
    /// </summary>
    public static readonly TimeSpan ReadRetryBudget = TimeSpan.FromSeconds(10);

    /// <summary>Creates <c>--storage URL</c>.</summary>
    /// <param name="defaultText">What happens without the option, for the help text.</param>
    public static Option<string?> Storage(string defaultText) => new("--storage")
    {
        Description = $"Where experiments are kept: {StorageUrl.Forms}. Default: {defaultText}.",
        HelpName = "URL",
    };

    /// <summary>Creates <c>--lease-seconds S</c>.</summary>
    public static Option<double> LeaseSeconds()
    {
        var lease = new Option<double>("--lease-seconds")
        {
            Description = "How long a started run stays this worker's without a heartbeat; after that (the worker died) another worker runs it again.",
            DefaultValueFactory = _ => DefaultLeaseSeconds,
            HelpName = "S",
        };
        lease.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= MaxLeaseSeconds))
            {
                result.AddError($"--lease-seconds must be a positive number of seconds, at most {MaxLeaseSeconds:0} (a day).");
            }
        });
        return lease;
    }

    /// <summary>Creates <c>--worker-id ID</c>.</summary>
    public static Option<string?> WorkerId() => new("--worker-id")
    {
        Description = "This worker's name in the storage. Default: the machine name, the process id and a random suffix.",
        HelpName = "ID",
    };

    /// <summary>Resolves the storage of the commands that read stored experiments: the URL given, or nomadic.db in the current folder.</summary>
    /// <param name="text">The <c>--storage</c> value, if any.</param>
    /// <returns>The storage's location.</returns>
    /// <exception cref="InputException">The URL is none of the accepted forms.</exception>
    public static StorageUrl Resolve(string? text) =>
        text is null ? StorageUrl.DefaultIn(Environment.CurrentDirectory) : Parse(text, Environment.CurrentDirectory);

    /// <summary>Parses a storage URL given on the command line or in an experiment file.</summary>
    /// <param name="text">The URL as given.</param>
    /// <param name="folder">The folder a relative SQLite path is resolved against.</param>
    /// <returns>The storage's location.</returns>
    /// <exception cref="InputException">The URL is none of the accepted forms, or a malformed PostgreSQL connection string.</exception>
    public static StorageUrl Parse(string text, string folder)
    {
        try
        {
            return StorageUrl.Parse(text, folder);
        }
        catch (FormatException e)
        {
            throw new InputException(e.Message);
        }
    }
}
