namespace TalentHub.Web.Domain.Training;

/// <summary>Draft → Published → EnrollmentOpen → EnrollmentClosed → InProgress → Completed → Archived; Cancelled before Completed.</summary>
public static class CourseLifecycle
{
    private static readonly Dictionary<CourseStatus, CourseStatus[]> Allowed = new()
    {
        [CourseStatus.Draft] = [CourseStatus.Published, CourseStatus.Cancelled],
        [CourseStatus.Published] = [CourseStatus.EnrollmentOpen, CourseStatus.Draft, CourseStatus.Cancelled],
        [CourseStatus.EnrollmentOpen] = [CourseStatus.EnrollmentClosed, CourseStatus.Cancelled],
        [CourseStatus.EnrollmentClosed] = [CourseStatus.EnrollmentOpen, CourseStatus.InProgress, CourseStatus.Cancelled],
        [CourseStatus.InProgress] = [CourseStatus.Completed, CourseStatus.Cancelled],
        [CourseStatus.Completed] = [CourseStatus.Archived],
        [CourseStatus.Archived] = [],
        [CourseStatus.Cancelled] = [],
    };

    /// <summary>The statuses a course may move to from <paramref name="status"/>; empty for Archived and Cancelled.</summary>
    public static IReadOnlyList<CourseStatus> NextFrom(CourseStatus status) => Allowed[status];

    /// <summary>Whether <paramref name="from"/> → <paramref name="to"/> is a step of the lifecycle (PRODUCT.md §5); preconditions are checked by <see cref="Course.MoveStatus"/>.</summary>
    public static bool CanMove(CourseStatus from, CourseStatus to) => Allowed[from].Contains(to);

    /// <summary>
    /// A freed seat goes to the waitlist only before the course starts: once it is in progress nobody
    /// who missed the first sessions is told "you have a seat".
    /// </summary>
    public static bool AllowsPromotion(CourseStatus status) =>
        status is CourseStatus.Published or CourseStatus.EnrollmentOpen or CourseStatus.EnrollmentClosed;

    /// <summary>Staff may still cancel a place (a withdrawal) while the course is planned or running.</summary>
    public static bool AllowsWithdrawal(CourseStatus status) => IsLive(status) || status == CourseStatus.Draft;

    /// <summary>
    /// A finished course's roster is a record: read only, except an audited correction with a written
    /// reason (never a promotion, never a notification).
    /// </summary>
    public static bool AllowsCorrection(CourseStatus status) => status is CourseStatus.Completed or CourseStatus.Archived;

    /// <summary>States in which the enrolled are still expecting the course to happen.</summary>
    public static bool IsLive(CourseStatus status) =>
        status is CourseStatus.Published or CourseStatus.EnrollmentOpen or CourseStatus.EnrollmentClosed or CourseStatus.InProgress;
}
