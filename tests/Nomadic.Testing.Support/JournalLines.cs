using System.Text.Json;

namespace Nomadic.Testing;

/// <summary>
/// Reads a results journal line by line, each line parsed on its own, so a torn line fails and a duplicated one shows
/// twice. Shared by the test projects that run experiments in several processes over one journal.
/// </summary>
public static class JournalLines
{
    /// <summary>Gets the trial number and the integer parameter <c>x</c> of every run line after the header.</summary>
    public static List<(int Number, int X)> Runs(string journal)
    {
        string[] lines = File.ReadAllText(journal).Split('\n');
        Assert.Equal("", lines[^1]);
        Assert.StartsWith("{\"format\":\"nomadic.results_journal\"", lines[0], StringComparison.Ordinal);
        var runs = new List<(int, int)>();
        foreach (string line in lines[1..^1])
        {
            using JsonDocument run = JsonDocument.Parse(line);
            runs.Add((run.RootElement.GetProperty("trial_number").GetInt32(), run.RootElement.GetProperty("params").GetProperty("x").GetInt32()));
        }

        return runs;
    }
}
