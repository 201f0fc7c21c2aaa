using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Data;

/// <summary>A fresh demo database seeded at 10:00 on 2 December 2026 (Asia/Shanghai): programme courses run in both 2026 and 2027.</summary>
public sealed class SeededInDecemberFactory : SeededOnFactory
{
    public SeededInDecemberFactory() : base(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(8))) { }
}

/// <summary>A fresh demo database seeded at 10:00 on 10 March 2027 (Asia/Shanghai): the completed courses ran in 2026.</summary>
public sealed class SeededInMarchFactory : SeededOnFactory
{
    public SeededInMarchFactory() : base(new DateTimeOffset(2027, 3, 10, 10, 0, 0, TimeSpan.FromHours(8))) { }
}

/// <summary>The real app, seeded on a fixed day by a clock that stands still, its jobs off; nothing else writes to it.</summary>
public abstract class SeededOnFactory(DateTimeOffset day) : TalentHubFactory
{
    protected override TimeProvider Clock { get; } = new FakeTimeProvider(day);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Quartz:Enabled"] = "false" };
}

/// <summary>
/// The demo data obeys the repeat rule (不得重复培训, PRODUCT.md §5) and the programme years, whatever day it is seeded on:
/// nobody is counted on two subsidised courses of one year (nor of one level and category within two years), and every
/// programme's courses run in that programme's year.
/// </summary>
public abstract class SeededPlacesTests(TalentHubFactory app)
{
    [Fact]
    public async Task NobodyIsCounted_OnTwoSubsidisedCoursesOfOneYear()
    {
        var counted = await CountedSubsidisedPlacesAsync();

        var twice = counted.GroupBy(p => (p.PersonId, p.Training.StartsOn.Year)).Where(g => g.Count() > 1)
            .Select(g => $"person {g.Key.PersonId} in {g.Key.Year}: {string.Join(", ", g.Select(p => p.Training.Title))}").ToList();
        Assert.True(counted.Count > 100, $"{counted.Count} counted places");
        Assert.True(twice.Count == 0, string.Join("; ", twice));
        var blocked = counted.Where(p => EnrollmentRules.RepeatRuleBlocker(Facts(p.Training),
            counted.Where(o => o.PersonId == p.PersonId).Select(o => o.Training).ToList()) is not null).Select(p => p.Training.Title).ToList();
        Assert.True(blocked.Count == 0, "the repeat rule refuses: " + string.Join(", ", blocked));
    }

    [Fact]
    public async Task EveryProgrammesCourses_RunInItsYear()
    {
        var courses = await app.QueryAsync(db => db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.ProgramId != null)
            .Join(db.Programs, c => c.ProgramId, p => p.Id, (c, p) => new
            {
                c.Title, p.Year, c.EnrollmentClosesAt, Start = c.Sessions.Min(s => (DateTimeOffset?)s.StartsAt),
            }).ToListAsync());

        var wrong = courses.Where(c => StartsOn(c.Start, c.EnrollmentClosesAt).Year != c.Year)
            .Select(c => $"{c.Title} ({c.Year}) runs from {StartsOn(c.Start, c.EnrollmentClosesAt)}").ToList();
        Assert.True(courses.Count > 30, $"{courses.Count} programme courses");
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    /// <summary>Confirmed or completed places on courses (not cancelled) of programmes under the repeat rule.</summary>
    private async Task<List<(int PersonId, PastTraining Training)>> CountedSubsidisedPlacesAsync()
    {
        var places = await app.QueryAsync(db => db.Enrollments
            .Where(e => e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Completed)
            .Join(db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Status != CourseStatus.Cancelled
                    && db.Programs.Any(p => p.Id == c.ProgramId && p.RepeatRuleApplies)),
                e => e.CourseId, c => c.Id, (e, c) => new
                {
                    e.PersonId, c.Id, c.Title, c.Level, c.Category, c.EnrollmentClosesAt, Start = c.Sessions.Min(s => (DateTimeOffset?)s.StartsAt),
                }).ToListAsync());
        return places.Select(p => (p.PersonId, new PastTraining(p.Id, true, StartsOn(p.Start, p.EnrollmentClosesAt), p.Level, p.Category, p.Title))).ToList();
    }

    /// <summary>The Asia/Shanghai day a course runs from: its first session's, else its window's close (as the enrollment rules count it).</summary>
    private static DateOnly StartsOn(DateTimeOffset? firstSession, DateTimeOffset closes) =>
        DateOnly.FromDateTime((firstSession ?? closes).ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static CourseFacts Facts(PastTraining t) => new(t.CourseId, CourseStatus.InProgress, default, default, t.StartsOn,
        [], [], 16, null, null, true, t.Level, t.Category);
}

/// <summary>Seeded on 2 December 2026.</summary>
public sealed class SeededInDecemberPlacesTests(SeededInDecemberFactory app) : SeededPlacesTests(app), IClassFixture<SeededInDecemberFactory>;

/// <summary>Seeded on 10 March 2027.</summary>
public sealed class SeededInMarchPlacesTests(SeededInMarchFactory app) : SeededPlacesTests(app), IClassFixture<SeededInMarchFactory>;
