namespace Nomadic.Cli.Tests.Support;

/// <summary>Writes small experiment files for tests.</summary>
internal static class ExperimentFiles
{
    /// <summary>An experiment on the built-in x² objective with the given extra JSON members.</summary>
    public static string Builtin(TemporaryDirectory folder, string extra = "", string name = "experiment.json") =>
        folder.Write(name, $$"""
            {
              "name": "x2",
              "objective": {"builtin": "x2"},
              "tuner": {"type": "random", "seed": 1},
              "num_samples": 5{{(extra.Length > 0 ? ",\n  " + extra : "")}}
            }
            """);

    /// <summary>A corpus of two pages (<c>corpus/ferry.md</c>, <c>corpus/waste.md</c>) and <c>questions.jsonl</c>, one question on each.</summary>
    public static void RagCorpus(TemporaryDirectory folder)
    {
        folder.Write("corpus/ferry.md", "The harbour ferry crossing takes eleven minutes.");
        folder.Write("corpus/waste.md", "Rubbish in the East zone is collected on Tuesday.");
        folder.Write("questions.jsonl", """
            {"id": "q1", "question": "How long is the ferry crossing?", "answer": "eleven minutes", "relevant_documents": ["ferry"]}
            {"id": "q2", "question": "Which day is East collected?", "answer": "Tuesday", "relevant_documents": ["waste"]}
            """);
    }

    /// <summary>A YAML experiment whose objective is <c>sh objective.sh</c> with the given script, over x ∈ {1, 2, 3}.</summary>
    public static string Command(TemporaryDirectory folder, string script, string extra = "")
    {
        folder.Write("objective.sh", script);
        return folder.Write("experiment.yaml", $"""
            name: command
            objective:
              command: [sh, objective.sh, "{"{x}"}"]
            search_space:
              x: [1, 2, 3]
            tuner: grid
            {extra}
            output:
              results: out/results.json
            """);
    }
}
