using TalentHub.Web.Services.People;
using TalentHub.Web.Infrastructure;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Pages.People;

/// <summary>
/// A person's whole story, identifiers masked. Roles allowed to reveal get a POST button that writes an
/// audit row and shows the full numbers on that one response (never on a GET, never cached).
/// </summary>
[Authorize(Policy = Policies.RegistryStaff)]
public sealed class DetailsModel(TalentHubDbContext db, AuditLog audit, IRegionScope scope, RegionDirectory regions, PasswordResetCodes resetCodes,
    TimeProvider clock) : PageModel
{
    /// <summary>The instant the page is drawn at, for which follow-ups are overdue (the rule of <see cref="FollowUpTask.IsOverdue"/>).</summary>
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public sealed record View(int Id, string Name, Sex Sex, DateOnly BirthDate, string MaskedId, string? MaskedMobile,
        string Village, string Township, string County, EducationLevel? Education, string? Industry, string? Skills,
        string? CertificatesHeld, IncomeBand? IncomeBand, string? Notes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record VentureView(EntrepreneurOrigin Origin, DateOnly? ReturnedOn, string? Name, string? Industry,
        decimal? Investment, int? JobsCreated, int? EntityId, string? EntityName);

    public sealed record Membership(int EntityId, string Name, EntityType Type, EntityStatus Status, MemberRole Role);

    /// <summary>A course the person enrolled in; <see cref="Linked"/> when the viewer may open the course.</summary>
    public sealed record TrainingRow(int CourseId, string Title, CourseStatus CourseStatus, EnrollmentStatus Status,
        DateTimeOffset EnrolledAt, DateTimeOffset? FirstSession, decimal Hours, bool Linked, int EnrollmentId = 0);

    /// <summary>Attendance, score, completion, certificate and follow-ups per enrollment id.</summary>
    public IReadOnlyDictionary<int, Services.Training.EnrollmentResult> Results { get; private set; } = new Dictionary<int, Services.Training.EnrollmentResult>();

    public View Person { get; private set; } = null!;
    public IReadOnlyList<TrainingRow> Training { get; private set; } = [];
    public IReadOnlyList<(TalentCategory Category, LocalTalentType? Subtype)> Categories { get; private set; } = [];
    public VentureView? Venture { get; private set; }
    public IReadOnlyList<Membership> Entities { get; private set; } = [];
    public bool CanReveal => User.Meets(Policies.CanReveal);
    /// <summary>Set only by the reveal POST.</summary>
    public (string IdNumber, string? Mobile)? Revealed { get; private set; }

    /// <summary>Which kind of number the person's ID number is: the page names it so (居民身份证号, 港澳台居民居住证号 …).</summary>
    public Domain.Common.IdNumberKind IdKind { get; private set; }
    /// <summary>The person's e-mail, masked like the other identifiers (<see cref="Masking.Email"/>); null when none.</summary>
    public string? MaskedEmail { get; private set; }

    /// <summary>Set only by the reset-code POST: the one-time code, shown this once.</summary>
    public string? ResetCode { get; private set; }
    /// <summary>Whether the person has signed up (a farmer account a reset code can be issued for).</summary>
    public bool HasAccount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is null) return NotFound();
        HasAccount = await resetCodes.AccountOfAsync(id) is not null;
        return Page();
    }

    /// <summary>Issues a one-time password reset code for the person's farmer account (valid 24 h, audited, shown once).</summary>
    public async Task<IActionResult> OnPostResetCodeAsync(int id)
    {
        // The region scope filter makes another county's person invisible: that is a 404, not a 403.
        if (await LoadAsync(id) is null) return NotFound();
        if (await resetCodes.AccountOfAsync(id) is not { } account) return NotFound();
        HasAccount = true;
        ResetCode = await resetCodes.IssueAsync(account);
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        return Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(int id)
    {
        if (!CanReveal) return Forbid();
        // The region scope filter makes another county's person invisible: that is a 404, not a 403.
        if (await LoadAsync(id) is not { } full) return NotFound();
        audit.Record(AuditAction.Reveal, "Person", id.ToString(CultureInfo.InvariantCulture), AuditNotes.Revealed(), full.CountyCode);
        await db.SaveChangesAsync();
        Revealed = (full.IdNumber, full.Mobile);
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        return Page();
    }

    private sealed record Identifiers(string IdNumber, string? Mobile, string CountyCode);

    private async Task<Identifiers?> LoadAsync(int id)
    {
        var p = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => new
        {
            p.Id, p.Name, p.Sex, p.BirthDate, p.IdNumber, p.Mobile, p.Email, p.RegionCode, p.CountyCode, p.Education, p.Industry,
            p.Skills, p.CertificatesHeld, p.IncomeBand, p.Notes, p.CreatedAt, p.UpdatedAt, p.Venture,
            EntityName = db.BusinessEntities.Where(e => e.Id == p.Venture!.EntityId).Select(e => e.Name).FirstOrDefault(),
        }).FirstOrDefaultAsync();
        if (p is null) return null;

        var township = p.RegionCode[..9] + "000";
        var tree = await regions.GetAsync();
        var names = new[] { p.RegionCode, township, p.CountyCode }.Distinct()
            .Where(c => tree.Find(c) is not null).ToDictionary(c => c, c => tree.NameOf(c)!);
        Person = new View(p.Id, p.Name, p.Sex, p.BirthDate, Masking.IdNumber(p.IdNumber), p.Mobile is null ? null : Masking.Mobile(p.Mobile),
            names.GetValueOrDefault(p.RegionCode, ""), names.GetValueOrDefault(township, ""), names.GetValueOrDefault(p.CountyCode, ""),
            p.Education, p.Industry, p.Skills, p.CertificatesHeld, p.IncomeBand, p.Notes, p.CreatedAt, p.UpdatedAt);
        MaskedEmail = string.IsNullOrWhiteSpace(p.Email) ? null : Masking.Email(p.Email);
        IdKind = Domain.Common.IdNumber.KindOf(p.IdNumber);
        if (p.Venture is { } v)
            Venture = new VentureView(v.Origin, v.ReturnedOn, v.Name, v.Industry, v.Investment, v.JobsCreated, v.EntityId, p.EntityName);

        Categories = (await db.Set<PersonCategory>().AsNoTracking().Where(c => c.PersonId == id)
                .Select(c => new { c.Category, c.LocalTalentType }).ToListAsync())
            .OrderBy(c => c.Category).Select(c => (c.Category, c.LocalTalentType)).ToList();
        Entities = await db.Set<EntityMember>().AsNoTracking().Where(m => m.PersonId == id)
            .Join(db.BusinessEntities, m => m.EntityId, e => e.Id, (m, e) => new { e.Id, e.Name, e.Type, e.Status, m.Role })
            .OrderBy(m => EF.Functions.Collate(m.Name, Pinyin.Collation)).Select(m => new Membership(m.Id, m.Name, m.Type, m.Status, m.Role)).ToListAsync();
        // The person's courses may belong to another county (multi-county courses): shown, linked only when in scope.
        var viewerCounty = scope.CountyCode;
        Training = (await db.Enrollments.AsNoTracking().Where(e => e.PersonId == id)
                .Join(db.Courses.IgnoreQueryFilters([RegionFilter.Name]), e => e.CourseId, c => c.Id, (e, c) => new
                {
                    c.Id, c.Title, CourseStatus = c.Status, e.Status, e.EnrolledAt, c.TotalHours, c.CountyCode, EnrollmentId = e.Id,
                    First = c.Sessions.Min(s => (DateTimeOffset?)s.StartsAt),
                })
                .ToListAsync())
            .OrderByDescending(t => t.EnrolledAt)
            .Select(t => new TrainingRow(t.Id, t.Title, t.CourseStatus, t.Status, t.EnrolledAt, t.First, t.TotalHours,
                viewerCounty is null || viewerCounty == t.CountyCode, t.EnrollmentId))
            .ToList();
        Results = await Services.Training.PersonOutcomes.ForPersonAsync(db, id);
        return new Identifiers(p.IdNumber, p.Mobile, p.CountyCode);
    }
}
