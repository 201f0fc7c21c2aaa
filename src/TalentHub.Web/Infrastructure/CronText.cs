using System.Globalization;
using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// Says a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, China Standard Time) in words
/// for the jobs console: "每天 02:30", "every 10 minutes". Shapes it does not know are returned as written.
/// </summary>
public static class CronText
{
    /// <summary>The expression in words in the current UI culture, or the expression itself when its shape is unusual.</summary>
    public static string Describe(string? cron, IStringLocalizer l)
    {
        if (string.IsNullOrWhiteSpace(cron)) return "—";
        var f = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length is < 6 or > 7 || (f.Length == 7 && f[6] != "*")) return cron;
        var (sec, min, hour, dom, month, dow) = (f[0], f[1], f[2], f[3], f[4], f[5]);
        var anyDay = (dom is "*" or "?") && (dow is "*" or "?") && month == "*";
        if (!anyDay && !(month == "*" && dom == "?" && Weekday(dow) is not null) && !(month == "*" && dow == "?" && Number(dom) is { } d0 && d0 is >= 1 and <= 31))
            return cron;

        if (anyDay)
        {
            if (Every(sec) is { } s && min == "*" && hour == "*") return l.Plural("Cron.EverySeconds", s);
            if (sec == "0" && (min == "*" || Every(min) == 1) && hour == "*") return l["Cron.EveryMinute"];
            if (sec == "0" && Every(min) is { } m && hour == "*") return l.Plural("Cron.EveryMinutes", m);
            if (sec == "0" && Number(min) is { } mm && hour == "*") return l["Cron.Hourly", mm.ToString("00", CultureInfo.InvariantCulture)];
            // "30 */5 * * * ?" (the certificate issuer), "0 12/15 * * * ?" (the key rotation): a step with an offset.
            if (Number(sec) is { } s0 && s0 <= 59 && hour == "*" && Step(min) is { } step)
            {
                var every = step.From == 0 ? l.Plural("Cron.EveryMinutes", step.Every) : l.Plural("Cron.EveryMinutesFrom", step.Every, step.Every, step.From);
                return s0 == 0 ? every : l["Cron.AtSecond", every.Value, s0];
            }
        }
        if (Number(sec) is not { } ss || Number(min) is not { } minute || Number(hour) is not { } h || h > 23 || minute > 59) return cron;
        var at = new TimeOnly(h, minute, Math.Min(ss, 59)).ToString(ss == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
        if (anyDay) return l["Cron.Daily", at];
        if (Weekday(dow) is { } day) return l["Cron.Weekly", l["Cron.Day." + day], at];
        return l["Cron.Monthly", Number(dom)!, at];
    }

    private static int? Number(string field) => int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>"*/10" or "0/10" → 10.</summary>
    private static int? Every(string field)
    {
        var parts = field.Split('/');
        return parts.Length == 2 && parts[0] is "*" or "0" && Number(parts[1]) is { } n && n > 0 ? n : null;
    }

    /// <summary>"*/5" → (0, 5); "12/15" → (12, 15): the first minute and the step, both within an hour.</summary>
    private static (int From, int Every)? Step(string field)
    {
        var parts = field.Split('/');
        if (parts.Length != 2 || Number(parts[1]) is not { } n || n is < 1 or > 59) return null;
        var from = parts[0] == "*" ? 0 : Number(parts[0]) ?? -1;
        return from is >= 0 and <= 59 ? (from, n) : null;
    }

    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>Quartz day of week: 1–7 (Sunday = 1) or SUN…SAT → the English day name used in resource keys.</summary>
    private static string? Weekday(string field)
    {
        var index = Number(field) is { } n && n is >= 1 and <= 7 ? n - 1 : Array.IndexOf(Days, field.ToUpperInvariant());
        return index < 0 ? null : ((DayOfWeek)index).ToString();
    }
}
