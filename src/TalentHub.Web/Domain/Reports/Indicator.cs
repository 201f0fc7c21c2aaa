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
    /// Certificates issued in the period and not revoked, by the certificate's county. A reissue (补发) counts in the period of
    /// its own issue date and the revoked certificate it replaces no longer counts, so one completed place is one certificate
    /// at most (one valid certificate per enrollment), never two.
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
