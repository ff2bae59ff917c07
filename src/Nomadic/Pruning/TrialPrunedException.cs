namespace Nomadic.Pruning;

/// <summary>
/// Thrown by an objective to stop a run that <see cref="Experiments.Trial.ShouldPrune"/> judged not promising; the
/// experiment records the run as <see cref="Results.RunStatus.Pruned"/> with its last reported value as the score.
/// </summary>
/// <remarks>It is never retried, and with repeated evaluations it stops the remaining repetitions too.</remarks>
public sealed class TrialPrunedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="TrialPrunedException"/> class.</summary>
    public TrialPrunedException()
        : base("The run was pruned.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TrialPrunedException"/> class with a message.</summary>
    /// <param name="message">Why the run stopped.</param>
    public TrialPrunedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TrialPrunedException"/> class with a message and a cause.</summary>
    /// <param name="message">Why the run stopped.</param>
    /// <param name="innerException">The exception that led to it.</param>
    public TrialPrunedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
