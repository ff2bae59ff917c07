using System.Reflection;

namespace Nomadic.Workspace.Dashboard;

/// <summary>The dashboard's style sheet and scripts, files beside this class embedded in the assembly and served from the same origin.</summary>
internal static class DashboardAssets
{
    public static string Css { get; } = Read("dashboard.css");

    public static string Script { get; } = Read("dashboard.js");

    /// <summary>Gets the sorting and filtering of the runs table, the same script as the HTML report's.</summary>
    public static string RunsTableScript { get; } = Read("runs-table.js");

    private static string Read(string file)
    {
        string name = "Nomadic.Workspace.Dashboard." + file;
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
