namespace TalentHub.Web.Domain.Entities;

/// <summary>The four kinds of 新型农业经营主体 (new agricultural business entity). Cooperatives' credit codes start
/// with 93, family farms' with 92 or 91 (<see cref="BusinessEntity"/>). Stored by name (text, ≤ 32 chars): renaming a member changes stored data and needs a migration.</summary>
public enum EntityType
{
    /// <summary>农民专业合作社 (farmers' professional cooperative)</summary>
    Cooperative,
    /// <summary>家庭农场 (family farm)</summary>
    FamilyFarm,
    /// <summary>农业产业化龙头企业 (leading agricultural enterprise)</summary>
    LeadingEnterprise,
    /// <summary>农业社会化服务组织 (agricultural service organisation)</summary>
    ServiceOrganization,
}

/// <summary>
/// Registration status; the allowed moves are in <see cref="EntityLifecycle"/>, each recorded as an
/// <see cref="EntityStatusChange"/> (who, when, why). Stored by name (text, ≤ 32 chars): renaming a member changes stored data and needs a migration.
/// </summary>
public enum EntityStatus
{
    Draft,
    Submitted,
    /// <summary>Listed (在册): counts in the registry and the reports.</summary>
    Approved,
    /// <summary>Sent back to the clerk with reasons; may be submitted again.</summary>
    Returned,
    Suspended,
    /// <summary>Final: no move leaves this status.</summary>
    Deregistered,
}

/// <summary>The level of a demonstration rating (示范社 / 示范家庭农场 / 龙头企业), held with its year.</summary>
public enum DemonstrationLevel
{
    /// <summary>国家级</summary>
    National,
    /// <summary>省级</summary>
    Provincial,
    /// <summary>市级</summary>
    City,
    /// <summary>县级</summary>
    County,
}

/// <summary>How a registry person is linked to an entity (<see cref="EntityMember"/>).</summary>
public enum MemberRole
{
    Leader,
    Member,
    Employee,
    Trainee,
}
