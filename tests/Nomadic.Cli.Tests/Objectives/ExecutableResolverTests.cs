using Nomadic.Cli.Objectives;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Objectives;

public sealed class ExecutableResolverTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [UnixFact]
    public void Resolve_BareName_IsFoundOnPath()
    {
        string? sh = ExecutableResolver.Resolve("sh", _temp.Path);

        Assert.NotNull(sh);
        Assert.True(Path.IsPathRooted(sh));
        Assert.Equal("sh", Path.GetFileName(sh));
    }

    [Fact]
    public void Resolve_UnknownBareName_IsNull() => Assert.Null(ExecutableResolver.Resolve("no-such-program-nomadic", _temp.Path));

    [UnixFact]
    public void Resolve_RelativePath_IsTakenFromTheWorkingDirectory()
    {
        string tool = _temp.Write("bin/tool", "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        Assert.Equal(tool, ExecutableResolver.Resolve("bin/tool", _temp.Path));
        Assert.Equal(tool, ExecutableResolver.Resolve("./tool", _temp.File("bin")));
    }

    [UnixFact]
    public void Resolve_FileWithoutExecutePermission_IsNull()
    {
        _temp.Write("plain.sh", "echo 1\n");

        Assert.Null(ExecutableResolver.Resolve("./plain.sh", _temp.Path));
    }
}
