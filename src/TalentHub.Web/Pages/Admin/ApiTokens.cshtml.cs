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
/// response, never stored; the form's one-time token makes a repeated post issue nothing), see every token with its last use, and revoke one. Issuing and revoking are audited.
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
    /// <summary>
    /// The issue form's one-time token (<see cref="FormSubmission"/>, kind <see cref="FormKinds.ApiToken"/>): a new one each time the
    /// empty form is rendered, kept when it comes back with errors, so a repeated post (a refresh, a double click) issues nothing.
    /// </summary>
    [BindProperty] [System.ComponentModel.DataAnnotations.Display(Name = "Form.SubmissionToken")]
    public Guid SubmissionToken { get; set; } = Guid.NewGuid();
    /// <summary>Set on the response to a repeated post of a form whose token was already issued (its secret is not shown again).</summary>
    public bool AlreadyIssued { get; private set; }
    public DateTimeOffset Now => clock.GetUtcNow();
    public bool MayGrantReveal => User.Meets(Policies.CanReveal);

    public async Task OnGetAsync()
    {
        Input.ExpiresOn = DateOnly.FromDateTime(clock.GetUtcNow().ToShanghai().AddDays(90).DateTime);
        await LoadAsync();
    }

    /// <summary>
    /// Issues a token and shows its secret once. The token and the form's <see cref="SubmissionToken"/> are written in one
    /// transaction, so the same form posted again (a refresh, a double click, two posts at once) issues nothing more and shows
    /// <c>ApiTokens.AlreadyIssued</c> instead of a secret; a post without a well-formed token shows <c>Form.Expired</c>.
    /// </summary>
    public async Task<IActionResult> OnPostCreateAsync()
    {
        var posted = ModelState[nameof(SubmissionToken)];
        if (posted is not { ValidationState: not Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid, RawValue: not null }
            || SubmissionToken == Guid.Empty)
        {
            ModelState.Remove(nameof(SubmissionToken));
            ModelState.AddModelError("", l["Form.Expired"]);
            SubmissionToken = Guid.NewGuid();
            await LoadAsync();
            return Page();
        }
        if (await IssuedAsync()) return await AlreadyIssuedAsync();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var result = await tokens.IssueAsync(User, new ApiTokenRequest(Input.Name, Input.OwnerUserName, Input.RegionCode,
                Input.Resources, Input.CanReveal, Input.ExpiresOn));
            foreach (var error in result.Errors) ModelState.AddDomainError(error, l);
            if (result is not { Secret: { } secret, Token: { } token })
            {
                await LoadAsync();
                return Page();
            }
            try
            {
                db.FormSubmissions.Add(new FormSubmission { Token = SubmissionToken, Kind = FormKinds.ApiToken, RecordId = token.Id,
                    UserName = User.Identity!.Name!, CreatedAt = clock.GetUtcNow() });
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // This form's other post issued its token first: this one (and its secret) is rolled back.
                await tx.RollbackAsync();
                db.ChangeTracker.Clear();
                return await AlreadyIssuedAsync();
            }
            NewSecret = secret;
        }
        Response.Headers.CacheControl = "no-store";
        await FreshFormAsync();
        return Page();
    }

    private Task<bool> IssuedAsync() => db.FormSubmissions.AsNoTracking()
        .AnyAsync(s => s.Token == SubmissionToken && s.Kind == FormKinds.ApiToken && s.UserName == User.Identity!.Name);

    private async Task<IActionResult> AlreadyIssuedAsync()
    {
        AlreadyIssued = true;
        await FreshFormAsync();
        return Page();
    }

    /// <summary>An empty issue form with a new <see cref="SubmissionToken"/>, after a token was issued.</summary>
    private async Task FreshFormAsync()
    {
        ModelState.Clear();
        Input = new ApiTokenInput { ExpiresOn = DateOnly.FromDateTime(clock.GetUtcNow().ToShanghai().AddDays(90).DateTime) };
        SubmissionToken = Guid.NewGuid();
        await LoadAsync();
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
