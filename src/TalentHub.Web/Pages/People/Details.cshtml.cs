using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;

namespace TalentHub.Web.Pages.People;

[Authorize(Roles = Roles.RegistryStaff)]
public sealed class DetailsModel(TalentHubDbContext db) : PageModel
{
    public sealed record View(int Id, string Name, Sex Sex, DateOnly BirthDate, string MaskedId, string MaskedMobile, string Region);

    public View Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var english = CultureInfo.CurrentUICulture.Name == "en";
        // The region scope filter makes another county's person invisible: that is a 404, not a 403.
        var p = await db.People.AsNoTracking().Where(p => p.Id == id)
            .Join(db.Regions, p => p.RegionCode, r => r.Code, (p, r) => new { p.Id, p.Name, p.Sex, p.BirthDate, p.IdNumber, p.Mobile, RegionName = r.Name, r.NameEn })
            .FirstOrDefaultAsync();
        if (p is null) return NotFound();
        Person = new View(p.Id, p.Name, p.Sex, p.BirthDate, Masking.IdNumber(p.IdNumber), Masking.Mobile(p.Mobile), english ? p.NameEn : p.RegionName);
        return Page();
    }
}
