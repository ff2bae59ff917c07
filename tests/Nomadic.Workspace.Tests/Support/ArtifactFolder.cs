namespace Nomadic.Workspace.Tests.Support;

/// <summary>A folder under the test output folder where tests leave files worth looking at (screenshots).</summary>
internal static class ArtifactFolder
{
    public static string Path(string name)
    {
        string folder = System.IO.Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        return System.IO.Path.Combine(folder, name);
    }
}
