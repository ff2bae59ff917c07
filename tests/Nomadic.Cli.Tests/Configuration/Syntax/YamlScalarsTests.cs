using System.Globalization;
using CsCheck;
using Nomadic.Cli.Configuration.Syntax;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Nomadic.Cli.Tests.Configuration.Syntax;

public sealed class YamlScalarsTests
{
    [Fact]
    public void Resolve_AnyInteger_IsAnInt() =>
        Gen.Int.Sample(i => Assert.Equal(i, YamlScalars.Resolve(Plain(i.ToString(CultureInfo.InvariantCulture)))));

    [Fact]
    public void Resolve_IntegerBeyondInt_IsALong() =>
        Gen.Long.Where(l => l is > int.MaxValue or < int.MinValue).Sample(l => Assert.Equal(l, YamlScalars.Resolve(Plain(l.ToString(CultureInfo.InvariantCulture)))));

    [Fact]
    public void Resolve_AnyFiniteDoubleText_ReadsBackTheSameNumber() =>
        Gen.Double.Where(double.IsFinite).Sample(d =>
        {
            object? value = YamlScalars.Resolve(Plain(d.ToString("R", CultureInfo.InvariantCulture)));
            Assert.Equal(d, Convert.ToDouble(value, CultureInfo.InvariantCulture));
        });

    [Theory]
    [InlineData("1.0", 1.0)]
    [InlineData("1e-5", 1e-5)]
    [InlineData(".5", 0.5)]
    [InlineData("-2.5E+3", -2500.0)]
    public void Resolve_FloatForms_AreDoubles(string text, double expected) =>
        Assert.Equal(expected, Assert.IsType<double>(YamlScalars.Resolve(Plain(text))));

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    public void Resolve_Booleans_AreBooleans(string text, bool expected) => Assert.Equal(expected, YamlScalars.Resolve(Plain(text)));

    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("")]
    public void Resolve_NullForms_AreNull(string text) => Assert.Null(YamlScalars.Resolve(Plain(text)));

    [Theory]
    [InlineData("yes")]
    [InlineData("1.2.3")]
    [InlineData("adam")]
    [InlineData("1e")]
    public void Resolve_OtherPlainText_StaysAString(string text) => Assert.Equal(text, YamlScalars.Resolve(Plain(text)));

    [Fact]
    public void Resolve_QuotedNumber_StaysAString() =>
        Assert.Equal("32", YamlScalars.Resolve(new YamlScalarNode("32") { Style = ScalarStyle.DoubleQuoted }));

    private static YamlScalarNode Plain(string text) => new(text) { Style = ScalarStyle.Plain };
}
