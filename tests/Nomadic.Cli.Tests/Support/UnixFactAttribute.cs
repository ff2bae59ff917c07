namespace Nomadic.Cli.Tests.Support;

/// <summary>A test that needs a POSIX system: <c>sh</c>, <c>awk</c> and signals.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs a POSIX shell";
        }
    }
}
