namespace Nomadic.AI.Evaluation;

/// <summary>One criterion of a judge's rubric: its name, its weight in the score and what it means.</summary>
/// <param name="Name">The name the judge scores it under, e.g. <c>accuracy</c>.</param>
/// <param name="Weight">Its weight in the item's score, 0 or more.</param>
/// <param name="Description">What the judge should look for; the name alone when <see langword="null"/>.</param>
public sealed record JudgeCriterion(string Name, double Weight, string? Description = null);
