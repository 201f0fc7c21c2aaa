using System.Globalization;

namespace TalentHub.Web.Infrastructure;

/// <summary>Instants are stored in UTC and shown in China Standard Time.</summary>
public static class ShanghaiTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The same instant at Asia/Shanghai's offset (+08:00, no daylight saving), for showing and for calendar-day arithmetic.</summary>
    public static DateTimeOffset ToShanghai(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The calendar date in Asia/Shanghai at the clock's current instant (the one "today" for dates of birth and past events).</summary>
    public static DateOnly ShanghaiToday(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToShanghai().DateTime);

    /// <summary>Date and 24-hour time in China Standard Time; <paramref name="seconds"/> adds ":ss" (job runs).</summary>
    public static string FormatDateTime(DateTimeOffset? instant, bool seconds = false)
    {
        if (instant is null) return "—";
        var local = instant.Value.ToShanghai();
        var time = seconds ? "HH:mm:ss" : "HH:mm";
        return CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal)
            ? local.ToString("yyyy年M月d日 " + time, CultureInfo.InvariantCulture)
            : local.ToString("d MMM yyyy " + time, CultureInfo.InvariantCulture);
    }

    /// <summary>The month of <paramref name="date"/> as "2026年11月" in zh-CN or "Nov 2026" in English (a report's month).</summary>
    public static string FormatMonth(DateOnly date) =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal)
            ? date.ToString("yyyy年M月", CultureInfo.InvariantCulture)
            : date.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A calendar date as "2027年3月5日" in zh-CN or "5 Mar 2027" in English; "—" for null.</summary>
    public static string FormatDate(DateOnly? date)
    {
        if (date is null) return "—";
        return CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal)
            ? date.Value.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
            : date.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
    }
}
