using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Analysis;
using Nomadic.Results;
using Nomadic.Tuning;
using static Nomadic.Tests.Results.SeedResults;

namespace Nomadic.Tests.Results;

/// <summary>The DataFrame and CSV exports of <see cref="ExperimentResult"/>.</summary>
public sealed class RunTableTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nomadic-csv-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ToDataFrame_SeedExample_HasScoreAndOneColumnPerParameter()
    {
        DataFrame df = FourRuns().ToDataFrame();

        Assert.Equal(["score", "param_learning_rate", "param_batch_size"], df.Columns.Select(c => c.Name));
        Assert.Equal(4, df.Rows.Count);
        Assert.Equal([0.85, 0.90, 0.83, 0.89], df["score"].Cast<double?>());
        Assert.Equal([0.01, 0.02, 0.01, 0.02], df["param_learning_rate"].Cast<double?>());
        Assert.Equal([32, 32, 64, 64], df["param_batch_size"].Cast<int?>());
    }

    [Fact]
    public void ToDataFrame_SeedExample_ColumnTypesFollowValues()
    {
        DataFrame df = FourRuns().ToDataFrame();

        Assert.Equal(typeof(double), df["score"].DataType);
        Assert.Equal(typeof(double), df["param_learning_rate"].DataType);
        Assert.Equal(typeof(int), df["param_batch_size"].DataType);
    }

    [Fact]
    public void ToDataFrame_WithMetadata_AddsRunResultMetadataColumns()
    {
        var result = new ExperimentResult(Space(),
        [
            new RunResult(0.85, Params(("learning_rate", 0.01), ("batch_size", 32)), Params(("run_id", "001"), ("experiment", "baseline"))),
            new RunResult(0.90, Params(("learning_rate", 0.02), ("batch_size", 32)), Params(("run_id", "002"), ("tokens", 120))),
        ]);

        DataFrame df = result.ToDataFrame();

        Assert.Equal(
            ["score", "param_learning_rate", "param_batch_size", "run_result_metadata_run_id", "run_result_metadata_experiment", "run_result_metadata_tokens"],
            df.Columns.Select(c => c.Name));
        Assert.Equal(["001", "002"], df["run_result_metadata_run_id"].Cast<string?>());
        Assert.Equal(["baseline", null], df["run_result_metadata_experiment"].Cast<string?>());
        Assert.Equal([null, 120], df["run_result_metadata_tokens"].Cast<int?>());
        Assert.Equal(typeof(string), df["run_result_metadata_run_id"].DataType);
        Assert.Equal(typeof(int), df["run_result_metadata_tokens"].DataType);
    }

    [Fact]
    public void ToDataFrame_WithoutMetadata_HasNoMetadataColumns()
    {
        var result = new ExperimentResult(Space(), [ExampleRun()]);

        DataFrame df = result.ToDataFrame(includeMetadata: false);

        Assert.Equal(["score", "param_learning_rate", "param_batch_size"], df.Columns.Select(c => c.Name));
    }

    [Fact]
    public void ToDataFrame_FailedRun_ScoreIsNull()
    {
        var result = new ExperimentResult(Space(), [Run(0.5, ("learning_rate", 0.01)), RunResult.Failed(Params(("learning_rate", 0.02)), "boom")]);

        DataFrame df = result.ToDataFrame();

        Assert.Equal([0.5, null], df["score"].Cast<double?>());
        Assert.Equal(1, df["score"].NullCount);
    }

    [Fact]
    public void ToDataFrame_MissingParameter_IsNull()
    {
        var result = new ExperimentResult(Space(), [Run(0.5, ("learning_rate", 0.01)), Run(0.6, ("batch_size", 64))]);

        DataFrame df = result.ToDataFrame();

        Assert.Equal([0.01, null], df["param_learning_rate"].Cast<double?>());
        Assert.Equal([null, 64], df["param_batch_size"].Cast<int?>());
    }

    [Fact]
    public void ToDataFrame_ParameterNeverSet_IsAllNullColumn()
    {
        var result = new ExperimentResult(Space(), [Run(0.5, ("learning_rate", 0.01))]);

        DataFrame df = result.ToDataFrame();

        Assert.Equal(1, df["param_batch_size"].NullCount);
    }

    [Fact]
    public void ToDataFrame_ParameterOutsideTheSpace_ComesAfterSpaceParameters()
    {
        var result = new ExperimentResult(Space(), [Run(0.5, ("model", "gpt"), ("batch_size", 32), ("learning_rate", 0.01))]);

        DataFrame df = result.ToDataFrame();

        Assert.Equal(["score", "param_learning_rate", "param_batch_size", "param_model"], df.Columns.Select(c => c.Name));
    }

    [Fact]
    public void ToDataFrame_MixedIntAndDouble_IsDoubleColumn()
    {
        DataFrame df = Table(("v", 1), ("v", 2.5), ("v", null)).ToDataFrame();

        Assert.Equal(typeof(double), df["param_v"].DataType);
        Assert.Equal([1.0, 2.5, null], df["param_v"].Cast<double?>());
    }

    [Fact]
    public void ToDataFrame_MixedIntAndLong_IsInt64Column()
    {
        DataFrame df = Table(("v", 1), ("v", 5_000_000_000L)).ToDataFrame();

        Assert.Equal(typeof(long), df["param_v"].DataType);
        Assert.Equal([1L, 5_000_000_000L], df["param_v"].Cast<long?>());
    }

    [Fact]
    public void ToDataFrame_MixedStringAndNumber_IsStringColumn()
    {
        DataFrame df = Table(("v", "auto"), ("v", 3), ("v", 0.5), ("v", null)).ToDataFrame();

        Assert.Equal(typeof(string), df["param_v"].DataType);
        Assert.Equal(["auto", "3", "0.5", null], df["param_v"].Cast<string?>());
    }

    [Fact]
    public void ToDataFrame_MixedBoolAndNumber_IsStringColumn()
    {
        DataFrame df = Table(("v", true), ("v", 1)).ToDataFrame();

        Assert.Equal(["true", "1"], df["param_v"].Cast<string?>());
    }

    [Fact]
    public void ToDataFrame_Bools_IsBooleanColumn()
    {
        DataFrame df = Table(("v", true), ("v", null), ("v", false)).ToDataFrame();

        Assert.Equal(typeof(bool), df["param_v"].DataType);
        Assert.Equal([true, null, false], df["param_v"].Cast<bool?>());
    }

    [Fact]
    public void ToDataFrame_NestedMetadata_IsCompactJson()
    {
        var result = new ExperimentResult(Space(), [new RunResult(1, Params(), Params(("usage", Params(("in", 10), ("out", 4)))))]);

        DataFrame df = result.ToDataFrame();

        Assert.Equal(["{\"in\":10,\"out\":4}"], df["run_result_metadata_usage"].Cast<string?>());
    }

    [Fact]
    public void ToDataFrame_NoRuns_HasColumnsAndNoRows()
    {
        DataFrame df = new ExperimentResult(Space(), []).ToDataFrame();

        Assert.Equal(["score", "param_learning_rate", "param_batch_size"], df.Columns.Select(c => c.Name));
        Assert.Equal(0, df.Rows.Count);
    }

    [Fact]
    public void WriteCsv_SeedExample_HasHeaderAndOneLinePerRun()
    {
        Assert.Equal(
            "score,param_learning_rate,param_batch_size,trial_number,status,error,started_at,duration_seconds\n0.85,0.01,32,,completed,,,\n0.9,0.02,32,,completed,,,\n0.83,0.01,64,,completed,,,\n0.89,0.02,64,,completed,,,\n",
            Csv(FourRuns()));
    }

    [Fact]
    public void WriteCsv_SpecialCharacters_AreQuotedAsRfc4180()
    {
        var result = new ExperimentResult(new SearchSpace { ["prompt"] = Tune.Choice("a") },
        [
            Run(1, ("prompt", "Say \"hi\", then stop")),
            Run(2, ("prompt", "two\nlines")),
            Run(3, ("prompt", " padded ")),
        ]);

        Assert.Equal(
            "score,param_prompt,trial_number,status,error,started_at,duration_seconds\n1,\"Say \"\"hi\"\", then stop\",,completed,,,\n2,\"two\nlines\",,completed,,,\n3,\" padded \",,completed,,,\n",
            Csv(result));
    }

    [Fact]
    public void WriteCsv_HeaderWithComma_IsQuoted()
    {
        var result = new ExperimentResult(new SearchSpace { ["a,b"] = Tune.Choice(1) }, [Run(1, ("a,b", 1))]);

        Assert.StartsWith("score,\"param_a,b\",trial_number,", Csv(result), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteCsv_NullsAndFailedScore_AreEmptyFields()
    {
        var result = new ExperimentResult(Space(), [Run(0.5, ("learning_rate", null), ("batch_size", 32)), RunResult.Failed(Params(("learning_rate", 0.01)), "boom")]);

        Assert.Equal("score,param_learning_rate,param_batch_size,trial_number,status,error,started_at,duration_seconds\n0.5,,32,,completed,,,\n,0.01,,,failed,boom,,\n", Csv(result, includeMetadata: false));
    }

    [Fact]
    public void WriteCsv_MetadataIncludedOrNot_AddsOrOmitsColumns()
    {
        var result = new ExperimentResult(Space(), [ExampleRun()]);

        Assert.Equal(
            "score,param_learning_rate,param_batch_size,run_result_metadata_run_id,run_result_metadata_experiment,trial_number,status,error,started_at,duration_seconds\n0.85,0.01,32,001,baseline,,completed,,,\n",
            Csv(result));
        Assert.Equal("score,param_learning_rate,param_batch_size,trial_number,status,error,started_at,duration_seconds\n0.85,0.01,32,,completed,,,\n", Csv(result, includeMetadata: false));
    }

    [Fact]
    public void WriteCsv_CommaDecimalCulture_StillWritesInvariantNumbers()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        var commaDecimal = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaDecimal.NumberFormat.NumberDecimalSeparator = ",";
        commaDecimal.NumberFormat.NumberGroupSeparator = ".";
        try
        {
            CultureInfo.CurrentCulture = commaDecimal;
            var result = new ExperimentResult(Space(), [Run(1234.5, ("learning_rate", 0.01), ("batch_size", 1_000_000)), Run(0.25, ("learning_rate", true))]);

            Assert.Equal("score,param_learning_rate,param_batch_size,trial_number,status,error,started_at,duration_seconds\n1234.5,0.01,1000000,,completed,,,\n0.25,true,,,completed,,,\n", Csv(result));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void WriteCsv_DoubleValues_RoundTripExactly()
    {
        var result = new ExperimentResult(Space(), [Run(0.1 + 0.2, ("learning_rate", 1e-7), ("batch_size", 3.0))]);

        string[] fields = Csv(result).Split('\n')[1].Split(',');

        Assert.Equal(0.1 + 0.2, double.Parse(fields[0], CultureInfo.InvariantCulture));
        Assert.Equal(1e-7, double.Parse(fields[1], CultureInfo.InvariantCulture));
        Assert.Equal("3", fields[2]);
    }

    [Fact]
    public void SaveCsv_Path_WritesTheSameTextAsWriteCsv()
    {
        string path = Path.Combine(_directory, "runs.csv");

        FourRuns().SaveCsv(path);

        Assert.Equal(Csv(FourRuns()), File.ReadAllText(path));
    }

    [Fact]
    public void WriteCsv_LlmRuns_HaveRunDetailsAndNestedValuesAsJson()
    {
        string csv = Csv(LlmRuns());

        DataFrame table = LoadCsv(csv);
        Assert.Equal(
            ["score", "param_model", "param_dataset", "run_result_metadata_dataset", "run_result_metadata_item_scores", "run_result_metadata_example_outputs",
             "trial_number", "status", "error", "started_at", "duration_seconds"],
            table.Columns.Select(c => c.Name));
        Assert.Equal(["0", "1"], table["trial_number"].Cast<string>());
        Assert.Equal(["completed", "failed"], table["status"].Cast<string>());
        Assert.Equal(["", "rate limited,\nthree retries"], table["error"].Cast<string?>());
        Assert.Equal(Started, DateTimeOffset.Parse(table["started_at"][0]!.ToString()!, CultureInfo.InvariantCulture));
        Assert.Equal(2.5, double.Parse(table["duration_seconds"][0]!.ToString()!, CultureInfo.InvariantCulture));
        Assert.Equal("[1.0,0.5,0.0]", table["run_result_metadata_item_scores"][0]);
        Assert.DoesNotContain("System.", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("'output'", csv, StringComparison.Ordinal);

        using JsonDocument outputs = JsonDocument.Parse((string)table["run_result_metadata_example_outputs"][0]!);
        JsonElement first = outputs.RootElement[0];
        Assert.Equal("He said \"x < 3\" — naïve 東京", first.GetProperty("output").GetString());
        Assert.Equal("two\nlines", outputs.RootElement[1].GetProperty("output").GetString());
        Assert.Equal(1.0, first.GetProperty("score").GetDouble());
    }

    [Fact]
    public void ToDataFrame_LlmRuns_KeepTheSeedColumnsWithNestedValuesAsJson()
    {
        DataFrame df = LlmRuns().ToDataFrame();

        Assert.Equal(
            ["score", "param_model", "param_dataset", "run_result_metadata_dataset", "run_result_metadata_item_scores", "run_result_metadata_example_outputs"],
            df.Columns.Select(c => c.Name));
        Assert.Equal(["[1.0,0.5,0.0]", null], df["run_result_metadata_item_scores"].Cast<string?>());
    }

    private static readonly DateTimeOffset Started = new(2026, 12, 7, 23, 0, 0, TimeSpan.Zero);

    private static ExperimentResult LlmRuns()
    {
        var outputs = new List<object?>
        {
            new Dictionary<string, object?> { ["id"] = "q1", ["output"] = "He said \"x < 3\" — naïve 東京", ["score"] = 1.0 },
            new Dictionary<string, object?> { ["id"] = "q2", ["output"] = "two\nlines", ["score"] = 0.5 },
        };
        var space = new SearchSpace { ["model"] = Tune.Choice("small", "large"), ["dataset"] = Tune.Choice("qa") };
        return new ExperimentResult(space,
        [
            new RunResult(0.5, Params(("model", "small"), ("dataset", "qa")), Params(("dataset", "qa.jsonl"), ("item_scores", new List<object?> { 1.0, 0.5, 0.0 }), ("example_outputs", outputs)))
            {
                TrialNumber = 0, StartedAt = Started, Duration = TimeSpan.FromSeconds(2.5),
            },
            new RunResult(double.NaN, Params(("model", "large"), ("dataset", "qa"))) { TrialNumber = 1, Status = RunStatus.Failed, Error = "rate limited,\nthree retries" },
        ]);
    }

    private static DataFrame LoadCsv(string csv)
    {
        // The header has no quoted names here, so its commas count the columns.
        int columns = csv.Split('\n')[0].Split(',').Length;
        return DataFrame.LoadCsvFromString(csv, dataTypes: [.. Enumerable.Repeat(typeof(string), columns)]);
    }

    private static ExperimentResult Table(params (string Key, object? Value)[] values) =>
        new(new SearchSpace { ["v"] = Tune.Choice(0) }, values.Select((v, i) => Run(i, v)));

    private static string Csv(ExperimentResult result, bool includeMetadata = true)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        result.WriteCsv(writer, includeMetadata);
        return writer.ToString();
    }
}
