using Nomadic.Results;

namespace Nomadic.Tests.Results;

public class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("in side", "in side")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData(" lead", "\" lead\"")]
    [InlineData("trail ", "\"trail \"")]
    public void Escape_Field_QuotesOnlyWhenNeeded(string field, string expected)
    {
        Assert.Equal(expected, Csv.Escape(field));
    }
}
