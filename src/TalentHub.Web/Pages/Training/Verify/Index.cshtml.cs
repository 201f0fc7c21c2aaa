using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Pages.Training.Verify;

/// <summary>
/// Public, anonymous certificate verification: the masked name, course, hours, completion date and
/// issuing bureau; a revoked certificate says so with the date (never the reason) and, when it was reissued, links the replacement's
/// verification; an unknown number
/// is 404. The number in the URL is read as typed identifiers are (<see cref="CertificateNumber.Normalize"/>). Rate-limited per client address so the number space cannot be crawled.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(VerifyRateLimitPolicy.Name)]
public sealed class IndexModel(TalentHubDbContext db) : PageModel
{
    public CertificateView Certificate { get; private set; } = null!;
    /// <summary>The number of the certificate reissued for this revoked one (only its number: the replacement's own page says the rest).</summary>
    public string? Replacement { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number)
    {
        number = CertificateNumber.Normalize(number);
        if (!CertificateNumber.IsWellFormed(number)) return NotFound();
        // Public: no region scope applies to an anonymous visitor, and only this number is looked up.
        var found = await CertificateView.QueryAsync(db, db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Number == number));
        if (found.Count == 0) return NotFound();
        Certificate = found[0];
        if (Certificate.RevokedAt is not null) Replacement = (await CertificateView.ReplacementAsync(db, Certificate.Id))?.Number;
        return Page();
    }
}
