using System.Reflection;

namespace Nomadic.Reports.Html;

/// <summary>The report's style sheet and script, kept as files beside this class and embedded in the assembly.</summary>
internal static class ReportAssets
{
    public static string Css { get; } = Read("report.css");

    public static string Script { get; } = Read("runs-table.js");

    private static string Read(string file)
    {
        string name = "Nomadic.Reports.Html." + file;
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
