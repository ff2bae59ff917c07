using System.Globalization;
using System.Text.Json;
using Nomadic.Objectives;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Objectives;

public class BenchmarkFunctionsTests
{
    private static readonly Lazy<JsonDocument> Suite = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "suite.json"))));

    private static JsonElement Functions => Suite.Value.RootElement.GetProperty("functions");

    private static JsonElement OverheadObjectives => Suite.Value.RootElement.GetProperty("overhead_objectives");

    public static TheoryData<string, int> ReferenceCases()
    {
        var cases = new TheoryData<string, int>();
        foreach (JsonElement function in Functions.EnumerateArray())
        {
            int count = function.GetProperty("reference_values").GetArrayLength();
            for (int i = 0; i < count; i++)
            {
                cases.Add(function.GetProperty("name").GetString()!, i);
            }
        }

        return cases;
    }

    public static TheoryData<string> SuiteNames() =>
        new(Functions.EnumerateArray().Select(f => f.GetProperty("name").GetString()!));

    public static TheoryData<string> AllNames() =>
        new(Functions.EnumerateArray().Concat(OverheadObjectives.EnumerateArray()).Select(f => f.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void Evaluate_ReferenceValue_MatchesBitForBit(string name, int index)
    {
        JsonElement spec = Spec(name);
        JsonElement reference = spec.GetProperty("reference_values")[index];
        Dictionary<string, object?> parameters = ReadParameters(spec, reference);

        double actual = BenchmarkFunctions.Find(name)!.Evaluate(parameters);

        long expectedBits = BitConverter.DoubleToInt64Bits(ParseHexFloat(reference.GetProperty("value_hex").GetString()!));
        Assert.Equal(expectedBits, BitConverter.DoubleToInt64Bits(actual));
        double decimalValue = double.Parse(reference.GetProperty("value").GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.Equal(expectedBits, BitConverter.DoubleToInt64Bits(decimalValue));
    }

    [Fact]
    public void ReferenceCases_Fixture_CoverEverySuiteFunction()
    {
        Assert.Equal(75, ReferenceCases().Count);
        Assert.Equal(
            ["branin", "hartmann6", "rosenbrock5", "ackley5", "levy4", "lr_valley", "mixed"],
            Functions.EnumerateArray().Select(f => f.GetProperty("name").GetString()!));
    }

    [Theory]
    [MemberData(nameof(SuiteNames))]
    public void Optimum_SuiteFunction_MatchesFixtureBits(string name)
    {
        string hex = Spec(name).GetProperty("optimum").GetProperty("value_hex").GetString()!;

        Assert.Equal(BitConverter.DoubleToInt64Bits(ParseHexFloat(hex)), BitConverter.DoubleToInt64Bits(BenchmarkFunctions.Find(name)!.Optimum));
    }

    [Fact]
    public void Optimum_OverheadObjectives_IsNaN()
    {
        Assert.True(double.IsNaN(BenchmarkFunctions.X2.Optimum));
        Assert.True(double.IsNaN(BenchmarkFunctions.Mixed5.Optimum));
    }

    [Fact]
    public void Optimum_BraninAtPiAnd2275_EqualsFunctionValue()
    {
        double value = BenchmarkFunctions.Branin.Evaluate(new Dictionary<string, object?> { ["x0"] = Math.PI, ["x1"] = 2.275 });

        Assert.Equal(BitConverter.DoubleToInt64Bits(BenchmarkFunctions.Branin.Optimum), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void SearchSpace_EveryFunction_MatchesFixtureParameters(string name)
    {
        JsonElement[] expected = Spec(name).GetProperty("params").EnumerateArray().ToArray();
        SearchSpace space = BenchmarkFunctions.Find(name)!.SearchSpace;

        Assert.Equal(expected.Select(p => p.GetProperty("name").GetString()), space.Names);
        foreach (JsonElement param in expected)
        {
            Domain domain = space[param.GetProperty("name").GetString()!];
            switch (param.GetProperty("type").GetString())
            {
                case "float":
                    FloatDomain f = Assert.IsType<FloatDomain>(domain);
                    Assert.Equal(param.GetProperty("low").GetDouble(), f.Low);
                    Assert.Equal(param.GetProperty("high").GetDouble(), f.High);
                    Assert.Equal(param.GetProperty("log").GetBoolean(), f.IsLog);
                    Assert.Null(f.Step);
                    break;
                case "int":
                    IntDomain i = Assert.IsType<IntDomain>(domain);
                    Assert.Equal(1, param.GetProperty("step").GetInt32());
                    Assert.Equal(param.GetProperty("low").GetInt32(), i.MinValue);
                    Assert.Equal(param.GetProperty("high").GetInt32(), i.MaxValue);
                    Assert.False(i.IsLog);
                    Assert.Null(i.Step);
                    break;
                case "categorical":
                    ChoiceDomain c = Assert.IsType<ChoiceDomain>(domain);
                    Assert.Equal(param.GetProperty("choices").EnumerateArray().Select(v => (object?)v.GetString()), c.Values);
                    break;
                default:
                    Assert.Fail($"Unknown parameter type in the fixture: {param}");
                    break;
            }
        }
    }

    [Fact]
    public void SearchSpace_EachAccess_ReturnsNewInstance()
    {
        SearchSpace first = BenchmarkFunctions.Branin.SearchSpace;
        first["extra"] = Tune.Uniform(0, 1);

        Assert.NotSame(first, BenchmarkFunctions.Branin.SearchSpace);
        Assert.Equal(["x0", "x1"], BenchmarkFunctions.Branin.SearchSpace.Names);
    }

    [Fact]
    public void All_Always_ListsSuiteThenOverheadObjectivesInOrder()
    {
        Assert.Equal(
            ["branin", "hartmann6", "rosenbrock5", "ackley5", "levy4", "lr_valley", "mixed", "x2", "mixed5"],
            BenchmarkFunctions.All.Select(f => f.Name));
        Assert.All(BenchmarkFunctions.All, f => Assert.Equal(Direction.Minimize, f.Direction));
        Assert.All(BenchmarkFunctions.All, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
    }

    [Theory]
    [InlineData("branin", "branin")]
    [InlineData("BRANIN", "branin")]
    [InlineData("Lr_Valley", "lr_valley")]
    [InlineData("hartmann6", "hartmann6")]
    [InlineData("rosenbrock5", "rosenbrock5")]
    [InlineData("ackley5", "ackley5")]
    [InlineData("levy4", "levy4")]
    [InlineData("mixed", "mixed")]
    [InlineData("x2", "x2")]
    [InlineData("MIXED5", "mixed5")]
    public void Find_KnownNameAnyCase_ReturnsFunction(string query, string expected)
    {
        BenchmarkFunction? function = BenchmarkFunctions.Find(query);

        Assert.NotNull(function);
        Assert.Equal(expected, function.Name);
        Assert.Same(function, BenchmarkFunctions.All.Single(f => f.Name == expected));
    }

    [Theory]
    [InlineData("")]
    [InlineData("rosenbrock")]
    [InlineData("lr-valley")]
    public void Find_UnknownName_ReturnsNull(string query) => Assert.Null(BenchmarkFunctions.Find(query));

    [Fact]
    public void Find_NullName_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => BenchmarkFunctions.Find(null!));

    [Fact]
    public void Evaluate_MissingParameter_ThrowsArgumentExceptionNamingIt()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            BenchmarkFunctions.Branin.Evaluate(new Dictionary<string, object?> { ["x0"] = 1.0 }));

        Assert.Contains("'x1'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("missing", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NonNumericValue_ThrowsArgumentExceptionNamingIt()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            BenchmarkFunctions.LrValley.Evaluate(new Dictionary<string, object?> { ["lr"] = "0.01", ["wd"] = 1e-4 }));

        Assert.Contains("'lr'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("number", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnknownCategory_ThrowsArgumentExceptionListingChoices()
    {
        var parameters = new Dictionary<string, object?> { ["optimizer"] = "nadam", ["layers"] = 4, ["dropout"] = 0.3, ["lr"] = 1e-3 };

        var exception = Assert.Throws<ArgumentException>(() => BenchmarkFunctions.Mixed.Evaluate(parameters));

        Assert.Contains("'optimizer'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'rmsprop'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("nadam", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NullParameters_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => BenchmarkFunctions.Branin.Evaluate(null!));

    [Fact]
    public void Evaluate_IntAndDoubleForSameParameter_GiveSameValue()
    {
        double fromInts = BenchmarkFunctions.Branin.Evaluate(new Dictionary<string, object?> { ["x0"] = 3, ["x1"] = 2 });
        double fromDoubles = BenchmarkFunctions.Branin.Evaluate(new Dictionary<string, object?> { ["x0"] = 3.0, ["x1"] = 2.0 });
        double layersAsDouble = BenchmarkFunctions.Mixed.Evaluate(
            new Dictionary<string, object?> { ["optimizer"] = "sgd", ["layers"] = 6.0, ["dropout"] = 0.5, ["lr"] = 0.01 });
        double layersAsInt = BenchmarkFunctions.Mixed.Evaluate(
            new Dictionary<string, object?> { ["optimizer"] = "sgd", ["layers"] = 6, ["dropout"] = 0.5, ["lr"] = 0.01 });

        Assert.Equal(BitConverter.DoubleToInt64Bits(fromDoubles), BitConverter.DoubleToInt64Bits(fromInts));
        Assert.Equal(BitConverter.DoubleToInt64Bits(layersAsInt), BitConverter.DoubleToInt64Bits(layersAsDouble));
    }

    [Fact]
    public void Evaluate_ExtraParameters_AreIgnored()
    {
        double value = BenchmarkFunctions.X2.Evaluate(new Dictionary<string, object?> { ["x"] = -7.25, ["unused"] = "anything" });

        Assert.Equal(52.5625, value);
    }

    [Theory]
    [InlineData(3.0, "0x1.2000000000000p+3")]
    [InlineData(-7.25, "0x1.a480000000000p+5")]
    [InlineData(0.1, "0x1.47ae147ae147cp-7")]
    public void Evaluate_X2KnownPoint_MatchesBitForBit(double x, string expectedHex)
    {
        double value = BenchmarkFunctions.X2.Evaluate(new Dictionary<string, object?> { ["x"] = x });

        Assert.Equal(BitConverter.DoubleToInt64Bits(ParseHexFloat(expectedHex)), BitConverter.DoubleToInt64Bits(value));
    }

    // Expected values computed with the reference implementation of the overhead objectives (suite.py).
    [Theory]
    [InlineData(0.0, 0.001, 5, "adam", 0.0, "0x0.0p+0")]
    [InlineData(-3.7, 0.00025, 9, "rmsprop", 0.42, "0x1.e9f5a9a37f33cp+4")]
    [InlineData(9.25, 0.8, 1, "sgd", 0.999, "0x1.bd2860b95488dp+6")]
    public void Evaluate_Mixed5KnownPoint_MatchesBitForBit(double x, double lr, int k, string opt, double y, string expectedHex)
    {
        var parameters = new Dictionary<string, object?> { ["x"] = x, ["lr"] = lr, ["k"] = k, ["opt"] = opt, ["y"] = y };

        double value = BenchmarkFunctions.Mixed5.Evaluate(parameters);

        Assert.Equal(BitConverter.DoubleToInt64Bits(ParseHexFloat(expectedHex)), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData("0x1.921fb54442d18p+1", Math.PI)]
    [InlineData("0x1.5bf0a8b145769p+1", Math.E)]
    [InlineData("-0x1.4000000000000p+2", -5.0)]
    [InlineData("0x1.0000000000000p-51", 4.440892098500626e-16)]
    [InlineData("0x0.0p+0", 0.0)]
    public void ParseHexFloat_C99Literal_ReturnsExactDouble(string text, double expected) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(ParseHexFloat(text)));

    [Fact]
    public void ParseHexFloat_FixtureConstants_MatchMathConstants()
    {
        JsonElement constants = Suite.Value.RootElement.GetProperty("conventions").GetProperty("constants");

        Assert.Equal(Math.PI, ParseHexFloat(constants.GetProperty("PI").GetProperty("hex").GetString()!));
        Assert.Equal(Math.E, ParseHexFloat(constants.GetProperty("E").GetProperty("hex").GetString()!));
    }

    /// <summary>Parses a C99 hexadecimal floating literal such as <c>-0x1.976fc893c3aa0p-2</c> exactly.</summary>
    private static double ParseHexFloat(string text)
    {
        bool negative = text.StartsWith('-');
        string body = negative ? text[1..] : text;
        if (!body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"Not a hex float: {text}");
        }

        int p = body.IndexOfAny(['p', 'P']);
        string mantissa = body[2..p];
        int exponent = int.Parse(body[(p + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string integerDigits = dot < 0 ? mantissa : mantissa[..dot];
        string fractionDigits = dot < 0 ? "" : mantissa[(dot + 1)..];
        ulong significand = ulong.Parse(integerDigits + fractionDigits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (significand >= 1UL << 53)
        {
            throw new FormatException($"Significand of {text} does not fit a double exactly");
        }

        double magnitude = Math.ScaleB(significand, exponent - (4 * fractionDigits.Length));
        return negative ? -magnitude : magnitude;
    }

    private static JsonElement Spec(string name) =>
        Functions.EnumerateArray().Concat(OverheadObjectives.EnumerateArray())
            .Single(f => f.GetProperty("name").GetString() == name);

    private static Dictionary<string, object?> ReadParameters(JsonElement spec, JsonElement reference)
    {
        var parameters = new Dictionary<string, object?>();
        foreach (JsonElement param in spec.GetProperty("params").EnumerateArray())
        {
            string name = param.GetProperty("name").GetString()!;
            JsonElement exact = reference.GetProperty("params_hex").GetProperty(name);
            JsonElement plain = reference.GetProperty("params").GetProperty(name);
            switch (param.GetProperty("type").GetString())
            {
                case "float":
                    double value = ParseHexFloat(exact.GetString()!);
                    Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(plain.GetDouble()));
                    parameters[name] = value;
                    break;
                case "int":
                    parameters[name] = plain.GetInt32();
                    break;
                default:
                    parameters[name] = plain.GetString();
                    break;
            }
        }

        return parameters;
    }
}
