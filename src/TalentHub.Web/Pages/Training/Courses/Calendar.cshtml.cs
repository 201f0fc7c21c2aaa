using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Pages.Training.Courses;

/// <summary>The sessions of one month by Shanghai day, for the courses the user may see.</summary>
[Authorize(Policy = Policies.CourseViewer)]
public sealed class CalendarModel(TalentHubDbContext db, IRegionScope scope, TimeProvider clock, RegionDirectory regions,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Item(int CourseId, string Title, CourseStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Topic, string? Place);
    public sealed record Option(string Value, string Label);

    /// <summary>
    /// yyyy-MM, from <see cref="FirstMonth"/> to <see cref="LastMonth"/>; the current Shanghai month when missing. A month
    /// that cannot be read or is out of range is refused at the month field and no sessions are shown (review10: it
    /// silently showed the current month).
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "month")] public string? Month { get; set; }
    [Display(Name = "Courses.County")] [BindProperty(SupportsGet = true)] public string? County { get; set; }

    /// <summary>The first month the calendar shows: January of <see cref="PlanningYears.First"/>, like every other month field.</summary>
    public static readonly DateOnly FirstMonth = new(PlanningYears.First, 1, 1);
    /// <summary>The first day of the last month the calendar shows: December of <see cref="PlanningYears.Last"/>.</summary>
    public static readonly DateOnly LastMonth = new(PlanningYears.Last, 12, 1);

    /// <summary>True when the asked month was refused (marked at the month field).</summary>
    public bool MonthRefused { get; private set; }
    /// <summary>The month field's value: the refused text as typed, else the shown month (yyyy-MM).</summary>
    public string MonthValue => MonthRefused ? Month ?? "" : First.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public DateOnly First { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyDictionary<DateOnly, List<Item>> Days { get; private set; } = new Dictionary<DateOnly, List<Item>>();
    public IReadOnlyList<Option> Counties { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().ToShanghai().DateTime);
        First = new DateOnly(Today.Year, Today.Month, 1);
        if (!string.IsNullOrEmpty(Month))
        {
            // In its NFKC form, as number and date fields are read (rev36: ２０２６－１１ typed where there is no month picker).
            if (DateOnly.TryParseExact(Domain.Common.TextNormalizer.Normalize(Month) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                && parsed >= FirstMonth && parsed <= LastMonth)
                First = parsed;
            else
            {
                MonthRefused = true;
                ModelState.AddModelError("month", l["Courses.MonthInvalid", Month,
                    FirstMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), LastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture)]);
            }
        }
        var tree = await regions.GetAsync();
        if (scope.CountyCode is null) Counties = tree.AtLevel(RegionLevel.County).Select(r => new Option(r.Code, tree.NameOf(r.Code)!)).ToList();
        if (!ModelState.CheckRegion(nameof(County), County, RegionLevel.County, tree, scope.CountyCode, l) || ModelState.Refused()) return;
        if (scope.CountyCode is not null) County = null; // their own county: the scope already confines

        var start = CourseFilter.StartOf(First);
        var end = CourseFilter.StartOf(First.AddMonths(1));
        var courses = db.Courses.AsNoTracking().VisibleTo(User).Where(c => c.Status != CourseStatus.Cancelled);
        if (!string.IsNullOrEmpty(County)) courses = courses.Where(c => c.CountyCode == County);
        var items = await db.CourseSessions.AsNoTracking()
            .Where(s => s.StartsAt >= start && s.StartsAt < end)
            .Join(courses, s => s.CourseId, c => c.Id,
                (s, c) => new Item(c.Id, c.Title, c.Status, s.StartsAt, s.EndsAt, s.Topic, s.Place ?? c.Venue))
            .ToListAsync();
        Days = items.OrderBy(i => i.StartsAt).ThenBy(i => i.CourseId)
            .GroupBy(i => DateOnly.FromDateTime(i.StartsAt.ToShanghai().DateTime))
            .ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>Monday-first weeks covering the month (days outside it included to fill the grid).</summary>
    public IEnumerable<DateOnly[]> Weeks()
    {
        var day = First.AddDays(-(((int)First.DayOfWeek + 6) % 7));
        while (day < First.AddMonths(1))
        {
            yield return Enumerable.Range(0, 7).Select(day.AddDays).ToArray();
            day = day.AddDays(7);
        }
    }

    public string MonthLink(int offset)
    {
        var month = First.AddMonths(offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return "/Courses/Calendar?month=" + month + (string.IsNullOrEmpty(County) ? "" : "&County=" + Uri.EscapeDataString(County));
    }

    public static string Time(DateTimeOffset instant) => instant.ToShanghai().ToString("HH:mm", CultureInfo.InvariantCulture);
}
