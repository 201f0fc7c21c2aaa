using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Training;

/// <summary>Loads what the enrollment rules need, in a few small queries.</summary>
public sealed class EnrollmentFacts(TalentHubDbContext db)
{
    public async Task<(CourseFacts Course, PersonFacts Person, IReadOnlyList<PastTraining> History, bool AlreadyEnrolled)> LoadAsync(
        int courseId, int personId, CancellationToken ct)
    {
        // The caller has already checked the course is visible to the user; farmers see every county's catalog.
        var course = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Include(c => c.Sessions)
            .FirstOrDefaultAsync(c => c.Id == courseId, ct) ?? throw new DomainException("Course.NotFound");
        var person = await db.People.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Include(p => p.Categories)
            .FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw new DomainException("Person.NotFound");
        var subsidisedPrograms = await db.Programs.Where(p => p.RepeatRuleApplies).Select(p => p.Id).ToListAsync(ct);

        // Only real training counts (EnrollmentRules.CountsAsTraining): confirmed or completed places on
        // courses that were not cancelled; never waitlisted, cancelled or course-cancelled ones.
        var history = await db.Enrollments.AsNoTracking()
            .Where(e => e.PersonId == personId && (e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Completed))
            .Join(db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Status != CourseStatus.Cancelled), e => e.CourseId, c => c.Id,
                (e, c) => new { c.Id, c.Title, c.ProgramId, c.Level, c.Category, c.EnrollmentClosesAt, Start = c.Sessions.Min(s => (DateTimeOffset?)s.StartsAt) })
            .ToListAsync(ct);
        var alreadyEnrolled = await db.Enrollments.AnyAsync(e => e.CourseId == courseId && e.PersonId == personId
            && (e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Waitlisted), ct);

        return (
            new CourseFacts(course.Id, course.Status, course.EnrollmentOpensAt, course.EnrollmentClosesAt, StartsOn(course.Sessions.Select(s => (DateTimeOffset?)s.StartsAt).Min(), course.EnrollmentClosesAt),
                course.Counties(), course.Targets(), course.MinAge, course.MaxAge, course.MinEducation,
                course.ProgramId is { } pid && subsidisedPrograms.Contains(pid), course.Level, course.Category),
            new PersonFacts(person.Id, person.CountyCode, person.BirthDate, person.Education, person.Categories.Select(c => c.Category).ToList()),
            history.Select(h => new PastTraining(h.Id, h.ProgramId is { } p && subsidisedPrograms.Contains(p), StartsOn(h.Start, h.EnrollmentClosesAt), h.Level, h.Category, h.Title)).ToList(),
            alreadyEnrolled);
    }

    private static DateOnly StartsOn(DateTimeOffset? firstSession, DateTimeOffset closes) =>
        DateOnly.FromDateTime((firstSession ?? closes).ToOffset(TimeSpan.FromHours(8)).DateTime);
}
