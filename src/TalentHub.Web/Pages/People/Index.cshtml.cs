using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Services;

namespace TalentHub.Web.Pages.People;

[Authorize(Roles = Roles.RegistryStaff)]
public sealed class IndexModel(TalentHubDbContext db, PersonalDataProtector protector) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(int Id, string Name, Sex Sex, string MaskedId, string MaskedMobile, string Region);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, string?> Query => new Dictionary<string, string?> { ["q"] = Q };

    public async Task OnGetAsync()
    {
        var english = CultureInfo.CurrentUICulture.Name == "en";
        var query = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            if (Domain.Common.IdNumber.TryParse(q, out var id, out _)) query = query.Where(p => p.IdNumberHash == protector.Hash(id.Value));
            else if (q.Length == 4 && q.All(char.IsAsciiDigit)) query = query.Where(p => p.MobileTail == q);
            else query = query.Where(p => p.Name.Contains(q));
        }
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var page = await query.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.Regions, p => p.RegionCode, r => r.Code, (p, r) => new { p.Id, p.Name, p.Sex, p.IdNumber, p.Mobile, RegionName = r.Name, r.NameEn })
            .ToListAsync();
        Rows = page.Select(p => new Row(p.Id, p.Name, p.Sex, Masking.IdNumber(p.IdNumber), Masking.Mobile(p.Mobile),
            english ? p.NameEn : p.RegionName)).ToList();
    }
}
