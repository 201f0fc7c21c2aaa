namespace TalentHub.Web.Domain.Notifications;

public enum NotificationKind
{
    EnrollmentConfirmed,
    Waitlisted,
    Promoted,
    EnrollmentCancelled,
    SessionReminder,
    CourseChanged,
    CourseCancelled,
    /// <summary>One more absence would make completion impossible.</summary>
    AtRisk,
    /// <summary>Absences already make completion impossible.</summary>
    CompletionImpossible,
    Completed,
    NotCompleted,
    CertificateIssued,
    SurveyInvite,
}

/// <summary>
/// The outbox: one row per message to deliver, unique by <see cref="Key"/> so a job or request that
/// runs twice cannot queue it twice. Delivered at least once by the dispatcher job.
/// </summary>
public sealed class Notification
{
    public long Id { get; private set; }
    public required string Key { get; init; }
    public int PersonId { get; init; }
    public NotificationKind Kind { get; init; }
    public int? CourseId { get; init; }
    public int? SessionId { get; init; }
    /// <summary>Course title etc., for rendering the text in the reader's language.</summary>
    public string? Subject { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>An in-app message shown at /My/Messages.</summary>
public sealed class Message
{
    public long Id { get; private set; }
    public long NotificationId { get; init; }
    public int PersonId { get; init; }
    public NotificationKind Kind { get; init; }
    public int? CourseId { get; init; }
    public string? Subject { get; init; }
    public DateTimeOffset? SessionStartsAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}
