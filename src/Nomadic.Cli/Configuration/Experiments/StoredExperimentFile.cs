using Nomadic.Storage;

namespace Nomadic.Cli.Configuration.Experiments;

/// <summary>
/// The experiment file kept in a stored experiment's settings, so a worker on any machine can rebuild the same plan:
/// <c>{"experiment_file": {...}, "base_directory": "/abs/dir", "file_path": "/abs/dir/experiment.json"}</c>.
/// </summary>
internal static class StoredExperimentFile
{
    public const string FileKey = "experiment_file";
    public const string FolderKey = "base_directory";
    public const string PathKey = "file_path";

    // A worker names its own storage, and a connection string may carry a password: the file's "storage" is not kept.
    private const string StorageKey = "storage";

    /// <summary>Gets the settings to store with a new experiment declared by <paramref name="file"/>.</summary>
    public static IReadOnlyDictionary<string, object?> Settings(ExperimentFile file) => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        [FileKey] = Kept(file),
        [FolderKey] = file.Folder,
        [PathKey] = Path.GetFullPath(file.Path),
    };

    /// <summary>Rebuilds the experiment file of a stored experiment.</summary>
    /// <param name="experiment">The stored experiment.</param>
    /// <param name="location">Where it is stored, for messages.</param>
    /// <returns>The file, with the stored experiment's name.</returns>
    /// <exception cref="InputException">The experiment was not created from an experiment file, or its file is no longer valid here.</exception>
    public static ExperimentFile Read(StoredExperiment experiment, string location)
    {
        if (experiment.Settings.GetValueOrDefault(FileKey) is not IReadOnlyDictionary<string, object?> declaration
            || experiment.Settings.GetValueOrDefault(FolderKey) is not string folder)
        {
            throw new InputException($"{location}: experiment '{experiment.Name}' holds no experiment file to run (it was not created by nomadic run)");
        }

        string path = experiment.Settings.GetValueOrDefault(PathKey) as string ?? Path.Combine(folder, experiment.Name);
        return ExperimentFileReader.FromValues(declaration, path, folder) with { Name = experiment.Name };
    }

    /// <summary>Tells whether the stored file differs from <paramref name="file"/> (then workers joining use the stored one).</summary>
    public static bool Differs(StoredExperiment experiment, ExperimentFile file) =>
        experiment.Settings.GetValueOrDefault(FileKey) is IReadOnlyDictionary<string, object?> stored
        && StorageJson.WriteValues(stored) != StorageJson.WriteValues(Kept(file));

    private static Dictionary<string, object?> Kept(ExperimentFile file) =>
        file.Declaration.Where(p => p.Key != StorageKey).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
