using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Reports;

namespace TalentHub.Web.Pages.Examples;

/// <summary>
/// Public, anonymous /Examples: the approved typical examples (典型案例) of the whole city, a person's name masked
/// 张*明 and no identifier, ID or contact shown; photos only of approved examples.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ExamplesService examples, RegionDirectory regions) : PageModel
{
    public IReadOnlyList<ExampleCard> Cards { get; private set; } = [];
    public RegionTree Regions { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Regions = await regions.GetAsync(ct);
        Cards = await examples.ApprovedAsync(ct: ct);
    }

    /// <summary>The photo of an approved example; 404 for any other.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(int id, CancellationToken ct)
    {
        var photo = await examples.ApprovedPhotoAsync(id, ct);
        return photo is null ? NotFound() : File(photo, "image/jpeg");
    }
}
