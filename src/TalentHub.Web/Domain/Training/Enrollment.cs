namespace TalentHub.Web.Domain.Training;

/// <summary>A person's place on a course: confirmed, or waitlisted in arrival order.</summary>
public sealed class Enrollment : IAudited
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

    /// <summary>Assessment score 0–100 (考核), where the course is assessed.</summary>
    public decimal? Score { get; private set; }
    /// <summary>When the course sweep decided Completed or NotCompleted.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Trainees who hold (or held) a seat: they are on the roll call, the sign-in sheet and the results.</summary>
    public bool IsTrainee => Status is EnrollmentStatus.Confirmed or EnrollmentStatus.Completed or EnrollmentStatus.NotCompleted;

    /// <summary>Sets or clears the score; 0–100 with at most one decimal.</summary>
    public void SetScore(decimal? score)
    {
        if (score is < 0 or > 100) throw new DomainException("Assessment.ScoreRange", nameof(Score));
        Score = score is null ? null : Math.Round(score.Value, 1);
    }

    /// <summary>The course sweep's verdict; only a confirmed place is decided (so a second sweep changes nothing).</summary>
    public bool Complete(CompletionOutcome outcome, DateTimeOffset now)
    {
        if (Status != EnrollmentStatus.Confirmed) return false;
        Status = outcome.Completed ? EnrollmentStatus.Completed : EnrollmentStatus.NotCompleted;
        OutcomeReason = outcome.Reason?.ToString();
        CompletedAt = now;
        return true;
    }

    /// <summary>
    /// Re-decides a place the sweep already decided, after its attendance was corrected on the completed course
    /// (PRODUCT.md §5 Completion): takes the new verdict's status and reason and keeps the original decision date.
    /// A place not decided yet (Confirmed) is left to the sweep. Returns whether the status changed.
    /// </summary>
    public bool Redecide(CompletionOutcome outcome)
    {
        if (Status is not (EnrollmentStatus.Completed or EnrollmentStatus.NotCompleted)) return false;
        var status = outcome.Completed ? EnrollmentStatus.Completed : EnrollmentStatus.NotCompleted;
        OutcomeReason = outcome.Reason?.ToString();
        if (status == Status) return false;
        Status = status;
        return true;
    }

    public bool IsActive => Status is EnrollmentStatus.Confirmed or EnrollmentStatus.Waitlisted;
}
