using Nomadic.Cli.Storage;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Cli.Commands;

/// <summary>
/// Finds the runs <c>show</c>, <c>export</c> and <c>report</c> are asked for: an existing file (a result or a journal)
/// is read; anything else names an experiment in the storage, which is only read, never changed.
/// </summary>
internal static class ResultSource
{
    /// <summary>Loads a result file or a stored experiment.</summary>
    /// <param name="target">A file path or an experiment name.</param>
    /// <param name="storage">The <c>--storage</c> value, if any; nomadic.db in the current folder otherwise.</param>
    /// <returns>The runs.</returns>
    /// <exception cref="InputException">There is no such file, and no such experiment; or the file is a SQLite storage.</exception>
    /// <exception cref="ResultFormatException">The file is not a result or a journal.</exception>
    public static ExperimentResult Load(string target, string? storage)
    {
        if (StorageUrl.IsSqliteFile(target))
        {
            throw new InputException($"{target} is a SQLite storage, not a result file; name one of its experiments and pass --storage {target} (nomadic ls --storage {target} lists them)");
        }

        if (File.Exists(target))
        {
            return ResultFiles.Load(target);
        }

        StorageUrl url = StorageArguments.Resolve(storage);
        bool looksLikeFile = LooksLikeFile(target);
        if (looksLikeFile && url.Kind == StorageKind.Sqlite && !File.Exists(url.Target))
        {
            throw new InputException($"{target}: no such file");
        }

        using IExperimentStorage experiments = url.OpenForReading(StorageArguments.ReadRetryBudget);
        return experiments.LoadResult(target) ?? throw (looksLikeFile
            ? new InputException($"{target}: no such file, and no experiment of that name in {experiments.Location}")
            : ExperimentLookup.Unknown(experiments, target));
    }

    private static bool LooksLikeFile(string target) =>
        target.Contains('/', StringComparison.Ordinal) || target.Contains('\\', StringComparison.Ordinal)
        || Path.GetExtension(target).ToLowerInvariant() is ".json" or ".jsonl";
}
