using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Pages.Training.Courses.Sessions;

/// <summary>
/// Who takes attendance for a session (pages require policy CourseViewer): the course's trainer and the staff of its county (the course
/// query filter hides another county's course, and a session of another course is not found: 404).
/// </summary>
public static class SessionAccess
{
    public sealed record SessionHead(int CourseId, string CourseTitle, CourseStatus CourseStatus, string? Venue, int SessionId,
        DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Topic, string? Place, string? TrainerName, string? Secret);

    /// <summary>The session if this user may take its attendance, else null (the page answers 404).</summary>
    public static Task<SessionHead?> FindAsync(TalentHubDbContext db, int courseId, int sessionId, ClaimsPrincipal user, CancellationToken ct = default) =>
        db.Courses.AsNoTracking().VisibleTo(user).Where(c => c.Id == courseId)
            .SelectMany(c => c.Sessions.Where(s => s.Id == sessionId), (c, s) => new SessionHead(c.Id, c.Title, c.Status, c.Venue, s.Id,
                s.StartsAt, s.EndsAt, s.Topic, s.Place, s.TrainerName, s.CheckInSecret))
            .FirstOrDefaultAsync(ct);

    /// <summary>Marks are taken once the course has begun, and corrected afterwards (audited); not for drafts or cancelled courses.</summary>
    public static bool CanMark(CourseStatus status) =>
        status is CourseStatus.EnrollmentClosed or CourseStatus.InProgress or CourseStatus.Completed or CourseStatus.EnrollmentOpen;

    /// <summary>
    /// True once the session has opened (<see cref="CheckInCode.OpensBefore"/> before its start, as for the check-in code): a roll call
    /// or sign-in sheet saved for a session still to come marked its trainees (all of them Absent, from an empty sheet), which made
    /// their completion impossible and told them so (review12).
    /// </summary>
    public static bool HasOpened(SessionHead session, DateTimeOffset now) => now >= session.StartsAt - CheckInCode.OpensBefore;

    /// <summary>
    /// The marks picked for rows (posted as <c>Marks[enrollment id]</c>; empty: none chosen) on the roll call and the sign-in sheet. Read
    /// from the form rather than bound: a dictionary bound with no <c>Marks[…]</c> posted falls back to reading every field
    /// (<c>Signed</c> included) as an entry and fails. False when a posted mark is not one of <see cref="AttendanceMark"/>.
    /// </summary>
    public static bool TryReadMarks(HttpRequest request, out Dictionary<int, AttendanceMark> chosen) => TryReadMarks(request, out chosen, out _);

    /// <summary>As <see cref="TryReadMarks(HttpRequest, out Dictionary{int, AttendanceMark})"/>, with <paramref name="rows"/>: every
    /// enrollment id the posted form had a row for (a mark chosen or not).</summary>
    public static bool TryReadMarks(HttpRequest request, out Dictionary<int, AttendanceMark> chosen, out HashSet<int> rows)
    {
        chosen = [];
        rows = [];
        if (!request.HasFormContentType) return true;
        foreach (var (key, value) in request.Form)
        {
            if (!key.StartsWith("Marks[", StringComparison.Ordinal) || !key.EndsWith(']')) continue;
            if (!int.TryParse(key.AsSpan(6, key.Length - 7), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var enrollmentId)) return false;
            rows.Add(enrollmentId);
            var text = value.ToString();
            if (text.Length == 0) continue;
            if (!Enum.TryParse<AttendanceMark>(text, out var mark) || !Enum.IsDefined(mark) || char.IsAsciiDigit(text[0])) return false;
            chosen[enrollmentId] = mark;
        }
        return true;
    }

    /// <summary>
    /// The stamps of the marks the rows showed when the page was loaded (posted as hidden <c>Stamps[enrollment id]</c>, text of
    /// <see cref="MarkStamp.ToString"/>); a row without one (an older form) is missing. False when a posted stamp cannot be read
    /// (a tampered or damaged form: nothing is saved).
    /// </summary>
    public static bool TryReadStamps(HttpRequest request, out Dictionary<int, MarkStamp> stamps)
    {
        stamps = [];
        if (!request.HasFormContentType) return true;
        foreach (var (key, value) in request.Form)
        {
            if (!key.StartsWith("Stamps[", StringComparison.Ordinal) || !key.EndsWith(']')) continue;
            if (!int.TryParse(key.AsSpan(7, key.Length - 8), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var enrollmentId)
                || !MarkStamp.TryParse(value.ToString(), out var stamp)) return false;
            stamps[enrollmentId] = stamp;
        }
        return true;
    }

    /// <summary>
    /// The warning after a save that kept marks changed meanwhile: the trainees by name, each with the mark, how and when it was
    /// set ("张三（现为迟到，扫码/签到码，2026年12月3日 09:20）"); null when none was kept.
    /// </summary>
    public static string? KeptText(IStringLocalizer l, MarksSaved saved)
    {
        if (saved.Kept.Count == 0) return null;
        var items = saved.Kept.Select(k => l["Attendance.KeptItem", k.Name, k.Mark is { } m ? l[$"AttendanceMark.{m}"].Value : "—",
            k.Source is { } s ? l[$"AttendanceSource.{s}"].Value : "—", ShanghaiTime.FormatDateTime(k.MarkedAt)].Value);
        return l["Attendance.ChangedMeanwhile", string.Join(l["FollowUp.Separator"].Value, items)].Value;
    }

    /// <summary>
    /// The flash after saving marks: how many changed and, on a completed course, whose result the correction changed
    /// ("2 results changed: 董红霞 → Not completed (Attended too few hours); …"), and for one Completed again what became of the
    /// certificate they held ("… → Completed (certificate valid again)" or "(certificate revoked by an officer: stays revoked)"), and for one Not completed
    /// whether their certificate was revoked ("… → Not completed (Attended too few hours; certificate revoked)").
    /// </summary>
    public static string SavedText(IStringLocalizer l, MarksSaved saved)
    {
        var text = l.Plural("Attendance.Saved", saved.Changed).Value;
        if (saved.Results.Count == 0) return text;
        var items = saved.Results.Select(r => r.Reason is { } reason
            ? l["Attendance.ResultChangedWhy", r.Name, l["EnrollmentStatus.NotCompleted"].Value, r.Certificate == CompletionService.CertificateChange.Revoked
                ? l["Attendance.AndCertificate", l["Completion." + reason].Value, l["Attendance.CertificateRevoked"].Value].Value
                : l["Completion." + reason].Value].Value
            : r.Certificate != CompletionService.CertificateChange.None
                ? l["Attendance.ResultChangedWhy", r.Name, l["EnrollmentStatus.Completed"].Value, l["Attendance.Certificate" + r.Certificate].Value].Value
                : l["Attendance.ResultChanged", r.Name, l[r.Completed ? "EnrollmentStatus.Completed" : "EnrollmentStatus.NotCompleted"].Value].Value);
        return text + " " + l.Plural("Attendance.ResultsChanged", saved.Results.Count, saved.Results.Count, string.Join(l["FollowUp.Separator"].Value, items)).Value;
    }
}
