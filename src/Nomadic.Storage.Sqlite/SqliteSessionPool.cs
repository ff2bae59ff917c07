using System.Collections.Concurrent;

namespace Nomadic.Storage.Sqlite;

/// <summary>
/// Keeps a few idle sessions open so an operation takes one instead of opening a connection and compiling its
/// statements again; a session is only ever used by the thread that took it.
/// </summary>
internal sealed class SqliteSessionPool : IDisposable
{
    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private readonly Func<SqliteSession> _open;
    private readonly int _maxIdle;
    private volatile bool _disposed;

    public SqliteSessionPool(Func<SqliteSession> open, int maxIdle)
    {
        _open = open;
        _maxIdle = maxIdle;
    }

    public SqliteSession Take()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _idle.TryTake(out SqliteSession? session) ? session : _open();
    }

    public void Return(SqliteSession session)
    {
        if (_disposed || _idle.Count >= _maxIdle)
        {
            session.Dispose();
            return;
        }

        _idle.Add(session);
        if (_disposed)
        {
            CloseIdle();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryTake(out SqliteSession? session))
        {
            session.Dispose();
        }
    }
}
