using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Data;

/// <summary>The demo seeder's places obey the repeat rule (不得重复培训) whatever seed-data/courses.json lists.</summary>
public sealed class SeedPlacesTests
{
    private const int Person = 7, Other = 8;

    private static CourseFacts Course(int id, DateOnly startsOn, CourseStatus status = CourseStatus.EnrollmentOpen, bool subsidised = true,
        CourseLevel level = CourseLevel.Elementary, CourseCategory category = CourseCategory.ProfessionalSkill) =>
        new(id, status, default, default, startsOn, [], [], 16, null, null, subsidised, level, category);

    [Fact]
    public void ASecondSubsidisedPlaceInOneYear_IsLeftOut_AndTheSeatGoesToTheNextPerson()
    {
        var places = new SeedPlaces([]);
        Assert.Equal(EnrollmentStatus.Confirmed, places.Admit(Person, Course(1, new(2026, 6, 25)), "42期", placed: 0, capacity: 1));

        var december = Course(2, new(2026, 12, 1), CourseStatus.InProgress, level: CourseLevel.Intermediate, category: CourseCategory.SocialService);
        Assert.Null(places.Admit(Person, december, "41期", placed: 0, capacity: 1));
        Assert.Equal(EnrollmentStatus.Confirmed, places.Admit(Other, december, "41期", placed: 0, capacity: 1));
    }

    [Fact]
    public void PlacesAlreadyInTheDatabase_Count()
    {
        var places = new SeedPlaces(new() { [Person] = [new PastTraining(9, true, new(2026, 3, 1), CourseLevel.Advanced, CourseCategory.ProductionBusiness)] });

        Assert.Null(places.Admit(Person, Course(1, new(2026, 11, 1)), "x", 0, 30));
        Assert.Equal(EnrollmentStatus.Confirmed, places.Admit(Person, Course(2, new(2027, 1, 5)), "y", 0, 30));
    }

    [Fact]
    public void WaitlistedCancelledAndUnsubsidisedPlaces_DoNotCount_AndAreNotRefusedForAnUnsubsidisedCourse()
    {
        var places = new SeedPlaces([]);
        Assert.Equal(EnrollmentStatus.Waitlisted, places.Admit(Person, Course(1, new(2026, 12, 16)), "full", placed: 8, capacity: 8));
        Assert.Equal(EnrollmentStatus.CourseCancelled, places.Admit(Person, Course(2, new(2026, 12, 14), CourseStatus.Cancelled), "cancelled", 0, 20));
        Assert.Equal(EnrollmentStatus.Confirmed, places.Admit(Person, Course(3, new(2026, 9, 8), CourseStatus.Completed, subsidised: false), "county-funded", 0, 25));
        Assert.Equal(EnrollmentStatus.Confirmed, places.Admit(Person, Course(4, new(2026, 6, 25), CourseStatus.Completed), "42期", 0, 30));

        Assert.Equal(EnrollmentStatus.Confirmed, places.Admit(Person, Course(5, new(2026, 10, 1), subsidised: false), "another county-funded", 0, 25));
        Assert.Null(places.Admit(Person, Course(6, new(2026, 12, 1)), "41期", 0, 30));
    }

    [Fact]
    public void TheSameLevelAndCategory_WithinTwoYears_IsLeftOut()
    {
        var places = new SeedPlaces([]);
        places.Admit(Person, Course(1, new(2026, 6, 25)), "2026", 0, 30);

        Assert.Null(places.Admit(Person, Course(2, new(2027, 3, 1)), "2027, same level and category", 0, 30));
        Assert.Equal(EnrollmentStatus.Confirmed, places.Admit(Person, Course(3, new(2027, 3, 1), level: CourseLevel.Intermediate), "2027, another level", 0, 30));
    }
}
