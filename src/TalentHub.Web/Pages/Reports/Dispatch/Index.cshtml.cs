using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Reports;

namespace TalentHub.Web.Pages.Reports.Dispatch;

/// <summary>/Reports/Dispatch: the issued dispatch reports; the CityOfficer issues one for any past month, or regenerates (audited).</summary>
[Authorize(Policy = Policies.CityManager)]
public sealed class IndexModel(TalentHubDbContext db, DispatchService dispatch, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>One issued report; <paramref name="Month"/> is "yyyy-MM" (the link), <see cref="FirstDay"/> the same month as a date (the label).</summary>
    public sealed record Row(string Month, DateTimeOffset IssuedAt, int Regenerations)
    {
        public DateOnly FirstDay => DateOnly.ParseExact(Month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public bool Regenerate { get; set; }
    public bool CanGenerate => User.Meets(Policies.CityOfficer);
    public string LastMonth => ReportPeriod.DayOf(clock.GetUtcNow()).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync() => Rows = await db.DispatchReports.AsNoTracking().OrderByDescending(r => r.Month)
        .Select(r => new Row(r.Month, r.IssuedAt, r.Regenerations)).ToListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanGenerate) return Forbid();
        if (!dispatch.TryParseMonth(Month, out var year, out var month))
        {
            ModelState.AddModelError(nameof(Month), l["Dispatch.MonthInvalid"]);
            await OnGetAsync();
            return Page();
        }
        // A month already issued is left as issued unless regeneration was ticked: the flash says so (review34a: it said
        // "generated", so an officer believed the stored figures were fresh).
        var key = $"{year:0000}-{month:00}";
        var issuedBefore = !Regenerate && await db.DispatchReports.AnyAsync(r => r.Month == key);
        var report = await dispatch.IssueAsync(year, month, User.Identity?.Name, Regenerate);
        TempData["Flash"] = l[Regenerate ? "Dispatch.Regenerated" : issuedBefore ? "Dispatch.AlreadyIssued" : "Dispatch.Generated"].Value;
        return Redirect($"/Reports/Dispatch/{report.Month}");
    }
}
