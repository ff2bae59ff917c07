using System.Diagnostics;
using System.Text.Json;
using CsCheck;
using Nomadic.AI.Evaluation;

namespace Nomadic.AI.Tests.Evaluation;

public class WordSplitterTests
{
    private const string PythonWhitespace = "\t\n\v\f\r\u001C\u001D\u001E\u001F \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    // Letters, and characters near whitespace in value or in look that Python does not split on.
    private const string NotWhitespace = "ab\u00E9\u0000\u001B\u007F\u180E\u200B\u200D\u2060\uFEFF.";

    [Fact]
    public void IsWhiteSpace_EveryCharacter_MatchesPythonIsSpace()
    {
        string listed = Python("import json; print(json.dumps(''.join(chr(c) for c in range(0x110000) if chr(c).isspace())))");
        string python = JsonSerializer.Deserialize<string>(listed)!;

        Assert.Equal(PythonWhitespace, python);
        string ours = string.Concat(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(WordSplitter.IsWhiteSpace));
        Assert.Equal(python, ours);
    }

    [Fact]
    public void Split_RandomText_MatchesPythonStrSplit()
    {
        Gen<string> text = Gen.String[Gen.Char[PythonWhitespace + NotWhitespace], 0, 12];

        text.Array[300].Sample(
            batch =>
            {
                string json = Python("import json, sys; print(json.dumps([s.split() for s in json.load(sys.stdin)]))", JsonSerializer.Serialize(batch));
                string[][] expected = JsonSerializer.Deserialize<string[][]>(json)!;
                for (int i = 0; i < batch.Length; i++)
                {
                    Assert.Equal(expected[i], WordSplitter.Split(batch[i]));
                }
            },
            iter: 5);
    }

    [Theory]
    [InlineData("new\u001Cyork", new[] { "new", "york" })]
    [InlineData("\u001F a\u3000\u3000b\u2029", new[] { "a", "b" })]
    [InlineData("", new string[0])]
    [InlineData("\u200Bzero\u200Bwidth", new[] { "\u200Bzero\u200Bwidth" })]
    [InlineData("\uD83D\uDE00 \uD83D\uDE00", new[] { "\uD83D\uDE00", "\uD83D\uDE00" })]
    public void Split_Examples_WordsBetweenWhitespace(string text, string[] expected) =>
        Assert.Equal(expected, WordSplitter.Split(text));

    private static string Python(string program, string input = "")
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", program])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error.Result);
        return output;
    }
}
