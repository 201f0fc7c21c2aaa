using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Training.My;

/// <summary>
/// The farmer's check-in (360 px): type the 6-digit code shown in class, or scan its QR code, which
/// opens this page with the code filled in (a GET never checks in; the button posts the form).
/// </summary>
[Authorize(Policy = Policies.Farmer)]
public sealed class CheckInModel(CheckInService checkIns, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    // No pattern attribute: the browser's \d is ASCII only and the server's refused "177 454"; the shape is
    // the domain's (CheckInCode.HasShape: full-width digits, invisible characters and inner spaces count as typed).
    [Required(ErrorMessage = "CheckIn.CodeRequired")]
    [Display(Name = "CheckIn.Code")]
    public string? Code { get; set; }

    public CheckInOutcome? Outcome { get; private set; }

    public IActionResult OnGet()
    {
        if (FarmerPerson.Of(User) is null) return Forbid();
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (FarmerPerson.Of(User) is not { } personId) return Forbid();
        if (ModelState.IsValid && !CheckInCode.HasShape(Code)) ModelState.AddModelError(nameof(Code), l["CheckIn.CodeShape"]);
        if (!ModelState.IsValid) return Page();
        Outcome = await checkIns.CheckInAsync(personId, Code);
        if (Outcome.Result is CheckInResult.CheckedIn)
        {
            TempData["Flash"] = l[$"CheckIn.Result.{Outcome.Result}.{Outcome.Mark}", Outcome.CourseTitle ?? ""].Value;
            return RedirectToPage("/Training/My/Enrollments");
        }
        if (Outcome.Result is CheckInResult.AlreadyCheckedIn)
        {
            // A repeat of a check-in this farmer already made (tapped twice, or again from the scanned page): answered like the
            // first, as a success, not as a red refusal under the code.
            TempData["Flash"] = l["CheckIn.Result.AlreadyCheckedIn", Outcome.CourseTitle ?? ""].Value;
            return RedirectToPage("/Training/My/Enrollments");
        }
        ModelState.AddModelError(nameof(Code), l[$"CheckIn.Result.{Outcome.Result}", Outcome.CourseTitle ?? ""]);
        if (Outcome.Result == CheckInResult.Throttled) Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Page();
    }
}
