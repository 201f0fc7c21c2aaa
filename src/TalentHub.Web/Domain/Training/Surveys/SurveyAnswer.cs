namespace TalentHub.Web.Domain.Training;

/// <summary>
/// A trainee's satisfaction rating (满意度) of a completed course: 1–5 with an optional comment; one per
/// enrollment, editable for <see cref="EditableFor"/> after the first answer.
/// </summary>
public sealed class SurveyAnswer : IAudited
{
    /// <summary>7 days.</summary>
    public static readonly TimeSpan EditableFor = TimeSpan.FromDays(7);
    /// <summary>Ratings of 4 or 5 count as satisfied; programs aim at 95 % satisfied.</summary>
    public const int SatisfiedFrom = 4;
    public const decimal TargetSatisfiedShare = 0.95m;

    public int Id { get; private set; }
    public int EnrollmentId { get; init; }
    public int CourseId { get; init; }
    public int PersonId { get; init; }
    public int Rating { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset AnsweredAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>True within <see cref="EditableFor"/> (7 days) of the first answer.</summary>
    public bool CanEdit(DateTimeOffset now) => now < AnsweredAt + EditableFor;

    /// <summary>
    /// Records a rating of 1–5 and an optional comment. Throws <see cref="DomainException"/> <c>Survey.RatingRange</c>,
    /// or <c>Survey.NoLongerEditable</c> when a saved answer is changed after <see cref="EditableFor"/>.
    /// </summary>
    public void Answer(int rating, string? comment, DateTimeOffset now)
    {
        if (rating is < 1 or > 5) throw new DomainException("Survey.RatingRange", nameof(Rating));
        if (Id != 0 && !CanEdit(now)) throw new DomainException("Survey.NoLongerEditable");
        Rating = rating;
        Comment = Clean(comment);
        UpdatedAt = now;
    }

    /// <summary>True when this answer already holds <paramref name="rating"/> and <paramref name="comment"/> (as <see cref="Answer"/> stores it).</summary>
    public bool Says(int rating, string? comment) => Rating == rating && Comment == Clean(comment);

    private static string? Clean(string? comment) => string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
}
