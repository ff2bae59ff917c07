using CsCheck;
using Nomadic.Experiments;
using Nomadic.Tuning;

namespace Nomadic.Tests.Serialization;

/// <summary>Tests of <see cref="ConfigurationKey"/>, the identity that recognises equal configurations.</summary>
public class ConfigurationKeyTests
{
    private static readonly string[] Names = ["a", "b"];

    [Fact]
    public void Of_IntAndEqualDouble_AreEqualWithEqualHashes()
    {
        AssertSame(Key(("a", 1), ("b", "x")), Key(("a", 1.0), ("b", "x")));
        AssertSame(Key(("a", 1L)), Key(("a", 1)));
        AssertSame(Key(("a", 0)), Key(("a", 0.0)));
    }

    [Fact]
    public void Of_PositiveAndNegativeZero_AreEqualWithEqualHashes()
    {
        AssertSame(Key(("a", 0.0)), Key(("a", -0.0)));
    }

    [Fact]
    public void Of_DifferentValues_AreNotEqual()
    {
        Assert.NotEqual(Key(("a", 1)), Key(("a", 2)));
        Assert.NotEqual(Key(("a", 0.1)), Key(("a", 0.30000000000000004 - 0.2)));
        Assert.NotEqual(Key(("a", "1")), Key(("a", 1)));
        Assert.NotEqual(Key(("a", true)), Key(("a", 1)));
        Assert.NotEqual(Key(("a", "x")), Key(("a", "X")));
    }

    [Fact]
    public void Of_NullAndMissingValue_AreNotEqual()
    {
        Assert.NotEqual(Key(("a", null)), Key());
        Assert.NotEqual(Key(("a", null)), Key(("a", "null")));
        AssertSame(Key(("a", null)), Key(("a", null)));
    }

    [Fact]
    public void Of_StringsContainingControlCharacters_AreNotConfused()
    {
        Assert.NotEqual(Key(("a", "x\u001fsy"), ("b", "z")), Key(("a", "x"), ("b", "y\u001fsz")));
    }

    [Fact]
    public void Of_KeyOrderInDictionary_DoesNotMatter()
    {
        AssertSame(Key(("a", 1), ("b", 2)), Key(("b", 2), ("a", 1)));
    }

    [Fact]
    public void Of_ParametersOutsideTheNames_AreIgnored()
    {
        AssertSame(Key(("a", 1), ("b", 2)), Key(("a", 1), ("b", 2), ("fixed", "x")));
    }

    [Fact]
    public void Equals_NullOrOtherType_ReturnsFalse()
    {
        ConfigurationKey key = Key(("a", 1));

        Assert.False(key.Equals(null));
        Assert.False(key.Equals((object)"a"));
        Assert.True(key.Equals((object)Key(("a", 1))));
    }

    [Fact]
    public void Of_AnyTwoNormalizedConfigurations_EqualExactlyWhenValuesAreEqual()
    {
        Gen<object?> values = Gen.OneOf<object?>(
            Gen.Int[-3, 3].Select(i => (object?)i),
            Gen.Int[-3, 3].Select(i => (object?)(i * 1_000_000_000_000L)),
            Gen.Int[-3, 3].Select(i => (object?)(i / 2.0)),
            Gen.OneOf("x", "y", "").Select(s => (object?)s),
            Gen.Bool.Select(b => (object?)b),
            Gen.Bool.Select(_ => (object?)null));
        Gen.Select(values, values, values, values).Sample((a1, b1, a2, b2) =>
        {
            bool equal = ParamValue.AreEqual(a1, a2) && ParamValue.AreEqual(b1, b2);
            ConfigurationKey first = Key(("a", a1), ("b", b1));
            ConfigurationKey second = Key(("a", a2), ("b", b2));

            Assert.Equal(equal, first.Equals(second));
            if (equal)
            {
                Assert.Equal(first.GetHashCode(), second.GetHashCode());
            }
        });
    }

    [Fact]
    public void Of_EqualKeys_AreFoundInAHashSet()
    {
        var seen = new HashSet<ConfigurationKey> { Key(("a", 2), ("b", "x")) };

        Assert.False(seen.Add(Key(("a", 2.0), ("b", "x"))));
        Assert.True(seen.Add(Key(("a", 3), ("b", "x"))));
    }

    [Fact]
    public void Of_DistinctLongsBeyondDoublePrecision_AreNotEqual()
    {
        Assert.NotEqual(Key(("a", 9_007_199_254_740_993L)), Key(("a", 9_007_199_254_740_992L)));
    }

    [Fact]
    public void Of_FloatAndEqualDouble_HaveEqualHashes()
    {
        AssertSame(Key(("a", 0.5f)), Key(("a", 0.5)));
        AssertSame(Key(("a", 2.5m)), Key(("a", 2.5)));
        AssertSame(Key(("a", (short)3)), Key(("a", 3)));
    }

    private static void AssertSame(ConfigurationKey expected, ConfigurationKey actual)
    {
        Assert.Equal(expected, actual);
        Assert.Equal(expected.GetHashCode(), actual.GetHashCode());
    }

    private static ConfigurationKey Key(params (string Name, object? Value)[] values) =>
        ConfigurationKey.Of(Names, values.ToDictionary(v => v.Name, v => v.Value));
}
