using System.Data.Common;
using System.Globalization;

namespace Nomadic.Workspace.Store;

/// <summary>Connections, transactions and the text form of times.</summary>
public abstract partial class DbWorkspaceStore
{
    private protected static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private protected static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private protected T WithSession<T>(Func<DbSession, T> work) => Run(() =>
    {
        using DbConnection connection = Open();
        return work(new DbSession(connection, null, _prefix));
    });

    private protected T InTransaction<T>(Func<DbSession, T> work) => Run(() =>
    {
        using DbConnection connection = Open();
        using DbTransaction transaction = connection.BeginTransaction();
        T result = work(new DbSession(connection, transaction, _prefix));
        transaction.Commit();
        return result;
    });

    /// <summary>Runs one whole call (its connection, its transaction): as it is, or again after a transient failure where the database has those.</summary>
    /// <typeparam name="T">The call's result.</typeparam>
    /// <param name="operation">The call.</param>
    /// <returns>Its result.</returns>
    private protected virtual T Run<T>(Func<T> operation) => operation();
}
