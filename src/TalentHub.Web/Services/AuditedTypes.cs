using System.Globalization;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services;

/// <summary>
/// How the audit page names one kind of audited record: its label, the resource prefix of its field labels,
/// fields whose label key does not follow <c>{FieldPrefix}.{Field}</c>, the enum behind each enum-valued field
/// (as the resource prefix of its value labels) and the page a record links to.
/// </summary>
/// <param name="Name">The <c>AuditEntry.EntityType</c> written for it (the CLR type name for interceptor entries).</param>
/// <param name="ClrType">The audited entity type, or null for entries written by hand (user accounts).</param>
/// <param name="LinkFormat">The record's page with <c>{0}</c> for its id, or null when it has none.</param>
/// <param name="IdEnumPrefix">
/// For a record whose id is an enum-like name (a role's security settings are keyed by the role), the resource prefix of its
/// labels ("Role" → "Role.CountyClerk"), so the page names it instead of showing the identifier; null for numeric ids.
/// </param>
public sealed record AuditedType(
    string Name,
    Type? ClrType,
    string FieldPrefix,
    IReadOnlyDictionary<string, string> FieldKeys,
    IReadOnlyDictionary<string, string> EnumPrefixes,
    string? LinkFormat,
    string? IdEnumPrefix = null)
{
    /// <summary>The resource key of the type's label, in both languages.</summary>
    public string LabelKey => $"Audit.Entity.{Name}";

    /// <summary>The record's page, or null when the type has none or the id is not a number.</summary>
    public string? LinkFor(string? id) =>
        LinkFormat is null || id is null || !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? null : string.Format(CultureInfo.InvariantCulture, LinkFormat, id);
}

/// <summary>
/// The one table of audited types (ARCHITECTURE.md "Audit types described once"). A new audited entity
/// adds one line here and its resource keys; <c>AuditedTypesTests</c> fails until every field and enum value
/// has a label in zh-CN and English.
/// </summary>
public static class AuditedTypes
{
    /// <summary>Enums whose value labels use a shorter resource prefix than the type name.</summary>
    private static readonly Dictionary<Type, string> EnumPrefixOverrides = new() { [typeof(EducationLevel)] = "Education" };

    public static readonly IReadOnlyList<AuditedType> All =
    [
        Describe<Person>("Person", "/People/{0}"),
        Describe<PersonCategory>("Person"),
        Describe<Venture>("Person.Venture", "/People/{0}"),
        Describe<BusinessEntity>("Entity", "/Entities/{0}"),
        Describe<EntityMember>("Entity"),
        Describe<EntityStatusChange>("Entity.History"),
        Describe<TrainingProgram>("Program", "/Programs/{0}/Edit", ("RepeatRuleApplies", "Program.RepeatRule")),
        Describe<Course>("Course", "/Courses/{0}", ("MinAttendanceShare", "Course.MinAttendance"), ("TrainerUserName", "Course.Trainer")),
        Describe<CourseSession>("Course.Session", null, ("CourseId", "Audit.Entity.Course"), ("StartsAt", "Course.Session.Start"),
            ("EndsAt", "Course.Session.End"), ("TrainerName", "Course.Session.Trainer")),
        Describe<Enrollment>("Roster", null, ("CourseId", "Audit.Entity.Course"), ("EnrolledByUserId", "Roster.EnrolledBy"),
            ("PromotedAt", "Roster.PromotedAtField")),
        Describe<AttendanceRecord>("Attendance", null, ("CourseId", "Audit.Entity.Course"), ("MarkedAt", "Attendance.MarkedAt")),
        Describe<Certificate>("Certificate", null, ("CourseId", "Certificate.Course"), ("CompletedAt", "Certificate.CompletedOn"),
            ("RevokedReason", "Certificate.RevokeReason"), ("ReissueOfId", "Certificate.ReissueOf")),
        Describe<SurveyAnswer>("Survey", null, ("CourseId", "Certificate.Course"), ("Rating", "Survey.Rating"), ("Comment", "Survey.Comment")),
        Describe<FollowUpTask>("FollowUp", "/FollowUps/{0}", ("CourseId", "Certificate.Course"), ("Months", "FollowUp.Milestone"),
            ("IncomeChangePercent", "FollowUp.IncomeChange"), ("RecordedBy", "FollowUp.RecordedByField")),
        Describe<AnnualTarget>("TargetField"),
        Describe<DispatchReport>("DispatchField"),
        Describe<TypicalExample>("Example", "/Reports/Examples/{0}"),
        new("User", null, "Users", new Dictionary<string, string>(), new Dictionary<string, string> { ["Role"] = "Role" }, null),
        new("ApiToken", null, "ApiTokens", new Dictionary<string, string>(), new Dictionary<string, string>(), "/Admin/ApiTokens"),
        new("RoleSecurity", null, "Security", new Dictionary<string, string>(), new Dictionary<string, string>(), null, IdEnumPrefix: "Role"),
        new("Job", null, "Jobs", new Dictionary<string, string>(), new Dictionary<string, string>(), null, IdEnumPrefix: "Jobs"),
        new("IndicatorSnapshot", null, "Indicator", new Dictionary<string, string>(), new Dictionary<string, string>(), null),
        // The audit log's own export (written by hand by the audit page).
        new("AuditEntry", null, "Audit", new Dictionary<string, string>(), new Dictionary<string, string>(), null),
    ];

    private static readonly Dictionary<string, AuditedType> ByName = All.ToDictionary(t => t.Name);

    /// <summary>
    /// Every <c>AuditEntry.EntityType</c> the app writes, sorted ordinally: the audit page's record-type choices and the
    /// values its type filter accepts (read from this table, not by a DISTINCT over the whole audit log per request; review10).
    /// </summary>
    public static readonly IReadOnlyList<string> Names = All.Select(t => t.Name).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The description of an <c>AuditEntry.EntityType</c>, or null for a type the table does not know.</summary>
    public static AuditedType? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The resource prefix of an enum's value labels (<c>CourseStatus.Published</c>).</summary>
    public static string EnumPrefix(Type enumType) => EnumPrefixOverrides.GetValueOrDefault(enumType, enumType.Name);

    private static AuditedType Describe<T>(string fieldPrefix, string? link = null, params (string Field, string Key)[] fieldKeys)
    {
        var enums = typeof(T).GetProperties()
            .Select(p => (p.Name, Type: Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
            .Where(p => p.Type.IsEnum)
            .ToDictionary(p => p.Name, p => EnumPrefix(p.Type));
        return new(typeof(T).Name, typeof(T), fieldPrefix, fieldKeys.ToDictionary(f => f.Field, f => f.Key), enums, link);
    }
}
