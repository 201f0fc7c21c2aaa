using TalentHub.Web.Services;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Training.Catalog;

/// <summary>Open courses for farmers, anonymous browsing allowed.</summary>
public sealed class IndexModel(TalentHubDbContext db, RegionDirectory regions) : PageModel
{
    public const int PageSize = 12;

    public sealed record Card(int Id, string Title, CourseTopic Topic, string County, decimal Hours, int SeatsLeft, DateTimeOffset? FirstSession, string? Venue, bool Online);
    public sealed record Option(string Value, string Label);

    [BindProperty(SupportsGet = true)] public string? County { get; set; }
    [BindProperty(SupportsGet = true)] public CourseTopic? Topic { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    // Not [BindProperty]: Razor Pages already has a route value called "page" (the page path).
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Card> Cards { get; private set; } = [];
    public IReadOnlyList<Option> Counties { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyDictionary<string, string?> Query => new Dictionary<string, string?>
    {
        ["County"] = County, ["Topic"] = Topic?.ToString(), ["From"] = From?.ToString("yyyy-MM-dd"), ["To"] = To?.ToString("yyyy-MM-dd"),
    };

    public async Task OnGetAsync()
    {
        var tree = await regions.GetAsync();
        Counties = tree.AtLevel(RegionLevel.County).Select(r => new Option(r.Code, tree.NameOf(r.Code)!)).ToList();

        var courses = db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.EnrollmentOpen);
        if (!string.IsNullOrEmpty(County)) courses = courses.Where(c => c.CountyCode == County);
        if (Topic is { } topic) courses = courses.Where(c => c.Topic == topic);
        if (From is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), ShanghaiTime.Zone);
            courses = courses.Where(c => c.Sessions.Any(s => s.StartsAt >= new DateTimeOffset(start)));
        }
        if (To is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ShanghaiTime.Zone);
            courses = courses.Where(c => c.Sessions.Any(s => s.StartsAt < new DateTimeOffset(end)));
        }
        var page = await Paged.ReadAsync(courses.OrderBy(c => c.EnrollmentClosesAt).ThenBy(c => c.Id), PageNumber, PageSize, open => open
            .Select(c => new { c.Id, c.Title, c.Topic, c.CountyCode, c.TotalHours, c.Capacity, c.ConfirmedCount, c.Venue, c.OnlineLink,
                First = c.Sessions.Min(s => (DateTimeOffset?)s.StartsAt) }));
        (PageNumber, Total) = (page.Number, page.Total);
        var rows = page.Items;
        var names = Counties.ToDictionary(o => o.Value, o => o.Label);
        Cards = rows.Select(c => new Card(c.Id, c.Title, c.Topic, names.GetValueOrDefault(c.CountyCode, ""), c.TotalHours,
            Math.Max(0, c.Capacity - c.ConfirmedCount), c.First, c.Venue, c.OnlineLink != null)).ToList();
    }
}
