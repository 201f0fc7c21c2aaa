using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;

namespace TalentHub.Web.Data;

public static partial class SeedData
{
    private static readonly CourseStatus[] StatusPath =
        [CourseStatus.Published, CourseStatus.EnrollmentOpen, CourseStatus.EnrollmentClosed, CourseStatus.InProgress, CourseStatus.Completed];

    /// <summary>Programs and courses; course days are relative to the seeding day so the demo is always current.</summary>
    private static async Task SeedTrainingAsync(IServiceProvider sp, TalentHubDbContext db)
    {
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToShanghai().DateTime);
        var programs = await db.Programs.ToDictionaryAsync(p => p.Name);
        foreach (var row in Read<List<ProgramRow>>("programs.json").Where(r => !programs.ContainsKey(r.Name)))
        {
            var program = new TrainingProgram { Name = row.Name, Year = row.Year, Budget = row.Budget, RepeatRuleApplies = row.RepeatRule };
            foreach (var (type, yuan) in row.Standards) program.SetStandard(Enum.Parse<TraineeType>(type), yuan);
            foreach (var (county, trainees) in row.Targets) program.SetTarget(county, trainees);
            db.Programs.Add(program);
            programs[row.Name] = program;
        }
        await db.SaveChangesAsync();

        var existing = (await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Select(c => c.Title).ToListAsync()).ToHashSet();
        var hashes = sp.GetRequiredService<PersonalDataProtector>();
        var people = await db.People.IgnoreQueryFilters([RegionFilter.Name]).ToDictionaryAsync(p => p.IdNumberHash, p => p.Id);
        foreach (var row in Read<List<CourseRow>>("courses.json").Where(r => !existing.Contains(r.Title)))
        {
            DateTimeOffset At(int day, string time) => new(TimeZoneInfo.ConvertTimeToUtc(
                today.AddDays(day).ToDateTime(TimeOnly.Parse(time)), ShanghaiTime.Zone));
            var course = new Course
            {
                Title = row.Title, ProgramId = row.Program is null ? null : programs[row.Program].Id,
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
            var target = Enum.Parse<CourseStatus>(row.Status);
            if (target == CourseStatus.Cancelled) course.MoveStatus(CourseStatus.Cancelled, now);
            else foreach (var step in StatusPath.TakeWhile(_ => course.Status != target)) course.MoveStatus(step, now);
            db.Courses.Add(course);
            await db.SaveChangesAsync();

            var order = 0;
            foreach (var idNumber in row.Enrolled)
            {
                var personId = people[hashes.Hash(idNumber)];
                db.Enrollments.Add(new Enrollment
                {
                    CourseId = course.Id, PersonId = personId, EnrolledAt = At(row.WindowOpensDay, "09:00").AddMinutes(order),
                    Status = target == CourseStatus.Cancelled ? EnrollmentStatus.CourseCancelled
                        : order < row.Capacity ? EnrollmentStatus.Confirmed : EnrollmentStatus.Waitlisted,
                });
                order++;
            }
            await db.SaveChangesAsync();
            await RecountSeatsAsync(db, course.Id);
        }
    }

    /// <summary>Sets the seat counter from the confirmed rows (seeding writes rows directly, not through the seat claim).</summary>
    internal static Task RecountSeatsAsync(TalentHubDbContext db, int courseId) =>
        db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Id == courseId).ExecuteUpdateAsync(s => s.SetProperty(
            c => c.ConfirmedCount,
            c => db.Enrollments.Count(e => e.CourseId == c.Id && e.Status == EnrollmentStatus.Confirmed)));

    private sealed record ProgramRow(string Name, int Year, decimal Budget, bool RepeatRule, Dictionary<string, decimal> Standards, Dictionary<string, int> Targets);
    /// <param name="RunningNow">The session is placed around the seeding instant (10 minutes before to 3 hours after) so check-in can be tried at once.</param>
    private sealed record SessionRow(int DayOffset, string Start, string End, string Topic, string? Trainer, string? Place, bool RunningNow = false);
    private sealed record CourseRow(
        string Title, string? Program, string Category, string Topic, string Level, string TraineeType, string Organiser,
        string? Trainer, string Region, string? Venue, int Capacity, decimal TotalHours, int WindowOpensDay, int WindowClosesDay,
        string Status, int MinAge, int? MaxAge, List<SessionRow> Sessions, List<string> Enrolled,
        string? ContactName = null, string? ContactPhone = null);
}
