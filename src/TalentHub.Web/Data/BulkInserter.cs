using System.Collections;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Data;

/// <summary>
/// Writes many new records (with their owned and child records) in the caller's transaction, fast: one prepared
/// INSERT per table, reused row after row, with column names, value converters (encryption, enum names, SQLite's
/// UTC ticks) and parameter types taken from the EF model, so a row is stored exactly as EF would store it — only
/// without change tracking, per-statement batching and the audit interceptor's second save for keys
/// (issue 8, item 9; measured in README "Imports"). Stamps new <see cref="IStamped"/> rows like
/// <see cref="StampsInterceptor"/> and writes the same per-record audit rows as <see cref="AuditInterceptor"/>
/// (action Create, the county, the masked values, the new key), so a county still finds each created record.
/// </summary>
public sealed partial class BulkInserter(TalentHubDbContext db, CurrentActor actor, TimeProvider clock, Services.Spreadsheets.ImportOptions options,
    WalCheckpoints checkpoints)
{
    /// <summary>How often (rows) the insert loop looks at the cancellation token.</summary>
    private const int CheckEvery = 1_000;

    /// <summary>At most this many rows per multi-row INSERT.</summary>
    private const int RowsPerStatement = 100;

    /// <summary>
    /// Parameters per multi-row INSERT (far under SQLite's 32,766 and PostgreSQL's 65,535). Small on purpose: binding a
    /// named parameter looks its name up in a list (sqlite3_bind_parameter_index is a linear scan), so a statement of n
    /// parameters costs n² to bind; 100 audit rows of 11 columns made binding most of the audit insert (issue 12).
    /// </summary>
    private const int MaxParameters = 240;

    /// <summary>A record to write, the values its parent fixes (foreign keys) and the county its audit row carries.</summary>
    private sealed record Row(object Entity, Dictionary<IProperty, object?> Fixed, string? County = null);

    /// <summary>
    /// Inserts <paramref name="roots"/> and everything they own or hold in collections; sets their generated keys.
    /// Needs an open transaction (<see cref="DatabaseFacade.BeginTransactionAsync"/>). With <paramref name="batchId"/>
    /// every written row that has the <see cref="ImportBatchFilter.Column"/> (roots, children, audit rows) carries it,
    /// so nothing is visible before <see cref="ImportBatches.CommitAsync"/>, even after this transaction commits.
    /// </summary>
    /// <param name="skipTaken">
    /// When true, a root whose unique key (<typeparamref name="T"/>'s unique index of required columns; People:
    /// <c>IdNumberHash</c>) is already stored — registered meanwhile, or pending in another import — is not written
    /// (<c>ON CONFLICT (…) DO NOTHING</c> on SQLite and PostgreSQL), nor are its children or audit rows; it keeps no key.
    /// This replaces a look-up of every key before the insert (issue 12: ~0.5–0.9 s of a 100,000-row confirm).
    /// Throws <see cref="InvalidOperationException"/> for a type without such an index.
    /// </param>
    /// <returns>How many root records were written.</returns>
    public int Insert<T>(IReadOnlyList<T> roots, long? batchId, CancellationToken ct, bool skipTaken = false) where T : class
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInserter writes only inside a transaction.");
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var now = clock.GetUtcNow();
        var audits = new List<AuditEntry>();
        // SQLite's default page cache (2 MB) spills dirty index pages to the WAL in the middle of a large insert and
        // rereads them; a bigger cache for this connection while the import writes, then back to the default.
        if (!holding) Pragma(transaction.Connection, $"PRAGMA cache_size = -{ImportCacheKibibytes}", transaction);
        try
        {
            var written = InsertLevel(transaction, type, roots.Select(r => new Row(r, [])).ToList(), audits, batchId, now, ct, skipTaken);
            if (batchId is { } batch && written.Count > 0 && typeof(T) == typeof(Person))
                WriteGrams(transaction, batch, written.Select(r => (Person)r.Entity));
            InsertLevel(transaction, db.Model.FindEntityType(typeof(AuditEntry))!, audits.Select(a => new Row(a, [])).ToList(), null, batchId, now, ct);
            return written.Count;
        }
        finally
        {
            if (!holding) Pragma(transaction.Connection, DefaultCache, transaction);
        }
    }

    /// <summary>
    /// The name bigrams of pending people, which the insert trigger skips (migration <c>Perf5</c>): one set-based
    /// statement for the whole chunk (<see cref="ImportBatchGrams"/>), timed as "insert.PersonNameGrams".
    /// </summary>
    private void WriteGrams(DbTransaction transaction, long batchId, IEnumerable<Person> people)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        int min = int.MaxValue, max = int.MinValue;
        foreach (var person in people)
        {
            min = Math.Min(min, person.Id);
            max = Math.Max(max, person.Id);
        }
        ImportBatchGrams.Write(transaction, batchId, min, max);
        Stages?.Add("insert.PersonNameGrams", System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    /// <summary>When set (by an import's confirm), the insert time per table is added to it as "insert.&lt;table&gt;".</summary>
    public Services.Spreadsheets.ImportStageTimer? Stages { get; set; }

    private bool holding;
    private const string DefaultCache = "PRAGMA cache_size = -2000";

    /// <summary>SQLite's default <c>wal_autocheckpoint</c> (pages), which every other connection keeps.</summary>
    private const int DefaultCheckpointPages = 1000;

    /// <summary>
    /// Keeps one connection (with the import's page cache) open across the many short transactions of one import,
    /// so each chunk finds the indexes it writes already cached instead of starting cold; disposing puts the cache
    /// back to SQLite's default (2 MB) and lets the connection go back to the pool. Costs at most
    /// <see cref="ImportCacheKibibytes"/> of memory while an import is written.
    /// </summary>
    public async Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        // No automatic checkpoint after each chunk's commit on this connection: the chunks rewrite the same index pages
        // again and again, and copying the write-ahead log into the database (with its fsyncs) after every chunk was
        // about a third of the time spent writing (issue 12, perf5b: dotnet-trace, SqliteTransaction.Commit). One
        // passive checkpoint after the import lets the connection go copies each page once, in the background
        // (WalCheckpoints: the writes are committed by then; the confirm need not wait for the copy, issue 12, perf7b).
        var sqlite = db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection;
        Pragma(db.Database.GetDbConnection(), $"PRAGMA cache_size = -{ImportCacheKibibytes}; PRAGMA wal_autocheckpoint = 0");
        holding = true;
        return new Release(async () =>
        {
            holding = false;
            // Back to the default cache and checkpointing, and the pages the import cached handed back to the allocator
            // at once; then the log is copied once, off the request.
            try { Pragma(db.Database.GetDbConnection(), DefaultCache + $"; PRAGMA wal_autocheckpoint = {DefaultCheckpointPages}; PRAGMA shrink_memory"); }
            finally
            {
                await db.Database.CloseConnectionAsync();
                if (sqlite) checkpoints.Request();
            }
        });
    }

    private sealed class Release(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }

    /// <summary>Page cache (KiB) of the importing SQLite connection while it writes (<see cref="Services.Spreadsheets.ImportOptions.CacheMegabytes"/>).</summary>
    /// <remarks>
    /// 16 MB by default (was 8, 32 and 128 MB): measured at city scale (BENCHMARKS.md "perf4b", "import, perf5b"),
    /// a 10,000-row import's peak working set was 289 MB with SQLite's 2 MB default, 307 MB with 32 MB and 350 MB with
    /// 128 MB; once the name grams were no longer written one person at a time into random pages of their index and the
    /// log no longer checkpointed after every chunk, 8 MB peaked at 300 MB against 326 MB with 32 MB, at no more CPU.
    /// With the rest of the confirm cheaper, the People indexes' cache misses showed again (issue 12, "import, imp8a",
    /// 100,000 rows, 5 alternated runs each): confirm CPU 9.44 s with 8 MB, 8.54 s with 16 MB, ~8.4 s with 32 MB; peak
    /// 411 / 419 / 441 MB; a 10,000-row import's peak 239 / 253 / 266 MB.
    /// </remarks>
    private int ImportCacheKibibytes => options.CacheMegabytes * 1024;

    private static void Pragma(DbConnection? connection, string pragma, DbTransaction? transaction = null)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection sqlite) return;
        using var command = sqlite.CreateCommand();
        command.Transaction = transaction as Microsoft.Data.Sqlite.SqliteTransaction;
        command.CommandText = pragma;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> of <paramref name="type"/>, then their children; with <paramref name="skipTaken"/>
    /// rows whose unique key is taken are left out (see <see cref="Insert{T}"/>).
    /// </summary>
    /// <returns>The rows written (all of <paramref name="rows"/> unless <paramref name="skipTaken"/>).</returns>
    private List<Row> InsertLevel(DbTransaction transaction, IEntityType type, List<Row> rows, List<AuditEntry>? audits, long? batchId,
        DateTimeOffset now, CancellationToken ct, bool skipTaken = false)
    {
        if (rows.Count == 0) return rows;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var key = type.FindPrimaryKey()!;
        var generated = key.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } only] ? only : null;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Where(p => p != generated).ToList();
        var batchColumn = type.FindProperty(ImportBatchFilter.Column);
        var sql = ((IInfrastructure<IServiceProvider>)db).GetService<ISqlGenerationHelper>();

        // Many rows to a statement (issue 12: one statement per row cost ~45 µs of a row's ~60 µs at city scale) when the
        // keys can be known afterwards: no generated key, nobody needing it (no children, no audit rows), or a unique
        // index of required columns to match each returned key to its row (People: IdNumberHash; PersonCategory:
        // PersonId + Category). Otherwise one row at a time, reading its generated key back.
        var needKeys = generated is not null && (audits is not null || type.GetNavigations().Any(n => !n.IsOnDependent));
        // Skipping taken keys: the rows written are known by the keys RETURNING gives back, matched by the unique index the
        // conflict names; a row it does not give back was skipped.
        var conflict = !skipTaken ? null : generated is not null && MatchingIndex(type, columns) is { } unique ? unique
            : throw new InvalidOperationException($"{type.DisplayName()} has no generated key and unique index to skip taken rows by.");
        needKeys |= skipTaken;
        var kept = skipTaken ? new HashSet<Row>(ReferenceEqualityComparer.Instance) : null;
        var onConflict = conflict is null ? ""
            : " ON CONFLICT (" + string.Join(", ", conflict.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))) + ") DO NOTHING";
        // SQLite: one row per prepared statement, its key read from the connection (sqlite3_last_insert_rowid, the
        // INTEGER PRIMARY KEY) — no RETURNING reader, no matching, and binding stays cheap (issue 12, perf5b: with 240
        // parameters a statement, looking each one's name up in the statement's list was ~30 % of the insert time).
        var rowid = transaction.Connection is Microsoft.Data.Sqlite.SqliteConnection sqlite && generated?.ClrType is { } keyType
            && (keyType == typeof(int) || keyType == typeof(long)) && !skipTaken ? sqlite : null;
        var sqliteOneRow = transaction.Connection is Microsoft.Data.Sqlite.SqliteConnection;
        var matchBy = needKeys && rowid is null ? MatchingIndex(type, columns) : null;
        var perStatement = sqliteOneRow ? 1
            : !needKeys || matchBy is not null ? Math.Max(1, Math.Min(RowsPerStatement, MaxParameters / Math.Max(1, columns.Count)))
            : 1;
        var returning = needKeys && rowid is null;
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ("
            + string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))) + ") VALUES ";
        (DbCommand Command, List<DbParameter> Parameters) Build(int rowCount)
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            var parameters = new List<DbParameter>(rowCount * columns.Count);
            var values = new List<string>(rowCount);
            for (var r = 0; r < rowCount; r++)
            {
                var names = new List<string>(columns.Count);
                foreach (var column in columns)
                {
                    var parameter = column.GetRelationalTypeMapping().CreateParameter(command, "@p" + parameters.Count, null, column.IsNullable);
                    parameters.Add(parameter);
                    names.Add(parameter.ParameterName);
                }
                values.Add("(" + string.Join(", ", names) + ")");
            }
            command.Parameters.AddRange(parameters.ToArray());
            command.CommandText = head + string.Join(", ", values) + onConflict + (!returning ? "" : " RETURNING "
                + string.Join(", ", new[] { generated! }.Concat(matchBy ?? []).Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))));
            command.Prepare();
            return (command, parameters);
        }

        long valuesTicks = 0, executeTicks = 0, auditTicks = 0;
        // SQLite, when every column's stored type is one the raw binder writes exactly as Microsoft.Data.Sqlite would:
        // many rows to a statement bound by position (BulkInserter.Sqlite.cs).
        if (transaction.Connection is Microsoft.Data.Sqlite.SqliteConnection raw && SqliteRows.Supports(columns)
            && (!needKeys || MatchingIndex(type, columns) is not null))
        {
            var ticks = InsertSqlite(raw, head, onConflict, sql, table, type, columns, batchColumn, needKeys ? generated : null,
                needKeys ? MatchingIndex(type, columns) : null, rows, audits, kept, batchId, now, ct);
            (valuesTicks, executeTicks, auditTicks) = ticks;
        }
        else
        {
            var full = Build(Math.Min(perStatement, rows.Count));
            (DbCommand Command, List<DbParameter> Parameters)? tail = null;
            try
            {
                for (var start = 0; start < rows.Count; start += perStatement)
                {
                    if (start / perStatement % Math.Max(1, CheckEvery / perStatement) == 0) ct.ThrowIfCancellationRequested();
                    var group = rows.GetRange(start, Math.Min(perStatement, rows.Count - start));
                    var (command, parameters) = group.Count == full.Parameters.Count / columns.Count ? full : (tail ??= Build(group.Count));
                    var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                    for (var r = 0; r < group.Count; r++)
                    {
                        var row = group[r];
                        Stamp(row.Entity, now);
                        for (var i = 0; i < columns.Count; i++)
                            parameters[r * columns.Count + i].Value =
                                (columns[i] == batchColumn ? batchId : ToProvider(columns[i], ValueOf(columns[i], row))) ?? DBNull.Value;
                    }
                    var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
                    if (!returning)
                    {
                        command.ExecuteNonQuery();
                        if (needKeys) SetValue(generated!, group[0].Entity, Convert.ChangeType(
                            SQLitePCL.raw.sqlite3_last_insert_rowid(rowid!.Handle), generated!.ClrType, CultureInfo.InvariantCulture));
                    }
                    else if (matchBy is null) SetValue(generated!, group[0].Entity, Convert.ChangeType(command.ExecuteScalar()!, generated!.ClrType, CultureInfo.InvariantCulture));
                    else SetKeys(command, generated!, matchBy, group, kept);
                    var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
                    if (audits is not null)
                        foreach (var row in group.Where(g => g.Entity is IAudited && (kept is null || kept.Contains(g)))) audits.Add(AuditOf(type, row, now));
                    valuesTicks += t1 - t0;
                    executeTicks += t2 - t1;
                    auditTicks += System.Diagnostics.Stopwatch.GetTimestamp() - t2;
                }
            }
            finally
            {
                full.Command.Dispose();
                tail?.Command.Dispose();
            }
        }
        Stages?.Add("insert." + table.Name, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        Stages?.Add("  values." + table.Name, TimeSpan.FromSeconds(valuesTicks / (double)System.Diagnostics.Stopwatch.Frequency));
        Stages?.Add("  execute." + table.Name, TimeSpan.FromSeconds(executeTicks / (double)System.Diagnostics.Stopwatch.Frequency));
        Stages?.Add("  auditText." + table.Name, TimeSpan.FromSeconds(auditTicks / (double)System.Diagnostics.Stopwatch.Frequency));
        if (kept is not null)
        {
            // A skipped row keeps no key (a retried chunk may have given it one before rolling back).
            var none = Activator.CreateInstance(generated!.ClrType)!;
            foreach (var row in rows.Where(r => !kept.Contains(r))) SetValue(generated, row.Entity, none);
            rows = rows.Where(kept.Contains).ToList();
        }
        foreach (var navigation in type.GetNavigations().Where(n => !n.IsOnDependent))
            InsertLevel(transaction, navigation.TargetEntityType, Children(navigation, rows), audits, batchId, now, ct);
        return rows;
    }

    /// <summary>
    /// A unique, unfiltered index of required, non-generated columns: its values identify a row among the rows a
    /// multi-row INSERT … RETURNING gives back (in no promised order on SQLite or PostgreSQL).
    /// </summary>
    private static IReadOnlyList<IProperty>? MatchingIndex(IEntityType type, List<IProperty> columns) =>
        type.GetIndexes().FirstOrDefault(i => i.IsUnique && i.GetFilter() is null
            && i.Properties.All(p => !p.IsNullable && columns.Contains(p)))?.Properties;

    /// <summary>
    /// Sets each row's generated key from the rows RETURNING gave back, matched by <paramref name="matchBy"/>; with
    /// <paramref name="kept"/> (rows whose key was taken are skipped) fewer may come back and those that do are added to it.
    /// </summary>
    private static void SetKeys(DbCommand command, IProperty generated, IReadOnlyList<IProperty> matchBy, List<Row> group, HashSet<Row>? kept)
    {
        var byMatch = new Dictionary<string, Row>(group.Count);
        foreach (var row in group)
            if (!byMatch.TryAdd(RowMatchKey(matchBy, row), row))
                throw new InvalidOperationException($"Two {generated.DeclaringType.DisplayName()} rows of one insert share a unique key.");
        using var reader = command.ExecuteReader();
        var set = 0;
        while (reader.Read())
        {
            var match = matchBy.Count == 1 ? MatchKey(reader.GetValue(1)) : MatchKey(Enumerable.Range(1, matchBy.Count).Select(reader.GetValue));
            SetValue(generated, byMatch[match].Entity, Convert.ChangeType(reader.GetValue(0), generated.ClrType, CultureInfo.InvariantCulture));
            kept?.Add(byMatch[match]);
            set++;
        }
        if (kept is null && set != group.Count) throw new InvalidOperationException($"INSERT returned {set} keys for {group.Count} rows.");
    }

    /// <summary>
    /// A row's key for matching the keys RETURNING gives back: its provider values of <paramref name="matchBy"/>, as
    /// <see cref="MatchKey(IEnumerable{object?})"/> writes them; one column (People's <c>IdNumberHash</c>) without the
    /// join and its iterators (issue 12, imp8a: ~3 % of a 100,000-row confirm in dotnet-trace).
    /// </summary>
    private static string RowMatchKey(IReadOnlyList<IProperty> matchBy, Row row) => matchBy.Count == 1
        ? MatchKey(ToProvider(matchBy[0], ValueOf(matchBy[0], row)))
        : MatchKey(matchBy.Select(p => ToProvider(p, ValueOf(p, row))));

    /// <summary>One column's match key: the value as invariant text (what <see cref="MatchKey(IEnumerable{object?})"/> joins).</summary>
    private static string MatchKey(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static string MatchKey(IEnumerable<object?> values) =>
        string.Join('\u001f', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    /// <summary>The records a navigation holds, each told its parent's key through the foreign key.</summary>
    private static List<Row> Children(INavigation navigation, List<Row> parents)
    {
        var children = new List<Row>();
        var foreignKey = navigation.ForeignKey;
        foreach (var parent in parents)
        {
            var value = navigation.GetGetter().GetClrValue(parent.Entity);
            var items = navigation.IsCollection ? ((IEnumerable?)value)?.Cast<object>() ?? [] : value is null ? [] : [value];
            foreach (var item in items)
            {
                var fixedValues = new Dictionary<IProperty, object?>();
                for (var i = 0; i < foreignKey.Properties.Count; i++)
                    fixedValues[foreignKey.Properties[i]] = ValueOf(foreignKey.PrincipalKey.Properties[i], parent);
                children.Add(new Row(item, fixedValues, CountyOf(parent)));
            }
        }
        return children;
    }

    /// <summary>
    /// The county a row's audit row carries: its own (<see cref="AuditCounty.Own"/>) or its parent's, so an imported
    /// person's categories and venture carry the person's county like the interceptor gives them (<see cref="AuditCounty"/>).
    /// </summary>
    private static string? CountyOf(Row row) => AuditCounty.Own(row.Entity) ?? row.County;

    private static object? ValueOf(IProperty property, Row row)
    {
        if (row.Fixed.TryGetValue(property, out var value)) return value;
        return property.IsShadowProperty() ? null : property.GetGetter().GetClrValue(row.Entity);
    }

    private static object? ToProvider(IProperty property, object? value) =>
        value is null ? null : property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;

    private static void SetValue(IProperty property, object entity, object value)
    {
        if (property.FieldInfo is { } field) field.SetValue(entity, value);
        else property.PropertyInfo?.SetValue(entity, value);
    }

    /// <summary>Creation and update times as <see cref="StampsInterceptor"/> sets them, for rows written around EF.</summary>
    private static void Stamp(object entity, DateTimeOffset now)
    {
        if (entity is not IStamped stamped) return;
        if (stamped.CreatedAt == default) stamped.CreatedAt = now;
        if (stamped.UpdatedAt == default) stamped.UpdatedAt = stamped.CreatedAt;
    }

    private AuditEntry AuditOf(IEntityType type, Row row, DateTimeOffset now)
    {
        var key = type.FindPrimaryKey()!.Properties.Select(p => ValueOf(p, row));
        return new AuditEntry
        {
            At = now,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = AuditAction.Create,
            EntityType = type.ClrType.Name,
            EntityId = string.Join(",", key),
            CountyCode = CountyOf(row),
            Changes = AuditInterceptor.Created(type, p => ValueOf(p, row)),
        };
    }
}
