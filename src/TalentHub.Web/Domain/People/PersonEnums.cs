namespace TalentHub.Web.Domain.People;

/// <summary>
/// The talent categories of the registry (人才库); a person holds one or more (<see cref="PersonCategory"/>).
/// Stored by name (text, ≤ 32 chars): renaming a member changes stored data and needs a migration.
/// </summary>
public enum TalentCategory
{
    /// <summary>乡土人才 (local talent), with a <see cref="LocalTalentType"/></summary>
    LocalTalent,
    /// <summary>返乡入乡创业人员 (returning or incoming entrepreneur), with a <see cref="Venture"/></summary>
    ReturningEntrepreneur,
    /// <summary>高素质农民 (high-quality farmer): set by completing a subsidised program course</summary>
    HighQualityFarmer,
    /// <summary>农业职业经理人 (agricultural professional manager)</summary>
    ProfessionalManager,
    /// <summary>农村实用人才带头人 (rural practical-talent leader)</summary>
    PracticalTalentLeader,
}

/// <summary>Subtype of <see cref="TalentCategory.LocalTalent"/> (乡土人才).</summary>
public enum LocalTalentType
{
    /// <summary>生产能手 (production expert)</summary>
    ProductionExpert,
    /// <summary>经营能手 (business expert)</summary>
    BusinessExpert,
    /// <summary>能工巧匠 (craftsman)</summary>
    Craftsman,
    /// <summary>文化能人 (cultural talent)</summary>
    CulturalTalent,
    /// <summary>技术能手 (technical expert)</summary>
    TechnicalExpert,
}

/// <summary>Where a <see cref="TalentCategory.ReturningEntrepreneur"/> comes from.</summary>
public enum EntrepreneurOrigin
{
    /// <summary>返乡农民工 (returning migrant worker)</summary>
    MigrantWorker,
    /// <summary>高校毕业生 (college graduate)</summary>
    CollegeGraduate,
    /// <summary>退役军人 (veteran)</summary>
    Veteran,
    /// <summary>入乡城市人才 (urban talent moving to the countryside)</summary>
    UrbanTalent,
    Other,
}

/// <summary>Highest education completed, in ascending order: eligibility compares members (a course's
/// minimum education for manager courses), so keep the order.</summary>
public enum EducationLevel
{
    Primary,
    JuniorHigh,
    SeniorHigh,
    Vocational,
    College,
    Bachelor,
    Postgraduate,
}

/// <summary>Annual income band in 元 (yuan) per year; optional on a person. Import labels: 5万元以下 … 20万元以上.</summary>
public enum IncomeBand
{
    /// <summary>Below 50,000 元 (5万元以下).</summary>
    Below50k,
    /// <summary>50,000–100,000 元 (5万-10万元).</summary>
    From50kTo100k,
    /// <summary>100,000–200,000 元 (10万-20万元).</summary>
    From100kTo200k,
    /// <summary>Above 200,000 元 (20万元以上).</summary>
    Above200k,
}
