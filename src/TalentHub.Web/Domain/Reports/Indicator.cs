namespace TalentHub.Web.Domain.Reports;

/// <summary>
/// The annual indicators every county is judged by (PRODUCT.md §7). Counts are year-to-date in Asia/Shanghai
/// calendar years; <see cref="FollowUpRate"/> is a percentage (0–100).
/// </summary>
public enum Indicator
{
    /// <summary>People trained: enrollments decided Completed (结业), by the course's county.</summary>
    PeopleTrained,
    /// <summary>
    /// Certified places: completed places holding a valid (not revoked) certificate, by the certificate's county, counted in the
    /// period of the place's first certificate. A reissue (补发) replaces the revoked certificate and keeps its period, even when
    /// it is issued in a later month or year, so one completed place is one certification at most, never two and never again.
    /// </summary>
    CertificatesIssued,
    /// <summary>Returning entrepreneurs (返乡入乡创业人员) who completed a course: distinct people.</summary>
    ReturningEntrepreneursSupported,
    /// <summary>Family farms (家庭农场) first approved (listed) in the period.</summary>
    NewFamilyFarms,
    /// <summary>Farmer cooperatives (农民专业合作社) first approved (listed) in the period.</summary>
    NewCooperatives,
    /// <summary>Entities rated demonstration (示范) with a rating year equal to the period's year.</summary>
    DemonstrationEntitiesRated,
    /// <summary>Follow-ups recorded among those due so far in the period, in percent.</summary>
    FollowUpRate,
}

/// <summary>Facts about the indicators that do not depend on data.</summary>
public static class Indicators
{
    /// <summary>Every indicator in display order.</summary>
    public static readonly IReadOnlyList<Indicator> All = Enum.GetValues<Indicator>();

    /// <summary>A rate is judged against its target at any date; a count accumulates over the year.</summary>
    public static bool IsRate(this Indicator indicator) => indicator == Indicator.FollowUpRate;
}
