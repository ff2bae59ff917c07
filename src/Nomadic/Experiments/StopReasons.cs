namespace Nomadic.Experiments;

/// <summary>Why an experiment stopped, as recorded in its result's <c>stop_reason</c> metadata.</summary>
public static class StopReasons
{
    /// <summary>The tuner had no configuration left (a grid's last point, a small space fully explored).</summary>
    public const string Exhausted = "exhausted";

    /// <summary>The experiment made <see cref="ExperimentOptions.NumSamples"/> runs.</summary>
    public const string NumSamples = "num_samples";

    /// <summary>The <see cref="ExperimentOptions.TimeBudget"/> ran out.</summary>
    public const string TimeBudget = "time_budget";

    /// <summary>The caller cancelled the experiment.</summary>
    public const string Cancelled = "cancelled";
}
