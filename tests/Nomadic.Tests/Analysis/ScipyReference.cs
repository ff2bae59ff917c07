using System.Text.Json;

namespace Nomadic.Tests.Analysis;

/// <summary>The SciPy 1.10 reference values written by <c>Fixtures/make_fixtures.py</c>.</summary>
internal static class ScipyReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Analysis", "Fixtures", "scipy_reference.json"))).RootElement);

    public static IEnumerable<JsonElement> Cases(string section) => Root.Value.GetProperty(section).EnumerateArray();

    public static TheoryData<string> Names(string section) => [.. Cases(section).Select(c => c.GetProperty("name").GetString()!)];

    public static JsonElement Case(string section, string name) => Cases(section).Single(c => c.GetProperty("name").GetString() == name);

    public static double[] Doubles(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(v => v.GetDouble())];

    public static double Double(this JsonElement element, string property) => element.GetProperty(property).GetDouble();

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>Asserts |actual − expected| ≤ tolerance × max(|expected|, tiny).</summary>
    public static void AssertClose(double expected, double actual, double relative = 1e-9)
    {
        double scale = Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(Math.Abs(actual - expected) <= relative * scale, $"expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / scale:E2})");
    }
}
