using Microsoft.Extensions.AI;
using Nomadic.AI.Datasets;

namespace Nomadic.AI.Evaluation;

/// <summary>
/// Scores outputs with an LLM judge and a rubric of weighted criteria: the judge scores each criterion, the item's
/// score is their weighted mean brought to [0, 1].
/// </summary>
/// <remarks>
/// The judge sees the query, the reference answer and contexts when the item has them, and the output, and is asked
/// for a JSON object of criterion scores. Its answer is read robustly (<c>JudgeResponseParser</c>: code fences, prose
/// around the JSON, <c>"8/10"</c>, <c>name: score</c> lines). An answer that still gives no score for some criterion
/// scores the item 0 with <c>judge_error</c> in the details, so that one odd answer does not fail a whole run; the
/// judge's raw answer is always in <c>judge_response</c>.
/// </remarks>
public sealed class LlmJudgeEvaluator : IEvaluator
{
    private readonly IChatClient _judge;
    private readonly ChatOptions? _options;

    /// <summary>Initializes a new instance of the <see cref="LlmJudgeEvaluator"/> class.</summary>
    /// <param name="judge">The judge's chat client; not disposed by the evaluator.</param>
    /// <param name="rubric">The weighted criteria.</param>
    /// <param name="options">The judge's chat options (model, temperature); temperature 0 when <see langword="null"/>.</param>
    public LlmJudgeEvaluator(IChatClient judge, JudgeRubric rubric, ChatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(rubric);
        _judge = judge;
        Rubric = rubric;
        _options = options ?? new ChatOptions { Temperature = 0 };
    }

    /// <summary>Gets the rubric.</summary>
    public JudgeRubric Rubric { get; }

    /// <inheritdoc />
    /// <value>The value is <c>llm_judge</c>.</value>
    public string Name => "llm_judge";

    /// <inheritdoc />
    public async ValueTask<ItemScore> EvaluateAsync(EvaluationItem item, string output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(output);
        ChatResponse response = await _judge.GetResponseAsync(JudgePrompt.Build(item, output, Rubric), _options?.Clone(), cancellationToken).ConfigureAwait(false);
        string answer = response.Text;
        var details = new Dictionary<string, object?> { ["judge_response"] = answer };
        if (!JudgeResponseParser.TryParse(answer, Rubric, out Dictionary<string, double> scores, out string? error))
        {
            details["judge_error"] = error;
            return new ItemScore(0, details);
        }

        foreach ((string criterion, double score) in scores)
        {
            details[criterion] = score;
        }

        return new ItemScore(Rubric.WeightedScore(scores), details);
    }
}
