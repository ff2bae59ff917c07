using System.Text.Json;
using Nomadic.Serialization;

namespace Nomadic.Results;

/// <summary>
/// The outcome of one run of an experiment: the score of one configuration, its parameters and metadata.
/// </summary>
/// <example>
/// <code>
/// var run = new RunResult(0.85,
///     new Dictionary&lt;string, object?&gt; { ["learning_rate"] = 0.01, ["batch_size"] = 32 },
///     new Dictionary&lt;string, object?&gt; { ["run_id"] = "001", ["experiment"] = "baseline" });
/// </code>
/// </example>
public sealed class RunResult
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();
    private readonly IReadOnlyList<IntermediateValue> _intermediateValues = [];

    /// <summary>Initializes a new instance of the <see cref="RunResult"/> class.</summary>
    /// <param name="score">The score achieved by this run.</param>
    /// <param name="params">The parameters used in this run.</param>
    /// <param name="metadata">Optional metadata of the run; empty when not given.</param>
    /// <exception cref="ArgumentNullException"><paramref name="params"/> is null.</exception>
    public RunResult(double score, IReadOnlyDictionary<string, object?> @params, IReadOnlyDictionary<string, object?>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(@params);
        Score = score;
        Params = @params;
        Metadata = metadata ?? Empty;
    }

    /// <summary>Gets the score achieved in this run; <see cref="double.NaN"/> for a failed run.</summary>
    public double Score { get; }

    /// <summary>Gets the parameters used in this run (sampled and fixed).</summary>
    public IReadOnlyDictionary<string, object?> Params { get; }

    /// <summary>Gets the metadata of the run; empty, never null, when there is none.</summary>
    public IReadOnlyDictionary<string, object?> Metadata { get; }

    /// <summary>Gets the run's number in its experiment, from 0 in the order runs started; -1 when not part of one.</summary>
    /// <value>The default value is -1.</value>
    public int TrialNumber { get; init; } = -1;

    /// <summary>Gets how the run ended.</summary>
    /// <value>The default value is <see cref="RunStatus.Completed"/>.</value>
    public RunStatus Status { get; init; } = RunStatus.Completed;

    /// <summary>Gets the error of a failed run (exception type and message, or the command's stderr tail).</summary>
    public string? Error { get; init; }

    /// <summary>Gets when the run started, if known.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Gets how long the run took, if known.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Gets a value indicating whether this run evaluated the user's current configuration (the baseline).</summary>
    public bool IsBaseline { get; init; }

    /// <summary>Gets the values the run reported while in progress, in increasing step order, one per step.</summary>
    /// <value>The default is empty.</value>
    /// <exception cref="ArgumentException">The steps are negative or not strictly increasing, or a value is NaN.</exception>
    public IReadOnlyList<IntermediateValue> IntermediateValues
    {
        get => _intermediateValues;
        init => _intermediateValues = CheckIntermediateValues(value);
    }

    /// <summary>Gets a value indicating whether the run completed with a finite score, so it can be the best run.</summary>
    public bool HasUsableScore => Status == RunStatus.Completed && double.IsFinite(Score);

    /// <summary>
    /// Reads one run in the JSON form results and journals hold it (an item of <c>run_results</c>), with the rules
    /// <see cref="ExperimentResult.FromJson"/> applies: each field of its JSON type, a trial number of 0 or more, a finite
    /// score for a completed run, no number a double cannot hold.
    /// </summary>
    /// <param name="json">The run's JSON object.</param>
    /// <param name="name">How messages name the run, e.g. <c>run_results[3]</c>, so they name its fields (<c>run_results[3].score</c>).</param>
    /// <returns>The run.</returns>
    /// <exception cref="ResultFormatException">The text is not a valid run; the message names the field and the problem.</exception>
    public static RunResult FromJson(string json, string name = "run")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return RunJson.Read(document.RootElement, name);
        }
        catch (JsonException e)
        {
            throw new ResultFormatException(ExperimentResultJson.Describe(e), e);
        }
    }

    /// <summary>Creates a failed run with the given error and no score.</summary>
    /// <param name="params">The parameters of the run.</param>
    /// <param name="error">What went wrong, in one line.</param>
    /// <param name="metadata">Optional metadata.</param>
    /// <returns>The failed run.</returns>
    public static RunResult Failed(IReadOnlyDictionary<string, object?> @params, string error, IReadOnlyDictionary<string, object?>? metadata = null) =>
        new(double.NaN, @params, metadata) { Status = RunStatus.Failed, Error = error };

    /// <summary>Creates a pruned run: stopped early, its score the last value it reported (NaN when it reported none).</summary>
    /// <param name="params">The parameters of the run.</param>
    /// <param name="intermediateValues">The values it reported, in increasing step order.</param>
    /// <param name="metadata">Optional metadata.</param>
    /// <returns>The pruned run.</returns>
    public static RunResult Pruned(IReadOnlyDictionary<string, object?> @params, IReadOnlyList<IntermediateValue> intermediateValues, IReadOnlyDictionary<string, object?>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(intermediateValues);
        double last = intermediateValues.Count > 0 ? intermediateValues[^1].Value : double.NaN;
        return new(last, @params, metadata) { Status = RunStatus.Pruned, IntermediateValues = intermediateValues };
    }

    /// <summary>Returns a copy of this run with its bookkeeping (number, timing, baseline mark) replaced.</summary>
    /// <param name="trialNumber">The run's number in its experiment.</param>
    /// <param name="startedAt">When it started.</param>
    /// <param name="duration">How long it took.</param>
    /// <param name="isBaseline">Whether it evaluated the current configuration.</param>
    /// <returns>The copy.</returns>
    public RunResult WithTrialInfo(int trialNumber, DateTimeOffset? startedAt, TimeSpan? duration, bool isBaseline) =>
        Copy(Params, trialNumber, startedAt, duration, isBaseline);

    /// <summary>Returns a copy of this run with other parameters (e.g. merged with the experiment's fixed parameters).</summary>
    /// <param name="params">The parameters.</param>
    /// <returns>The copy.</returns>
    public RunResult WithParams(IReadOnlyDictionary<string, object?> @params) =>
        Copy(@params, TrialNumber, StartedAt, Duration, IsBaseline);

    internal RunResult Copy(IReadOnlyDictionary<string, object?> @params, int trialNumber, DateTimeOffset? startedAt, TimeSpan? duration, bool isBaseline) =>
        new(Score, @params, Metadata)
        {
            TrialNumber = trialNumber,
            Status = Status,
            Error = Error,
            StartedAt = startedAt,
            Duration = duration,
            IsBaseline = isBaseline,
            IntermediateValues = _intermediateValues,
        };

    /// <summary>
    /// Returns this run with the values its trial reported as its intermediate values (its own are kept when the trial
    /// reported none); a pruned run scores the last of them, NaN without any.
    /// </summary>
    internal RunResult WithReports(IReadOnlyList<IntermediateValue> reported)
    {
        IReadOnlyList<IntermediateValue> values = reported.Count > 0 ? reported : _intermediateValues;
        double score = Status != RunStatus.Pruned ? Score : values.Count > 0 ? values[^1].Value : double.NaN;
        if (ReferenceEquals(values, _intermediateValues) && score.Equals(Score))
        {
            return this;
        }

        return new(score, Params, Metadata)
        {
            TrialNumber = TrialNumber,
            Status = Status,
            Error = Error,
            StartedAt = StartedAt,
            Duration = Duration,
            IsBaseline = IsBaseline,
            IntermediateValues = values,
        };
    }

    private static IReadOnlyList<IntermediateValue> CheckIntermediateValues(IReadOnlyList<IntermediateValue> intermediateValues)
    {
        ArgumentNullException.ThrowIfNull(intermediateValues);
        for (int i = 0; i < intermediateValues.Count; i++)
        {
            if (intermediateValues[i].Step < (i == 0 ? 0 : intermediateValues[i - 1].Step + 1))
            {
                string problem = i == 0 ? $"the first step is {intermediateValues[i].Step}" : $"step {intermediateValues[i].Step} follows step {intermediateValues[i - 1].Step}";
                throw new ArgumentException($"Intermediate values need steps of 0 or more in strictly increasing order; {problem}.", nameof(intermediateValues));
            }

            if (double.IsNaN(intermediateValues[i].Value))
            {
                throw new ArgumentException($"The intermediate value at step {intermediateValues[i].Step} is NaN.", nameof(intermediateValues));
            }
        }

        return intermediateValues;
    }

    /// <summary>Describes the run as the seed prints it: score, params and metadata, plus status and error when not completed.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        string text = $"RunResult(score={ParamValue.ToDisplayString(Score)}, params={ParamValue.ToDisplayString(Params)}, metadata={ParamValue.ToDisplayString(Metadata)}";
        if (Status != RunStatus.Completed)
        {
            text += $", status={Status.ToString().ToLowerInvariant()}";
        }

        if (Error is not null)
        {
            text += $", error={Error}";
        }

        return text + ")";
    }
}
