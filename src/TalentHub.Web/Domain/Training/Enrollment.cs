namespace TalentHub.Web.Domain.Training;

/// <summary>A person's place on a course: confirmed, or waitlisted in arrival order.</summary>
public sealed class Enrollment
{
    public int Id { get; private set; }
    public int CourseId { get; init; }
    public int PersonId { get; init; }
    public EnrollmentStatus Status { get; set; }
    public DateTimeOffset EnrolledAt { get; set; }
    public string? EnrolledByUserId { get; set; }
    /// <summary>The written reason when staff overrode an eligibility refusal (audited).</summary>
    public string? OverrideReason { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? PromotedAt { get; set; }
    public string? OutcomeReason { get; set; }

    public bool IsActive => Status is EnrollmentStatus.Confirmed or EnrollmentStatus.Waitlisted;
}
