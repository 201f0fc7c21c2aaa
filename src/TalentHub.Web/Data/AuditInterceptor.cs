using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Data;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every create, update, status change and delete of an
/// <see cref="IAudited"/> entity, in the same SaveChanges. Encrypted values are recorded masked and
/// keyed hashes not at all. Keys of new rows are filled in right after the save.
/// </summary>
public sealed class AuditInterceptor(CurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    // A session's check-in secret is the seed of its codes (never written anywhere else) and its reminder stamp is the job's bookkeeping.
    internal static readonly HashSet<string> Skipped = ["Version", "IdNumberHash", "MobileHash", "MobileTail", "CheckInSecret", "RemindedAt"];
    private readonly ConditionalWeakTable<DbContext, List<(AuditEntry Audit, EntityEntry Entry)>> _pendingKeys = new();

    /// <summary>New entities whose creation a service records itself (<see cref="AuditLog.RecordsCreationOf"/>): no second row.</summary>
    internal static readonly ConditionalWeakTable<object, object> CreationRecordedByHand = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) RecordAsync(context, async: false, default).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) await RecordAsync(context, async: true, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && FillKeys(context)) context.SaveChanges();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && FillKeys(context)) await context.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>Adds the audit rows of this save; <paramref name="async"/> false only on the synchronous path (no await then).</summary>
    private async ValueTask RecordAsync(DbContext context, bool async, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var pending = new List<(AuditEntry, EntityEntry)>();
        var audited = context.ChangeTracker.Entries().Where(e => e.Entity is IAudited).ToList();
        var counties = new AuditCounty.Resolver(context, audited);
        foreach (var entry in audited)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.State == EntityState.Added && CreationRecordedByHand.TryGetValue(entry.Entity, out _)) continue;
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            var audit = new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                Action = entry.State switch
                {
                    EntityState.Added => AuditAction.Create,
                    EntityState.Deleted => AuditAction.Delete,
                    _ when changes.ContainsKey("Status") => AuditAction.StatusChange,
                    _ => AuditAction.Update,
                },
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                CountyCode = await counties.OfAsync(entry, async, ct),
                Changes = Serialize(changes),
            };
            context.Add(audit);
            if (entry.State == EntityState.Added) pending.Add((audit, entry));
        }
        if (pending.Count > 0) _pendingKeys.AddOrUpdate(context, pending);
    }

    private bool FillKeys(DbContext context)
    {
        if (!_pendingKeys.TryGetValue(context, out var pending)) return false;
        _pendingKeys.Remove(context);
        foreach (var (audit, entry) in pending) audit.EntityId = KeyOf(entry);
        return true;
    }

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()?.Properties.Select(p => entry.Property(p.Name));
        return key is null || key.Any(p => p.IsTemporary) ? null : string.Join(",", key.Select(p => p.CurrentValue));
    }

    private static Dictionary<string, object?[]> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Skipped.Contains(name) || property.IsTemporary || property.Metadata.IsShadowProperty() && !property.Metadata.IsForeignKey()) continue;
            var before = entry.State == EntityState.Added ? null : property.OriginalValue;
            var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (entry.State == EntityState.Modified && Equals(before, after)) continue;
            if (entry.State == EntityState.Added && after is null) continue;
            changes[name] = [Show(property.Metadata, before), Show(property.Metadata, after)];
        }
        return changes;
    }

    /// <summary>
    /// The audit text of a record created without the change tracker (<see cref="BulkInserter"/>): the same
    /// { "Property": [null, value] } shape, values masked the same way, keys and foreign keys included.
    /// </summary>
    /// <remarks>
    /// Written straight to a reused <see cref="Utf8JsonWriter"/> (same default encoder, so the same text, byte for byte, as
    /// serializing the dictionary <see cref="Changes"/> builds): an import writes one per record, and the dictionary, its
    /// growth and the serializer's object walk were ~10 % of a 100,000-row confirm in dotnet-trace (issue 12, imp8a).
    /// </remarks>
    internal static string Created(IEntityType type, Func<IProperty, object?> valueOf)
    {
        var buffer = createdBuffer ??= new System.Buffers.ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = createdWriter ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder });
        json.Reset(buffer);
        json.WriteStartObject();
        foreach (var property in type.GetProperties())
        {
            if (Skipped.Contains(property.Name) || property.IsShadowProperty() && !property.IsForeignKey()) continue;
            if (valueOf(property) is not { } value) continue;
            json.WritePropertyName(property.Name);
            json.WriteStartArray();
            json.WriteNullValue();
            switch (Show(property, value))
            {
                case string text: json.WriteStringValue(text); break;
                case null: json.WriteNullValue(); break;
                case var other: JsonSerializer.Serialize(json, other, other.GetType()); break;
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.Flush();
        var written = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (written.Length <= MaxLength) return written;
        var changes = new Dictionary<string, object?[]>();
        foreach (var property in type.GetProperties())
        {
            if (Skipped.Contains(property.Name) || property.IsShadowProperty() && !property.IsForeignKey()) continue;
            if (valueOf(property) is { } value) changes[property.Name] = [null, Show(property, value)];
        }
        return Serialize(changes);
    }

    /// <summary>
    /// Writes Chinese and other letters as themselves, not <c>\uXXXX</c> (review14: the audit page showed <c>\u5B89</c>);
    /// the HTML-sensitive characters (&lt; &gt; &amp; quotes) stay escaped, and the page encodes on output as well.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The length of the <see cref="AuditEntry.Changes"/> column.</summary>
    private const int MaxLength = 8000;

    /// <summary>
    /// The stored text of <paramref name="changes"/>: their JSON within the column's <see cref="MaxLength"/> characters.
    /// When it is longer, the longest texts are shortened, each ending in "…" (to 1,000 characters, then halving), so the
    /// entry stays JSON that the audit page shows field by field. Review13: such an entry was cut at 7,990 characters and
    /// shown on /Admin/Audit as raw, broken JSON; the default encoder writes each Chinese character as <c>\uXXXX</c>, so a
    /// 1,000-character note changed is ~12,000 characters, and every dispatch report's frozen figures are longer still.
    /// </summary>
    internal static string Serialize(Dictionary<string, object?[]> changes)
    {
        var json = JsonSerializer.Serialize(changes, Json);
        for (var cap = 1000; json.Length > MaxLength && cap >= 20; cap /= 2)
        {
            foreach (var values in changes.Values)
                for (var i = 0; i < values.Length; i++)
                    if (values[i] is string text && text.Length > cap)
                        values[i] = text[..(char.IsHighSurrogate(text[cap - 1]) ? cap - 1 : cap)] + "…";
            json = JsonSerializer.Serialize(changes, Json);
        }
        return Truncate(json);
    }

    /// <summary>The buffer and writer <see cref="Created"/> reuses, one pair per thread.</summary>
    [ThreadStatic] private static System.Buffers.ArrayBufferWriter<byte>? createdBuffer;
    [ThreadStatic] private static Utf8JsonWriter? createdWriter;

    private static object? Show(IReadOnlyProperty property, object? value)
    {
        if (value is byte[] bytes) return $"{bytes.Length} bytes";
        if (value is not string text || !EncryptedStringConverter.IsEncrypted(property))
            return value is Enum ? value.ToString() : value;
        return property.Name switch
        {
            var n when n.Contains("IdNumber", StringComparison.Ordinal) => Masking.IdNumber(text),
            var n when n.Contains("Mobile", StringComparison.Ordinal) => Masking.Mobile(text),
            _ => "***",
        };
    }

    private static string Truncate(string json) => json.Length <= MaxLength ? json : json[..(MaxLength - 10)] + "…";
}
