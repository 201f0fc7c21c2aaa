using TalentHub.Web.Domain.People;

namespace TalentHub.Web.Services.Reports;

/// <summary>The dashboard's filters beyond year and county (PRODUCT.md §7): one program, one course category.</summary>
public sealed record OutcomeFilter(int Year, int? ProgramId, Domain.Training.CourseCategory? Category);

/// <summary>One county's (or the city's, <see cref="County"/> null) training outcomes of a year; rates in percent (0–100), null when nothing to divide.</summary>
public sealed record OutcomeRow(string? County)
{
    /// <summary>Enrollments decided in the year (Completed or NotCompleted; cancelled and waitlisted are not counted).</summary>
    public int Decided { get; init; }
    public int Completed { get; init; }
    /// <summary>
    /// Certified places: the <see cref="Completed"/> enrollments of the year that hold a valid (not revoked) certificate. A reissue
    /// replaces the revoked certificate, whenever it was issued, so a trainee counts once and the rate stays within 100 %.
    /// </summary>
    public int Certificates { get; init; }
    public int Answers { get; init; }
    /// <summary>Survey answers rated 4 or 5 (<c>SurveyAnswer.SatisfiedFrom</c>).</summary>
    public int Satisfied { get; init; }
    /// <summary>Follow-ups recorded in the year; <see cref="Reached"/> of them not closed as unreachable.</summary>
    public int Recorded { get; init; }
    public int Reached { get; init; }
    public int StartedBusiness { get; init; }
    public int JoinedEntity { get; init; }
    public int AdoptedTechnique { get; init; }
    public int Employed { get; init; }
    /// <summary>Distinct people who completed, per talent category they hold.</summary>
    public IReadOnlyDictionary<TalentCategory, int> Talents { get; init; } = new Dictionary<TalentCategory, int>();

    public decimal? CompletionRate => Rate(Completed, Decided);
    public decimal? CertificationRate => Rate(Certificates, Completed);
    public decimal? SatisfactionRate => Rate(Satisfied, Answers);
    public decimal? StartedRate => Rate(StartedBusiness, Reached);
    public decimal? JoinedRate => Rate(JoinedEntity, Reached);
    public decimal? AdoptedRate => Rate(AdoptedTechnique, Reached);
    public decimal? EmployedRate => Rate(Employed, Reached);
    public decimal? UnreachableRate => Rate(Recorded - Reached, Recorded);

    /// <summary>Percent with one decimal; null when the denominator is 0.</summary>
    public static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);
}

/// <summary>
/// A program's spend per trainee (元) against its subsidy standard: the program's budget (万元 × 10 000) over the
/// people completed in its courses in the year, beside the standard weighted by the completions' trainee types
/// (PRODUCT.md §5). A program-level (city) figure: the budget is not divided among counties.
/// </summary>
public sealed record ProgramSpend(int ProgramId, string Name, decimal BudgetYuan, int Completed, decimal? SpendPerTrainee, decimal? Standard);

/// <summary>The outcome figures of the dashboard: the shown counties, the city as a whole, and spend per program.</summary>
public sealed record OutcomeFigures(IReadOnlyList<OutcomeRow> Shown, OutcomeRow City, IReadOnlyList<ProgramSpend> Spend)
{
    /// <summary>The instant (UTC) the figures were read from the records, when the caller noted it (a download states it, fix23).</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The target share of satisfied answers, in percent (PRODUCT.md §5: ≥ 95 %).</summary>
    public static readonly decimal SatisfactionLine = Domain.Training.SurveyAnswer.TargetSatisfiedShare * 100;
}
