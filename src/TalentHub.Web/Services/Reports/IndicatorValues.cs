using TalentHub.Web.Domain.Reports;

namespace TalentHub.Web.Services.Reports;

/// <summary>Indicator values per county (county code → indicator → value; a missing count is 0, a missing rate is null).</summary>
public sealed class IndicatorValues(Dictionary<string, Dictionary<Indicator, decimal?>> values)
{
    public IReadOnlyCollection<string> Counties => values.Keys;

    /// <summary>The value for a county and indicator: 0 for a count with no events, null for a rate with nothing due.</summary>
    public decimal? Get(string county, Indicator indicator) =>
        values.TryGetValue(county, out var row) && row.TryGetValue(indicator, out var v) ? v : indicator.IsRate() ? null : 0m;
}
