namespace TalentHub.Web.Domain.Reports;

/// <summary>
/// One county's year-to-date value of one indicator at the end of one Asia/Shanghai day, written by the nightly
/// snapshot job (unique per day, county and indicator, so a second run rewrites the same row).
/// </summary>
public sealed class IndicatorSnapshot
{
    public int Id { get; private set; }
    public DateOnly Day { get; init; }
    public required string CountyCode { get; init; }
    public Indicator Indicator { get; init; }
    /// <summary>Count or percentage (see <see cref="Indicator"/>); null for a rate with nothing due.</summary>
    public decimal? Value { get; set; }
    public DateTimeOffset WrittenAt { get; set; }
}
