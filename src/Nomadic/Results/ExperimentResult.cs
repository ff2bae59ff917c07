using Microsoft.Data.Analysis;
using Nomadic.Serialization;
using Nomadic.Tuning;

namespace Nomadic.Results;

/// <summary>
/// All runs of an experiment, in the order they happened, with the search space they explored and the best run.
/// </summary>
public sealed class ExperimentResult
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();
    private readonly RunResult[] _runs;
    private readonly Lazy<int> _bestIndex;
    private readonly Lazy<RunResult[]> _paretoFront;
    private readonly IReadOnlyList<ObjectiveMetric> _objectives = [];

    /// <summary>Initializes a new instance of the <see cref="ExperimentResult"/> class.</summary>
    /// <param name="hpSearchSpace">The explored search space.</param>
    /// <param name="runResults">The runs, in the order they happened (kept as given, never sorted).</param>
    /// <param name="name">The experiment's name.</param>
    /// <param name="clientId">The result's id on the Nomadic Workspace, if synced.</param>
    /// <exception cref="ArgumentNullException">The search space or the runs are null, or a run is null.</exception>
    public ExperimentResult(SearchSpace hpSearchSpace, IEnumerable<RunResult> runResults, string? name = null, string? clientId = null)
    {
        ArgumentNullException.ThrowIfNull(hpSearchSpace);
        ArgumentNullException.ThrowIfNull(runResults);
        HpSearchSpace = hpSearchSpace;
        _runs = runResults.ToArray();
        if (Array.IndexOf(_runs, null) >= 0)
        {
            throw new ArgumentNullException(nameof(runResults), "A run result is null.");
        }

        Name = name;
        ClientId = clientId;
        _bestIndex = new Lazy<int>(() => BestRunSelector.IndexOf(_runs, Direction));
        _paretoFront = new Lazy<RunResult[]>(() => ParetoFrontSelector.Select(_runs, Direction, _objectives));
    }

    /// <summary>Gets the explored search space.</summary>
    public SearchSpace HpSearchSpace { get; }

    /// <summary>Gets the runs in the order they happened (by run number for experiments run here).</summary>
    public IReadOnlyList<RunResult> RunResults => _runs;

    /// <summary>Gets the experiment's name.</summary>
    public string? Name { get; }

    /// <summary>Gets or sets the result's id on the Nomadic Workspace once synced.</summary>
    public string? ClientId { get; set; }

    /// <summary>Gets whether higher or lower scores are better.</summary>
    /// <value>The default value is <see cref="Direction.Maximize"/>.</value>
    public Direction Direction { get; init; } = Direction.Maximize;

    /// <summary>
    /// Gets the objectives besides the score, each read from the runs' metadata; the score, in <see cref="Direction"/>,
    /// stays the primary objective.
    /// </summary>
    /// <value>The default is empty: the score is the only objective.</value>
    /// <exception cref="ArgumentException">An objective is null, has no name, or two share a name.</exception>
    public IReadOnlyList<ObjectiveMetric> Objectives
    {
        get => _objectives;
        init
        {
            ObjectiveVectors.Validate(value, nameof(Objectives));
            _objectives = [.. value];
        }
    }

    /// <summary>Gets metadata of the experiment as a whole (e.g. the tuner, the stop reason).</summary>
    public IReadOnlyDictionary<string, object?> Metadata { get; init; } = Empty;

    /// <summary>Gets the number of runs.</summary>
    public int Count => _runs.Length;

    /// <summary>
    /// Gets the position of the best run in <see cref="RunResults"/>: the highest score (lowest when minimizing) among
    /// completed runs with a finite score, ties to the earliest; -1 when no run qualifies.
    /// </summary>
    public int BestIndex => _bestIndex.Value;

    /// <summary>Gets the best run (see <see cref="BestIndex"/>).</summary>
    /// <exception cref="InvalidOperationException">No run completed with a finite score.</exception>
    public RunResult BestRunResult => BestIndex >= 0
        ? _runs[BestIndex]
        : throw new InvalidOperationException($"Experiment '{Name ?? "unnamed"}' has no completed run with a finite score ({Count} runs).");

    /// <summary>
    /// Returns the Pareto front: the completed runs no other run dominates on the score and the <see cref="Objectives"/>
    /// (no worse on every one and better on one, each in its own direction), in the order of <see cref="RunResults"/>.
    /// </summary>
    /// <returns>
    /// The front; runs without a finite score or without a finite value of every objective are left out. With no extra
    /// objectives, the run(s) with the best score.
    /// </returns>
    public IReadOnlyList<RunResult> ParetoFront() => _paretoFront.Value;

    /// <summary>Gets the position of the baseline run (the experiment's current configuration), or -1 when there is none.</summary>
    public int BaselineIndex => Array.FindIndex(_runs, r => r.IsBaseline);

    /// <summary>
    /// Exports the runs as a DataFrame: one row per run, columns <c>score</c>, <c>param_&lt;name&gt;</c> and
    /// <c>run_result_metadata_&lt;key&gt;</c> (extra objectives' values among them), then, when the result has
    /// <see cref="Objectives"/>, <c>is_pareto</c> (whether the run is in <see cref="ParetoFront"/>).
    /// </summary>
    /// <param name="includeMetadata">Whether to add a column per metadata key.</param>
    /// <returns>The DataFrame; numeric, boolean and string columns are typed as such and missing values are null.</returns>
    public DataFrame ToDataFrame(bool includeMetadata = true) => RunTable.From(this, includeMetadata).ToDataFrame();

    /// <summary>
    /// Writes the runs as CSV: the columns of <see cref="ToDataFrame"/> (lists and dictionaries as compact JSON), then
    /// each run's <c>trial_number</c>, <c>status</c>, <c>error</c>, <c>started_at</c> (ISO 8601) and
    /// <c>duration_seconds</c>, named as in <see cref="ToJson"/>.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="includeMetadata">Whether to add a column per metadata key.</param>
    public void SaveCsv(string path, bool includeMetadata = true)
    {
        using var writer = new StreamWriter(path);
        RunTable.From(this, includeMetadata, includeRunDetails: true).WriteCsv(writer);
    }

    /// <summary>
    /// Writes the runs as CSV: the columns of <see cref="ToDataFrame"/> (lists and dictionaries as compact JSON), then
    /// each run's <c>trial_number</c>, <c>status</c>, <c>error</c>, <c>started_at</c> (ISO 8601) and
    /// <c>duration_seconds</c>, named as in <see cref="ToJson"/>.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="includeMetadata">Whether to add a column per metadata key.</param>
    public void WriteCsv(TextWriter writer, bool includeMetadata = true) => RunTable.From(this, includeMetadata, includeRunDetails: true).WriteCsv(writer);

    /// <summary>Serializes the result to JSON, keeping each value's type (int stays int) and the search space.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ExperimentResultJson.Write(this);

    /// <summary>Saves the result as JSON (see <see cref="ToJson"/>), replacing the file atomically.</summary>
    /// <param name="path">The file to write.</param>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Reads a result from JSON written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ResultFormatException">The text is not a valid result.</exception>
    public static ExperimentResult FromJson(string json) => ExperimentResultJson.Read(json);

    /// <summary>Loads a result saved with <see cref="Save"/>, or a results journal (JSON lines) written while an experiment ran.</summary>
    /// <param name="path">The file to read.</param>
    /// <returns>
    /// The result. Of a journal, the runs an experiment resuming from it would see: a failed run whose configuration
    /// was run again later in the journal is replaced by that later run.
    /// </returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ResultFormatException">The file is not valid UTF-8, or not a valid result or journal.</exception>
    public static ExperimentResult Load(string path)
    {
        string text = ResultText.ReadFile(path);
        return ResultsJournal.LooksLikeJournal(text) ? ResultsJournal.Parse(text, path, latestRuns: true) : ExperimentResultJson.Read(text, path);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"ExperimentResult(name={Name ?? "null"}, runs={Count}, best_idx={BestIndex}, best_score={(BestIndex >= 0 ? ParamValue.ToDisplayString(_runs[BestIndex].Score) : "none")})";
}
