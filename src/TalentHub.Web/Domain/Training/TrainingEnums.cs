namespace TalentHub.Web.Domain.Training;

/// <summary>A course's training category; reports group completion and follow-up rates by it.</summary>
public enum CourseCategory
{
    /// <summary>生产经营型 (production and business)</summary>
    ProductionBusiness,
    /// <summary>专业技能型 (professional skills)</summary>
    ProfessionalSkill,
    /// <summary>社会服务型 (social services)</summary>
    SocialService,
}

/// <summary>A course's subject area (PRODUCT.md §5), shown and filtered in the catalog.</summary>
public enum CourseTopic
{
    /// <summary>种植 (crop growing)</summary>
    Planting,
    /// <summary>养殖 (livestock and aquaculture)</summary>
    Livestock,
    /// <summary>农机 (farm machinery)</summary>
    Machinery,
    /// <summary>农村电商与直播 (rural e-commerce and live streaming)</summary>
    Ecommerce,
    /// <summary>乡村旅游 (rural tourism)</summary>
    RuralTourism,
    /// <summary>经营管理 (business management)</summary>
    Management,
    /// <summary>创业 (starting a business)</summary>
    Entrepreneurship,
}

/// <summary>
/// A course's level. With <see cref="CourseCategory"/> it keys the repeat rule (不得重复培训): not the same level
/// and category again within two years (<see cref="EnrollmentRules.RepeatRuleBlocker"/>).
/// </summary>
public enum CourseLevel
{
    /// <summary>初级</summary>
    Elementary,
    /// <summary>中级</summary>
    Intermediate,
    /// <summary>高级</summary>
    Advanced,
}

/// <summary>Trainee types of a program's subsidy standard.</summary>
public enum TraineeType
{
    /// <summary>经营管理型 (business management; e.g. ¥5,000 per trainee)</summary>
    BusinessManagement,
    /// <summary>专业生产型 (professional production; e.g. ¥1,000 per trainee)</summary>
    ProfessionalProduction,
    /// <summary>技能服务型 (skilled services)</summary>
    SkillService,
}

/// <summary>
/// Course lifecycle: Draft → Published → EnrollmentOpen → EnrollmentClosed → InProgress → Completed → Archived,
/// or Cancelled from any state before Completed (moves in <see cref="CourseLifecycle"/>). Stored by name (text, ≤ 32 chars): renaming a member changes stored data and needs a migration.
/// </summary>
public enum CourseStatus
{
    Draft,
    Published,
    EnrollmentOpen,
    EnrollmentClosed,
    InProgress,
    Completed,
    Archived,
    Cancelled,
}

/// <summary>A person's place on a course (报名). Stored by name (text, ≤ 32 chars): renaming a member changes stored data and needs a migration.</summary>
public enum EnrollmentStatus
{
    /// <summary>Holds a seat; counts against capacity and, for the repeat rule, as training.</summary>
    Confirmed,
    /// <summary>No seat yet; promoted in arrival order when a confirmed place is cancelled.</summary>
    Waitlisted,
    /// <summary>Given up by the person or cancelled by staff (or corrected on a closed roster, with a reason).</summary>
    Cancelled,
    /// <summary>Met the completion rule; a certificate (结业证书) is issued.</summary>
    Completed,
    /// <summary>Did not meet the completion rule; the reason is kept on the enrollment.</summary>
    NotCompleted,
    /// <summary>Ended because the course itself was cancelled; counts for nothing (issue 8, item 1).</summary>
    CourseCancelled,
}
