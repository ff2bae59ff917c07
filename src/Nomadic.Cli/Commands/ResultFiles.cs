using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Results;

namespace Nomadic.Cli.Commands;

/// <summary>Reads and writes result files for the commands, with the checks that turn a wrong path into one clear line.</summary>
internal static class ResultFiles
{
    /// <summary>Loads a result saved by <c>nomadic run</c> (<c>results.json</c>) or a results journal (<c>.jsonl</c>).</summary>
    /// <exception cref="InputException">The file does not exist or is larger than <see cref="DataFileLimits.MaxBytes"/>.</exception>
    /// <exception cref="ResultFormatException">The file is not a result or a journal.</exception>
    public static ExperimentResult Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no such file");
        }

        return DataFileLimits.SizeProblem(path) is string problem ? throw new InputException(problem) : ExperimentResult.Load(path);
    }

    /// <summary>Writes the result files an experiment declared (the journal is written while it runs).</summary>
    /// <returns>The files the result is in.</returns>
    public static IReadOnlyList<string> Save(ExperimentResult result, OutputPaths outputs)
    {
        var written = new List<string>();
        if (outputs.Results is string results)
        {
            CreateFolder(results);
            result.Save(results);
            written.Add(results);
        }

        if (outputs.Csv is string csv)
        {
            CreateFolder(csv);
            result.SaveCsv(csv);
            written.Add(csv);
        }

        if (outputs.Journal is string journal)
        {
            written.Add(journal);
        }

        return written;
    }

    public static void CreateFolder(string file)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
