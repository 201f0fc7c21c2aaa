using Microsoft.Data.Sqlite;

namespace TalentHub.Benchmarks.Data;

/// <summary>
/// One prepared INSERT reused for every row (parameters rebound, never re-parsed), inside the caller's transaction.
/// This is the fast path the generator and <c>baseline.raw-insert</c> share.
/// </summary>
public sealed class BulkInsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public BulkInsert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        _command.Prepare();
    }

    public long Count { get; private set; }

    public void Add(params object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++) _parameters[i].Value = values[i] ?? DBNull.Value;
        _command.ExecuteNonQuery();
        Count++;
    }

    public void Dispose() => _command.Dispose();
}
