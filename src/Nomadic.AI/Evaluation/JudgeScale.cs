namespace Nomadic.AI.Evaluation;

/// <summary>The range a judge scores each criterion in; scores are divided by its top to land in [0, 1].</summary>
public enum JudgeScale
{
    /// <summary>Scores from 0 to 10.</summary>
    ZeroToTen,

    /// <summary>Scores from 0 to 1.</summary>
    ZeroToOne,
}
