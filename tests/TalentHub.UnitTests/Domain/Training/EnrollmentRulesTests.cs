using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training;

public sealed class EnrollmentRulesTests
{
    private const string Anji = "330523000000";
    private const string Wuxing = "330502000000";
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly StartsOn = new(2027, 3, 20);

    private static CourseFacts Course(
        CourseStatus status = CourseStatus.EnrollmentOpen, string[]? counties = null, TalentCategory[]? targets = null,
        int minAge = 16, int? maxAge = null, EducationLevel? minEducation = null, bool subsidised = true,
        CourseLevel level = CourseLevel.Elementary, CourseCategory category = CourseCategory.ProfessionalSkill, DateOnly? startsOn = null) =>
        new(100, status, Now.AddDays(-1), Now.AddDays(10), startsOn ?? StartsOn, counties ?? [Anji], targets ?? [],
            minAge, maxAge, minEducation, subsidised, level, category);

    private static PersonFacts Person(string county = Anji, DateOnly? birth = null, EducationLevel? education = EducationLevel.SeniorHigh,
        params TalentCategory[] categories) =>
        new(7, county, birth ?? new DateOnly(1985, 6, 1), education, categories);

    private static IReadOnlyList<EnrollmentRefusal> Check(CourseFacts course, PersonFacts? person = null,
        IReadOnlyList<PastTraining>? history = null, bool already = false, DateTimeOffset? now = null) =>
        EnrollmentRules.Check(course, person ?? Person(), history ?? [], already, now ?? Now);

    [Fact]
    public void An_eligible_person_in_an_open_window_is_not_refused() => Assert.Empty(Check(Course()));

    [Theory]
    [InlineData(CourseStatus.Draft)]
    [InlineData(CourseStatus.Published)]
    [InlineData(CourseStatus.EnrollmentClosed)]
    [InlineData(CourseStatus.Cancelled)]
    public void A_course_not_taking_enrollments_refuses(CourseStatus status) =>
        Assert.Equal([EnrollmentRefusal.NotOpen], Check(Course(status)));

    [Fact]
    public void Before_the_window_opens_or_once_it_closes_is_outside_the_window()
    {
        Assert.Equal([EnrollmentRefusal.OutsideWindow], Check(Course(), now: Now.AddDays(-2)));
        Assert.Equal([EnrollmentRefusal.OutsideWindow], Check(Course(), now: Now.AddDays(10)));
        Assert.Empty(Check(Course(), now: Now.AddDays(10).AddTicks(-1)));
    }

    [Fact]
    public void Someone_already_enrolled_is_refused() =>
        Assert.Contains(EnrollmentRefusal.AlreadyEnrolled, Check(Course(), already: true));

    [Fact]
    public void A_resident_of_a_county_the_course_does_not_admit_is_refused()
    {
        Assert.Equal([EnrollmentRefusal.RegionNotEligible], Check(Course(), Person(Wuxing)));
        Assert.Empty(Check(Course(counties: [Anji, Wuxing]), Person(Wuxing)));
    }

    [Fact]
    public void A_course_for_some_talent_categories_refuses_people_in_none_of_them()
    {
        var course = Course(targets: [TalentCategory.HighQualityFarmer, TalentCategory.ReturningEntrepreneur]);

        Assert.Equal([EnrollmentRefusal.CategoryNotEligible], Check(course, Person(categories: TalentCategory.LocalTalent)));
        Assert.Empty(Check(course, Person(categories: [TalentCategory.LocalTalent, TalentCategory.ReturningEntrepreneur])));
    }

    [Fact]
    public void A_course_without_target_categories_admits_anyone() =>
        Assert.Empty(Check(Course(), Person(categories: TalentCategory.PracticalTalentLeader)));

    [Fact]
    public void Age_is_taken_on_the_first_day_of_the_course()
    {
        var course = Course(minAge: 18, maxAge: 55);

        Assert.Equal([EnrollmentRefusal.TooYoung], Check(course, Person(birth: StartsOn.AddYears(-18).AddDays(1))));
        Assert.Empty(Check(course, Person(birth: StartsOn.AddYears(-18))));
        Assert.Empty(Check(course, Person(birth: StartsOn.AddYears(-56).AddDays(1))));
        Assert.Equal([EnrollmentRefusal.TooOld], Check(course, Person(birth: StartsOn.AddYears(-56))));
    }

    [Fact]
    public void The_default_minimum_age_is_16()
    {
        Assert.Equal([EnrollmentRefusal.TooYoung], Check(Course(), Person(birth: StartsOn.AddYears(-15))));
        Assert.Empty(Check(Course(), Person(birth: StartsOn.AddYears(-16))));
    }

    [Fact]
    public void A_minimum_education_refuses_lower_or_unknown_education()
    {
        var course = Course(minEducation: EducationLevel.SeniorHigh);

        Assert.Equal([EnrollmentRefusal.EducationTooLow], Check(course, Person(education: EducationLevel.JuniorHigh)));
        Assert.Equal([EnrollmentRefusal.EducationTooLow], Check(course, Person(education: null)));
        Assert.Empty(Check(course, Person(education: EducationLevel.SeniorHigh)));
        Assert.Empty(Check(course, Person(education: EducationLevel.Bachelor)));
    }

    [Fact]
    public void Every_broken_rule_is_listed()
    {
        var course = Course(targets: [TalentCategory.HighQualityFarmer], minEducation: EducationLevel.College, maxAge: 30);

        var refusals = Check(course, Person(Wuxing, education: EducationLevel.Primary), already: true);

        Assert.Equal([EnrollmentRefusal.AlreadyEnrolled, EnrollmentRefusal.RegionNotEligible, EnrollmentRefusal.CategoryNotEligible,
            EnrollmentRefusal.TooOld, EnrollmentRefusal.EducationTooLow], refusals);
    }

    [Fact]
    public void A_subsidised_course_the_same_year_breaks_the_repeat_rule()
    {
        var past = new PastTraining(1, true, new DateOnly(2027, 1, 5), CourseLevel.Advanced, CourseCategory.SocialService);

        Assert.Equal([EnrollmentRefusal.RepeatRule], Check(Course(), history: [past]));
    }

    [Fact]
    public void The_same_level_and_type_within_two_years_breaks_the_repeat_rule()
    {
        var lastYear = new PastTraining(1, true, StartsOn.AddDays(-729), CourseLevel.Elementary, CourseCategory.ProfessionalSkill);
        var longAgo = new PastTraining(2, true, StartsOn.AddDays(-730), CourseLevel.Elementary, CourseCategory.ProfessionalSkill);

        Assert.True(EnrollmentRules.BreaksRepeatRule(Course(), [lastYear]));
        Assert.False(EnrollmentRules.BreaksRepeatRule(Course(), [longAgo]));
    }

    [Fact]
    public void A_different_level_or_type_last_year_is_fine()
    {
        var otherLevel = new PastTraining(1, true, new DateOnly(2026, 5, 1), CourseLevel.Intermediate, CourseCategory.ProfessionalSkill);
        var otherType = new PastTraining(2, true, new DateOnly(2026, 5, 1), CourseLevel.Elementary, CourseCategory.ProductionBusiness);

        Assert.False(EnrollmentRules.BreaksRepeatRule(Course(), [otherLevel, otherType]));
    }

    [Fact]
    public void Unsubsidised_courses_are_outside_the_repeat_rule_on_either_side()
    {
        var sameYear = new PastTraining(1, true, new DateOnly(2027, 1, 5), CourseLevel.Elementary, CourseCategory.ProfessionalSkill);
        var unsubsidisedPast = sameYear with { Subsidised = false };

        Assert.False(EnrollmentRules.BreaksRepeatRule(Course(subsidised: false), [sameYear]));
        Assert.False(EnrollmentRules.BreaksRepeatRule(Course(), [unsubsidisedPast]));
    }

    [Fact]
    public void The_course_itself_in_the_history_does_not_count()
    {
        var self = new PastTraining(100, true, StartsOn, CourseLevel.Elementary, CourseCategory.ProfessionalSkill);

        Assert.False(EnrollmentRules.BreaksRepeatRule(Course(), [self]));
    }

    [Theory]
    [InlineData(EnrollmentRefusal.RegionNotEligible, true)]
    [InlineData(EnrollmentRefusal.CategoryNotEligible, true)]
    [InlineData(EnrollmentRefusal.TooYoung, true)]
    [InlineData(EnrollmentRefusal.TooOld, true)]
    [InlineData(EnrollmentRefusal.EducationTooLow, true)]
    [InlineData(EnrollmentRefusal.RepeatRule, false)]
    [InlineData(EnrollmentRefusal.NotOpen, false)]
    [InlineData(EnrollmentRefusal.OutsideWindow, false)]
    [InlineData(EnrollmentRefusal.AlreadyEnrolled, false)]
    public void Staff_may_override_eligibility_but_never_the_repeat_rule(EnrollmentRefusal refusal, bool overridable) =>
        Assert.Equal(overridable, EnrollmentRules.IsOverridable(refusal));

    [Theory]
    [InlineData("1990-03-20", "2027-03-20", 37)]
    [InlineData("1990-03-21", "2027-03-20", 36)]
    [InlineData("2000-02-29", "2027-02-27", 26)]
    [InlineData("2000-02-29", "2027-02-28", 27)]
    public void Age_counts_whole_years(string birth, string day, int age) =>
        Assert.Equal(age, EnrollmentRules.AgeOn(DateOnly.Parse(birth), DateOnly.Parse(day)));
}
