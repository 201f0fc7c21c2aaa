namespace TalentHub.Web.Domain.People;

public enum TalentCategory
{
    LocalTalent,            // 乡土人才
    ReturningEntrepreneur,  // 返乡入乡创业人员
    HighQualityFarmer,      // 高素质农民
    ProfessionalManager,    // 农业职业经理人
    PracticalTalentLeader,  // 农村实用人才带头人
}

public enum LocalTalentType
{
    ProductionExpert,   // 生产能手
    BusinessExpert,     // 经营能手
    Craftsman,          // 能工巧匠
    CulturalTalent,     // 文化能人
    TechnicalExpert,    // 技术能手
}

public enum EntrepreneurOrigin
{
    MigrantWorker,      // 返乡农民工
    CollegeGraduate,    // 高校毕业生
    Veteran,            // 退役军人
    UrbanTalent,        // 入乡城市人才
    Other,
}

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

public enum IncomeBand
{
    Below50k,
    From50kTo100k,
    From100kTo200k,
    Above200k,
}
