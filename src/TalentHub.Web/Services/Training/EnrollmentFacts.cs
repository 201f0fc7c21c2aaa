using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Training;

/// <summary>Loads what the enrollment rules need, in a few small queries.</summary>
public sealed class EnrollmentFacts(TalentHubDbContext db)
{
    /// <summary>
    /// The facts for <see cref="EnrollmentRules.Check"/>, read across counties (the caller has checked the course is
    /// visible). Throws <see cref="DomainException"/> <c>Course.NotFound</c> for an unknown course.
    /// </summary>
    public async Task<(CourseFacts Course, PersonFacts Person, IReadOnlyList<PastTraining> History, bool AlreadyEnrolled)> LoadAsync(
        int courseId, int personId, CancellationToken ct)
    {
        var subsidisedPrograms = await SubsidisedProgramsAsync(ct);
        var course = await LoadCourseAsync(courseId, subsidisedPrograms, ct);
        var (person, history, active) = await LoadPersonAsync(personId, subsidisedPrograms, ct);
        return (course, person, history, active.Contains(courseId));
    }

    /// <summary>
    /// The course's side of the rules, read across counties (the caller has already checked the course is visible to the
    /// user; farmers see every county's catalog). Throws <see cref="DomainException"/> <c>Course.NotFound</c>.
    /// </summary>
    public async Task<CourseFacts> LoadCourseAsync(int courseId, IReadOnlySet<int> subsidisedPrograms, CancellationToken ct)
    {
        var course = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Include(c => c.Sessions)
            .FirstOrDefaultAsync(c => c.Id == courseId, ct) ?? throw new DomainException("Course.NotFound");
        return FactsOf(course, course.Sessions.Select(s => (DateTimeOffset?)s.StartsAt).Min(), subsidisedPrograms);
    }

    /// <summary>Programs whose courses count for the repeat rule (不得重复培训).</summary>
    public async Task<IReadOnlySet<int>> SubsidisedProgramsAsync(CancellationToken ct) =>
        (await db.Programs.Where(p => p.RepeatRuleApplies).Select(p => p.Id).ToListAsync(ct)).ToHashSet();

    /// <summary>
    /// One person's side of the rules, loaded once to check many courses (the catalog): the person, their counted
    /// training history and the ids of courses where they hold a confirmed or waitlisted place.
    /// </summary>
    public async Task<(PersonFacts Person, IReadOnlyList<PastTraining> History, IReadOnlySet<int> ActiveCourseIds)> LoadPersonAsync(
        int personId, IReadOnlySet<int> subsidisedPrograms, CancellationToken ct)
    {
        var person = await db.People.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Include(p => p.Categories)
            .FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw new DomainException("Person.NotFound");

        var history = await HistoryAsync(personId, subsidisedPrograms, ct);
        var active = await db.Enrollments.AsNoTracking()
            .Where(e => e.PersonId == personId && (e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Waitlisted))
            .Select(e => e.CourseId).ToListAsync(ct);
        return (
            new PersonFacts(person.Id, person.CountyCode, person.BirthDate, person.Education, person.Categories.Select(c => c.Category).ToList()),
            history, active.ToHashSet());
    }

    /// <summary>
    /// The person's counted training history for the repeat rule. Only real training counts
    /// (<see cref="EnrollmentRules.CountsAsTraining"/>): confirmed or completed places on courses that were not cancelled;
    /// never waitlisted, cancelled or course-cancelled ones.
    /// </summary>
    public async Task<IReadOnlyList<PastTraining>> HistoryAsync(int personId, IReadOnlySet<int> subsidisedPrograms, CancellationToken ct) =>
        (await CountedAsync(db.Enrollments.Where(e => e.PersonId == personId), subsidisedPrograms, ct)).Select(h => h.Training).ToList();

    /// <summary>
    /// Everyone's counted training history (as <see cref="HistoryAsync"/>), keyed by person id, in one query: for the
    /// demo seeder, which checks every place it adds against the places already there.
    /// </summary>
    public async Task<Dictionary<int, List<PastTraining>>> HistoriesAsync(IReadOnlySet<int> subsidisedPrograms, CancellationToken ct) =>
        (await CountedAsync(db.Enrollments, subsidisedPrograms, ct))
            .GroupBy(h => h.PersonId).ToDictionary(g => g.Key, g => g.Select(h => h.Training).ToList());

    private async Task<List<(int PersonId, PastTraining Training)>> CountedAsync(
        IQueryable<Enrollment> enrollments, IReadOnlySet<int> subsidisedPrograms, CancellationToken ct)
    {
        var history = await enrollments.AsNoTracking()
            .Where(e => e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Completed)
            .Join(db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Status != CourseStatus.Cancelled), e => e.CourseId, c => c.Id,
                (e, c) => new { e.PersonId, c.Id, c.Title, c.ProgramId, c.Level, c.Category, c.EnrollmentClosesAt, Start = c.Sessions.Min(s => (DateTimeOffset?)s.StartsAt) })
            .ToListAsync(ct);
        return history.Select(h => (h.PersonId, new PastTraining(h.Id, h.ProgramId is { } p && subsidisedPrograms.Contains(p),
            StartsOn(h.Start, h.EnrollmentClosesAt), h.Level, h.Category, h.Title))).ToList();
    }

    /// <summary>The course's side of the rules; <paramref name="firstSession"/> is the earliest session start (UTC), if any.</summary>
    public static CourseFacts FactsOf(Course course, DateTimeOffset? firstSession, IReadOnlySet<int> subsidisedPrograms) =>
        new(course.Id, course.Status, course.EnrollmentOpensAt, course.EnrollmentClosesAt, StartsOn(firstSession, course.EnrollmentClosesAt),
            course.Counties(), course.Targets(), course.MinAge, course.MaxAge, course.MinEducation,
            course.ProgramId is { } pid && subsidisedPrograms.Contains(pid), course.Level, course.Category);

    /// <summary>
    /// The day a course runs from, for the rules (its year is the repeat rule's year, and the seeder's programme year): the
    /// Asia/Shanghai date of <paramref name="firstSession"/>, the earliest session start, or of the enrollment window's
    /// close when the course has no session yet.
    /// </summary>
    public static DateOnly StartsOn(DateTimeOffset? firstSession, DateTimeOffset closes) =>
        DateOnly.FromDateTime((firstSession ?? closes).ToOffset(TimeSpan.FromHours(8)).DateTime);
}
