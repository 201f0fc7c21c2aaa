using TalentHub.Web.Domain.People;

namespace TalentHub.Web.Domain.Training;

/// <summary>
/// Why <see cref="EnrollmentRules.Check"/> refuses an enrollment; shown as the resource "Refusal.{member}". Staff
/// may override only those <see cref="EnrollmentRules.IsOverridable"/> accepts, with a written, audited reason.
/// </summary>
public enum EnrollmentRefusal
{
    /// <summary>The course is not in EnrollmentOpen.</summary>
    NotOpen,
    /// <summary>Before the enrollment window opens or at or after it closes.</summary>
    OutsideWindow,
    /// <summary>The person already holds a confirmed or waitlisted place on this course.</summary>
    AlreadyEnrolled,
    /// <summary>The person's county is not among the course's eligible counties.</summary>
    RegionNotEligible,
    /// <summary>The course targets talent categories the person holds none of.</summary>
    CategoryNotEligible,
    /// <summary>Younger than the course's minimum age (default 16) on its first day.</summary>
    TooYoung,
    /// <summary>Older than the course's maximum age (e.g. 55) on its first day.</summary>
    TooOld,
    /// <summary>Below the course's minimum education (manager courses), or education not recorded.</summary>
    EducationTooLow,
    /// <summary>不得重复培训 (no repeated training): see <see cref="EnrollmentRules.BreaksRepeatRule"/>; no override.</summary>
    RepeatRule,
}

/// <summary>What the rules need to know about the course being enrolled in.</summary>
public sealed record CourseFacts(
    int Id, CourseStatus Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateOnly StartsOn,
    IReadOnlyList<string> EligibleCounties, IReadOnlyList<TalentCategory> TargetCategories,
    int MinAge, int? MaxAge, EducationLevel? MinEducation,
    bool Subsidised, CourseLevel Level, CourseCategory Category);

/// <summary>What the rules need to know about the person: county code (12 digits), birth date, education, categories.</summary>
public sealed record PersonFacts(int Id, string CountyCode, DateOnly BirthDate, EducationLevel? Education, IReadOnlyList<TalentCategory> Categories);

/// <summary>
/// A course the person is (or was) counted in: a confirmed place (the course may be running) or a completed
/// one. Waitlisted, cancelled, course-cancelled and not-completed places are never training (see <see cref="CountsAsTraining"/>).
/// </summary>
public sealed record PastTraining(int CourseId, bool Subsidised, DateOnly StartsOn, CourseLevel Level, CourseCategory Category, string Title = "");

/// <summary>Who may enroll where, and why not. Pure: the caller loads the facts.</summary>
public static class EnrollmentRules
{
    /// <summary>Refusals staff may override with a written reason. The repeat rule is not among them.</summary>
    public static bool IsOverridable(EnrollmentRefusal refusal) => refusal is
        EnrollmentRefusal.RegionNotEligible or EnrollmentRefusal.CategoryNotEligible or
        EnrollmentRefusal.TooYoung or EnrollmentRefusal.TooOld or EnrollmentRefusal.EducationTooLow;

    /// <summary>
    /// The repeat rule counts real training only: a confirmed place (on a course that was not cancelled,
    /// whether it is upcoming or in progress) or a completed one. Rule source: issue 8, item 2.
    /// </summary>
    public static bool CountsAsTraining(EnrollmentStatus status, CourseStatus courseStatus) =>
        courseStatus != CourseStatus.Cancelled && status is EnrollmentStatus.Confirmed or EnrollmentStatus.Completed;

    /// <summary>
    /// Every reason the person may not enroll now (empty when they may), so the page can show them all at once.
    /// Age is counted on the course's first day; the window is [OpensAt, ClosesAt) in instants. Rule source: PRODUCT.md §5.
    /// </summary>
    public static IReadOnlyList<EnrollmentRefusal> Check(
        CourseFacts course, PersonFacts person, IReadOnlyList<PastTraining> history, bool alreadyEnrolled, DateTimeOffset now)
    {
        var refusals = new List<EnrollmentRefusal>();
        if (course.Status != CourseStatus.EnrollmentOpen) refusals.Add(EnrollmentRefusal.NotOpen);
        else if (now < course.OpensAt || now >= course.ClosesAt) refusals.Add(EnrollmentRefusal.OutsideWindow);
        if (alreadyEnrolled) refusals.Add(EnrollmentRefusal.AlreadyEnrolled);

        if (!course.EligibleCounties.Contains(person.CountyCode)) refusals.Add(EnrollmentRefusal.RegionNotEligible);
        if (course.TargetCategories.Count > 0 && !course.TargetCategories.Intersect(person.Categories).Any())
            refusals.Add(EnrollmentRefusal.CategoryNotEligible);
        var age = AgeOn(person.BirthDate, course.StartsOn);
        if (age < course.MinAge) refusals.Add(EnrollmentRefusal.TooYoung);
        if (course.MaxAge is { } max && age > max) refusals.Add(EnrollmentRefusal.TooOld);
        if (course.MinEducation is { } minimum && (person.Education is null || person.Education < minimum))
            refusals.Add(EnrollmentRefusal.EducationTooLow);

        if (BreaksRepeatRule(course, history)) refusals.Add(EnrollmentRefusal.RepeatRule);
        return refusals;
    }

    /// <summary>
    /// A person is counted in at most one subsidised course per year, and not again in the same level
    /// and type within two years.
    /// </summary>
    public static bool BreaksRepeatRule(CourseFacts course, IReadOnlyList<PastTraining> history) =>
        RepeatRuleBlocker(course, history) is not null;

    /// <summary>The earlier training that makes the repeat rule refuse, so staff can see which course to look at; null when none.</summary>
    public static PastTraining? RepeatRuleBlocker(CourseFacts course, IReadOnlyList<PastTraining> history)
    {
        if (!course.Subsidised) return null;
        return history.Where(h => h.CourseId != course.Id && h.Subsidised).FirstOrDefault(h =>
            h.StartsOn.Year == course.StartsOn.Year
            || (h.Level == course.Level && h.Category == course.Category
                && Math.Abs(h.StartsOn.DayNumber - course.StartsOn.DayNumber) < 730));
    }

    /// <summary>Age in whole years on <paramref name="day"/> (a birthday counts from that day; 29 February from 28 February in common years).</summary>
    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        if (day < birth.AddYears(age)) age--;
        return age;
    }
}
