namespace TalentHub.Web.Domain.Reports;

/// <summary>
/// The one model of targets (PRODUCT.md §7): per year, county and indicator, set by the CityOfficer. A program's
/// per-county trainee target is the same row with <see cref="ProgramId"/> set (indicator PeopleTrained).
/// </summary>
public sealed class AnnualTarget : IAudited
{
    public int Id { get; private set; }
    /// <summary>Calendar year (Asia/Shanghai).</summary>
    public int Year { get; init; }
    public required string CountyCode { get; init; }
    public Indicator Indicator { get; init; }
    /// <summary>Null for the county's own target; set for a program's county target.</summary>
    public int? ProgramId { get; private set; }
    /// <summary>A count, or a percentage for <see cref="Indicator.FollowUpRate"/>.</summary>
    public decimal Value { get; private set; }

    /// <summary>
    /// The largest count target: the cap of a programme's trainee target (ProgramInput), so a county's target cannot be
    /// set to a figure no county reaches (review12: 99999999999999999999999 was accepted).
    /// </summary>
    public const decimal MaxCount = 1_000_000;

    /// <summary>
    /// Sets the value: not negative; a rate (%) at most 100 with at most one decimal; a count a whole number of at most
    /// <see cref="MaxCount"/>. Throws <see cref="DomainException"/> (key Target.Negative, Target.RateOver100,
    /// Target.RateOneDecimal, Target.WholeNumber, Target.OverMax).
    /// </summary>
    public void SetValue(decimal value)
    {
        if (value < 0) throw new DomainException("Target.Negative", nameof(Value));
        if (!Indicator.IsRate() && value > MaxCount) throw new DomainException("Target.OverMax", nameof(Value));
        if (Indicator.IsRate() && value > 100) throw new DomainException("Target.RateOver100", nameof(Value));
        if (!Indicator.IsRate() && value != decimal.Truncate(value)) throw new DomainException("Target.WholeNumber", nameof(Value));
        if (Indicator.IsRate() && value != decimal.Round(value, 1)) throw new DomainException("Target.RateOneDecimal", nameof(Value));
        Value = value;
    }

    /// <summary>A new target with a checked value.</summary>
    public static AnnualTarget Create(int year, string countyCode, Indicator indicator, decimal value, int? programId = null)
    {
        if (year is < 2000 or > 2100) throw new DomainException("Target.Year", nameof(Year));
        var target = new AnnualTarget { Year = year, CountyCode = countyCode, Indicator = indicator, ProgramId = programId };
        target.SetValue(value);
        return target;
    }
}
