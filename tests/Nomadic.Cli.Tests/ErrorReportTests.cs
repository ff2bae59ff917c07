using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Cli.Tests;

public sealed class ErrorReportTests
{
    public static TheoryData<Exception, int, string> Cases => new()
    {
        { new InputException("e.json: bad"), 2, "error: e.json: bad" },
        { new ResultFormatException("r.json", "line 3 is not a valid run"), 2, "error: r.json: line 3 is not a valid run." },
        { new SearchSpaceException("x", "is wrong"), 2, "error: Parameter 'x': is wrong." },
        { new Nomadic.Storage.Postgres.ConnectionStringException("port 99999 is out of range (1 to 65535)"), 2, "error: The PostgreSQL connection string is not valid: port 99999 is out of range (1 to 65535)." },
        { new IOException("disk full\nreally"), 1, "error: disk full really" },
        { new InvalidOperationException("boom"), 1, "error: unexpected InvalidOperationException: boom" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Write_Exception_WritesOneLineAndReturnsItsExitCode(Exception exception, int code, string line)
    {
        var error = new StringWriter();

        int actual = ErrorReport.Write(exception, error, CancellationToken.None);

        Assert.Equal(code, actual);
        Assert.Equal(line + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void Write_CancellationAfterInterrupt_Exits130()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Equal(130, ErrorReport.Write(new OperationCanceledException(), new StringWriter(), cancelled.Token));
    }
}
