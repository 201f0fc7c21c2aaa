using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Notifications;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Training.Courses;

/// <summary>
/// A course's results: every trainee's attendance share, score, completion and certificate; the at-risk
/// list while the course runs; the satisfaction survey's results. Officers revoke a certificate with a
/// written reason (audited; the trainee is told, <see cref="NotificationKind.CertificateRevoked"/>) and may reissue (补发) one
/// they revoked as a new certificate (<see cref="CertificateService.ReissueAsync"/>; <see cref="NotificationKind.CertificateReissued"/>).
/// </summary>
[Authorize(Policy = Policies.CourseViewer)]
public sealed class OutcomesModel(TalentHubDbContext db, Outbox outbox, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Course Course { get; private set; } = null!;
    public IReadOnlyList<TraineeResult> Trainees { get; private set; } = [];
    public IReadOnlyList<TraineeResult> AtRisk => Trainees.Where(t => t.Risk != AtRiskLevel.None).ToList();
    public Satisfaction Satisfaction { get; private set; } = new(0, 0, null, null);
    public IReadOnlyList<(int Rating, string Comment)> Comments { get; private set; } = [];
    public bool CanRevoke => CourseAccess.IsOfficer(User);

    [BindProperty, Display(Name = "Certificate.RevokeReason")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string? RevokeReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>
    /// <c>/Courses/{id}/Outcomes?handler=Export&amp;format=xlsx|csv</c>: every trainee's result as the table shows it (ID
    /// number masked; attendance and score; result with its reason; certificate number, marked when revoked), audited
    /// with the course id. 404 for a course the user may not see (another county's, or not the trainer's own); 400 for
    /// another format.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(int id, string? format, [FromServices] AuditLog audit, [FromServices] RegionDirectory regions,
        CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        if (!await LoadAsync(id)) return NotFound();
        static string Pct(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        var sheet = new SheetData(l["Outcomes.Trainees"] + " · " + Course.Title,
            [l["Person.Name"], l["Person.IdNumber"], l["Outcomes.Attendance"], l["Assessment.Score"], l["Outcomes.Result"], l["Certificate.Number"]],
            Trainees.Select(t => (IReadOnlyList<object?>)[t.Name, Masking.IdNumber(t.IdNumber), Pct(t.AttendedShare),
                t.Score?.ToString("0.#", CultureInfo.InvariantCulture) ?? "",
                l["EnrollmentStatus." + t.Status].Value + (t.Reason is null ? "" : " · " + l["Completion." + t.Reason].Value),
                t.CertificateNumber is null ? "" : t.CertificateNumber + (t.RevokedAt is null ? "" : " (" + l["Certificates.Revoked"].Value + ")")]));
        audit.Record(AuditAction.Export, nameof(Certificate), null,
            new AuditNote().With(AuditNoteKeys.Format, format).With(AuditNoteKeys.Rows, Trainees.Count).With(AuditNoteKeys.Course, id), Course.CountyCode);
        await db.SaveChangesAsync(ct);
        return ExportLinks.File(sheet, await ExportLinks.NameAsync(l, "Download.Outcomes", regions, Course.CountyCode, clock, ct,
            (Course.Title, string.Create(CultureInfo.InvariantCulture, $"course-{id}"))), csv: format == "csv");
    }

    /// <summary>The export link of this course's results for <paramref name="format"/> (xlsx or csv).</summary>
    public string ExportUrl(string format) =>
        ExportLinks.HandlerUrl(string.Create(CultureInfo.InvariantCulture, $"/Courses/{Course.Id}/Outcomes"), new Dictionary<string, string?>(), format);

    public async Task<IActionResult> OnPostRevokeAsync(int id, int certificateId)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!CanRevoke) return Forbid();
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Id == certificateId && c.CourseId == id);
        if (certificate is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            certificate.Revoke(RevokeReason, User.Identity?.Name, clock.GetUtcNow());
        }
        catch (DomainException e) when (e.Field == nameof(RevokeReason))
        {
            ModelState.AddModelError(nameof(RevokeReason), l[e.MessageKey]);
            ViewData["RevokeFor"] = certificateId;
            return Page();
        }
        catch (DomainException e) when (e.MessageKey == "Certificate.AlreadyRevoked")
        {
            return await RevokedMeanwhileAsync(id, certificate);
        }
        await outbox.QueueCertificateRevokedAsync(certificate, Course.Title);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex))
        {
            // Another officer (the outbox key) or an attendance correction (RevokedAt, a concurrency token) revoked it at the same
            // moment: that revocation stands, nothing of this post is written.
            db.ChangeTracker.Clear();
            return await RevokedMeanwhileAsync(id, certificate);
        }
        TempData["Flash"] = l["Certificate.RevokedFlash", certificate.Number].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// The refusal of a revoke whose certificate was revoked meanwhile (a stale page, or another officer at the same moment;
    /// perhaps reissued since): the row shows no revoke form for it any more, so the page, as it is now, says so on the trainee's
    /// row, naming the number the officer meant.
    /// </summary>
    private async Task<IActionResult> RevokedMeanwhileAsync(int id, Certificate certificate)
    {
        ModelState.AddModelError("Revoke", l["Certificate.RevokedMeanwhile", certificate.Number].Value);
        ViewData["RevokeErrorFor"] = certificate.EnrollmentId;
        await LoadAsync(id);
        return Page();
    }

    /// <summary>
    /// <c>POST /Courses/{id}/Outcomes?handler=Reissue</c> with <c>certificateId</c>: an officer (<see cref="CourseAccess.IsOfficer"/>,
    /// else 403) reissues a certificate they revoked as a new one (<see cref="CertificateService.ReissueAsync"/>; audited) and is
    /// redirected with the new number in the flash. 404 for a course or certificate out of scope or not of this course; a refusal
    /// (<see cref="DomainException"/>) is shown on the certificate's row.
    /// </summary>
    public async Task<IActionResult> OnPostReissueAsync(int id, int certificateId, [FromServices] CertificateService certificates)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!CanRevoke) return Forbid();
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Id == certificateId && c.CourseId == id);
        if (certificate is null) return NotFound();
        try
        {
            var reissued = await certificates.ReissueAsync(certificate, Course.Title);
            TempData["Flash"] = l["Certificate.ReissuedFlash", certificate.Number, reissued.Number].Value;
            return RedirectToPage(new { id });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("Reissue", l[e.MessageKey]);
            // On the trainee's row, which shows their latest certificate (after a rival's reissue, the new one).
            ViewData["ReissueFor"] = certificate.EnrollmentId;
            await LoadAsync(id);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await db.Courses.AsNoTracking().VisibleTo(User).Include(c => c.Sessions).FirstOrDefaultAsync(c => c.Id == id) is not { } course) return false;
        Course = course;
        Trainees = await CourseResults.ForCourseAsync(db, course);
        Satisfaction = await CourseResults.SatisfactionAsync(db, [id]);
        Comments = (await db.SurveyAnswers.AsNoTracking().Where(a => a.CourseId == id && a.Comment != null).OrderByDescending(a => a.Id).Take(50)
            .Select(a => new { a.Rating, a.Comment }).ToListAsync()).Select(a => (a.Rating, a.Comment!)).ToList();
        return true;
    }
}
