using System.Text;
using System.Text.Json;
using CsCheck;
using Nomadic.Serialization;

namespace Nomadic.Tests.Serialization;

public class JsonValuesTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(-3.0, "-3.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(1e20, "1E+20")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    public void WriteDouble_FiniteValue_AlwaysLooksLikeADouble(double value, string expected)
    {
        Assert.Equal(expected, Written(w => JsonValues.WriteDouble(w, value)));
    }

    [Theory]
    [InlineData(double.NaN, "\"NaN\"")]
    [InlineData(double.PositiveInfinity, "\"Infinity\"")]
    [InlineData(double.NegativeInfinity, "\"-Infinity\"")]
    public void WriteDouble_NonFinite_IsWrittenAsString(double value, string expected)
    {
        Assert.Equal(expected, Written(w => JsonValues.WriteDouble(w, value)));
    }

    [Fact]
    public void WriteThenRead_AnyDouble_KeepsBitsAndType()
    {
        Gen.Double.Sample(value =>
        {
            if (!double.IsFinite(value))
            {
                return;
            }

            object? back = RoundTrip(value);

            double d = Assert.IsType<double>(back);
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(d));
        });
    }

    [Fact]
    public void WriteThenRead_AnyInt_StaysInt()
    {
        Gen.Int.Sample(value => Assert.Equal(value, Assert.IsType<int>(RoundTrip(value))));
    }

    [Fact]
    public void WriteThenRead_LongOutsideIntRange_StaysLong()
    {
        Gen.Long.Sample(value =>
        {
            object? back = RoundTrip(value);

            if (value is >= int.MinValue and <= int.MaxValue)
            {
                Assert.Equal((int)value, Assert.IsType<int>(back));
            }
            else
            {
                Assert.Equal(value, Assert.IsType<long>(back));
            }
        });
    }

    [Fact]
    public void WriteThenRead_AnyString_IsUnchanged()
    {
        Gen.String.Sample(value =>
        {
            if (!IsWellFormedUtf16(value))
            {
                return;
            }

            Assert.Equal(value, RoundTrip(value));
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WriteThenRead_Bool_IsUnchanged(bool value)
    {
        Assert.Equal(value, RoundTrip(value));
    }

    [Fact]
    public void WriteThenRead_Null_IsNull()
    {
        Assert.Null(RoundTrip(null));
    }

    [Fact]
    public void WriteThenRead_NestedCollections_BecomeDictionariesAndLists()
    {
        var value = new Dictionary<string, object?>
        {
            ["list"] = new object?[] { 1, 2.5, "s", null, new[] { true } },
            ["map"] = new Dictionary<string, int> { ["a"] = 1 },
        };

        var back = Assert.IsType<Dictionary<string, object?>>(RoundTrip(value));

        var list = Assert.IsType<List<object?>>(back["list"]);
        Assert.Equal([1, 2.5, "s", null], list.Take(4));
        Assert.Equal([true], Assert.IsType<List<object?>>(list[4]));
        Assert.Equal(1, Assert.IsType<Dictionary<string, object?>>(back["map"])["a"]);
    }

    [Fact]
    public void Write_OtherNumericTypes_ReadBackAsNumbers()
    {
        Assert.Equal(0.5, RoundTrip(0.5f));
        Assert.Equal(2.25, RoundTrip(2.25m));
        Assert.Equal(7, RoundTrip((short)7));
        Assert.Equal(7, RoundTrip((byte)7));
        Assert.Equal(4_000_000_000L, RoundTrip(4_000_000_000u));
    }

    [Fact]
    public void Write_DatesAndOtherObjects_AreWrittenAsInvariantStrings()
    {
        var date = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

        Assert.Equal("2025-01-02T03:04:05.0000000+00:00", RoundTrip(date));
        Assert.Equal("Monday", RoundTrip(DayOfWeek.Monday));
        Assert.Equal("00:00:01.5000000", RoundTrip(TimeSpan.FromSeconds(1.5)));
    }

    [Theory]
    [InlineData("1", typeof(int))]
    [InlineData("-2147483648", typeof(int))]
    [InlineData("2147483648", typeof(long))]
    [InlineData("1.0", typeof(double))]
    [InlineData("1e3", typeof(double))]
    [InlineData("1E-3", typeof(double))]
    [InlineData("123456789012345678901234567890", typeof(double))]
    public void Read_Number_TypeFollowsItsText(string json, Type expected)
    {
        using JsonDocument document = JsonDocument.Parse(json);

        Assert.IsType(expected, JsonValues.Read(document.RootElement));
    }

    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData("3", 3.0)]
    [InlineData("\"Infinity\"", double.PositiveInfinity)]
    [InlineData("\"-Infinity\"", double.NegativeInfinity)]
    public void ReadDouble_NumberOrNonFiniteText_ReturnsTheDouble(string json, double expected)
    {
        using JsonDocument document = JsonDocument.Parse(json);

        Assert.Equal(expected, JsonValues.ReadDouble(document.RootElement));
    }

    [Fact]
    public void ReadDouble_Null_ReturnsNaN()
    {
        using JsonDocument document = JsonDocument.Parse("null");

        Assert.True(double.IsNaN(JsonValues.ReadDouble(document.RootElement)));
    }

    [Theory]
    [InlineData("1e309", "score: 1e309 is not a finite number")]
    [InlineData("-1e309", "score: -1e309 is not a finite number")]
    [InlineData("\"NaN\"", "score: expected a number, found string \"NaN\"")]
    [InlineData("\"0.5\"", "score: expected a number, found string \"0.5\"")]
    public void ReadDouble_NotAFiniteNumberAsWritten_ThrowsNamingTheField(string json, string message)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement element = document.RootElement;

        Assert.Equal(message, Assert.Throws<JsonException>(() => JsonValues.ReadDouble(element, "score")).Message);
    }

    [Fact]
    public void Read_NumberBeyondDouble_ThrowsNamingThePath()
    {
        using JsonDocument document = JsonDocument.Parse("""{"a": {"b": [1, 1e309]}}""");
        JsonElement element = document.RootElement;

        Assert.Equal("params.a.b[1]: 1e309 is not a finite number", Assert.Throws<JsonException>(() => JsonValues.ReadObject(element, "params")).Message);
    }

    [Theory]
    [InlineData("null")]
    public void ReadDouble_NullOrNaNText_ReturnsNaN(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);

        Assert.True(double.IsNaN(JsonValues.ReadDouble(document.RootElement)));
    }

    [Theory]
    [InlineData("\"high\"")]
    [InlineData("true")]
    [InlineData("{}")]
    public void ReadDouble_NotANumber_ThrowsJsonException(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement element = document.RootElement;

        Assert.Throws<JsonException>(() => JsonValues.ReadDouble(element));
    }

    [Theory]
    [InlineData("[]", "expected an object, found array")]
    [InlineData("3", "expected an object, found number 3")]
    public void ReadObject_NotAnObject_ThrowsNamingTheKind(string json, string message)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement element = document.RootElement;

        Assert.Equal(message, Assert.Throws<JsonException>(() => JsonValues.ReadObject(element)).Message);
    }

    [Fact]
    public void ReadObject_Object_KeepsKeyOrder()
    {
        using JsonDocument document = JsonDocument.Parse("""{"b": 1, "a": 2, "c": 3}""");

        Assert.Equal(["b", "a", "c"], JsonValues.ReadObject(document.RootElement).Keys);
    }

    private static object? RoundTrip(object? value)
    {
        using JsonDocument document = JsonDocument.Parse(Written(w => JsonValues.Write(w, value)));
        return JsonValues.Read(document.RootElement);
    }

    private static string Written(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static bool IsWellFormedUtf16(string value)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(value);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
