namespace TalentHub.Web.Domain.Training;

/// <summary>
/// One class meeting. Times are instants (shown in Asia/Shanghai). Audited (rev35a: a session moved or deleted left no trace in
/// the audit log), without its check-in secret or reminder stamp (<c>AuditInterceptor.Skipped</c>).
/// </summary>
public sealed class CourseSession : IAudited
{
    public int Id { get; private set; }
    public int CourseId { get; private set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string Topic { get; set; } = "";
    public string? TrainerName { get; set; }
    public string? Place { get; set; }
    /// <summary>Reminder sent (the 24-hour reminder job is idempotent on this and on the outbox key).</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>Seed of the rotating check-in code (base64, 20 bytes); created when the code is first shown.</summary>
    public string? CheckInSecret { get; private set; }

    /// <summary>Creates the check-in secret once; returns true when it was created now (save needed).</summary>
    public bool EnsureCheckInSecret()
    {
        if (CheckInSecret is not null) return false;
        CheckInSecret = CheckInCode.NewSecret();
        return true;
    }

    public decimal Hours => (decimal)Math.Round((EndsAt - StartsAt).TotalHours, 1);
}
