namespace TalentHub.Web.Domain.Api;

/// <summary>
/// The resources a token may be granted, in menu order. A new resource adds its name here (and its labels
/// <c>ApiTokens.Resource.{name}</c>) beside its one endpoint file under <c>Api/V1</c>.
/// </summary>
public static class ApiResources
{
    public const string People = "people";
    public const string Entities = "entities";
    public const string Programs = "programs";
    public const string Courses = "courses";
    public const string Enrollments = "enrollments";
    public const string Attendance = "attendance";
    public const string Certificates = "certificates";
    public const string FollowUps = "followups";
    public const string Indicators = "indicators";

    public static readonly IReadOnlyList<string> All = [People, Entities, Programs, Courses, Enrollments, Attendance, Certificates, FollowUps, Indicators];
}
