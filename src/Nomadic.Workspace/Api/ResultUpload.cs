using System.Globalization;
using System.Text.Json;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Api;

/// <summary>
/// Turns uploaded JSON into what the store keeps (a header without runs, and one record per trial number) and back.
/// Uploads are read by the library's result readers, so they follow the same rules as result files; a run without a
/// trial number (or with -1) takes its position in the upload.
/// </summary>
internal static class ResultUpload
{
    public static (ExperimentResult Result, IReadOnlyList<RunRecord> Runs) ReadResult(string json)
    {
        ExperimentResult result;
        try
        {
            result = ExperimentResult.FromJson(json);
        }
        catch (ResultFormatException e)
        {
            throw ApiProblem.BadRequest(e.Message);
        }

        return (result, Records(result.RunResults, numbered: false));
    }

    /// <summary>Reads a list of runs, or an object with <c>run_results</c>; every run needs its <c>trial_number</c>.</summary>
    public static IReadOnlyList<RunRecord> ReadRuns(JsonElement root)
    {
        JsonElement list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("run_results", out JsonElement r) ? r : root;
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw ApiProblem.BadRequest("The body must be a list of runs or an object with \"run_results\": a list of runs.");
        }

        var runs = new List<RunResult>();
        foreach (JsonElement element in list.EnumerateArray())
        {
            try
            {
                runs.Add(RunResult.FromJson(element.GetRawText(), $"run_results[{runs.Count}]"));
            }
            catch (ResultFormatException e)
            {
                throw ApiProblem.BadRequest(e.Message);
            }
        }

        return Records(runs, numbered: true);
    }

    public static string Header(ExperimentResult result) => new ExperimentResult(result.HpSearchSpace, [], result.Name)
    {
        Direction = result.Direction,
        Objectives = result.Objectives,
        Metadata = result.Metadata,
    }.ToJson();

    public static ExperimentResult Assemble(ResultRecord record, IEnumerable<RunRecord> runs)
    {
        ExperimentResult header = ExperimentResult.FromJson(record.Header);
        return new ExperimentResult(header.HpSearchSpace, runs.Select(r => StorageJson.ReadRun(r.Json)), header.Name, record.Id.ToString("D", CultureInfo.InvariantCulture))
        {
            Direction = header.Direction,
            Objectives = header.Objectives,
            Metadata = header.Metadata,
        };
    }

    private static List<RunRecord> Records(IReadOnlyList<RunResult> runs, bool numbered)
    {
        var records = new List<RunRecord>(runs.Count);
        var seen = new HashSet<int>();
        for (int i = 0; i < runs.Count; i++)
        {
            RunResult run = runs[i];
            if (run.TrialNumber < 0 && numbered)
            {
                throw ApiProblem.BadRequest($"run_results[{i}].trial_number is required: runs are kept once per trial number.");
            }

            RunResult numberedRun = run.TrialNumber >= 0 ? run : run.WithTrialInfo(i, run.StartedAt, run.Duration, run.IsBaseline);
            if (!seen.Add(numberedRun.TrialNumber))
            {
                throw ApiProblem.BadRequest($"run_results[{i}].trial_number {numberedRun.TrialNumber} appears twice.");
            }

            records.Add(new RunRecord(numberedRun.TrialNumber, StorageJson.WriteRun(numberedRun)));
        }

        return records;
    }
}
