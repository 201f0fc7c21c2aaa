namespace TalentHub.Web.Domain.Training;

public enum CourseCategory
{
    ProductionBusiness,     // 生产经营型
    ProfessionalSkill,      // 专业技能型
    SocialService,          // 社会服务型
}

public enum CourseTopic
{
    Planting,               // 种植
    Livestock,              // 养殖
    Machinery,              // 农机
    Ecommerce,              // 农村电商与直播
    RuralTourism,           // 乡村旅游
    Management,             // 经营管理
    Entrepreneurship,       // 创业
}

public enum CourseLevel
{
    Elementary,             // 初级
    Intermediate,           // 中级
    Advanced,               // 高级
}

/// <summary>Trainee types of a program's subsidy standard.</summary>
public enum TraineeType
{
    BusinessManagement,     // 经营管理型
    ProfessionalProduction, // 专业生产型
    SkillService,           // 技能服务型
}

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

public enum EnrollmentStatus
{
    Confirmed,
    Waitlisted,
    /// <summary>Given up by the person or cancelled by staff (or corrected on a closed roster, with a reason).</summary>
    Cancelled,
    Completed,
    NotCompleted,
    /// <summary>Ended because the course itself was cancelled; counts for nothing (issue 8, item 1).</summary>
    CourseCancelled,
}
