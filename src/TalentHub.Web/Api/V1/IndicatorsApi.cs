using System.ComponentModel;
using System.Globalization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Api;
using TalentHub.Web.Services.Reports;

namespace TalentHub.Web.Api.V1;

/// <summary>
/// One indicator of a county's month: year-to-date <c>value</c> (a count, or a percentage 0–100 for FollowUpRate; null for a
/// rate with nothing due), the county's annual <c>target</c>, <c>actualShare</c> = value / target and <c>expectedShare</c> by
/// the schedule (both 0–1), and <c>pointsBehind</c> (percentage points behind schedule, positive when lagging).
/// </summary>
public sealed record IndicatorCellDto(Indicator Indicator, decimal? Value, decimal? Target, decimal? ActualShare, decimal ExpectedShare,
    decimal? PointsBehind);

/// <summary>
/// A county's indicators at the end of a month (the current month: as of now), as /Reports shows them. <c>id</c> is
/// <c>{countyCode}-{yyyy-MM}</c>; <c>asOfDay</c> is the Shanghai day the figures run to; <c>asOf</c> is when they were
/// written (snapshot) or computed (live, computed); <c>score</c> (0–1), <c>rank</c> among the city's counties and
/// <c>movement</c> (places gained since last month's end, current month only) are the ranking of the reports.
/// </summary>
public sealed record IndicatorMonthDto(string Id, string CountyCode, int Year, int Month, DateOnly AsOfDay, IndicatorSource Source,
    DateTimeOffset AsOf, decimal? Score, int Rank, int? Movement, IReadOnlyList<IndicatorCellDto> Indicators);

/// <summary>The filters of the /Reports page (year, county) plus month.</summary>
public sealed class IndicatorsQuery
{
    [Description("Calendar year (Asia/Shanghai), from 2000 to the current year; default the current year.")] public int? Year { get; set; }
    [Description("Month 1 to 12; omitted = every month of the year that has begun.")] public int? Month { get; set; }
    [Description("County code (12 digits).")] public string? County { get; set; }
}

/// <summary>
/// <c>/api/v1/indicators</c>: the §7 indicators per county and month, read through the reports' code (<see cref="IndicatorMonths"/>),
/// sorted by <c>id</c> (county, then month) with cursor paging, and <c>/{id}</c> keyed by county and month
/// (<c>330523000000-2026-10</c>). A county token sees only its county's rows (another county's id is a 404); the ranks are
/// the city's, as a county role sees them on /Reports. <c>updatedSince</c> keeps a snapshot row written at or after the
/// instant, and always the live and computed rows (their figures may change at any moment, so a sync always refetches them).
/// </summary>
public sealed class IndicatorsApi : IApiResource
{
    public string Name => Domain.Api.ApiResources.Indicators;

    public void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithName("ListIndicators")
            .WithSummary("Indicators per county and month (year to date at each month end), sorted by id.").Produces<ApiPage<IndicatorMonthDto>>();
        group.MapGet("/{id}", GetAsync).WithName("GetIndicators")
            .WithSummary("One county's indicators at the end of one month; id = {countyCode}-{yyyy-MM}.")
            .Produces<IndicatorMonthDto>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpContext http, TalentHubDbContext db, ReportsService reports, IndicatorCalculator calculator,
        IRegionScope scope, TimeProvider clock, [AsParameters] IndicatorsQuery f, [AsParameters] ListQuery paging)
    {
        if (ApiEndpoints.OutOfScope(http, scope, f.County) is { } outside) return outside;
        var now = clock.GetUtcNow();
        var year = f.Year ?? ReportPeriod.DayOf(now).Year;
        var thisYear = ReportPeriod.DayOf(now).Year;
        if (year < 2000 || year > thisYear || f.Month is < 1 or > 12) // named, not the paging text (review14)
            return ApiProblems.Result(http, StatusCodes.Status400BadRequest, http.RequestServices
                .GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Api.Problem.YearMonth", thisYear]);
        var months = await IndicatorMonths.ForYearAsync(db, reports, calculator, now, year, f.Month, http.RequestAborted);
        var rows = Rows(months, scope.CountyCode)
            .Where(r => string.IsNullOrWhiteSpace(f.County) || r.CountyCode == f.County.Trim())
            .Where(r => paging.UpdatedSince is not { } since || r.Source != IndicatorSource.Snapshot || r.AsOf >= since);
        return ApiEndpoints.PageByKey(rows, r => r.Id, paging) is { } page ? TypedResults.Ok(page) : ApiEndpoints.BadPaging(http);
    }

    private static async Task<IResult> GetAsync([Description("{countyCode}-{yyyy-MM}, e.g. 330523000000-2026-10.")] string id, HttpContext http, TalentHubDbContext db, ReportsService reports,
        IndicatorCalculator calculator, IRegionScope scope, TimeProvider clock)
    {
        if (!TryParse(id, out var county, out var year, out var month) || !IRegionScope.Allows(scope.CountyCode, county))
            return ApiProblems.Result(http, StatusCodes.Status404NotFound);
        var now = clock.GetUtcNow();
        if (year > ReportPeriod.DayOf(now).Year) return ApiProblems.Result(http, StatusCodes.Status404NotFound);
        var months = await IndicatorMonths.ForYearAsync(db, reports, calculator, now, year, month, http.RequestAborted);
        return Rows(months, county).FirstOrDefault() is { } row ? TypedResults.Ok(row) : ApiProblems.Result(http, StatusCodes.Status404NotFound);
    }

    /// <summary>The rows of every month, for every county or only <paramref name="onlyCounty"/>.</summary>
    private static IEnumerable<IndicatorMonthDto> Rows(IReadOnlyList<IndicatorMonth> months, string? onlyCounty) =>
        months.SelectMany(m => m.Board.Counties.Where(c => onlyCounty is null || c.County == onlyCounty).Select(c => new IndicatorMonthDto(
            $"{c.County}-{m.Year:D4}-{m.Month:D2}", c.County, m.Year, m.Month, m.Day, m.Source, m.AsOf, c.Score, c.Rank, c.Movement,
            Indicators.All.Select(i => new IndicatorCellDto(i, c.Cells[i].Actual, c.Cells[i].Target, c.Cells[i].ActualShare,
                c.Cells[i].ExpectedShare, c.Cells[i].PointsBehind)).ToList())));

    /// <summary>Parses <c>{12-digit county}-{yyyy}-{MM}</c>.</summary>
    private static bool TryParse(string id, out string county, out int year, out int month)
    {
        county = ""; year = 0; month = 0;
        var parts = id.Split('-');
        if (parts.Length != 3 || !RegionCodes.IsValid(parts[0]) || RegionCodes.LevelOf(parts[0]) != RegionLevel.County) return false;
        county = parts[0];
        return parts[1].Length == 4 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= 2000
            && parts[2].Length == 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out month) && month is >= 1 and <= 12;
    }
}
