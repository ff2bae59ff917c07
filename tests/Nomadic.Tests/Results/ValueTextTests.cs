using System.Globalization;
using System.Text.Json;
using CsCheck;
using Nomadic.Results;
using Nomadic.Serialization;

namespace Nomadic.Tests.Results;

/// <summary>The one text form of parameter and metadata values shared by tables, reports, the Workspace and CSV.</summary>
public class ValueTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("adam", "adam")]
    [InlineData(true, "true")]
    [InlineData(32, "32")]
    [InlineData(0.85, "0.85")]
    public void Format_Scalar_IsPlainText(object? value, string expected)
    {
        Assert.Equal(expected, ValueText.Format(value));
    }

    [Fact]
    public void Format_AnyDouble_ParsesBackExactly()
    {
        Gen.Double.Sample(d =>
            Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(double.Parse(ValueText.Format(d), CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Format_CommaDecimalCulture_StaysInvariant()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        var commaDecimal = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaDecimal.NumberFormat.NumberDecimalSeparator = ",";
        try
        {
            CultureInfo.CurrentCulture = commaDecimal;

            Assert.Equal("2.5", ValueText.Format(2.5m));
            Assert.Equal("[0.5,1.0]", ValueText.Format(new List<object?> { 0.5, 1.0 }));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Format_ListOfDoubles_IsCompactJsonKeepingDoubles()
    {
        Assert.Equal("[1.0,0.5,0.0]", ValueText.Format(new List<object?> { 1.0, 0.5, 0.0 }));
    }

    [Fact]
    public void Format_ListOfDictionaries_IsReadableJsonThatReadsBack()
    {
        var outputs = new List<object?>
        {
            new Dictionary<string, object?> { ["id"] = "q1", ["output"] = "He said \"x < 3\" — naïve 東京", ["score"] = 1.0 },
            new Dictionary<string, object?> { ["id"] = "q2", ["output"] = null, ["score"] = 0 },
        };

        string text = ValueText.Format(outputs);

        Assert.StartsWith("[{\"id\":\"q1\",\"output\":\"He said \\\"x < 3\\\" — naïve 東京\",\"score\":1.0}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(text);
        var back = (List<object?>)JsonValues.Read(json.RootElement)!;
        var first = (Dictionary<string, object?>)back[0]!;
        Assert.Equal("He said \"x < 3\" — naïve 東京", first["output"]);
        Assert.Equal(1.0, first["score"]);
        Assert.Equal(0, ((Dictionary<string, object?>)back[1]!)["score"]);
    }

    [Fact]
    public void Format_Dictionary_IsAJsonObject()
    {
        Assert.Equal("{\"k\":[1,2],\"b\":true}", ValueText.Format(new Dictionary<string, object?> { ["k"] = new[] { 1, 2 }, ["b"] = true }));
    }

    [Fact]
    public void Format_LongValueWithMaxLength_IsCutWithAnEllipsis()
    {
        var scores = Enumerable.Range(0, 100).Select(i => (object?)(i / 7.0)).ToList();

        string text = ValueText.Format(scores, 120);

        Assert.Equal(120, text.Length);
        Assert.EndsWith("\u2026", text, StringComparison.Ordinal);
        Assert.StartsWith(ValueText.Format(scores)[..119], text, StringComparison.Ordinal);
    }

    [Fact]
    public void Shorten_CutInsideASurrogatePair_KeepsThePairWhole()
    {
        string text = ValueText.Shorten("ab\U0001F600cd", 4);

        Assert.Equal("ab\u2026", text);
    }

    [Fact]
    public void Shorten_FittingText_IsUnchanged()
    {
        Assert.Equal("abc", ValueText.Shorten("abc", 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ValueText.Shorten("abc", 1));
    }
}
