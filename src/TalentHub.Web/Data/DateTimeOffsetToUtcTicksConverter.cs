using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TalentHub.Web.Data;

public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
