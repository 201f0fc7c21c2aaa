using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Data;

public static partial class SeedData
{
    private static readonly CourseStatus[] StatusPath =
        [CourseStatus.Published, CourseStatus.EnrollmentOpen, CourseStatus.EnrollmentClosed, CourseStatus.InProgress, CourseStatus.Completed];

    /// <summary>
    /// Programs and courses; course days are relative to the seeding day so the demo is always current. A programme
    /// course joins the programme of the year it runs in (<see cref="EnrollmentFacts.StartsOn"/>, Asia/Shanghai), made
    /// from the programs.json row for that year's offset from the seeding year when it is not there yet. Each listed
    /// place goes through <see cref="SeedPlaces"/>: one the repeat rule refuses is left out (and logged).
    /// Throws <see cref="InvalidDataException"/> when programs.json has no row for a year a programme course runs in.
    /// </summary>
    private static async Task SeedTrainingAsync(IServiceProvider sp, TalentHubDbContext db)
    {
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToShanghai().DateTime);
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("TalentHub.Seed");
        var existing = (await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Select(c => c.Title).ToListAsync()).ToHashSet();
        var missing = Read<List<CourseRow>>("courses.json").Where(r => !existing.Contains(r.Title)).ToList();
        if (missing.Count == 0) return; // every start-up of a seeded app: nothing more is read

        var programs = await db.Programs.ToDictionaryAsync(p => p.Name);
        var templates = Read<List<ProgramRow>>("programs.json");
        var facts = sp.GetRequiredService<EnrollmentFacts>();
        var subsidised = (await facts.SubsidisedProgramsAsync(default)).ToHashSet();
        var places = new SeedPlaces(await facts.HistoriesAsync(subsidised, default));
        var hashes = sp.GetRequiredService<PersonalDataProtector>();
        var people = await db.People.IgnoreQueryFilters([RegionFilter.Name]).ToDictionaryAsync(p => p.IdNumberHash, p => p.Id);
        foreach (var row in missing)
        {
            DateTimeOffset At(int day, string time) => new(TimeZoneInfo.ConvertTimeToUtc(
                today.AddDays(day).ToDateTime(TimeOnly.Parse(time)), ShanghaiTime.Zone));
            var course = new Course
            {
                Title = row.Title,
                Category = Enum.Parse<CourseCategory>(row.Category), Topic = Enum.Parse<CourseTopic>(row.Topic),
                Level = Enum.Parse<CourseLevel>(row.Level), TraineeType = Enum.Parse<TraineeType>(row.TraineeType),
                Organiser = row.Organiser, TrainerUserName = row.Trainer, Venue = row.Venue, TotalHours = row.TotalHours,
                MinAge = row.MinAge, MaxAge = row.MaxAge, CreatedAt = now, UpdatedAt = now,
            };
            course.MoveTo(row.Region);
            course.SetContact(row.ContactName, row.ContactPhone);
            course.SetCapacity(row.Capacity);
            course.SetWindow(At(row.WindowOpensDay, "08:00"), At(row.WindowClosesDay, "20:00"));
            foreach (var s in row.Sessions)
                if (s.RunningNow) course.AddSession(now.AddMinutes(-10), now.AddHours(3), s.Topic, s.Trainer, s.Place, now);
                else course.AddSession(At(s.DayOffset, s.Start), At(s.DayOffset, s.End), s.Topic, s.Trainer, s.Place, now);
            var firstSession = course.Sessions.Select(s => (DateTimeOffset?)s.StartsAt).Min();
            if (row.InProgram)
            {
                var program = await ProgramOfYearAsync(db, programs, templates, EnrollmentFacts.StartsOn(firstSession, course.EnrollmentClosesAt).Year, today.Year);
                course.ProgramId = program.Id;
                if (program.RepeatRuleApplies) subsidised.Add(program.Id);
            }
            var target = Enum.Parse<CourseStatus>(row.Status);
            if (target == CourseStatus.Cancelled) course.MoveStatus(CourseStatus.Cancelled, now);
            else foreach (var step in StatusPath.TakeWhile(_ => course.Status != target)) course.MoveStatus(step, now);
            db.Courses.Add(course);
            await db.SaveChangesAsync();

            var courseFacts = EnrollmentFacts.FactsOf(course, firstSession, subsidised);
            var placed = 0;
            foreach (var idNumber in row.Enrolled)
            {
                var personId = people[hashes.Hash(idNumber)];
                if (places.Admit(personId, courseFacts, row.Title, placed, row.Capacity) is not { } status)
                {
                    log.LogWarning("Seed place on {Course} left out: person {PersonId} is already counted in a course the repeat rule forbids", row.Title, personId);
                    continue;
                }
                db.Enrollments.Add(new Enrollment
                {
                    CourseId = course.Id, PersonId = personId, EnrolledAt = At(row.WindowOpensDay, "09:00").AddMinutes(placed), Status = status,
                });
                placed++;
            }
            await db.SaveChangesAsync();
            await RecountSeatsAsync(db, course.Id);
        }
    }

    /// <summary>The programme of <paramref name="year"/>, created from its programs.json row (by offset from <paramref name="seedYear"/>) when missing.</summary>
    private static async Task<TrainingProgram> ProgramOfYearAsync(
        TalentHubDbContext db, Dictionary<string, TrainingProgram> programs, List<ProgramRow> templates, int year, int seedYear)
    {
        var row = templates.FirstOrDefault(t => t.YearOffset == year - seedYear)
            ?? throw new InvalidDataException($"seed-data/programs.json has no programme for {year} (yearOffset {year - seedYear})");
        var name = row.Name.Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (programs.TryGetValue(name, out var found)) return found;
        var program = new TrainingProgram { Name = name, Year = year, Budget = row.Budget, RepeatRuleApplies = row.RepeatRule };
        foreach (var (type, yuan) in row.Standards) program.SetStandard(Enum.Parse<TraineeType>(type), yuan);
        foreach (var (county, trainees) in row.Targets) program.SetTarget(county, trainees);
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        return programs[name] = program;
    }

    /// <summary>Sets the seat counter from the confirmed rows (seeding writes rows directly, not through the seat claim).</summary>
    internal static Task RecountSeatsAsync(TalentHubDbContext db, int courseId) =>
        db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Id == courseId).ExecuteUpdateAsync(s => s.SetProperty(
            c => c.ConfirmedCount,
            c => db.Enrollments.Count(e => e.CourseId == c.Id && e.Status == EnrollmentStatus.Confirmed)));

    /// <param name="Name">With "{year}" standing for the programme's year.</param>
    /// <param name="YearOffset">The programme's year minus the seeding year (Asia/Shanghai).</param>
    /// <param name="Budget">万元.</param>
    private sealed record ProgramRow(string Name, int YearOffset, decimal Budget, bool RepeatRule, Dictionary<string, decimal> Standards, Dictionary<string, int> Targets);
    /// <param name="RunningNow">The session is placed around the seeding instant (10 minutes before to 3 hours after) so check-in can be tried at once.</param>
    private sealed record SessionRow(int DayOffset, string Start, string End, string Topic, string? Trainer, string? Place, bool RunningNow = false);
    /// <param name="InProgram">The course belongs to the programme of the year it runs in; false for a county-funded course outside any programme.</param>
    private sealed record CourseRow(
        string Title, bool InProgram, string Category, string Topic, string Level, string TraineeType, string Organiser,
        string? Trainer, string Region, string? Venue, int Capacity, decimal TotalHours, int WindowOpensDay, int WindowClosesDay,
        string Status, int MinAge, int? MaxAge, List<SessionRow> Sessions, List<string> Enrolled,
        string? ContactName = null, string? ContactPhone = null);
}
