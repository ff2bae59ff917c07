namespace Nomadic.Storage;

/// <summary>Opens an <see cref="IExperimentStorage"/> from a URL (Optuna's <c>get_storage</c>).</summary>
/// <example>
/// <code>
/// using IExperimentStorage storage = ExperimentStorage.Open("sqlite:///data/nomadic.db");
/// var options = new ExperimentOptions { Name = "sweep", Storage = storage };
/// </code>
/// </example>
public static class ExperimentStorage
{
    /// <summary>Opens the storage a URL names, creating a SQLite file that does not exist yet.</summary>
    /// <param name="url">One of the <see cref="StorageUrl.Forms"/>; a relative SQLite path is resolved against the current folder.</param>
    /// <param name="options">How to open it; the defaults when omitted.</param>
    /// <returns>The storage; the caller disposes it.</returns>
    /// <exception cref="FormatException">The URL is none of the accepted forms, or a malformed PostgreSQL connection string; the message never holds the password.</exception>
    /// <exception cref="StorageException">The storage cannot be opened.</exception>
    public static IExperimentStorage Open(string url, StorageOpenOptions? options = null) =>
        StorageUrl.Parse(url, Environment.CurrentDirectory).Open(options);
}
