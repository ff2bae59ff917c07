using System.Diagnostics;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>Wraps a tuner and times each <see cref="ITuner.Suggest"/>, with the number of runs finished at the time.</summary>
internal sealed class TimedTuner(ITuner inner) : ITuner
{
    public List<(int Finished, double Ms)> Calls { get; } = [];

    public string Name => inner.Name;

    public void Initialize(TunerSetup setup) => inner.Initialize(setup);

    public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context)
    {
        long start = Stopwatch.GetTimestamp();
        IReadOnlyDictionary<string, object?>? configuration = inner.Suggest(context);
        Calls.Add((context.FinishedRuns.Count, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
        return configuration;
    }

    public void Observe(RunResult run) => inner.Observe(run);
}
