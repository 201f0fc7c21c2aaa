namespace TalentHub.Web.Domain.Reports;

/// <summary>"时间过半、任务过半": the share of a year's target expected done by a date, and how a county stands against it.</summary>
public static class Schedule
{
    /// <summary>
    /// Expected share (0–1) of an annual count target by the end of <paramref name="day"/>: days elapsed (including
    /// the day) over days in the year. A rate target is expected in full at any date (1).
    /// </summary>
    public static decimal ExpectedShare(DateOnly day, int year, Indicator indicator)
    {
        if (indicator.IsRate()) return 1m;
        if (day.Year < year) return 0m;
        if (day.Year > year) return 1m;
        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        return Math.Round((decimal)day.DayOfYear / days, 4);
    }

    /// <summary>Actual share (0–…) of the target; null when there is no positive target or no value.</summary>
    public static decimal? ActualShare(decimal? actual, decimal? target) =>
        actual is null || target is null or <= 0 ? null : Math.Round(actual.Value / target.Value, 4);

    /// <summary>
    /// How far behind schedule (percentage points, positive = behind) the actual share is; null when not judged.
    /// A county is lagging on an indicator when this is above zero.
    /// </summary>
    public static decimal? PointsBehind(decimal? actualShare, decimal expectedShare) =>
        actualShare is null ? null : Math.Round((expectedShare - actualShare.Value) * 100, 1);
}
