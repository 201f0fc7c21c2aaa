using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Training.My.Certificates;

/// <summary>The farmer's own certificates, newest first, each opening its printable page.</summary>
[Authorize(Policy = Policies.Farmer)]
public sealed class IndexModel(TalentHubDbContext db) : PageModel
{
    public IReadOnlyList<CertificateView> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (FarmerPerson.Of(User) is not { } personId) return Forbid();
        Items = await CertificateView.QueryAsync(db, db.Certificates.Where(c => c.PersonId == personId));
        return Page();
    }
}
