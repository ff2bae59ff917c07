namespace Nomadic.Results;

/// <summary>How a run ended.</summary>
public enum RunStatus
{
    /// <summary>The objective returned a score.</summary>
    Completed,

    /// <summary>The objective threw, timed out or returned no usable score; <see cref="RunResult.Error"/> says why.</summary>
    Failed,

    /// <summary>The run was stopped early because it was not promising; its score is the last value it reported.</summary>
    Pruned,
}
