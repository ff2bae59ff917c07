using Nomadic.Results;

namespace Nomadic.Tuning;

/// <summary>
/// Proposes the configurations an experiment evaluates (Optuna's sampler). A tuner instance serves one experiment.
/// </summary>
/// <remarks>
/// The experiment calls <see cref="Initialize"/> once, then <see cref="Suggest"/> whenever a run can start and
/// <see cref="Observe"/> for every finished run (including runs restored when an experiment resumes), always under the
/// experiment's lock, so implementations need no locking of their own. A tuner must not evaluate the objective or
/// block on I/O. The experiment discards suggestions already evaluated or running and asks again.
/// </remarks>
public interface ITuner
{
    /// <summary>Gets a short name for reports, e.g. <c>random</c>.</summary>
    string Name { get; }

    /// <summary>Prepares the tuner for an experiment; called once, when the experiment is created.</summary>
    /// <param name="setup">The search space, direction and seed.</param>
    /// <exception cref="SearchSpaceException">The tuner cannot explore this space (e.g. grid search over a continuous domain).</exception>
    void Initialize(TunerSetup setup);

    /// <summary>Proposes the next configuration: a value for every parameter of the search space.</summary>
    /// <param name="context">The runs finished so far and the configurations running now.</param>
    /// <returns>
    /// A new configuration the tuner does not change afterwards, or <see langword="null"/> when the tuner has nothing left
    /// to propose.
    /// </returns>
    IReadOnlyDictionary<string, object?>? Suggest(TunerContext context);

    /// <summary>Learns from a finished run (completed, failed or pruned).</summary>
    /// <param name="run">The run, with its parameters as evaluated.</param>
    void Observe(RunResult run);
}
