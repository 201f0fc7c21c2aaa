using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Benchmarks.Baseline;

namespace TalentHub.Benchmarks.Pages.Baseline;

/// <summary>12 fortunes from SQLite, raw (Microsoft.Data.Sqlite) or through EF Core with AsNoTracking, rendered by Razor.</summary>
public sealed class FortunesModel(FortuneSource raw, BaselineDb db) : PageModel
{
    public IReadOnlyList<Fortune> Rows { get; private set; } = [];

    public async Task OnGetAsync(string kind) =>
        Rows = FortuneSource.Finish(kind == "raw" ? await raw.LoadAsync() : await db.Fortunes.AsNoTracking().ToListAsync());
}
