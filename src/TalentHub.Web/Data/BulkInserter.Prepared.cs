using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Data;

public sealed partial class BulkInserter
{
    /// <summary>
    /// The stored values of a chunk's records, computed ahead on another thread (issue 12, perf6a: the second core): every
    /// column's provider value (encryption and enum names included) and the audit text without the record's key, which
    /// only the insert knows. <see cref="Insert{T}"/> uses them for the records it finds here (by reference) and computes
    /// the rest itself, so a record gets exactly the values and audit text it would get without them.
    /// </summary>
    public sealed class PreparedRows
    {
        internal PreparedRows(IEntityType? type, Dictionary<object, PreparedRow> rows, TimeSpan elapsed)
        {
            Type = type;
            Rows = rows;
            Elapsed = elapsed;
        }

        internal IEntityType? Type { get; }

        internal Dictionary<object, PreparedRow> Rows { get; }

        /// <summary>How long computing them took (on the preparing thread).</summary>
        public TimeSpan Elapsed { get; }
    }

    /// <param name="Values">Provider values in the insert's column order (the batch column left null).</param>
    /// <param name="Changes">The audit text without the generated key (null: not audited, or computed at insert).</param>
    internal sealed record PreparedRow(object?[] Values, string? Changes);

    /// <summary>The chunk's values the next <see cref="Insert{T}"/> calls may use (set by the import's confirm; null: none).</summary>
    public PreparedRows? Prepared { get; set; }

    /// <summary>
    /// A function computing <see cref="PreparedRows"/> for a chunk of root records, safe to call on another thread while
    /// this inserter writes (it reads only the EF model, taken here on the caller's thread, the value converters and the
    /// records it is given, and stamps their <see cref="IStamped"/> times as the insert would).
    /// </summary>
    public Func<IReadOnlyList<object>, PreparedRows> Preparer()
    {
        var model = db.Model;
        return roots => Prepare(model, roots);
    }

    private PreparedRows Prepare(IModel model, IReadOnlyList<object> roots)
    {
        var started = Stopwatch.GetTimestamp();
        var rows = new Dictionary<object, PreparedRow>(roots.Count, ReferenceEqualityComparer.Instance);
        if (roots.Count == 0 || model.FindEntityType(roots[0].GetType()) is not { } type) return new(null, rows, TimeSpan.Zero);
        var generated = Generated(type);
        var columns = type.GetProperties().Where(p => p != generated).ToList();
        var batchColumn = type.FindProperty(ImportBatchFilter.Column);
        var now = clock.GetUtcNow();
        foreach (var entity in roots)
        {
            if (entity.GetType() != type.ClrType) continue;
            if (entity is IStamped stamped)
            {
                if (stamped.CreatedAt == default) stamped.CreatedAt = now;
                if (stamped.UpdatedAt == default) stamped.UpdatedAt = stamped.CreatedAt;
            }
            var row = new Row(entity, []);
            var values = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
                values[i] = columns[i] == batchColumn ? null : ToProvider(columns[i], ValueOf(columns[i], row));
            var changes = entity is IAudited && KeyComesFirst(type, generated)
                ? AuditInterceptor.Created(type, p => p == generated ? null : ValueOf(p, row))
                : null;
            rows[entity] = new PreparedRow(values, changes);
        }
        return new(type, rows, Stopwatch.GetElapsedTime(started));
    }

    private static IProperty? Generated(IEntityType type) =>
        type.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } only] ? only : null;

    /// <summary>The audit text lists the generated key first, so it can be put in front of the text computed ahead.</summary>
    private static bool KeyComesFirst(IEntityType type, IProperty? generated) =>
        generated is not null && type.GetProperties().First() == generated;

    /// <summary>The provider values computed ahead for <paramref name="row"/> of <paramref name="type"/>, if any.</summary>
    private object?[]? PreparedValues(IEntityType type, Row row) =>
        Prepared is { } prepared && prepared.Type == type && row.Fixed.Count == 0 && prepared.Rows.TryGetValue(row.Entity, out var found)
            ? found.Values : null;

    /// <summary>
    /// The audit text of a created record: the text computed ahead with the key put in front when there is one (the very
    /// text <see cref="AuditInterceptor.Created"/> gives: same serializer, key first), else computed now.
    /// </summary>
    private string? CreatedText(IEntityType type, Row row)
    {
        const int Room = 7_900; // far from AuditInterceptor's 8,000-character cut: splicing never meets it
        if (Prepared is { } prepared && prepared.Type == type && row.Fixed.Count == 0
            && prepared.Rows.TryGetValue(row.Entity, out var found) && found.Changes is { Length: < Room } rest
            && Generated(type) is { } key && ValueOf(key, row) is { } id)
        {
            var head = JsonSerializer.Serialize(new Dictionary<string, object?[]> { [key.Name] = [null, id] });
            return rest == "{}" ? head : string.Concat(head.AsSpan(0, head.Length - 1), ",", rest.AsSpan(1));
        }
        return AuditInterceptor.Created(type, p => ValueOf(p, row));
    }
}
