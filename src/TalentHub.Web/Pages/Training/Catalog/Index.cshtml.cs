using System.ComponentModel.DataAnnotations;
using System.Globalization;
using TalentHub.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Pages.Training.Catalog;

/// <summary>
/// Open courses for farmers, anonymous browsing allowed. A signed-in farmer with a registry record sees the courses
/// they may join first (the enrollment rules of <see cref="EnrollmentRules"/>, unchanged); <see cref="All"/> also
/// lists the others, each with the reasons it is closed to them.
/// Anonymous visitors get the page from the HTML output cache (<see cref="AnonymousPageCache"/>) while no training
/// record changes, at most 10 s; on a miss its data still comes from <see cref="LiveCache.CatalogAsync{T}"/>, and the
/// stored HTML expires with that data, so the 10 s bound on another node's change holds for both together.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = AnonymousPageCache.Policy)]
public sealed class IndexModel(TalentHubDbContext db, RegionDirectory regions, EnrollmentService enrollment, LiveCache cache,
    TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 12;

    public sealed record Card(int Id, string Title, CourseTopic Topic, string County, decimal Hours, int SeatsLeft, int Waiting,
        DateTimeOffset? FirstSession, string? Venue, bool Online, IReadOnlyList<EnrollmentRefusal>? Refusals);
    public sealed record Option(string Value, string Label);

    [Display(Name = "Catalog.County")] [BindProperty(SupportsGet = true)] public string? County { get; set; }
    [Display(Name = "Catalog.Topic")] [BindProperty(SupportsGet = true)] public CourseTopic? Topic { get; set; }
    [Display(Name = "Catalog.From")] [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [Display(Name = "Courses.ToDate")] [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    /// <summary>Farmers only: also list the courses they may not join (after those they may).</summary>
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    // Not [BindProperty]: Razor Pages already has a route value called "page" (the page path).
    [PageQuery] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Card> Cards { get; private set; } = [];
    public IReadOnlyList<Option> Counties { get; private set; } = [];
    public int Total { get; private set; }
    /// <summary>True when the list is personal: a farmer with a registry record.</summary>
    public bool Personal { get; private set; }
    /// <summary>Open courses the farmer may not join (hidden unless <see cref="All"/>).</summary>
    public int Others { get; private set; }
    public IReadOnlyDictionary<string, string?> Query => new Dictionary<string, string?>
    {
        ["County"] = County, ["Topic"] = Topic?.ToString(), ["From"] = From?.ToString("yyyy-MM-dd"), ["To"] = To?.ToString("yyyy-MM-dd"),
        ["All"] = All ? "true" : null,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tree = await regions.GetAsync();
        Counties = tree.AtLevel(RegionLevel.County).Select(r => new Option(r.Code, tree.NameOf(r.Code)!)).ToList();
        var names = Counties.ToDictionary(o => o.Value, o => o.Label);
        ModelState.CheckRegion("County", County, RegionLevel.County, tree, null, l);
        // A refused filter lists nothing (ListFilters) and must not reach the cache, whose key holds only the values read.
        if (ModelState.Refused()) return;
        // Dates picked the wrong way round are the range they name, shown in order (and cached under it).
        if (From > To) (From, To) = (To, From);

        var courses = Filtered().OrderBy(c => c.EnrollmentClosesAt).ThenBy(c => c.Id);
        int? personId = User.IsInRole(Roles.Farmer) ? My.FarmerPerson.Of(User) : null;
        Personal = personId is not null;
        if (personId is not { } person)
        {
            // Anonymous pages are the same for everyone: reused per query and culture until a course, session or
            // enrollment changes (seat counts), at most LiveCache.CatalogTtl across nodes. The whole HTML is also
            // output-cached (AnonymousPageCache); this serves its misses, and that HTML expires with this data.
            var key = (County, Topic, From, To, PageNumber, CultureInfo.CurrentUICulture.Name);
            var (listed, expires) = await cache.CatalogAsync(key, async () =>
            {
                var page = await Paged.ReadAsync(courses, PageNumber, PageSize, q => q.Select(c => new Row(c, c.Sessions.Min(s => (DateTimeOffset?)s.StartsAt))));
                return (page.Number, page.Total, await CardsAsync(page.Items, names, null, CancellationToken.None));
            });
            (PageNumber, Total, Cards) = listed;
            AnonymousPageCache.ExpireWith(HttpContext, expires, clock);
            return;
        }

        // Personal: every open course matching the filters is checked (open courses are a few dozen per city).
        var rows = await courses.Select(c => new Row(c, c.Sessions.Min(s => (DateTimeOffset?)s.StartsAt))).ToListAsync(ct);
        var refusals = await enrollment.CheckManyAsync(person, rows.Select(r => (r.Course, r.First)).ToList(), ct);
        var ordered = rows.OrderBy(r => refusals[r.Course.Id].Count > 0).ToList();  // stable: eligible first, then by closing time
        Others = ordered.Count(r => refusals[r.Course.Id].Count > 0);
        var shown = All ? ordered : ordered.Where(r => refusals[r.Course.Id].Count == 0).ToList();
        Total = shown.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Cards = await CardsAsync(shown.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList(), names, refusals, ct);
    }

    private sealed record Row(Course Course, DateTimeOffset? First);

    private IQueryable<Course> Filtered()
    {
        var courses = db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.EnrollmentOpen);
        if (!string.IsNullOrEmpty(County)) courses = courses.Where(c => c.CountyCode == County);
        if (Topic is { } topic) courses = courses.Where(c => c.Topic == topic);
        return CourseFilter.WithSessionBetween(courses, From, To);
    }

    private async Task<IReadOnlyList<Card>> CardsAsync(IReadOnlyList<Row> rows, IReadOnlyDictionary<string, string> names,
        IReadOnlyDictionary<int, IReadOnlyList<EnrollmentRefusal>>? refusals, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Course.Id).ToList();
        var waiting = await db.Enrollments.AsNoTracking().Where(e => ids.Contains(e.CourseId) && e.Status == EnrollmentStatus.Waitlisted)
            .GroupBy(e => e.CourseId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return rows.Select(r => new Card(r.Course.Id, r.Course.Title, r.Course.Topic, names.GetValueOrDefault(r.Course.CountyCode, ""),
            r.Course.TotalHours, r.Course.SeatsLeft, waiting.GetValueOrDefault(r.Course.Id), r.First, r.Course.Venue, r.Course.OnlineLink != null,
            refusals?[r.Course.Id])).ToList();
    }
}
