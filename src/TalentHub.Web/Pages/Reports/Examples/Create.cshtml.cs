using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
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
        /// <summary>Propose although the subject already has an example of the same title (<see cref="Duplicate"/>).</summary>
        public bool ProposeAnyway { get; set; }
    }

    /// <summary>The existing example the duplicate warning names and links to.</summary>
    public sealed record DuplicateExample(int Id, string Title);

    /// <summary>A pending or approved example of the same subject with the same title; set when the form warns of it.</summary>
    public DuplicateExample? Duplicate { get; private set; }

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

    /// <summary>
    /// Proposes the example; the same form posted again (another tab, a retry, at the same time) goes to the example it proposed.
    /// An example repeating one of the same subject and title (not rejected) is saved only with "propose anyway" ticked, as a course.
    /// </summary>
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
        // The duplicate warning comes with any other error, and stays (its box as posted) until a post saves (review31).
        if (Valid("Input.Title") && !string.IsNullOrWhiteSpace(Input.Title)) Duplicate = await FindDuplicateAsync(info.Id, Input.Title, ct);
        var held = Duplicate is not null && !Input.ProposeAnyway;
        // As on the course form: a post of this same form at the same time may be what made the "duplicate"; go to it.
        if (held && await SubmittedAsync(FormKinds.Example) is { } proposedMeanwhile) return RedirectToPage("Details", new { id = proposedMeanwhile });
        if (!ModelState.IsValid || example is null || held)
        {
            // A browser cannot put a chosen file back into the form: say so next to it rather than lose it quietly.
            if (Input.Photo is { Length: > 0 } && Valid("Input.Photo")) ModelState.AddModelError("Input.Photo", L["Example.PhotoChooseAgain"]);
            return Page();
        }
        var id = await SaveNewOnceAsync(example, e => e.Id, FormKinds.Example, clock.GetUtcNow());
        Flash("Example.Proposed");
        return RedirectToPage("Details", new { id });
    }

    /// <summary>
    /// The first pending or approved example of this page's subject (<see cref="Subject"/>, <paramref name="subjectId"/>) whose
    /// title is the same as <paramref name="title"/> after <see cref="Domain.Training.CourseDuplicates.TitleKey"/> (the app's
    /// normalization, case- and width-insensitive); null when none.
    /// </summary>
    private async Task<DuplicateExample?> FindDuplicateAsync(int subjectId, string title, CancellationToken ct)
    {
        int? personId = Subject == ExampleSubject.Person ? subjectId : null, entityId = Subject == ExampleSubject.Entity ? subjectId : null;
        var found = await Db.Examples.AsNoTracking()
            .Where(e => e.Subject == Subject && e.PersonId == personId && e.EntityId == entityId && e.Status != ExampleStatus.Rejected)
            .OrderBy(e => e.Id).Select(e => new DuplicateExample(e.Id, e.Title)).ToListAsync(ct);
        return found.FirstOrDefault(e => Domain.Training.CourseDuplicates.SameTitle(e.Title, title));
    }
}
