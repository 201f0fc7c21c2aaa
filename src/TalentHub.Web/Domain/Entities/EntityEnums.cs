namespace TalentHub.Web.Domain.Entities;

public enum EntityType
{
    Cooperative,            // 农民专业合作社
    FamilyFarm,             // 家庭农场
    LeadingEnterprise,      // 农业产业化龙头企业
    ServiceOrganization,    // 农业社会化服务组织
}

public enum EntityStatus
{
    Draft,
    Submitted,
    Approved,
    Returned,
    Suspended,
    Deregistered,
}

public enum DemonstrationLevel
{
    National,
    Provincial,
    City,
    County,
}

public enum MemberRole
{
    Leader,
    Member,
    Employee,
    Trainee,
}
