using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.Reports;

namespace TalentHub.Web.Pages.Reports;

/// <summary>
/// /Reports: progress against targets per county with ranking, charts (ECharts, drawn by /js/reports.js from a JSON
/// data block) and the city map; county roles see only their county beside the city average and the ranks.
/// </summary>
[Authorize(Policy = Policies.RegistryStaff)]
public sealed class IndexModel(TalentHubDbContext db, ReportsService reports, OutcomeCalculator outcomes, ExamplesService examples,
    RegionDirectory regions, IRegionScope scope, AuditLog audit, TimeProvider clock, IOptions<TalentHubOptions> options,
    IStringLocalizer<SharedResource> l, LiveCache cache) : PageModel
{
    [Display(Name = "Targets.Year")] [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [Display(Name = "Targets.County")] [BindProperty(SupportsGet = true)] public string? County { get; set; }
    /// <summary>Only this program's courses in the outcome charts (a program of another year is refused, as an unknown one).</summary>
    [Display(Name = "Reports.Program")] [BindProperty(SupportsGet = true)] public int? ProgramId { get; set; }
    /// <summary>Only courses of this category in the outcome charts.</summary>
    [Display(Name = "Reports.CourseCategory")] [BindProperty(SupportsGet = true)] public CourseCategory? Category { get; set; }

    public Dashboard View { get; private set; } = null!;
    public OutcomeFigures Outcomes { get; private set; } = null!;
    /// <summary>The outcome tables (talents, rates, satisfaction, follow-ups, spend), as exported.</summary>
    public IReadOnlyList<SheetData> OutcomeTables { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Programs { get; private set; } = [];
    /// <summary>Approved typical examples of the shown counties in the year.</summary>
    public IReadOnlyList<ExampleCard> Examples { get; private set; } = [];
    public RegionTree Regions { get; private set; } = null!;

    /// <summary>
    /// The filters the page applied, as query values, for export links (the county role's own county is its scope, so its
    /// code is not repeated). Only meaningful when the filters were accepted: a refused request offers no download
    /// (fix29b: the links dropped a refused county and downloaded the user's own scope), see <see cref="FilterRefused"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> FilterValues => new Dictionary<string, string?>
    {
        [nameof(Year)] = Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [nameof(County)] = View.CountyView ? null : County,
        [nameof(ProgramId)] = ProgramId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [nameof(Category)] = Category?.ToString(),
    };

    /// <summary>
    /// The export link with the page's filters (<see cref="ExportLinks.HandlerUrl"/>): the workbook, or with
    /// <paramref name="sheet"/> that one table (see <see cref="OnGetExportAsync"/> for the indexes).
    /// </summary>
    public string ExportUrl(string format, int? sheet = null) => ExportLinks.HandlerUrl("/Reports",
        new Dictionary<string, string?>(FilterValues) { ["sheet"] = sheet?.ToString(System.Globalization.CultureInfo.InvariantCulture) }, format);

    /// <summary>
    /// When the figures of the page were read (UTC): the earlier of the board's and the outcome figures' reading, each
    /// reused for up to <see cref="LiveCache.DashboardTtl"/>; the page and its downloads state it alike (<see cref="AsOfLine"/>).
    /// </summary>
    public DateTimeOffset AsOf => new[] { View.Board.AsOf, Outcomes?.AsOf }.OfType<DateTimeOffset>().DefaultIfEmpty(clock.GetUtcNow()).Min();
    public TalentHubOptions.ReportsOptions Map => options.Value.Reports;
    public bool CanSetTargets => User.Meets(Policies.CityOfficer);

    /// <summary>
    /// True when a filter value could not be read or names nothing this user may see (a year outside 2000 to this year,
    /// an unknown or other county, a program not of the year): the form marks it and no figures are shown (<see cref="ListFilters"/>).
    /// </summary>
    public bool FilterRefused => ModelState.Refused();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.CheckRegion(nameof(County), County, RegionLevel.County, await regions.GetAsync(ct), scope.CountyCode, l)) County = null;
        View = await BuildAsync(ct);
        if (View.CountyView || County is null || !View.CountyNames.ContainsKey(County)) County = null;
        await LoadOutcomesAsync(ct);
    }

    /// <summary>
    /// The page's tables as .xlsx (every sheet) or .csv, same scope and filters, audited. The .csv holds every table, one
    /// titled section each, as the page shows them (admin30: the page's "导出 CSV" downloaded the first table only), below
    /// lines naming the report, its filters and when it was made (<see cref="Heading"/>), which head every sheet of the
    /// .xlsx too; with
    /// <paramref name="sheet"/> (the tables' own links) it holds that one table: 0 progress, 1 ranking, 2 trend, 3 talents,
    /// 4 rates, 5 satisfaction, 6 follow-ups, 7 spend, 8 typical examples.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, int? sheet, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        await OnGetAsync(ct);
        if (FilterRefused) // no file of other figures: the report, marking the value
            return Redirect("/Reports" + QueryString.Create(Request.Query.Where(q => q.Key is not ("handler" or "format" or "sheet"))));
        var csv = format == "csv";
        var asOf = AsOfLine.Text(AsOf, l);
        // The outcome tables as the page's tables show them: "—" where there is no figure (imports32).
        var tables = View.Sheets(l).Concat(OutcomeTables.Select(ReportNumbers.Dashed))
            .Append(ExamplesService.Sheet(Examples, c => Regions.NameOf(c) ?? c, l)).ToList();
        var heading = Heading().ToList();
        // Each sheet of the .xlsx heads its table with the lines the all-tables .csv starts with (imports32: it had only the
        // "as of" line): the report, its filters, when it was made, the "as of" line. A one-table .csv keeps its header first.
        var sheets = tables.Select(s => csv ? AsOfLine.Stamp(s, asOf, csv) : s with { Above = [.. heading, asOf, .. s.Above] }).ToList();
        if (sheet < 0 || sheet >= sheets.Count) return BadRequest();
        audit.Record(AuditAction.Export, nameof(IndicatorSnapshot), null,
            new AuditNote().With(AuditNoteKeys.Format, format).With(AuditNoteKeys.Year, Year)
                .With(AuditNoteKeys.County, View.Shown.Count == 1 ? View.Shown[0].County : null)
                .With(AuditNoteKeys.Program, ProgramId).With(AuditNoteKeys.CourseCategory, Category).With(AuditNoteKeys.Sheet, sheet),
            scope.CountyCode);
        await db.SaveChangesAsync(ct);
        if (!csv) return FileName(null).File(SheetWriter.Xlsx([.. sheets]), SheetWriter.XlsxType, "xlsx");
        return sheet is { } one
            ? FileName(one).File(SheetWriter.Csv(sheets[one]), SheetWriter.CsvType, "csv")
            : FileName(null).File(SheetWriter.Csv(tables, [.. heading, asOf]), SheetWriter.CsvType, "csv");
    }

    /// <summary>
    /// What the all-tables .csv holds, on its first lines (reports31: it began with the first table and did not say which
    /// report, which filters or when): the report and year as the page heads it, each filter with its value as the form
    /// shows it (all counties, programs, categories when not filtered; a county role's own county), and when the file was
    /// made (Asia/Shanghai); the "as of" line follows.
    /// </summary>
    private IEnumerable<string> Heading()
    {
        string Line(string label, string value) => l["Export.FilterLine", l[label].Value, value].Value;
        yield return $"{l["Reports.Title"].Value} {Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        yield return Line("Targets.Year", Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var county = View.CountyView ? scope.CountyCode : County;
        yield return Line("Targets.County", county is null ? l["Reports.AllCounties"].Value : View.CountyNames.GetValueOrDefault(county, county));
        yield return Line("Reports.Program", ProgramId is { } id ? Programs.First(p => p.Id == id).Name : l["Reports.AllPrograms"].Value);
        yield return Line("Reports.CourseCategory", Category is { } c ? l["CourseCategory." + c].Value : l["Reports.AllCategories"].Value);
        yield return l["Export.GeneratedAt", clock.GetUtcNow().ToShanghai().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)].Value;
    }

    /// <summary>
    /// The export's sheets by their <c>Sheet.*</c> name keys, in the order <see cref="OnGetExportAsync"/> indexes them
    /// (ReportSheetNamesTests checks them against the sheets built).
    /// </summary>
    public static readonly IReadOnlyList<string> SheetKeys =
    [
        "Sheet.Progress", "Sheet.Ranking", "Sheet.Trend", "Sheet.Talents", "Sheet.Rates", "Sheet.Satisfaction", "Sheet.FollowUps",
        "Sheet.Spend", "Sheet.Examples",
    ];

    /// <summary>
    /// What the download holds (<see cref="Services.Spreadsheets.DownloadName"/>): the report (and, for a .csv, the table
    /// <paramref name="sheet"/>), the city or the one county shown, the year, then the category and program filters,
    /// e.g. <c>人才工作报表_安吉县_2026.xlsx</c>, <c>talent-report_Satisfaction_Huzhou-City_2026_Professional-skills.csv</c>.
    /// </summary>
    private DownloadName FileName(int? sheet)
    {
        var name = new DownloadName().Text(l, "Download.Dashboard");
        if (sheet is { } s) name.Text(l, SheetKeys[s]);
        var county = View.CountyView ? scope.CountyCode : County;
        name.Region(county is null ? Regions.AtLevel(RegionLevel.City).FirstOrDefault() : Regions.Find(county));
        name.Add(Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Category is { } category) name.Text(l, "CourseCategory." + category);
        if (ProgramId is { } id)
        {
            var program = Programs.First(p => p.Id == id).Name; // at most 30 characters of it, not half a surrogate pair
            var cut = program.Length <= 30 ? program : program[..(char.IsHighSurrogate(program[29]) ? 29 : 30)];
            name.Add(cut, "program-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return name;
    }

    private async Task LoadOutcomesAsync(CancellationToken ct)
    {
        Programs = (await db.Programs.AsNoTracking().Where(p => p.Year == Year).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name)).ToList();
        if (ProgramId is not null && Programs.All(p => p.Id != ProgramId)) ModelState.Refuse(nameof(ProgramId), l);
        if (Category is not null && !Enum.IsDefined(Category.Value)) ModelState.Refuse(nameof(Category), l);
        Regions = await regions.GetAsync(ct);
        if (FilterRefused) return;
        var shown = View.Shown.Select(c => c.County).ToList();
        var filter = new OutcomeFilter(Year, ProgramId, Category);
        // Reused per (filter, shown counties) until data changes: see LiveCache for the bound.
        Outcomes = await cache.DashboardAsync(("outcomes", filter, string.Join(',', shown)), async () =>
        {
            var readFrom = clock.GetUtcNow();
            return (await outcomes.ComputeAsync(filter, shown, CancellationToken.None)) with { AsOf = readFrom };
        });
        OutcomeTables = OutcomeSheets.For(Outcomes, View.CountyNames, l);
        var year = ReportPeriod.Year(Year);
        Examples = await examples.ApprovedAsync(shown, year.Start, year.End, take: 6, ct: ct);
    }

    private async Task<Dashboard> BuildAsync(CancellationToken ct)
    {
        var thisYear = ReportPeriod.DayOf(clock.GetUtcNow()).Year;
        if (Year < 2000 || Year > thisYear)
        {
            // No year asked for is this year; one asked for outside the years with figures is refused, not replaced, with
            // the years there are (review13: it said "no such value here (or not one you may see)" without naming the field).
            if (!string.IsNullOrWhiteSpace(Request.Query[nameof(Year)]) && ModelState.GetFieldValidationState(nameof(Year)) != ModelValidationState.Invalid)
                ModelState.AddModelError(nameof(Year), l["Reports.YearRange", l["Targets.Year"], thisYear]);
            Year = thisYear;
        }
        var english = TalentHubCultures.IsEnglish;
        var names = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County).OrderBy(r => r.Code).ToListAsync(ct))
            .ToDictionary(r => r.Code, r => r.DisplayName(english));
        var board = await reports.LiveBoardAsync(Year, ct);
        var monthEnds = await reports.MonthEndsAsync(Year, ct);
        return Dashboard.For(board, monthEnds, names, scope.CountyCode, County);
    }

    /// <summary>
    /// The chart data for /js/reports.js (only what this user may see). County names come whole and short
    /// (<see cref="Region.ShortName"/>) for a phone's axes and legends; every label is in the page's language.
    /// </summary>
    public object ChartData()
    {
        var v = View;
        string Name(string c) => v.CountyNames.GetValueOrDefault(c, c);
        return new
        {
            map = v.CountyView ? null : new { name = Map.MapName, script = Map.MapScript },
            progress = v.Shown.Select(c => new { county = Name(c.County), shortName = Region.ShortName(Name(c.County)), mapName = MapFeatureName(c.County), score = c.Score is null ? (decimal?)null : Math.Round(c.Score.Value * 100, 1) }),
            cityAverage = v.Board.Counties.Count == 0 ? (decimal?)null
                : Math.Round(v.Board.Counties.Where(c => c.Score is not null).Select(c => c.Score!.Value).DefaultIfEmpty().Average() * 100, 1),
            trend = v.Trend.Select(t => new { month = t.Month, shown = t.Shown, average = t.CityAverage }),
            outcomes = OutcomeChartData(),
            labels = new { score = l["Reports.Score"].Value, average = l["Reports.CityAverage"].Value, shown = l["Reports.Shown"].Value, target = l["Reports.TargetLine"].Value },
        };
    }

    /// <summary>The five outcome charts' series, the same numbers as <see cref="OutcomeTables"/>.</summary>
    private object OutcomeChartData()
    {
        var rows = Outcomes.Shown.Append(Outcomes.City).ToList();
        var names = rows.Select(r => r.County is null ? l["Reports.CityTotal"].Value : View.CountyNames.GetValueOrDefault(r.County, r.County)).ToList();
        var talents = Enum.GetValues<TalentCategory>();
        return new
        {
            counties = names,
            countiesShort = names.Select(Region.ShortName),
            talents = new
            {
                categories = talents.Select(t => l["TalentCategory." + t].Value),
                series = rows.Select((r, i) => new { name = names[i], shortName = Region.ShortName(names[i]), values = talents.Select(t => r.Talents[t]) }),
            },
            completion = rows.Select(r => r.CompletionRate),
            certification = rows.Select(r => r.CertificationRate),
            satisfaction = rows.Select(r => r.SatisfactionRate),
            satisfactionLine = OutcomeFigures.SatisfactionLine,
            followUps = new
            {
                outcomes = new[] { "Reports.StartedRate", "Reports.JoinedRate", "Reports.AdoptedRate", "Reports.EmployedRate" }.Select(k => l[k].Value),
                series = rows.Select((r, i) => new { name = names[i], shortName = Region.ShortName(names[i]), values = new[] { r.StartedRate, r.JoinedRate, r.AdoptedRate, r.EmployedRate } }),
            },
            spend = new
            {
                programs = Outcomes.Spend.Select(s => s.Name),
                perTrainee = Outcomes.Spend.Select(s => s.SpendPerTrainee),
                standard = Outcomes.Spend.Select(s => s.Standard),
            },
            labels = new
            {
                completion = l["Reports.CompletionRate"].Value, certification = l["Reports.CertificationRate"].Value,
                satisfaction = l["Reports.SatisfactionRate"].Value, line = l["Reports.SatisfactionLine"].Value, target = l["Reports.TargetLine"].Value,
                spend = l["Reports.SpendPerTrainee"].Value, standard = l["Reports.Standard"].Value,
            },
        };
    }

    private readonly Dictionary<string, string> _zhNames = new();

    /// <summary>The county's Chinese name, which the vendored GeoJSON uses as its feature name.</summary>
    private string MapFeatureName(string code)
    {
        if (_zhNames.Count == 0)
            foreach (var r in db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County)) _zhNames[r.Code] = r.Name;
        return _zhNames.GetValueOrDefault(code, code);
    }
}
