using Nomadic.Storage;

namespace Nomadic.Experiments;

/// <summary>Picks the storage an experiment's trials go to from its options.</summary>
internal static class StorageChoice
{
    /// <summary>
    /// Gets the <see cref="ExperimentOptions.Storage"/>; with a <see cref="ExperimentOptions.JournalPath"/> too, that
    /// storage exporting its runs to the journal; with a journal alone, a <see cref="JournalExperimentStorage"/>.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <returns>The storage, or <see langword="null"/> when the trials live in the experiment alone.</returns>
    public static IExperimentStorage? For(ExperimentOptions options) => (options.Storage, options.JournalPath) switch
    {
        (null, null) => null,
        ({ } storage, null) => storage,
        (null, { } path) => new JournalExperimentStorage(path),
        ({ } storage, { } path) => new JournalExport(storage, path),
    };
}
