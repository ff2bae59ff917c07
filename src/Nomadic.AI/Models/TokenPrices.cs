namespace Nomadic.AI.Models;

/// <summary>What a model's tokens cost, to turn token usage into money (<see cref="ChatUsage.Cost"/>).</summary>
/// <param name="InputPerMillion">The price of one million input (prompt) tokens, in any currency.</param>
/// <param name="OutputPerMillion">The price of one million output (completion) tokens, in the same currency.</param>
public sealed record TokenPrices(double InputPerMillion, double OutputPerMillion)
{
    /// <summary>Returns the cost of the given token counts.</summary>
    /// <param name="inputTokens">The input tokens.</param>
    /// <param name="outputTokens">The output tokens.</param>
    /// <returns>The cost, in the prices' currency.</returns>
    public double CostOf(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000;
}
