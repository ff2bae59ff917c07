using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Nomadic.Reports;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Workspace.Api;

/// <summary>
/// The views every result offers, whether it lives in the storage (an experiment) or was uploaded: the whole result,
/// a page of runs, plots as PNG or SVG, and CSV or JSON exports. File names in responses are fixed, never user text.
/// </summary>
internal static class ResultViews
{
    private const string JsonType = "application/json; charset=utf-8";

    public static void Map(RouteGroupBuilder group, Func<HttpContext, ExperimentResult> load)
    {
        group.MapGet("/result", (HttpContext c) => Json(load(c).ToJson()))
            .WithSummary("Gets the whole result in the library's JSON form (ExperimentResult.FromJson reads it).");
        group.MapGet("/runs", (HttpContext c) => Runs(load(c), RunQuery.Parse(c.Request.Query)))
            .WithSummary("Lists runs: ?offset=&limit= (at most 1000), ?sort=score|-score|trial|-trial|duration|-duration, ?status=, ?param.NAME=VALUE, ?metadata.KEY=VALUE.");
        group.MapGet("/plots", (HttpContext c) => TypedResults.Ok(ResultImportance.AllPlots(load(c)).Select(p => new PlotInfo(p.Name, p.Title)).ToList()))
            .WithSummary("Lists the plots the result has; \"importance\" is among them from 8 completed runs and 2 varying parameters.");
        group.MapGet("/plots/{file}", (HttpContext c, string file, int? width, int? height) => Plot(load(c), file, width, height))
            .WithSummary("Renders one plot as NAME.png or NAME.svg, optionally ?width=&height= in pixels.");
        group.MapGet("/export.csv", (HttpContext c) => Csv(load(c)))
            .WithSummary("Exports the runs as CSV (score, param_NAME, run_result_metadata_KEY columns).");
        group.MapGet("/export.json", (HttpContext c) => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(load(c).ToJson()), JsonType, "result.json"))
            .WithSummary("Downloads the whole result as a JSON file.");
    }

    public static IResult Json(string json) => TypedResults.Text(json, JsonType);

    private static FileContentHttpResult Runs(ExperimentResult result, RunQuery query)
    {
        (IReadOnlyList<RunResult> page, int total) = query.Apply(result.RunResults);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("total", total);
            writer.WriteNumber("offset", query.Offset);
            writer.WriteNumber("limit", query.Limit);
            writer.WriteStartArray("runs");
            foreach (RunResult run in page)
            {
                writer.WriteRawValue(StorageJson.WriteRun(run), skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return TypedResults.Bytes(buffer.WrittenMemory.ToArray(), JsonType);
    }

    private static IResult Plot(ExperimentResult result, string file, int? width, int? height)
    {
        string extension = Path.GetExtension(file).ToLowerInvariant();
        string name = file[..^extension.Length];
        if (extension is not (".png" or ".svg"))
        {
            throw ApiProblem.BadRequest("A plot is NAME.png or NAME.svg.");
        }

        ResultDerivations derived = ResultDerivations.Of(result);
        PlotImage plot = (name == ResultImportance.PlotName ? ResultImportance.Plot(result) : derived.Plots.FirstOrDefault(p => p.Name == name))
            ?? throw new ApiProblem(StatusCodes.Status404NotFound, "Not found", $"This result has no plot named \"{name}\"; GET plots lists them.");
        if (width is not null || height is not null)
        {
            int w = width ?? PlotImage.DefaultWidth;
            int h = height ?? PlotImage.DefaultHeight;
            plot = w is >= 100 and <= 4000 && h is >= 100 and <= 4000 ? plot.WithSize(w, h) : throw ApiProblem.BadRequest("\"width\" and \"height\" must be from 100 to 4000.");
        }

        string key = string.Create(CultureInfo.InvariantCulture, $"{name}{extension}?{plot.Width}x{plot.Height}");
        return extension == ".png"
            ? TypedResults.Bytes(derived.Image(key, plot.Png), "image/png")
            : TypedResults.Text(derived.Image(key, plot.Svg), "image/svg+xml; charset=utf-8");
    }

    private static FileContentHttpResult Csv(ExperimentResult result)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        result.WriteCsv(writer);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8", "runs.csv");
    }
}
