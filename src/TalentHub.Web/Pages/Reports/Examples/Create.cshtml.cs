using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Reports;

namespace TalentHub.Web.Pages.Reports.Examples;

/// <summary>
/// /Reports/Examples/Create?Subject=Person&amp;SubjectId=N: an officer proposes a person or entity of their scope as a
/// typical example with a headline, a short story and a photo (cleaned by <see cref="ExamplePhotos"/>). Another
/// county's subject is 404.
/// </summary>
[Authorize(Policy = Policies.Officer)]
[UploadLimit(ExamplePhotos.RequestCeilingBytes)]
public sealed class CreateModel(TalentHubDbContext db, ExamplesService examples, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : StaffFormPage<CreateModel.InputModel>(db, l)
{
    public sealed class InputModel
    {
        public string? Title { get; set; }
        public string? Story { get; set; }
        public IFormFile? Photo { get; set; }
    }

    [BindProperty(SupportsGet = true)] public ExampleSubject Subject { get; set; }
    [BindProperty(SupportsGet = true)] public int SubjectId { get; set; }
    public ExampleSubjectInfo Info { get; private set; } = null!;
    public override bool IsEdit => false;
    protected override bool UsesSubmissionToken => true;

    /// <summary>
    /// False when the URL names no known subject: the enum binder refuses <c>Subject=Bogus</c> (or an undefined number) in
    /// ModelState, but the property keeps its default (Person), so without this check the page proposed person N
    /// (review12). A URL naming an unknown subject is a 404, as an unknown or out-of-scope id is.
    /// </summary>
    private bool SubjectBound =>
        ModelState.GetFieldValidationState(nameof(Subject)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
        && ModelState.GetFieldValidationState(nameof(SubjectId)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;

    /// <summary>The form; <paramref name="tooLarge"/> is set by <see cref="UploadLimitAttribute"/> after it refused a post over the request ceiling.</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = UploadLimitAttribute.TooLargeQuery)] bool tooLarge, CancellationToken ct)
    {
        if (!SubjectBound) return NotFound();
        var info = await examples.SubjectAsync(Subject, SubjectId, ct);
        if (info is null) return NotFound();
        Info = info;
        if (tooLarge) ModelState.AddModelError("Input.Photo", L["Example.PhotoTooLarge", ExamplePhotos.MaxBytes / 1024 / 1024]);
        return Page();
    }

    /// <summary>Proposes the example; the same form posted again (another tab, a retry, at the same time) goes to the example it proposed.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!SubjectBound) return NotFound();
        var info = await examples.SubjectAsync(Subject, SubjectId, ct);
        if (info is null) return NotFound();
        if (await SubmittedAsync(FormKinds.Example) is { } proposed) return RedirectToPage("Details", new { id = proposed });
        Info = info;
        byte[] photo = [];
        if (Input.Photo is { Length: > ExamplePhotos.MaxBytes })
            ModelState.AddModelError("Input.Photo", L["Example.PhotoTooLarge", ExamplePhotos.MaxBytes / 1024 / 1024]);
        else if (Input.Photo is not null)
        {
            using var buffer = new MemoryStream();
            await Input.Photo.CopyToAsync(buffer, ct);
            Try(() => photo = ExamplePhotos.Clean(buffer.ToArray()));
        }
        // Every rule whose field has no error yet, whatever else failed: all errors in one round.
        foreach (var problem in TypicalExample.Problems(Input.Title, Input.Story, photo).Where(p => Valid("Input." + p.Field)))
            ModelState.AddDomainError(problem, L);
        TypicalExample? example = null;
        if (ModelState.IsValid) Try(() => example = TypicalExample.Propose(Subject, info.Id, info.RegionCode, info.CountyCode,
                Input.Title, Input.Story, photo, User.Identity!.Name!, clock.GetUtcNow()));
        if (!ModelState.IsValid || example is null) return Page();
        var id = await SaveNewOnceAsync(example, e => e.Id, FormKinds.Example, clock.GetUtcNow());
        Flash("Example.Proposed");
        return RedirectToPage("Details", new { id });
    }
}
