using CsCheck;

namespace Nomadic.Tests.Serialization;

/// <summary>Tests of <see cref="ParamValue"/>, the rules every serialized parameter and metadata value follows.</summary>
public class ParamValueTests
{
    public static TheoryData<object?, object?> AlreadyNormal() => new()
    {
        { null, null },
        { 5, 5 },
        { 0.5, 0.5 },
        { true, true },
        { "s", "s" },
        { 5_000_000_000L, 5_000_000_000L },
    };

    [Theory]
    [MemberData(nameof(AlreadyNormal))]
    public void Normalize_SupportedValue_IsUnchanged(object? value, object? expected)
    {
        object? normalized = ParamValue.Normalize(value);

        Assert.Equal(expected, normalized);
        Assert.Equal(expected?.GetType(), normalized?.GetType());
    }

    [Fact]
    public void Normalize_SmallIntegerTypes_BecomeInt()
    {
        Assert.IsType<int>(ParamValue.Normalize((short)3));
        Assert.IsType<int>(ParamValue.Normalize((byte)3));
        Assert.IsType<int>(ParamValue.Normalize((sbyte)-3));
        Assert.IsType<int>(ParamValue.Normalize((ushort)3));
    }

    [Fact]
    public void Normalize_LongInIntRange_BecomesInt()
    {
        Assert.Equal(5, Assert.IsType<int>(ParamValue.Normalize(5L)));
        Assert.Equal(5, Assert.IsType<int>(ParamValue.Normalize(5u)));
    }

    [Fact]
    public void Normalize_SmallULong_BecomesInt()
    {
        Assert.Equal(5, Assert.IsType<int>(ParamValue.Normalize(5UL)));
        Assert.Equal(5_000_000_000L, Assert.IsType<long>(ParamValue.Normalize(5_000_000_000UL)));
    }

    [Fact]
    public void Normalize_LongsInChoice_ReadBackWithTheSameType()
    {
        var space = new Nomadic.Tuning.SearchSpace { ["n"] = Nomadic.Tuning.Tune.Choice(1L, 2L) };

        var back = (Nomadic.Tuning.ChoiceDomain)Nomadic.Tuning.SearchSpace.FromJson(space.ToJson())["n"];

        Assert.Equal(((Nomadic.Tuning.ChoiceDomain)space["n"]).Values.Select(v => v?.GetType()), back.Values.Select(v => v?.GetType()));
    }

    [Fact]
    public void Normalize_LongOutsideIntRange_StaysLong()
    {
        Assert.Equal(5_000_000_000L, Assert.IsType<long>(ParamValue.Normalize(5_000_000_000L)));
        Assert.Equal(4_000_000_000L, Assert.IsType<long>(ParamValue.Normalize(4_000_000_000u)));
    }

    [Fact]
    public void Normalize_FloatAndDecimal_BecomeDouble()
    {
        Assert.Equal(0.5, Assert.IsType<double>(ParamValue.Normalize(0.5f)));
        Assert.Equal(0.1, Assert.IsType<double>(ParamValue.Normalize(0.1m)));
    }

    [Fact]
    public void Normalize_EnumAndChar_BecomeStrings()
    {
        Assert.Equal("Friday", ParamValue.Normalize(DayOfWeek.Friday));
        Assert.Equal("c", ParamValue.Normalize('c'));
    }

    [Fact]
    public void Normalize_UnsupportedObject_IsReturnedAsIs()
    {
        var date = new DateTime(2024, 1, 1);

        Assert.Equal(date, ParamValue.Normalize(date));
        Assert.False(ParamValue.IsSupported(date));
    }

    [Fact]
    public void Normalize_AnyNormalizedValue_IsSupported()
    {
        Gen<object> values = Gen.OneOf<object>(
            Gen.Int.Select(v => (object)v),
            Gen.Long.Select(v => (object)v),
            Gen.Short.Select(v => (object)v),
            Gen.Byte.Select(v => (object)v),
            Gen.Float.Select(v => (object)v),
            Gen.Double.Select(v => (object)v),
            Gen.Bool.Select(v => (object)v),
            Gen.Char.Select(v => (object)v),
            Gen.String.Select(v => (object)v));

        values.Sample(value => Assert.True(ParamValue.IsSupported(ParamValue.Normalize(value)), value.GetType().Name));
    }

    [Theory]
    [InlineData(1, 1.0, true)]
    [InlineData(1, 1L, true)]
    [InlineData(2.5, 2.5f, true)]
    [InlineData(0.0, -0.0, true)]
    [InlineData(double.NaN, double.NaN, true)]
    [InlineData(1, 2, false)]
    [InlineData("1", 1, false)]
    [InlineData(true, 1, false)]
    [InlineData("a", "a", true)]
    [InlineData("a", "A", false)]
    [InlineData(null, null, true)]
    [InlineData(null, 0, false)]
    [InlineData(0, null, false)]
    [InlineData(false, false, true)]
    public void AreEqual_Values_ComparesNumbersByValue(object? a, object? b, bool expected)
    {
        Assert.Equal(expected, ParamValue.AreEqual(a, b));
        Assert.Equal(expected, ParamValue.AreEqual(b, a));
    }

    [Fact]
    public void AreEqual_DistinctLongsBeyondDoublePrecision_ReturnsFalse()
    {
        Assert.False(ParamValue.AreEqual(9_007_199_254_740_993L, 9_007_199_254_740_992L));
        Assert.False(ParamValue.AreEqual(long.MaxValue, long.MaxValue - 1));
    }

    [Fact]
    public void AreEqual_AnyIntAndItsDouble_ReturnsTrue()
    {
        Gen.Int.Sample(i => Assert.True(ParamValue.AreEqual(i, (double)i)));
    }

    [Theory]
    [InlineData(null, "null")]
    [InlineData("adam", "'adam'")]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    [InlineData(32, "32")]
    [InlineData(0.01, "0.01")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(5_000_000_000L, "5000000000")]
    public void ToDisplayString_Scalar_ReadsLikeNomadic(object? value, string expected)
    {
        Assert.Equal(expected, ParamValue.ToDisplayString(value));
    }

    [Fact]
    public void ToDisplayString_Collections_AreListedRecursively()
    {
        var map = new Dictionary<string, object?> { ["a"] = 1, ["b"] = new List<object?> { "x", null, 0.5 } };

        Assert.Equal("{'a': 1, 'b': ['x', null, 0.5]}", ParamValue.ToDisplayString((object)map));
        Assert.Equal("{'a': 1, 'b': ['x', null, 0.5]}", ParamValue.ToDisplayString((IReadOnlyDictionary<string, object?>)map));
        Assert.Equal("{}", ParamValue.ToDisplayString((IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>()));
    }

    [Fact]
    public void ToDisplayString_CommaDecimalCulture_StaysInvariant()
    {
        System.Globalization.CultureInfo previous = System.Globalization.CultureInfo.CurrentCulture;
        var commaDecimal = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        commaDecimal.NumberFormat.NumberDecimalSeparator = ",";
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = commaDecimal;

            Assert.Equal("0.5", ParamValue.ToDisplayString(0.5));
            Assert.Equal("0.25", ParamValue.ToDisplayString(0.25f));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
