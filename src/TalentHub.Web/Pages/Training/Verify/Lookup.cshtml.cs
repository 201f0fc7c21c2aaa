using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Pages.Training.Verify;

/// <summary>
/// <c>/Verify</c>: where a stranger holding a paper certificate types its number (review16: the bare address was a 404).
/// A GET form; a number of the printed shape (<see cref="CertificateNumber.IsWellFormed"/>, after
/// <see cref="CertificateNumber.Normalize"/>) is redirected to <c>/Verify/{number}</c>, which answers; any other text
/// is shown again with the expected shape. Nothing is looked up here, so no rate limit is needed.
/// </summary>
[AllowAnonymous]
public sealed class LookupModel : PageModel
{
    /// <summary>The number as typed (query <c>number</c>); null when the form is first opened.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    /// <summary>True when a number was typed that does not have the printed shape.</summary>
    public bool Malformed { get; private set; }

    public IActionResult OnGet()
    {
        if (string.IsNullOrWhiteSpace(Number)) return Page();
        var number = CertificateNumber.Normalize(Number);
        if (CertificateNumber.IsWellFormed(number)) return RedirectToPage("/Training/Verify/Index", new { number });
        Malformed = true;
        return Page();
    }
}
