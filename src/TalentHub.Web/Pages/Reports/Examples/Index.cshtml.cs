using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;

namespace TalentHub.Web.Pages.Reports.Examples;

/// <summary>/Reports/Examples: the typical examples in the user's scope, pending ones first (city officers decide them).</summary>
[Authorize(Policy = Policies.Officer)]
public sealed class IndexModel(TalentHubDbContext db, RegionDirectory regions) : PageModel
{
    public sealed record Row(int Id, string Title, string County, ExampleSubject Subject, ExampleStatus Status, string ProposedBy, DateTimeOffset ProposedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tree = await regions.GetAsync(ct);
        var rows = await db.Examples.AsNoTracking().OrderBy(e => e.Status).ThenByDescending(e => e.ProposedAt).Take(500)
            .Select(e => new { e.Id, e.Title, e.CountyCode, e.Subject, e.Status, e.ProposedBy, e.ProposedAt }).ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, r.Title, tree.NameOf(r.CountyCode) ?? r.CountyCode, r.Subject, r.Status, r.ProposedBy, r.ProposedAt)).ToList();
    }
}
