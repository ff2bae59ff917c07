using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using Nomadic.AI.Datasets;

namespace Nomadic.AI.Evaluation;

/// <summary>Writes the messages that ask a judge to score an output against a rubric.</summary>
internal static class JudgePrompt
{
    private const string System =
        "You are an impartial, strict evaluator of answers produced by an AI system. Score only what is asked and reply with JSON only.";

    public static List<ChatMessage> Build(EvaluationItem item, string output, JudgeRubric rubric)
    {
        string top = rubric.Maximum.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append("Question:\n").Append(item.Query).Append("\n\n");
        if (item.Contexts.Count > 0)
        {
            text.Append("Context given to the system:\n").AppendJoin("\n\n", item.Contexts).Append("\n\n");
        }

        if (item.Reference is not null)
        {
            text.Append("Reference answer:\n").Append(item.Reference).Append("\n\n");
        }

        text.Append("Answer to evaluate:\n").Append(output).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Score the answer on each criterion from 0 (worst) to {top} (best):\n");
        foreach (JudgeCriterion criterion in rubric.Criteria)
        {
            text.Append("- ").Append(criterion.Name);
            if (criterion.Description is { Length: > 0 } description)
            {
                text.Append(": ").Append(description);
            }

            text.Append('\n');
        }

        string example = string.Join(", ", rubric.Criteria.Select(c => $"\"{c.Name}\": <score>"));
        text.Append(CultureInfo.InvariantCulture, $"\nReply with only this JSON object: {{{example}}}");
        return [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, text.ToString())];
    }
}
