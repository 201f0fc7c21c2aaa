namespace TalentHub.Web.Domain.Training;

/// <summary>
/// A follow-up (跟踪服务) of a completed trainee, due 3, 6 or 12 months after completion, for the
/// course county's clerks (PRODUCT.md §5). The outcome is recorded once the clerk has reached the
/// person, or the task is closed as unreachable.
/// </summary>
public sealed class FollowUpTask : IRegionOwned, IAudited
{
    /// <summary>Months after completion at which a follow-up falls due.</summary>
    public static readonly int[] Milestones = [3, 6, 12];
    /// <summary>A task more than 30 days past its due date is overdue.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromDays(30);

    public int Id { get; private set; }
    public int EnrollmentId { get; init; }
    public int CourseId { get; init; }
    public int PersonId { get; init; }
    public required string RegionCode { get; init; }
    public required string CountyCode { get; init; }
    public int Months { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RecordedAt { get; private set; }
    public string? RecordedBy { get; private set; }
    public bool Unreachable { get; private set; }
    public bool StartedBusiness { get; private set; }
    public string? VentureName { get; private set; }
    public bool JoinedEntity { get; private set; }
    public int? EntityId { get; private set; }
    public bool AdoptedTechnique { get; private set; }
    /// <summary>Income change in percent (−100 … 1000), when known.</summary>
    public decimal? IncomeChangePercent { get; private set; }
    public bool Employed { get; private set; }
    public string? Notes { get; private set; }

    public bool IsDone => RecordedAt is not null;

    /// <summary>Not recorded and more than <see cref="OverdueAfter"/> (30 days) past its due instant.</summary>
    public bool IsOverdue(DateTimeOffset now) => !IsDone && now > DueAt + OverdueAfter;

    /// <summary>The due instant: completion plus <paramref name="months"/> calendar months.</summary>
    public static DateTimeOffset DueFrom(DateTimeOffset completedAt, int months) => completedAt.AddMonths(months);

    /// <summary>
    /// Every rule <paramref name="o"/> breaks, each with its field, so a form shows them all at once: a business start needs
    /// its name, a joined entity its link, an income change lies within −100 … 1000 %. None for an unreachable person.
    /// </summary>
    public static IReadOnlyList<DomainException> Problems(FollowUpOutcome o)
    {
        var problems = new List<DomainException>();
        if (o.Unreachable) return problems;
        if (o.StartedBusiness && string.IsNullOrWhiteSpace(o.VentureName))
            problems.Add(new DomainException("FollowUp.VentureNameRequired", "Input.VentureName"));
        if (o.JoinedEntity && o.EntityId is null)
            problems.Add(new DomainException("FollowUp.EntityRequired", "Input.Entity"));
        if (o.IncomeChangePercent is < -100 or > 1000)
            problems.Add(new DomainException("FollowUp.IncomeRange", "Input.IncomeChangePercent"));
        return problems;
    }

    /// <summary>Records what became of the person; throws the first of <see cref="Problems"/> when the outcome breaks a rule.</summary>
    public void Record(FollowUpOutcome o, string? by, DateTimeOffset now)
    {
        if (Problems(o) is [var first, ..]) throw first;
        var n = Normalized(o);
        Unreachable = n.Unreachable;
        StartedBusiness = n.StartedBusiness;
        VentureName = n.VentureName;
        JoinedEntity = n.JoinedEntity;
        EntityId = n.EntityId;
        AdoptedTechnique = n.AdoptedTechnique;
        IncomeChangePercent = n.IncomeChangePercent;
        Employed = n.Employed;
        Notes = n.Notes;
        RecordedAt = now;
        RecordedBy = by;
    }

    /// <summary>
    /// Whether the task is recorded with exactly what <see cref="Record"/> would store for <paramref name="o"/> (an unreachable
    /// person's outcome fields and blank notes compared as they are stored): saving it again would change nothing.
    /// </summary>
    public bool Holds(FollowUpOutcome o) => IsDone && Normalized(o) == new FollowUpOutcome(Unreachable, StartedBusiness, VentureName,
        JoinedEntity, EntityId, AdoptedTechnique, IncomeChangePercent, Employed, Notes);

    /// <summary>The outcome as stored: nothing but the flag (and notes) for an unreachable person, names trimmed, blank notes none.</summary>
    private static FollowUpOutcome Normalized(FollowUpOutcome o)
    {
        var started = !o.Unreachable && o.StartedBusiness;
        var joined = !o.Unreachable && o.JoinedEntity;
        return new FollowUpOutcome(o.Unreachable, started, started ? o.VentureName?.Trim() : null, joined, joined ? o.EntityId : null,
            !o.Unreachable && o.AdoptedTechnique, o.Unreachable ? null : o.IncomeChangePercent, !o.Unreachable && o.Employed,
            string.IsNullOrWhiteSpace(o.Notes) ? null : o.Notes.Trim());
    }
}

/// <summary>What a clerk found out at a follow-up.</summary>
public sealed record FollowUpOutcome(bool Unreachable, bool StartedBusiness, string? VentureName, bool JoinedEntity, int? EntityId,
    bool AdoptedTechnique, decimal? IncomeChangePercent, bool Employed, string? Notes);
