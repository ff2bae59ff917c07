using Nomadic.AI.Datasets;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>Loads a dataset file an experiment file names (items to answer, few-shot examples), with one-line errors naming the key.</summary>
internal static class EvaluationDatasetFile
{
    /// <summary>Loads the file.</summary>
    /// <param name="file">The experiment file the path is relative to.</param>
    /// <param name="path">The path and the key it was read from.</param>
    /// <returns>The items.</returns>
    /// <exception cref="InputException">The file is missing, unreadable or malformed (the message names the line).</exception>
    public static EvaluationDataset Load(ExperimentFile file, LocatedText path)
    {
        string full = Path.GetFullPath(path.Value, file.Folder);
        if (!File.Exists(full))
        {
            throw Error(file, path, $"the file \"{full}\" does not exist");
        }

        if (DataFileLimits.SizeProblem(full) is string tooLarge)
        {
            throw Error(file, path, tooLarge);
        }

        try
        {
            return EvaluationDataset.Load(full);
        }
        catch (Exception e) when (e is DatasetFormatException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            throw Error(file, path, e.Message.TrimEnd('.'));
        }
    }

    private static InputException Error(ExperimentFile file, LocatedText path, string problem) =>
        new(path.Position.Describe(file.Path, $"\"{path.Key}\": {problem}"));
}
