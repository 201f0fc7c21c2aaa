using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.Web.Services;

/// <summary>
/// Re-encrypts everything written under an older personal-data key version with the current one (issue 15), so
/// the older version can be retired: every encrypted column of the model (the registry's identifiers and Identity's
/// tokens — staff authenticator secrets and recovery codes, <see cref="EncryptedStringConverter.IsEncrypted"/>), and
/// the wrapping of the data-protection key ring (<see cref="KeyRingRewrap"/>) in the database and in the data
/// directory. Batches each commit on their own: stopping anywhere loses nothing and the next run carries on, since a
/// batch selects only values whose prefix is not the current version. Each row is updated only if it still holds
/// the value read (a concurrent edit, written with the current key anyway, wins). Keyed hashes do not change (the
/// lookup key is not rotated), so lookups work throughout.
/// </summary>
public sealed class PersonalDataRotation(TalentHubDbContext db, PersonalDataProtector protector, DataDirectory? data = null)
{
    /// <summary>Rows per batch (200: one short transaction each).</summary>
    public const int BatchSize = 200;

    /// <summary>Re-encrypts up to <paramref name="maxBatches"/> batches per encrypted table, then the key ring; returns the values rewritten.</summary>
    public async Task<int> RunAsync(int maxBatches = 50, CancellationToken ct = default)
    {
        // A node with a newer key only staged (CurrentVersion below it) is mid-rotation: it must not rewrite
        // rows back to its older current key.
        if (protector.CurrentVersion != protector.Versions.Max()) return 0;
        await using var open = await db.Database.OpenScopeAsync(ct);
        var total = 0;
        foreach (var table in EncryptedTables(db.Model))
            for (var batch = 0; batch < maxBatches; batch++)
            {
                var rows = await ReadBatchAsync(table, ct);
                if (rows.Count == 0) break;
                foreach (var (keys, values) in rows) total += await RewriteAsync(table, keys, values, ct);
            }
        return total + await RewrapKeyRingAsync(ct);
    }

    /// <summary>How many rows or ring keys still hold a value under an older key (0 when the rotation is complete).</summary>
    public async Task<int> CountOutdatedAsync(CancellationToken ct = default)
    {
        await using var open = await db.Database.OpenScopeAsync(ct);
        var count = 0;
        foreach (var table in EncryptedTables(db.Model))
            count += await CountAsync($"SELECT COUNT(*) FROM {Quote(table.Name)} WHERE {Outdated(table.Columns)}", [], ct);
        return count + (await KeyRingVersionsAsync(ct)).Count(v => v != protector.CurrentVersion);
    }

    /// <summary>
    /// How many values are stored under key version <paramref name="version"/>, by where they are ("People: 12",
    /// "key ring: 1"); empty when none, i.e. the version may be retired. Reads the stored prefix only, so a node
    /// without that key can count.
    /// </summary>
    public async Task<IReadOnlyList<string>> UsesOfAsync(int version, CancellationToken ct = default)
    {
        await using var open = await db.Database.OpenScopeAsync(ct);
        var uses = new List<string>();
        var prefix = PersonalDataProtector.PrefixOf(version) + "%";
        foreach (var table in EncryptedTables(db.Model))
        {
            var where = string.Join(" OR ", table.Columns.Select(c => $"{Quote(c)} LIKE @prefix"));
            var count = await CountAsync($"SELECT COUNT(*) FROM {Quote(table.Name)} WHERE {where}", [("prefix", prefix)], ct);
            if (count > 0) uses.Add($"{table.Name}: {count}");
        }
        var ring = (await KeyRingVersionsAsync(ct)).Count(v => v == version);
        if (ring > 0) uses.Add($"data-protection key ring: {ring}");
        return uses;
    }

    private sealed record Table(string Name, string[] Keys, string[] Columns);

    private static IEnumerable<Table> EncryptedTables(IModel model) =>
        from type in model.GetEntityTypes()
        let columns = type.GetProperties().Where(EncryptedStringConverter.IsEncrypted).Select(p => p.GetColumnName()).ToArray()
        where columns.Length > 0 && type.GetTableName() is not null
        select new Table(type.GetTableName()!, type.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()).ToArray(), columns);

    private string Outdated(string[] columns) =>
        string.Join(" OR ", columns.Select(c => $"({Quote(c)} IS NOT NULL AND {Quote(c)} NOT LIKE '{protector.CurrentPrefix}%')"));

    private async Task<List<(object[] Keys, string?[] Values)>> ReadBatchAsync(Table table, CancellationToken ct)
    {
        var keys = string.Join(", ", table.Keys.Select(Quote));
        var sql = $"SELECT {keys}, {string.Join(", ", table.Columns.Select(Quote))} FROM {Quote(table.Name)} " +
                  $"WHERE {Outdated(table.Columns)} ORDER BY {keys} LIMIT {BatchSize}";
        await using var command = Command(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(object[], string?[])>();
        var n = table.Keys.Length;
        while (await reader.ReadAsync(ct))
            rows.Add((table.Keys.Select((_, i) => reader.GetValue(i)).ToArray(),
                table.Columns.Select((_, i) => reader.IsDBNull(n + i) ? null : reader.GetString(n + i)).ToArray()));
        return rows;
    }

    private async Task<int> RewriteAsync(Table table, object[] keys, string?[] values, CancellationToken ct)
    {
        var changed = table.Columns.Select((c, i) => (Column: c, Old: values[i]))
            .Where(v => v.Old is not null && !v.Old.StartsWith(protector.CurrentPrefix, StringComparison.Ordinal)).ToList();
        if (changed.Count == 0) return 0;
        var sets = string.Join(", ", changed.Select((c, i) => $"{Quote(c.Column)} = @n{i}"));
        var guards = string.Join(" AND ", table.Keys.Select((k, i) => $"{Quote(k)} = @k{i}")
            .Concat(changed.Select((c, i) => $"{Quote(c.Column)} = @o{i}")));
        await using var command = Command($"UPDATE {Quote(table.Name)} SET {sets} WHERE {guards}");
        for (var i = 0; i < keys.Length; i++) Add(command, "k" + i, keys[i]);
        for (var i = 0; i < changed.Count; i++)
        {
            Add(command, "n" + i, protector.Encrypt(protector.Decrypt(changed[i].Old!)));
            Add(command, "o" + i, changed[i].Old!);
        }
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The ring's keys in <c>DataProtectionKeys</c> (PostgreSQL) and in the data directory's key files (SQLite).</summary>
    private async Task<int> RewrapKeyRingAsync(CancellationToken ct)
    {
        var count = 0;
        foreach (var key in await db.DataProtectionKeys.Where(k => k.Xml != null).ToListAsync(ct))
            if (KeyRingRewrap.Rewrap(key.Xml!, protector) is { } xml)
            {
                // Only if no other node rewrapped it meanwhile (the same key inside, so either wrapping is right).
                count += await db.DataProtectionKeys.Where(k => k.Id == key.Id && k.Xml == key.Xml)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.Xml, xml), ct);
            }
        foreach (var file in KeyFiles())
            if (KeyRingRewrap.Rewrap(await File.ReadAllTextAsync(file, ct), protector) is { } xml)
            {
                var temporary = file + ".rewrap";
                await File.WriteAllTextAsync(temporary, xml, ct);
                File.Move(temporary, file, overwrite: true);
                count++;
            }
        return count;
    }

    private async Task<List<int>> KeyRingVersionsAsync(CancellationToken ct)
    {
        var xmls = await db.DataProtectionKeys.Where(k => k.Xml != null).Select(k => k.Xml!).ToListAsync(ct);
        foreach (var file in KeyFiles()) xmls.Add(await File.ReadAllTextAsync(file, ct));
        return xmls.SelectMany(KeyRingRewrap.Versions).ToList();
    }

    private IEnumerable<string> KeyFiles() =>
        data is null ? [] : Directory.EnumerateFiles(data.Keys, "key-*.xml").Order(StringComparer.Ordinal).ToList();

    private async Task<int> CountAsync(string sql, (string Name, object Value)[] parameters, CancellationToken ct)
    {
        await using var command = Command(sql);
        foreach (var (name, value) in parameters) Add(command, name, value);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A command on the context's connection, which the public method running it opened (<see cref="ConnectionScope"/>).</summary>
    private DbCommand Command(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
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
