namespace Nomadic.Experiments;

/// <summary>One reason an experiment's settings cannot work, as found by <see cref="ExperimentCheck"/>.</summary>
/// <param name="Kind">The rule broken.</param>
/// <param name="Option">The <see cref="ExperimentOptions"/> property at fault, e.g. <c>NumSamples</c>.</param>
/// <param name="Message">The problem in one sentence, naming the setting.</param>
public sealed record ExperimentProblem(ExperimentProblemKind Kind, string Option, string Message)
{
    /// <summary>Gets the parameter at fault, when the problem is about one.</summary>
    public string? Parameter { get; init; }

    /// <summary>Gets the position in a list option, e.g. of the enqueued configuration at fault.</summary>
    public int? Index { get; init; }

    /// <summary>Gets the tuner the problem is about, when it is about one.</summary>
    public string? Tuner { get; init; }

    /// <summary>Gets what is wrong without naming the setting, e.g. why a configuration lies outside the space.</summary>
    public string? Reason { get; init; }
}
