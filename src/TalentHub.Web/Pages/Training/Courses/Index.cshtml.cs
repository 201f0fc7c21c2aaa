using TalentHub.Web.Infrastructure;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Pages.Training.Courses;

[Authorize(Policy = Policies.CourseViewer)]
public sealed class IndexModel(TalentHubDbContext db, IRegionScope scope, UserManager<AppUser> users, RegionDirectory regions,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(int Id, string Title, CourseStatus Status, CourseTopic Topic, string County, string? Program,
        DateTimeOffset? FirstSession, int SessionCount, int Capacity, int Confirmed, string Trainer);
    public sealed record Option(string Value, string Label);

    [BindProperty(SupportsGet = true)] public CourseFilter Filter { get; set; } = new();
    // Not [BindProperty]: Razor Pages already has a route value called "page" (the page path).
    [PageQuery] public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>Counties to filter by; empty for county staff (they see their own only).</summary>
    public IReadOnlyList<Option> Counties { get; private set; } = [];
    public IReadOnlyList<Option> Programs { get; private set; } = [];
    public bool CanCreate => CourseAccess.IsStaff(User);
    public IReadOnlyDictionary<string, string?> Query => Filter.ToQuery();

    public async Task OnGetAsync()
    {
        var (query, countyNames) = await FilteredAsync(HttpContext.RequestAborted);
        var page = await Paged.ReadAsync(query, PageNumber, PageSize, Project);
        (PageNumber, Total) = (page.Number, page.Total);
        Rows = await RowsAsync(page.Items, countyNames);
    }

    /// <summary>
    /// <c>/Courses?handler=Export&amp;format=xlsx|csv&amp;{list filters}</c>: every course the list would show with these filters
    /// and sort (all pages, the viewer's scope), as the page words them, audited. A refused filter sends no file: back to the
    /// list, which marks the value; a format other than xlsx or csv is a 400.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, [FromServices] AuditLog audit, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        var (query, countyNames) = await FilteredAsync(ct);
        if (ModelState.Refused()) return Redirect("/Courses" + Microsoft.AspNetCore.Http.QueryString.Create(Request.Query.Where(q => q.Key is not ("handler" or "format"))));
        var rows = await RowsAsync(await Project(query).ToListAsync(ct), countyNames);
        var sheet = new SheetData(l["Courses.Title"],
            [l["Course.Title"], l["Course.Program"], l["Course.Status"], l["Course.Topic"], l["Courses.County"], l["Course.FirstSession"],
                l["Courses.Export.Sessions"], l["Course.Seats"], l["Course.Trainer"]],
            rows.Select(r => (IReadOnlyList<object?>)[r.Title, r.Program ?? "", l["Status.Course." + r.Status].Value, l["CourseTopic." + r.Topic].Value,
                r.County, r.FirstSession?.ToShanghai(), r.SessionCount, $"{r.Confirmed} / {r.Capacity}", r.Trainer]));
        audit.Record(AuditAction.Export, nameof(Course), null, Filter.AuditNote(new AuditNote().With(AuditNoteKeys.Format, format).With(AuditNoteKeys.Rows, rows.Count)),
            scope.CountyCode);
        await db.SaveChangesAsync(ct);
        return ExportLinks.File(sheet, await ExportLinks.NameAsync(l, "Download.Courses", regions, Filter.County ?? scope.CountyCode, clock, ct), csv: format == "csv");
    }

    /// <summary>The export link for <paramref name="format"/> (xlsx or csv) with the list's filters and sort.</summary>
    public string ExportUrl(string format) => ExportLinks.HandlerUrl("/Courses", Filter.ToQuery(), format);

    /// <summary>
    /// The courses the viewer may see with the filters and sort applied (none when a filter value was refused, the field's
    /// error in ModelState), and the county names by code. Fills <see cref="Counties"/> and <see cref="Programs"/>.
    /// </summary>
    private async Task<(IQueryable<Course> Query, Dictionary<string, string> CountyNames)> FilteredAsync(CancellationToken ct)
    {
        var tree = await regions.GetAsync(ct);
        ModelState.CheckRegion("County", Filter.County, RegionLevel.County, tree, scope.CountyCode, l);
        if (scope.CountyCode is not null && Filter.County == scope.CountyCode) Filter.County = null; // their own: the scope already confines
        var countyNames = tree.AtLevel(RegionLevel.County).ToDictionary(c => c.Code, c => tree.NameOf(c.Code)!);
        if (scope.CountyCode is null) Counties = countyNames.Select(c => new Option(c.Key, c.Value)).ToList();
        Programs = await db.Programs.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Name)
            .Select(p => new Option(p.Id.ToString(CultureInfo.InvariantCulture), p.Name)).ToListAsync(ct);

        if (Filter.Program is { } program && Programs.All(p => p.Value != program.ToString(CultureInfo.InvariantCulture)))
            ModelState.Refuse("Program", l);
        var query = Filter.Apply(db.Courses.AsNoTracking().VisibleTo(User));
        if (ModelState.Refused()) query = query.Where(c => false);
        return (query, countyNames);
    }

    private sealed record Read(int Id, string Title, CourseStatus Status, CourseTopic Topic, string CountyCode, int? ProgramId, int Capacity,
        int ConfirmedCount, string? TrainerUserName, DateTimeOffset? First, int Sessions);

    private static IQueryable<Read> Project(IQueryable<Course> courses) => courses.Select(c => new Read(c.Id, c.Title, c.Status, c.Topic,
        c.CountyCode, c.ProgramId, c.Capacity, c.ConfirmedCount, c.TrainerUserName, c.Sessions.Min(s => (DateTimeOffset?)s.StartsAt), c.Sessions.Count));

    private async Task<List<Row>> RowsAsync(IEnumerable<Read> read, Dictionary<string, string> countyNames)
    {
        var programNames = Programs.ToDictionary(p => p.Value, p => p.Label);
        var trainers = await Trainers.AllAsync(users);
        return read.Select(r => new Row(r.Id, r.Title, r.Status, r.Topic, countyNames.GetValueOrDefault(r.CountyCode, r.CountyCode),
            r.ProgramId is { } p ? programNames.GetValueOrDefault(p.ToString(CultureInfo.InvariantCulture)) : null,
            r.First, r.Sessions, r.Capacity, r.ConfirmedCount, Trainers.NameOf(trainers, r.TrainerUserName))).ToList();
    }

    /// <summary>A header link sorting by <paramref name="sort"/>, flipping the direction when it is the current sort.</summary>
    public string SortLink(string sort)
    {
        var query = Filter.ToQuery();
        query["Sort"] = sort;
        query["Desc"] = Filter.Sort == sort && !Filter.Desc ? "true" : null;
        return "/Courses" + QueryString(query);
    }

    public string SortMark(string sort) => Filter.Sort != sort ? "" : Filter.Desc ? " ▼" : " ▲";

    private static string QueryString(Dictionary<string, string?> values) =>
        "?" + string.Join("&", values.Where(kv => !string.IsNullOrEmpty(kv.Value))
            .Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value!)));
}
