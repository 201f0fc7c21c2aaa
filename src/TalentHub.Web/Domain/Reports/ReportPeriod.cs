using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Domain.Reports;

/// <summary>A half-open span of instants [<see cref="Start"/>, <see cref="End"/>) cut at Asia/Shanghai midnights.</summary>
public readonly record struct ReportPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The Shanghai calendar year.</summary>
    public static ReportPeriod Year(int year) => new(Midnight(new DateOnly(year, 1, 1)), Midnight(new DateOnly(year + 1, 1, 1)));

    /// <summary>The Shanghai calendar month.</summary>
    public static ReportPeriod Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(Midnight(first), Midnight(first.AddMonths(1)));
    }

    /// <summary>From 1 January of <paramref name="year"/> to <paramref name="asOf"/> (not past the year's end).</summary>
    public static ReportPeriod YearToDate(int year, DateTimeOffset asOf)
    {
        var y = Year(year);
        return new(y.Start, asOf < y.End ? (asOf < y.Start ? y.Start : asOf) : y.End);
    }

    /// <summary>The instant a Shanghai calendar day begins.</summary>
    public static DateTimeOffset Midnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ShanghaiTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The Shanghai calendar date of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToShanghai().DateTime);
}
