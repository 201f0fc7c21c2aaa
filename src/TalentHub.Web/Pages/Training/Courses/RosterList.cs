using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Training;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Pages.Training.Courses;

/// <summary>One line of a roster: identifiers masked, the enrolling user by name.</summary>
public sealed record RosterRow(int EnrollmentId, int Position, int PersonId, string Name, string MaskedId, string MaskedMobile,
    EnrollmentStatus Status, DateTimeOffset EnrolledAt, string? EnrolledBy, bool SelfService, string? OverrideReason,
    DateTimeOffset? PromotedAt, DateTimeOffset? CancelledAt);

/// <summary>The roster of one course, split into participants, waitlist (arrival order) and cancelled history.</summary>
public sealed record RosterList(IReadOnlyList<RosterRow> Participants, IReadOnlyList<RosterRow> Waitlist, IReadOnlyList<RosterRow> Cancelled)
{
    public static async Task<RosterList> LoadAsync(TalentHubDbContext db, int courseId, CancellationToken ct = default)
    {
        // The course itself is already checked to be in the user's scope. Its trainees may live in another
        // county (multi-county courses, overrides), and the roster must still name them (masked), so people
        // are read here outside the registry's county filter, only through this course's enrollments.
        var rows = await db.Enrollments.AsNoTracking().Where(e => e.CourseId == courseId)
            .Join(db.People.IgnoreQueryFilters([RegionFilter.Name]), e => e.PersonId, p => p.Id, (e, p) => new
            {
                e.Id, e.PersonId, p.Name, p.IdNumber, p.Mobile, e.Status, e.EnrolledAt, e.EnrolledByUserId,
                e.OverrideReason, e.PromotedAt, e.CancelledAt,
            })
            .OrderBy(x => x.Id).ToListAsync(ct);

        var userIds = rows.Select(r => r.EnrolledByUserId).OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.PersonId }).ToDictionaryAsync(u => u.Id, ct);

        List<RosterRow> Build(IEnumerable<EnrollmentStatus> statuses) => rows.Where(r => statuses.Contains(r.Status))
            .Select((r, i) =>
            {
                var by = r.EnrolledByUserId is { } uid ? users.GetValueOrDefault(uid) : null;
                return new RosterRow(r.Id, i + 1, r.PersonId, r.Name, Masking.IdNumber(r.IdNumber), Masking.Mobile(r.Mobile),
                    r.Status, r.EnrolledAt, by is null ? null : string.IsNullOrEmpty(by.DisplayName) ? by.UserName : by.DisplayName,
                    by?.PersonId == r.PersonId, r.OverrideReason, r.PromotedAt, r.CancelledAt);
            }).ToList();

        return new RosterList(
            Build([EnrollmentStatus.Confirmed, EnrollmentStatus.Completed, EnrollmentStatus.NotCompleted]),
            Build([EnrollmentStatus.Waitlisted]),
            Build([EnrollmentStatus.Cancelled, EnrollmentStatus.CourseCancelled]));
    }

    /// <summary>Every line, participants then waitlist then cancelled.</summary>
    public int Count => Participants.Count + Waitlist.Count + Cancelled.Count;

    /// <summary>
    /// The roster as one sheet for its export: participants, waitlist and cancelled history in the page's order, a column
    /// naming which list a line is on, identifiers masked and the other cells worded as the page shows them, in the viewer's language.
    /// </summary>
    public SheetData Sheet(string courseTitle, IStringLocalizer l)
    {
        IEnumerable<IReadOnlyList<object?>> Lines(IReadOnlyList<RosterRow> rows, string list) => rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Position, list, r.Name, r.MaskedId, r.MaskedMobile,
            // The status is a word; the promotion from the waitlist is its own date column (a date cell, ISO 8601 in csv).
            l["Status.Enrollment." + r.Status].Value, r.PromotedAt?.ToShanghai(),
            r.EnrolledAt.ToShanghai(), r.SelfService ? l["Roster.SelfService"].Value : r.EnrolledBy ?? "",
            r.OverrideReason ?? "", r.CancelledAt?.ToShanghai(),
        ]);
        return new SheetData(courseTitle,
            ["#", l["Roster.Export.List"], l["Person.Name"], l["Person.IdNumber"], l["Person.Mobile"], l["Roster.Status"], l["Roster.PromotedAtField"],
                l["Roster.EnrolledAt"], l["Roster.EnrolledBy"], l["Roster.OverrideReason"], l["Roster.Export.CancelledAt"]],
            Lines(Participants, l["Roster.Participants"]).Concat(Lines(Waitlist, l["Roster.Waitlist"])).Concat(Lines(Cancelled, l["Roster.Export.Cancelled"])));
    }
}
