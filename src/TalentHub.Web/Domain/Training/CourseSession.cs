namespace TalentHub.Web.Domain.Training;

/// <summary>One class meeting. Times are instants (shown in Asia/Shanghai).</summary>
public sealed class CourseSession
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

    public decimal Hours => (decimal)Math.Round((EndsAt - StartsAt).TotalHours, 1);
}
