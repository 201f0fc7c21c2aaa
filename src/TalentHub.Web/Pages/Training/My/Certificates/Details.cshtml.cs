using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Training.My.Certificates;

/// <summary>
/// One certificate, laid out to print on one A4 page (print stylesheet), in the UI language, with a QR
/// code of its public /Verify/{number} address. Someone else's certificate does not exist for this farmer (404).
/// </summary>
[Authorize(Policy = Policies.Farmer)]
public sealed class DetailsModel(TalentHubDbContext db) : PageModel
{
    public CertificateView Certificate { get; private set; } = null!;
    public string VerifyUrl { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    /// <summary>The certificate reissued for this revoked one (the farmer's own), else null.</summary>
    public (int Id, string Number)? Replacement { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (FarmerPerson.Of(User) is not { } personId) return Forbid();
        var found = await CertificateView.QueryAsync(db, db.Certificates.Where(c => c.Id == id && c.PersonId == personId));
        if (found.Count == 0) return NotFound();
        Certificate = found[0];
        if (Certificate.RevokedAt is not null) Replacement = await CertificateView.ReplacementAsync(db, Certificate.Id);
        VerifyUrl = $"{Request.Scheme}://{Request.Host}/Verify/{Certificate.Number}";
        QrSvg = QrCodes.Svg(VerifyUrl);
        return Page();
    }
}
