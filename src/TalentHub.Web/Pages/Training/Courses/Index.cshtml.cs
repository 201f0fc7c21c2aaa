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
        var tree = await regions.GetAsync();
        ModelState.CheckRegion("County", Filter.County, RegionLevel.County, tree, scope.CountyCode, l);
        if (scope.CountyCode is not null && Filter.County == scope.CountyCode) Filter.County = null; // their own: the scope already confines
        var countyNames = tree.AtLevel(RegionLevel.County).ToDictionary(c => c.Code, c => tree.NameOf(c.Code)!);
        if (scope.CountyCode is null) Counties = countyNames.Select(c => new Option(c.Key, c.Value)).ToList();
        Programs = await db.Programs.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Name)
            .Select(p => new Option(p.Id.ToString(CultureInfo.InvariantCulture), p.Name)).ToListAsync();

        if (Filter.Program is { } program && Programs.All(p => p.Value != program.ToString(CultureInfo.InvariantCulture)))
            ModelState.Refuse("Program", l);
        var query = Filter.Apply(db.Courses.AsNoTracking().VisibleTo(User));
        if (ModelState.Refused()) query = query.Where(c => false);
        var page = await Paged.ReadAsync(query, PageNumber, PageSize, courses => courses
            .Select(c => new
            {
                c.Id, c.Title, c.Status, c.Topic, c.CountyCode, c.ProgramId, c.Capacity, c.ConfirmedCount, c.TrainerUserName,
                First = c.Sessions.Min(s => (DateTimeOffset?)s.StartsAt), Sessions = c.Sessions.Count,
            }));
        (PageNumber, Total) = (page.Number, page.Total);
        var rows = page.Items;
        var programNames = Programs.ToDictionary(p => p.Value, p => p.Label);
        var trainers = await Trainers.AllAsync(users);
        Rows = rows.Select(r => new Row(r.Id, r.Title, r.Status, r.Topic, countyNames.GetValueOrDefault(r.CountyCode, r.CountyCode),
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
