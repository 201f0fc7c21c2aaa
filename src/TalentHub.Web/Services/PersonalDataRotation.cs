using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TalentHub.Web.Data;

namespace TalentHub.Web.Services;

/// <summary>
/// Re-encrypts personal identifiers written with an older key version under the current one (issue 15), in
/// batches that each commit on their own: stopping anywhere loses nothing and the next run carries on, since a
/// batch selects only values whose prefix is not the current version. Each row is updated only if it still
/// holds the value read (a concurrent edit, written with the current key anyway, wins). Keyed hashes do not
/// change (the lookup key is not rotated), so lookups work throughout.
/// </summary>
public sealed class PersonalDataRotation(TalentHubDbContext db, PersonalDataProtector protector)
{
    /// <summary>Rows per batch (200: one short transaction each).</summary>
    public const int BatchSize = 200;

    /// <summary>Re-encrypts up to <paramref name="maxBatches"/> batches per encrypted table; returns the rows rewritten.</summary>
    public async Task<int> RunAsync(int maxBatches = 50, CancellationToken ct = default)
    {
        // A node with a newer key only staged (CurrentVersion below it) is mid-rotation: it must not rewrite
        // rows back to its older current key.
        if (protector.CurrentVersion != protector.Versions.Max()) return 0;
        var total = 0;
        foreach (var (table, key, columns) in EncryptedTables(db.Model))
            for (var batch = 0; batch < maxBatches; batch++)
            {
                var rows = await ReadBatchAsync(table, key, columns, ct);
                if (rows.Count == 0) break;
                foreach (var (id, values) in rows) total += await RewriteAsync(table, key, columns, id, values, ct);
            }
        return total;
    }

    /// <summary>How many rows still hold a value under an older key (0 when the rotation is complete).</summary>
    public async Task<int> CountOutdatedAsync(CancellationToken ct = default)
    {
        var count = 0;
        foreach (var (table, _, columns) in EncryptedTables(db.Model))
        {
            await using var command = await CommandAsync($"SELECT COUNT(*) FROM {Quote(table)} WHERE {Outdated(columns)}", ct);
            count += Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        return count;
    }

    private static IEnumerable<(string Table, string Key, string[] Columns)> EncryptedTables(IModel model) =>
        from type in model.GetEntityTypes()
        let columns = type.GetProperties().Where(p => p.FindAnnotation(EncryptedStringConverter.Annotation)?.Value is true)
            .Select(p => p.GetColumnName()).ToArray()
        where columns.Length > 0 && type.GetTableName() is not null
        select (type.GetTableName()!, type.FindPrimaryKey()!.Properties.Single().GetColumnName(), columns);

    private string Outdated(string[] columns) =>
        string.Join(" OR ", columns.Select(c => $"({Quote(c)} IS NOT NULL AND {Quote(c)} NOT LIKE '{protector.CurrentPrefix}%')"));

    private async Task<List<(object Id, string?[] Values)>> ReadBatchAsync(string table, string key, string[] columns, CancellationToken ct)
    {
        var sql = $"SELECT {Quote(key)}, {string.Join(", ", columns.Select(Quote))} FROM {Quote(table)} " +
                  $"WHERE {Outdated(columns)} ORDER BY {Quote(key)} LIMIT {BatchSize}";
        await using var command = await CommandAsync(sql, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(object, string?[])>();
        while (await reader.ReadAsync(ct))
            rows.Add((reader.GetValue(0), columns.Select((_, i) => reader.IsDBNull(i + 1) ? null : reader.GetString(i + 1)).ToArray()));
        return rows;
    }

    private async Task<int> RewriteAsync(string table, string key, string[] columns, object id, string?[] values, CancellationToken ct)
    {
        var changed = columns.Select((c, i) => (Column: c, Old: values[i]))
            .Where(v => v.Old is not null && !v.Old.StartsWith(protector.CurrentPrefix, StringComparison.Ordinal)).ToList();
        if (changed.Count == 0) return 0;
        var sets = string.Join(", ", changed.Select((c, i) => $"{Quote(c.Column)} = @n{i}"));
        var guards = string.Join(" AND ", changed.Select((c, i) => $"{Quote(c.Column)} = @o{i}"));
        await using var command = await CommandAsync($"UPDATE {Quote(table)} SET {sets} WHERE {Quote(key)} = @id AND {guards}", ct);
        Add(command, "id", id);
        for (var i = 0; i < changed.Count; i++)
        {
            Add(command, "n" + i, protector.Encrypt(protector.Decrypt(changed[i].Old!)));
            Add(command, "o" + i, changed[i].Old!);
        }
        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Identifiers come from the EF model only, never from input; quoted as both providers accept.</summary>
    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
