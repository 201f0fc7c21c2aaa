using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Api;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Api;

namespace TalentHub.Web.Pages.Admin;

/// <summary>What the issue form posts.</summary>
public sealed class ApiTokenInput
{
    public string? Name { get; set; }
    public string? OwnerUserName { get; set; }
    public string? RegionCode { get; set; }
    public List<string> Resources { get; set; } = [];
    public bool CanReveal { get; set; }
    /// <summary>Shanghai date; the token works through the end of that day (at most a year ahead).</summary>
    [Display(Name = "ApiTokens.ExpiresOn")] public DateOnly? ExpiresOn { get; set; }
}

/// <summary>
/// API tokens (issue 14): admins and city officers issue a token (the secret is shown once, on the POST's own
/// response, never stored), see every token with its last use, and revoke one. Issuing and revoking are audited.
/// </summary>
[Authorize(Policy = Policies.CityManager)]
public sealed class ApiTokensModel(TalentHubDbContext db, ApiTokens tokens, RegionDirectory regions, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ApiTokenInput Input { get; set; } = new();
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> RegionOptions { get; private set; } = [];
    /// <summary>Set only on the response that issued a token.</summary>
    public string? NewSecret { get; private set; }
    public DateTimeOffset Now => clock.GetUtcNow();
    public bool MayGrantReveal => User.Meets(Policies.CanReveal);

    public async Task OnGetAsync()
    {
        Input.ExpiresOn = DateOnly.FromDateTime(clock.GetUtcNow().ToShanghai().AddDays(90).DateTime);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var result = await tokens.IssueAsync(User, new ApiTokenRequest(Input.Name, Input.OwnerUserName, Input.RegionCode,
            Input.Resources, Input.CanReveal, Input.ExpiresOn));
        foreach (var error in result.Errors) ModelState.AddDomainError(error, l);
        if (result.Secret is { } secret)
        {
            NewSecret = secret;
            Response.Headers.CacheControl = "no-store";
            ModelState.Clear();
            Input = new ApiTokenInput { ExpiresOn = DateOnly.FromDateTime(clock.GetUtcNow().ToShanghai().AddDays(90).DateTime) };
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        if (!await tokens.RevokeAsync(id)) return NotFound();
        TempData["Flash"] = l["ApiTokens.Revoked"].Value;
        return RedirectToPage("/Admin/ApiTokens");
    }

    private async Task LoadAsync()
    {
        Tokens = await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.Id).ToListAsync();
        var tree = await regions.GetAsync();
        RegionOptions = tree.AtLevel(RegionLevel.City).Concat(tree.AtLevel(RegionLevel.County))
            .Select(r => (r.Code, r.DisplayName(TalentHubCultures.IsEnglish))).ToList();
    }
}
