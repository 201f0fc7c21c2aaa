namespace TalentHub.Web.Domain.Common;

/// <summary>
/// The years the product plans and reports for: targets, programmes, dispatch months and the course calendar accept a
/// year (or a month of a year) from <see cref="First"/> to <see cref="Last"/>, one range for every such field.
/// </summary>
public static class PlanningYears
{
    /// <summary>The first year (the earliest targets set).</summary>
    public const int First = 2000;

    /// <summary>The last year.</summary>
    public const int Last = 2100;

    /// <summary>True when <paramref name="year"/> is from <see cref="First"/> to <see cref="Last"/>.</summary>
    public static bool Contains(int year) => year is >= First and <= Last;
}
