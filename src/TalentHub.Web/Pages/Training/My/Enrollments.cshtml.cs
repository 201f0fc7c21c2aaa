using TalentHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Pages.Training.My;

/// <summary>A farmer's own enrollments: current places (with waitlist position) and history; cancel before the course starts.</summary>
[Authorize(Policy = Policies.Farmer)]
public sealed class EnrollmentsModel(TalentHubDbContext db, EnrollmentService enrollments, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Session(DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    public sealed record Item(int Id, int CourseId, string Title, CourseStatus CourseStatus, string? Venue, EnrollmentStatus Status,
        int? WaitlistPosition, DateTimeOffset EnrolledAt, DateTimeOffset? CancelledAt, IReadOnlyList<Session> Sessions)
    {
        public bool IsActive => Status is EnrollmentStatus.Confirmed or EnrollmentStatus.Waitlisted;

        /// <summary>A place can be given up until the course begins.</summary>
        public bool CanCancel => IsActive && CourseStatus is CourseStatus.Published or CourseStatus.EnrollmentOpen or CourseStatus.EnrollmentClosed;
    }

    /// <summary>Attendance, score, result and certificate per enrollment id.</summary>
    public IReadOnlyDictionary<int, EnrollmentResult> Results { get; private set; } = new Dictionary<int, EnrollmentResult>();
    public IReadOnlyList<Item> Current { get; private set; } = [];
    /// <summary>Enrollments whose survey this farmer has answered (the link then reads "my rating", not "fill in").</summary>
    public IReadOnlySet<int> Answered { get; private set; } = new HashSet<int>();
    public IReadOnlyList<Item> History { get; private set; } = [];
    /// <summary>Waitlisted places the repeat rule passes over: enrollment id → the course whose place blocks them.</summary>
    public IReadOnlyDictionary<int, string> PassedOver { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (FarmerPerson.Of(User) is not { } personId) return Forbid();
        var items = await LoadAsync(personId);
        Results = await PersonOutcomes.ForPersonAsync(db, personId);
        Answered = (await db.SurveyAnswers.Where(a => a.PersonId == personId).Select(a => a.EnrollmentId).ToListAsync()).ToHashSet();
        Current = items.Where(i => i.IsActive && i.CourseStatus != CourseStatus.Cancelled).ToList();
        History = items.Except(Current).ToList();
        PassedOver = await enrollments.PassedOverAsync(Current.Where(i => i.Status == EnrollmentStatus.Waitlisted)
            .Select(i => (i.Id, i.CourseId, personId)));
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int enrollmentId)
    {
        if (FarmerPerson.Of(User) is not { } personId) return Forbid();
        // Someone else's enrollment does not exist for this farmer.
        var item = (await LoadAsync(personId, enrollmentId)).FirstOrDefault();
        if (item is null) return NotFound();
        var cancelled = item.CanCancel && await enrollments.CancelAsync(enrollmentId);
        // A double tap, or the same button again on the page the back button shows: the place is already given up, as asked.
        // The same answer as the first post's, not "can no longer be cancelled", which read as if the place were still held.
        if (!cancelled) cancelled = (await LoadAsync(personId, enrollmentId))[0].Status == EnrollmentStatus.Cancelled;
        TempData["Flash"] = cancelled ? l["My.Enrollments.Cancelled", item.Title].Value : l["My.Enrollments.CannotCancel"].Value;
        return RedirectToPage();
    }

    private async Task<List<Item>> LoadAsync(int personId, int? only = null)
    {
        var rows = await db.Enrollments.AsNoTracking()
            .Where(e => e.PersonId == personId && (only == null || e.Id == only))
            .Join(db.Courses, e => e.CourseId, c => c.Id, (e, c) => new
            {
                e.Id, e.CourseId, c.Title, CourseStatus = c.Status, c.Venue, e.Status, e.EnrolledAt, e.CancelledAt,
                Ahead = e.Status == EnrollmentStatus.Waitlisted
                    ? db.Enrollments.Count(w => w.CourseId == e.CourseId && w.Status == EnrollmentStatus.Waitlisted && w.Id < e.Id)
                    : (int?)null,
            })
            .OrderByDescending(x => x.Id).ToListAsync();
        var courseIds = rows.Select(r => r.CourseId).Distinct().ToList();
        var sessions = (await db.CourseSessions.AsNoTracking().Where(s => courseIds.Contains(s.CourseId))
                .Select(s => new { s.CourseId, s.StartsAt, s.EndsAt }).ToListAsync())
            .ToLookup(s => s.CourseId, s => new Session(s.StartsAt, s.EndsAt));
        return rows.Select(r => new Item(r.Id, r.CourseId, r.Title, r.CourseStatus, r.Venue, r.Status, r.Ahead + 1, r.EnrolledAt,
            r.CancelledAt, sessions[r.CourseId].OrderBy(s => s.StartsAt).ToList())).ToList();
    }
}
