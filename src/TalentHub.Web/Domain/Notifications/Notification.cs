namespace TalentHub.Web.Domain.Notifications;

/// <summary>
/// What a <see cref="Notification"/> says; the text is a resource rendered in the reader's
/// language ("Message.{Kind}"). Stored by name: renaming a member changes stored outbox and message rows.
/// </summary>
public enum NotificationKind
{
    EnrollmentConfirmed,
    Waitlisted,
    /// <summary>Moved from the waitlist to a confirmed place after a cancellation.</summary>
    Promoted,
    EnrollmentCancelled,
    /// <summary>24 hours before each session.</summary>
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
    /// <summary>
    /// An attendance correction made a Completed trainee NotCompleted and revoked their certificate (<c>About</c>: its number);
    /// replaces <see cref="NotCompleted"/> for that correction.
    /// </summary>
    CertificateRevokedForCorrection,
    /// <summary>
    /// A later correction made the trainee Completed again and the certificate revoked for the earlier one is valid again, same
    /// number (<c>About</c>): not a new issue; replaces <see cref="Completed"/> and <see cref="CertificateIssued"/> for that correction.
    /// </summary>
    CertificateReinstated,
    /// <summary>
    /// A correction made the trainee Completed again but the certificate an officer had revoked (not for a correction) stays
    /// revoked (<c>About</c>: its number); replaces <see cref="Completed"/>, whose text promises a certificate, for that correction.
    /// </summary>
    CompletedCertificateStaysRevoked,
    /// <summary>An officer revoked the trainee's certificate (<c>About</c>: its number).</summary>
    CertificateRevoked,
    /// <summary>An officer reissued (补发) a certificate they had revoked: a new certificate (<c>About</c>: its new number).</summary>
    CertificateReissued,
    SurveyInvite,
    /// <summary>To the course's staff: a trainee (<c>About</c>) is one absence away from not completing.</summary>
    TraineeAtRisk,
    /// <summary>To the course's staff: a trainee's (<c>About</c>) absences already make completion impossible.</summary>
    TraineeCompletionImpossible,
}

/// <summary>
/// The outbox: one row per message to deliver, unique by <see cref="Key"/> so a job or request that
/// runs twice cannot queue it twice. Delivered at least once by the dispatcher job.
/// Addressed to exactly one of a registry person (farmers) or a user account (staff, who have no person record).
/// </summary>
public sealed class Notification
{
    public long Id { get; private set; }
    public required string Key { get; init; }
    public int? PersonId { get; init; }
    /// <summary>The staff account addressed when <see cref="PersonId"/> is null (Identity user id).</summary>
    public string? UserId { get; init; }
    /// <summary>
    /// What the text names besides the course (<c>{2}</c> of "Message.{Kind}"): a trainee's name for staff messages, the
    /// certificate number for a certificate revoked, reinstated or reissued (the new number); null otherwise.
    /// </summary>
    public string? About { get; init; }
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

/// <summary>An in-app message shown at /My/Messages (a person's) or /Messages (a staff account's).</summary>
public sealed class Message
{
    public long Id { get; private set; }
    public long NotificationId { get; init; }
    public int? PersonId { get; init; }
    public string? UserId { get; init; }
    /// <summary>As <see cref="Notification.About"/>.</summary>
    public string? About { get; init; }
    public NotificationKind Kind { get; init; }
    public int? CourseId { get; init; }
    public string? Subject { get; init; }
    public DateTimeOffset? SessionStartsAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}
