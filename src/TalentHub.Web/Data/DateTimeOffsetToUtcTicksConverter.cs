using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TalentHub.Web.Data;

/// <summary>
/// An instant as its UTC ticks (100-ns units since 0001-01-01 UTC) for SQLite, which cannot order or compare
/// DateTimeOffset text; read back at offset 0, so the original offset is not kept.
/// </summary>
public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));

/// <summary>The same instant at offset 0 (PostgreSQL's timestamptz accepts nothing else from Npgsql).</summary>
public sealed class DateTimeOffsetToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
